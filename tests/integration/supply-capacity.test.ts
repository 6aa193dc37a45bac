import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dayToDate } from "@/domain/day";
import { today } from "@/server/clock";
import { prisma } from "@/server/db";
import { capacityForExport, capacityScreen } from "@/server/queries/capacity";
import { importCapacityCsv, saveCapacityDay } from "@/server/use-cases/capacity";
import { actors, auditOf } from "./supply-helpers";

let a: Awaited<ReturnType<typeof actors>>;
let producers: { id: string; name: string }[];
beforeAll(async () => {
  a = await actors();
  producers = await prisma.supplier.findMany({ where: { kind: "PRODUCER", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
});

const DAY = "2021-03-10";

describe("daily capacity", () => {
  it("shows every active producer on a day, with the policy in force", async () => {
    const screen = await capacityScreen("2021-07-26");
    expect(screen.rows.map((r) => r.supplierId).sort()).toEqual(producers.map((p) => p.id).sort());
    expect(screen.totals.producedKg).toBe(1_500_000);
    expect(screen.targetKg).toBe(2_500_000);
    expect(screen.provincePolicy?.minMedicalSharePct).toBe(50);
    expect(screen.rows.every((r) => r.producedKg !== null && r.periods.length === 1)).toBe(true);
  });

  it("saves tonnes with decimals as kilograms, skipping blank rows, with audit", async () => {
    const [p1, p2] = producers;
    const r = await saveCapacityDay(a.staff, {
      day: DAY,
      rows: [
        { supplierId: p1.id, produced: "312,5", medical: "200,25", industrial: "112,25" },
        { supplierId: p2.id, produced: "", medical: "", industrial: "" },
      ],
    });
    expect(r).toEqual({ ok: true, value: { saved: 1, changed: 1 } });
    const row = await prisma.dailyCapacity.findUniqueOrThrow({ where: { supplierId_day: { supplierId: p1.id, day: dayToDate(DAY) } } });
    expect(row).toMatchObject({ producedKg: 312_500, medicalKg: 200_250, industrialKg: 112_250, updatedById: a.staff.id });
    expect(await auditOf("DailyCapacity", row.id)).toHaveLength(1);
  });

  it("reads figures in the form's language and refuses, with the right spelling, what only the other language reads", async () => {
    const [p1] = producers;
    const day = "2021-03-20";
    const save = (row: Record<string, string>, locale?: string) =>
      saveCapacityDay(a.staff, { day, rows: [{ supplierId: p1.id, ...row }], ...(locale ? { locale } : {}) });
    // Indonesian (the default): "1.500" is one thousand five hundred, "1,5" one and a half
    expect(await save({ produced: "1.500", medical: "1.498,5", industrial: "1,5" })).toMatchObject({ ok: true });
    expect(await prisma.dailyCapacity.findUniqueOrThrow({ where: { supplierId_day: { supplierId: p1.id, day: dayToDate(day) } } })).toMatchObject({
      producedKg: 1_500_000,
      medicalKg: 1_498_500,
      industrialKg: 1_500,
    });
    // English: the reverse
    expect(await save({ produced: "1,500", medical: "1,498.5", industrial: "1.5" }, "en")).toMatchObject({ ok: true });
    expect(await prisma.dailyCapacity.findUniqueOrThrow({ where: { supplierId_day: { supplierId: p1.id, day: dayToDate(day) } } })).toMatchObject({
      producedKg: 1_500_000,
      medicalKg: 1_498_500,
      industrialKg: 1_500,
    });
    // an English habit on an Indonesian form is refused, with how it would be written
    expect(await save({ produced: "1,500.5", medical: "1.5", industrial: "1,2345" })).toMatchObject({
      ok: false,
      fieldErrors: {
        [`produced.${p1.id}`]: "ambiguous_number:1.500,5",
        [`medical.${p1.id}`]: "ambiguous_number:1,5",
        [`industrial.${p1.id}`]: "too_many_decimals:3",
      },
    });
    expect(await save({ produced: "1.500,5", medical: "2,5", industrial: "1" }, "en")).toMatchObject({
      ok: false,
      fieldErrors: { [`produced.${p1.id}`]: "ambiguous_number:1,500.5", [`medical.${p1.id}`]: "ambiguous_number:2.5" },
    });
  });

  it("editing a day updates the row, never duplicates it", async () => {
    const [p1] = producers;
    const day = "2021-03-12"; // its own day: the figures it edits are the ones it saved first
    expect(await saveCapacityDay(a.staff, { day, rows: [{ supplierId: p1.id, produced: "312,5", medical: "200,25", industrial: "112,25" }] })).toMatchObject({
      ok: true,
    });
    const r = await saveCapacityDay(a.admin, { day, rows: [{ supplierId: p1.id, produced: "300", medical: "200", industrial: "100" }] });
    expect(r.ok).toBe(true);
    const rows = await prisma.dailyCapacity.findMany({ where: { supplierId: p1.id, day: dayToDate(day) } });
    expect(rows).toHaveLength(1);
    expect(rows[0].producedKg).toBe(300_000);
    const events = await auditOf("DailyCapacity", rows[0].id);
    expect(events.at(-1)).toMatchObject({ action: "capacity.update", before: { producedKg: 312_500 }, after: { producedKg: 300_000 } });
    // the same figures again change nothing and record nothing
    await saveCapacityDay(a.admin, { day, rows: [{ supplierId: p1.id, produced: "300", medical: "200", industrial: "100" }] });
    expect(await auditOf("DailyCapacity", rows[0].id)).toHaveLength(events.length);
  });

  it("returns field errors per producer and writes nothing when any row is wrong", async () => {
    const [p1, p2, p3] = producers;
    const r = await saveCapacityDay(a.staff, {
      day: "2021-03-11",
      rows: [
        { supplierId: p1.id, produced: "10", medical: "5", industrial: "5" },
        { supplierId: p2.id, produced: "10", medical: "6", industrial: "5" },
        { supplierId: p3.id, produced: "-1", medical: "abc", industrial: "" },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error("unreachable: asserted refused above");
    expect(r.error).toBe("invalid");
    expect(r.fieldErrors).toEqual({
      [`medical.${p2.id}`]: "split_mismatch",
      [`produced.${p3.id}`]: "not_negative",
      [`medical.${p3.id}`]: "invalid_format",
    });
    expect(await prisma.dailyCapacity.count({ where: { day: dayToDate("2021-03-11") } })).toBe(0);
    expect(await saveCapacityDay(a.staff, { day: "2021-02-30", rows: [] })).toMatchObject({ ok: false, fieldErrors: { day: "impossible_date" } });
    expect(await saveCapacityDay(a.staff, { day: "0001-01-01", rows: [] })).toMatchObject({ ok: false, fieldErrors: { day: "day_too_early:2019-12-01" } });
    expect(await saveCapacityDay(a.staff, { day: addDays(today(), 2), rows: [] })).toMatchObject({
      ok: false,
      fieldErrors: { day: `day_too_late:${addDays(today(), 1)}` },
    });
    expect(await saveCapacityDay(a.staff, { day: addDays(today(), 1), rows: [] })).toMatchObject({ ok: true });
  });

  it("derives industrial as produced minus medical when it is left out, as the form shows it", async () => {
    const [p1, p2] = producers;
    const day = "2021-03-13";
    const r = await saveCapacityDay(a.staff, {
      day,
      rows: [
        { supplierId: p1.id, produced: "120,5", medical: "80,25" }, // the form sends no industrial
        { supplierId: p2.id, produced: "50", medical: "50", industrial: "" },
      ],
    });
    expect(r).toEqual({ ok: true, value: { saved: 2, changed: 2 } });
    const row = (supplierId: string) => prisma.dailyCapacity.findUniqueOrThrow({ where: { supplierId_day: { supplierId, day: dayToDate(day) } } });
    expect(await row(p1.id)).toMatchObject({ producedKg: 120_500, medicalKg: 80_250, industrialKg: 40_250 });
    expect(await row(p2.id)).toMatchObject({ producedKg: 50_000, medicalKg: 50_000, industrialKg: 0 });
    // more medical than produced leaves nothing for industry: refused on medical, nothing written
    const over = await saveCapacityDay(a.staff, { day, rows: [{ supplierId: p1.id, produced: "10", medical: "10,001" }] });
    expect(over).toMatchObject({ ok: false, error: "invalid", fieldErrors: { [`medical.${p1.id}`]: "medical_over_produced" } });
    expect(await row(p1.id)).toMatchObject({ producedKg: 120_500 });
    // a typed industrial (a CSV row, an API client) must still agree with the other two
    expect(await saveCapacityDay(a.staff, { day, rows: [{ supplierId: p1.id, produced: "10", medical: "6", industrial: "5" }] })).toMatchObject({
      ok: false,
      fieldErrors: { [`medical.${p1.id}`]: "split_mismatch" },
    });
  });

  it("refuses a distributor or an inactive producer", async () => {
    const dist = await prisma.supplier.findFirstOrThrow({ where: { kind: "DISTRIBUTOR" } });
    const r = await saveCapacityDay(a.staff, { day: DAY, rows: [{ supplierId: dist.id, produced: "1", medical: "1", industrial: "0" }] });
    expect(r).toMatchObject({ ok: false, fieldErrors: { [`produced.${dist.id}`]: "invalid_choice" } });
  });

  it("refuses officials and hospital admins", async () => {
    const rows = [{ supplierId: producers[0].id, produced: "1", medical: "1", industrial: "0" }];
    expect(await saveCapacityDay(a.official, { day: DAY, rows })).toEqual({ ok: false, error: "forbidden" });
    expect(await saveCapacityDay(a.hospital, { day: DAY, rows })).toEqual({ ok: false, error: "forbidden" });
    expect(await importCapacityCsv(a.official, { csv: "day,supplier,produced_t,medical_t,industrial_t\n" })).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("capacity CSV", () => {
  const header = "day,supplier,produced_t,medical_t,industrial_t";

  it("imports valid rows by name or id (upserting) and exports them back", async () => {
    const [p1, p2] = producers;
    const csv = [header, `2021-04-01,"${p1.name}",100.5,60.5,40`, `2021-04-01,${p2.id},50,25,25`, "", `2021-04-02,${p1.name.toLowerCase()},10,10,0`].join(
      "\r\n",
    );
    const r = await importCapacityCsv(a.staff, { csv });
    expect(r).toEqual({ ok: true, value: { imported: 3, changed: 3 } });
    const again = await importCapacityCsv(a.staff, { csv });
    expect(again).toEqual({ ok: true, value: { imported: 3, changed: 0 } });
    expect(await prisma.dailyCapacity.count({ where: { day: { in: [dayToDate("2021-04-01"), dayToDate("2021-04-02")] } } })).toBe(3);
    const out = await capacityForExport("2021-04-01", "2021-04-02");
    expect(out).toHaveLength(3);
    expect(out.find((x) => x.supplier === p1.name && x.day === "2021-04-01")).toMatchObject({ producedKg: 100_500, medicalKg: 60_500, industrialKg: 40_000 });
  });

  it("imports nothing and reports each bad line when any row is invalid", async () => {
    const [p1] = producers;
    const csv = [
      header,
      `2021-05-01,${p1.name},10,5,5`,
      `2021-13-01,${p1.name},10,5,5`,
      `2021-05-02,Nobody Ltd,10,5,5`,
      `2021-05-03,${p1.name},10,6,5`,
      `2021-05-01,${p1.name},10,5,5`,
      `2021-05-04,${p1.name}`,
    ].join("\n");
    const r = await importCapacityCsv(a.staff, { csv });
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error("unreachable: asserted refused above");
    expect(r.error).toBe("csv_invalid");
    expect(r.fieldErrors).toEqual({ "line.3": "day", "line.4": "supplier", "line.5": "split", "line.6": "duplicate", "line.7": "columns" });
    expect(await prisma.dailyCapacity.count({ where: { day: { gte: dayToDate("2021-05-01"), lte: dayToDate("2021-05-04") } } })).toBe(0);
  });

  it("rejects a wrong header or an empty file", async () => {
    expect(await importCapacityCsv(a.staff, { csv: "" })).toMatchObject({ ok: false, fieldErrors: { "line.1": "empty" } });
    expect(await importCapacityCsv(a.staff, { csv: "a,b,c\n1,2,3" })).toMatchObject({ ok: false, fieldErrors: { "line.1": "header" } });
  });
});
