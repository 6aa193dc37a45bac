import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dayToDate, todayWib } from "@/domain/day";
import { actorById } from "@/server/actors";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { approveRequest, createRequest } from "@/server/use-cases/requests";
import { submitStockReport } from "@/server/use-cases/stock";
import { actor } from "./supply-helpers";

// Plausible quantities (decision 0022) through the use cases, on hospitals of the test's own:
// a day's use against the tank and the beds and the hospital's history, a request and its
// approval against what the hospital can take in by its needed-by day.

const today = todayWib(new Date());
let staff: Actor;

/** A hospital with 100 beds (40 COVID, 5 ICU), its admin, and 7 days of reports before today. */
async function hospitalWith(name: string, tankCapacityKg: number, usedKg: number, latest?: { stockKg: number }) {
  const region = await prisma.region.findFirstOrThrow({ where: { parentId: { not: null } } });
  const h = await prisma.hospital.create({ data: { name, regionId: region.id, beds: 100, covidBeds: 40, icuBeds: 5, tankCapacityKg } });
  const user = await prisma.user.create({
    data: { email: `${name.replace(/\W/g, "").toLowerCase()}@uji.test`, name, passwordHash: "x", role: "HOSPITAL", hospitalId: h.id },
  });
  await prisma.stockReport.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      hospitalId: h.id,
      day: dayToDate(addDays(today, -7 + i)),
      stockKg: Math.round(tankCapacityKg / 2),
      usedKg,
      reportedAt: new Date(Date.now() - (7 - i) * 86_400_000),
    })),
  });
  if (latest) await prisma.stockReport.create({ data: { hospitalId: h.id, day: dayToDate(today), stockKg: latest.stockKg, usedKg, reportedAt: new Date() } });
  return { hospital: h, admin: (await actorById(user.id))! };
}

const report = (over: Record<string, unknown> = {}) => ({
  day: today,
  stockKg: "0,5",
  usedKg: "0,5",
  severePatients: "10",
  criticalPatients: "2",
  bedsOccupied: "50",
  ...over,
});

beforeAll(async () => {
  staff = await actor("staff@satgas.test");
});

describe("a day's use", () => {
  // 1 t tank: at most 3 t a day. Beds: 1.5 × (40 × 30 + 60 × 10) L/min = 5 264 kg/day.
  // History: 500 kg a day, so more than 1 500 kg is unusual.
  // Each test has a hospital of its own: they save reports and change the tank.
  let made = 0;
  const fresh = async () => {
    const m = await hospitalWith(`RS Uji Pemakaian ${++made}`, 1000, 500);
    return { rs: m.admin, hospitalId: m.hospital.id };
  };
  const saved = (hospitalId: string) => prisma.stockReport.findUnique({ where: { hospitalId_day: { hospitalId, day: dayToDate(today) } } });

  it("is refused above three tanks a day, with the amount as read and the limit", async () => {
    const { rs, hospitalId } = await fresh();
    const r = await submitStockReport(rs, report({ usedKg: "3,5" }));
    expect(r).toEqual({ ok: false, error: "invalid", fieldErrors: { usedKg: "use_over_tank" }, detail: { kg: 3500, limitKg: 3000, field: "usedKg" } });
    // kilograms typed as tonnes: read as 2 000 t, and shown so
    const slip = await submitStockReport(rs, report({ usedKg: "2.000" }));
    expect(slip).toMatchObject({ ok: false, fieldErrors: { usedKg: "use_over_tank" }, detail: { kg: 2_000_000, limitKg: 3000 } });
    // the same figure in the unit it was meant in is unusual, not impossible
    expect(await submitStockReport(rs, report({ unit: "KG", stockKg: "500", usedKg: "2.000" }))).toMatchObject({ ok: false, error: "confirm" });
    // a confirmation does not pass a hard limit
    expect(await submitStockReport(rs, report({ usedKg: "3,5", confirmUnusual: "1" }))).toMatchObject({ ok: false, fieldErrors: { usedKg: "use_over_tank" } });
    expect(await saved(hospitalId)).toBeNull();
  });

  it("a stock above the tank is refused with the stock as read and the tank's size; both errors at once", async () => {
    const { rs, hospitalId } = await fresh();
    expect(await submitStockReport(rs, report({ stockKg: "1,5" }))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { stockKg: "stock_over_tank" },
      detail: { kg: 1500, limitKg: 1000, field: "stockKg" },
    });
    const both = await submitStockReport(rs, report({ stockKg: "1,5", usedKg: "4" }));
    expect(both).toMatchObject({
      ok: false,
      fieldErrors: { stockKg: "stock_over_tank", usedKg: "use_over_tank" },
      detail: { kg: 1500, limitKg: 1000, field: "stockKg", also: [{ kg: 4000, limitKg: 3000, field: "usedKg" }] },
    });
    expect(await saved(hospitalId)).toBeNull();
  });

  it("above three times its history it asks for confirmation; confirmed, it is saved, held for review, and staff are told", async () => {
    const { rs, hospitalId } = await fresh();
    const asked = await submitStockReport(rs, report({ usedKg: "2" }));
    expect(asked).toEqual({ ok: false, error: "confirm", fieldErrors: { usedKg: "unusual_use" }, detail: { kg: 2000, limitKg: 1500, field: "usedKg" } });
    expect(await saved(hospitalId)).toBeNull();
    expect(await submitStockReport(rs, report({ usedKg: "1,5" }))).toMatchObject({ ok: true, value: { usedKg: 1500, flaggedForReview: false } });
    const confirmed = await submitStockReport(rs, report({ usedKg: "2", confirmUnusual: "1" }));
    expect(confirmed).toMatchObject({ ok: true, value: { usedKg: 2000, flaggedForReview: true } });
    expect(await prisma.notification.count({ where: { kind: "stock_flagged", role: "STAFF", hospitalId } })).toBe(1);
  });

  it("above what its beds could burn it is refused, when the beds are the lower ceiling", async () => {
    const { rs, hospitalId } = await fresh();
    await prisma.hospital.update({ where: { id: hospitalId }, data: { tankCapacityKg: 5000 } });
    const r = await submitStockReport(rs, report({ day: addDays(today, -8), usedKg: "5,3", confirmUnusual: "1" }));
    expect(r).toEqual({ ok: false, error: "invalid", fieldErrors: { usedKg: "use_over_beds" }, detail: { kg: 5300, limitKg: 5264, field: "usedKg" } });
    // no history before that day: 5.2 t is not unusual, only large
    expect(await submitStockReport(rs, report({ day: addDays(today, -8), usedKg: "5,2" }))).toMatchObject({ ok: true, value: { flaggedForReview: false } });
  });
});

