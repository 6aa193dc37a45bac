import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/domain/day";
import { today } from "@/server/clock";
import { prisma } from "@/server/db";
import { capacityScreen, complianceOf } from "@/server/queries/capacity";
import { savePriorityPeriod, setDailyTarget } from "@/server/use-cases/policy";
import { actors, auditOf } from "./supply-helpers";

let a: Awaited<ReturnType<typeof actors>>;
let province: string;
beforeAll(async () => {
  a = await actors();
  province = (await prisma.region.findUniqueOrThrow({ where: { code: "36" } })).id;
});

describe("policy", () => {
  it("an admin sets the daily target from a day; the same day again updates it", async () => {
    const r = await setDailyTarget(a.admin, { regionId: province, validFrom: "2020-01-01", dailyTarget: "2.750,5".replace(".", "") });
    expect(r).toMatchObject({ ok: true, value: { dailyTargetKg: 2_750_500 } });
    const r2 = await setDailyTarget(a.admin, { regionId: province, validFrom: "2020-01-01", dailyTarget: "3000" });
    expect(r2.ok).toBe(true);
    const rows = await prisma.policy.findMany({ where: { regionId: province, validFrom: new Date("2020-01-01T00:00:00Z") } });
    expect(rows).toHaveLength(1);
    expect(rows[0].dailyTargetKg).toBe(3_000_000);
    expect((await auditOf("Policy", rows[0].id)).map((e) => e.action)).toEqual(["policy.create", "policy.update"]);
    expect((await capacityScreen("2020-01-02")).targetKg).toBe(3_000_000);
  });

  it("validates the target and its region", async () => {
    expect(await setDailyTarget(a.admin, { regionId: province, validFrom: "", dailyTarget: "0" })).toMatchObject({
      ok: false,
      fieldErrors: { validFrom: "required", dailyTarget: "positive" },
    });
    const regency = await prisma.region.findUniqueOrThrow({ where: { code: "36.04" } });
    expect(await setDailyTarget(a.admin, { regionId: regency.id, validFrom: "2020-01-01", dailyTarget: "5" })).toMatchObject({
      ok: false,
      fieldErrors: { regionId: "invalid_choice" },
    });
    // a plan's day is a real day, not before the data begins, at most a year ahead
    expect(await setDailyTarget(a.admin, { regionId: province, validFrom: "2021-02-30", dailyTarget: "5" })).toMatchObject({
      ok: false,
      fieldErrors: { validFrom: "impossible_date" },
    });
    expect(await setDailyTarget(a.admin, { regionId: province, validFrom: "0001-01-01", dailyTarget: "5" })).toMatchObject({
      ok: false,
      fieldErrors: { validFrom: "day_too_early:2019-12-01" },
    });
    expect(await setDailyTarget(a.admin, { regionId: province, validFrom: addDays(today(), 367), dailyTarget: "5" })).toMatchObject({
      ok: false,
      fieldErrors: { validFrom: `day_too_late:${addDays(today(), 366)}` },
    });
    expect(await savePriorityPeriod(a.admin, { regionId: province, startsOn: "2021-08-01", endsOn: "2121-08-31", minMedicalSharePct: "50" })).toMatchObject({
      ok: false,
      fieldErrors: { endsOn: `day_too_late:${addDays(today(), 366)}` },
    });
    // and the target is read in the form's language
    expect(await setDailyTarget(a.admin, { regionId: province, validFrom: "2020-02-01", dailyTarget: "2.500.5" })).toMatchObject({
      ok: false,
      fieldErrors: { dailyTarget: "invalid_format" },
    });
    expect(await setDailyTarget(a.admin, { regionId: province, validFrom: "2020-02-01", dailyTarget: "2,500.5" })).toMatchObject({
      ok: false,
      fieldErrors: { dailyTarget: "ambiguous_number:2.500,5" },
    });
  });

  it("only ADMIN may change the policy", async () => {
    for (const who of [a.staff, a.official, a.hospital]) {
      expect(await setDailyTarget(who, { regionId: province, validFrom: "2020-01-01", dailyTarget: "1" })).toEqual({ ok: false, error: "forbidden" });
      expect(await savePriorityPeriod(who, { regionId: province, startsOn: "2020-01-01", endsOn: "2020-01-31", minMedicalSharePct: "60" })).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
  });

  it("creates and edits a medical-priority period; the capacity screen judges producers by it", async () => {
    const r = await savePriorityPeriod(a.admin, {
      regionId: province,
      startsOn: "2020-06-01",
      endsOn: "2020-06-30",
      minMedicalSharePct: "60",
      note: "Ingub 2020",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    const p = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true } });
    await prisma.dailyCapacity.create({
      data: { supplierId: p.id, day: new Date("2020-06-10T00:00:00Z"), producedKg: 1000, medicalKg: 550, industrialKg: 450 },
    });
    const row = (await capacityScreen("2020-06-10")).rows.find((x) => x.supplierId === p.id)!;
    expect(complianceOf(row, "2020-06-10")).toMatchObject({ status: "below", requiredPct: 60 });
    const edit = await savePriorityPeriod(a.admin, {
      id: r.value.id,
      regionId: province,
      startsOn: "2020-06-01",
      endsOn: "2020-06-30",
      minMedicalSharePct: "50",
      note: "",
    });
    expect(edit.ok).toBe(true);
    expect(
      complianceOf(
        (await capacityScreen("2020-06-10")).rows.find((x) => x.supplierId === p.id)!,
        "2020-06-10",
      ),
    ).toMatchObject({ status: "meets", requiredPct: 50 });
    expect((await auditOf("MedicalPriorityPeriod", r.value.id)).map((e) => e.action)).toEqual(["priority.create", "priority.update"]);
  });

  it("refuses a period ending before it starts, or an impossible share", async () => {
    const r = await savePriorityPeriod(a.admin, { regionId: province, startsOn: "2020-07-10", endsOn: "2020-07-01", minMedicalSharePct: "101" });
    expect(r).toMatchObject({ ok: false, error: "invalid", fieldErrors: { minMedicalSharePct: "too_big" } });
    const r2 = await savePriorityPeriod(a.admin, { regionId: province, startsOn: "2020-07-10", endsOn: "2020-07-01", minMedicalSharePct: "50" });
    expect(r2).toMatchObject({ ok: false, fieldErrors: { endsOn: "date_order" } });
  });
});