describe("a request and its approval", () => {
  // 10 t tank with 6 t in it (floor 2 t): 4 t of room. Burn 2 t a day. Needed by today: one day.
  // Unusual above 4 t + 2 × 2 t = 8 t; impossible above 4 t + 5 264 kg (the beds' ceiling) = 9 264 kg.
  // (The tank burns a few grams a second while the test runs: the limits may be a kilogram more.)
  const form = (over: Record<string, unknown> = {}) => ({
    requestedKg: "8",
    neededBy: today,
    urgency: "URGENT",
    reason: "Pasien bertambah",
    idempotencyKey: `plaus-${Math.random()}`,
    ...over,
  });
  // Each test has a hospital of its own: the first counts the requests it made.
  let made = 0;
  const fresh = async () => (await hospitalWith(`RS Uji Permintaan ${++made}`, 10_000, 2000, { stockKg: 6000 })).admin;

  it("is refused beyond what the hospital can take in by its needed-by day, confirmed or not", async () => {
    const rs = await fresh();
    for (const confirmUnusual of ["", "1"]) {
      const r = await createRequest(rs, form({ requestedKg: "9,5", confirmUnusual }));
      expect(r).toMatchObject({ ok: false, error: "invalid", fieldErrors: { requestedKg: "request_impossible" }, detail: { kg: 9500, field: "requestedKg" } });
      if (!r.ok) {
        expect(r.detail!.limitKg).toBeGreaterThanOrEqual(9264);
        expect(r.detail!.limitKg).toBeLessThanOrEqual(9266);
      }
    }
    // 8 000 t typed for 8 000 kg
    expect(await createRequest(rs, form({ requestedKg: "8.000" }))).toMatchObject({
      ok: false,
      fieldErrors: { requestedKg: "request_impossible" },
      detail: { kg: 8_000_000 },
    });
    expect(await prisma.supplyRequest.count({ where: { hospitalId: rs.hospitalId! } })).toBe(0);
  });

  it("asks to confirm an amount far above its use by then; confirmed, it is saved", async () => {
    const rs = await fresh();
    const f = form({ requestedKg: "8,5" });
    const asked = await createRequest(rs, f);
    expect(asked).toMatchObject({ ok: false, error: "confirm", fieldErrors: { requestedKg: "request_unusual" }, detail: { kg: 8500, field: "requestedKg" } });
    if (!asked.ok) {
      expect(asked.detail!.limitKg).toBeGreaterThanOrEqual(8000);
      expect(asked.detail!.limitKg).toBeLessThanOrEqual(8002);
    }
    expect(await prisma.supplyRequest.count({ where: { hospitalId: rs.hospitalId! } })).toBe(0);
    expect(await createRequest(rs, form({ requestedKg: "8" }))).toMatchObject({ ok: true, value: { requestedKg: 8000 } });
    const confirmed = await createRequest(rs, { ...f, confirmUnusual: "1" });
    expect(confirmed).toMatchObject({ ok: true, value: { requestedKg: 8500, status: "SUBMITTED" } });
    // a resubmit of the same form is answered with the request already made, not judged again
    const again = await createRequest(rs, f);
    expect(again.ok && confirmed.ok && again.value.id === confirmed.value.id).toBe(true);
    // a later needed-by day leaves room for more
    expect(await createRequest(rs, form({ requestedKg: "12", neededBy: addDays(today, 2) }))).toMatchObject({ ok: true });
  });

  it("staff approving far above the hospital's need are asked to confirm; a partial approval within it is not", async () => {
    const rs = await fresh();
    const created = await createRequest(rs, form({ requestedKg: "8,5", confirmUnusual: "1" }));
    if (!created.ok) throw new Error("setup");
    const asked = await approveRequest(staff, { id: created.value.id, approvedKg: "8,5" });
    expect(asked).toMatchObject({ ok: false, error: "confirm", fieldErrors: { approvedKg: "approval_unusual" }, detail: { kg: 8500, field: "approvedKg" } });
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: created.value.id } })).status).toBe("SUBMITTED");
    expect(await approveRequest(staff, { id: created.value.id, approvedKg: "8,5", confirmUnusual: "1" })).toMatchObject({
      ok: true,
      value: { status: "APPROVED", approvedKg: 8500 },
    });

    const other = await createRequest(rs, form({ requestedKg: "8,5", confirmUnusual: "1" }));
    if (!other.ok) throw new Error("setup");
    expect(await approveRequest(staff, { id: other.value.id, approvedKg: "6", note: "Sesuai ruang tangki" })).toMatchObject({
      ok: true,
      value: { approvedKg: 6000, approvalNote: "Sesuai ruang tangki" },
    });
  });
});
