import { unusableFloorKg } from "@/domain/stock";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dayToDate, todayWib } from "@/domain/day";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { listNotifications } from "@/server/queries/notifications";
import { markNotificationsRead, notifyStaleHospitals } from "@/server/use-cases/notifications";
import { confirmStockReview, submitStockReport } from "@/server/use-cases/stock";
import { hospitalSupply } from "@/server/queries/dashboard-hospitals";
import { actor, auditOf } from "./supply-helpers";

let staff: Actor, admin: Actor, official: Actor, rs1: Actor, rs2: Actor;
beforeAll(async () => {
  [staff, admin, official, rs1, rs2] = await Promise.all(
    ["staff@satgas.test", "admin@satgas.test", "official@satgas.test", "rs1@satgas.test", "rs2@satgas.test"].map(actor),
  );
});

const today = todayWib(new Date());
const report = (over: Record<string, unknown> = {}) => ({
  day: today,
  stockKg: "6",
  usedKg: "2",
  severePatients: "40",
  criticalPatients: "8",
  bedsOccupied: "250",
  ...over,
});

describe("daily stock report", () => {
  it("saves the own hospital's report in kg (whatever hospital id is sent), once per day", async () => {
    // yesterday: no other test reports that day (today's report is the stale-notice test's)
    const day = addDays(today, -1);
    const rs2Today = { hospitalId_day: { hospitalId: rs2.hospitalId!, day: dayToDate(day) } };
    const rs2Before = await prisma.stockReport.findUnique({ where: rs2Today });
    const first = await submitStockReport(rs1, { ...report({ day }), hospitalId: rs2.hospitalId });
    expect(first).toMatchObject({ ok: true, value: { hospitalId: rs1.hospitalId, stockKg: 6000, usedKg: 2000, severePatients: 40, reportedById: rs1.id } });
    const again = await submitStockReport(rs1, report({ day, stockKg: "5,5" }));
    expect(again).toMatchObject({ ok: true, value: { stockKg: 5500 } });
    if (!first.ok || !again.ok) throw new Error("both reports were saved (asserted above)");
    expect(again.value.id).toBe(first.value.id);
    expect(await prisma.stockReport.count({ where: { hospitalId: rs1.hospitalId!, day: dayToDate(day) } })).toBe(1);
    expect((await auditOf("StockReport", first.value.id)).map((e) => e.action)).toEqual(["stock.report", "stock.update"]);
    // rs2's own report of the day (another test may have made one) is untouched
    expect(await prisma.stockReport.findUnique({ where: rs2Today })).toEqual(rs2Before);
  });

  it("takes the same report again as already saved: no write, no second audit event", async () => {
    // two days back: no other test reports that day
    const day = addDays(today, -2);
    const first = await submitStockReport(rs1, report({ day, stockKg: "4,2" }));
    if (!first.ok) throw new Error(`saved: ${first.error}`);
    const again = await submitStockReport(rs1, report({ day, stockKg: "4,2" }));
    expect(again).toMatchObject({ ok: true, value: { id: first.value.id, stockKg: 4200, reportedAt: first.value.reportedAt } });
    expect((await auditOf("StockReport", first.value.id)).map((e) => e.action)).toEqual(["stock.report"]);
    // the same figures typed in English are the same report; another figure is an update
    expect(await submitStockReport(rs1, { ...report({ day, stockKg: "4.2" }), locale: "en" })).toMatchObject({ ok: true });
    expect(await submitStockReport(rs1, report({ day, stockKg: "4,3" }))).toMatchObject({ ok: true, value: { stockKg: 4300 } });
    expect((await auditOf("StockReport", first.value.id)).map((e) => e.action)).toEqual(["stock.report", "stock.update"]);
  });

  it("derives usable stock, burn rate, hours left and colour from the reports", async () => {
    // A hospital of its own, with a 10 t tank (floor: 20 % = 2 t) and four reports in June 2021.
    const province = await prisma.region.findFirstOrThrow({ where: { parentId: null } });
    const h = await prisma.hospital.create({ data: { name: "RS Laju Bakar", regionId: province.id, beds: 100, covidBeds: 10, tankCapacityKg: 10_000 } });
    const reported = (day: string, usedKg: number, extra: { stockKg?: number; flaggedForReview?: boolean } = {}) =>
      prisma.stockReport.create({
        data: {
          hospitalId: h.id,
          day: dayToDate(day),
          usedKg,
          stockKg: extra.stockKg ?? 6000,
          flaggedForReview: extra.flaggedForReview ?? false,
          reportedAt: new Date(`${day}T08:00:00+07:00`),
        },
      });
    await reported("2021-06-07", 50_000, { flaggedForReview: true }); // held for review: left out
    await reported("2021-06-08", 3000);
    await reported("2021-06-09", 2000);
    await reported("2021-06-10", 1000, { stockKg: 5500 });
    // Six hours after the last report (08:00 WIB).
    const [s] = await hospitalSupply("2021-06-10", { hospitalId: h.id, now: new Date("2021-06-10T14:00:00+07:00") });
    expect(unusableFloorKg(h)).toBe(2000);
    // Burn: the newest-first uses 1000, 2000, 3000 weighted 7, 6, 5 → 34,000 / 18 ≈ 1,888.9 kg/day
    // (above the newest day's 1,000, so the mean stands; the held 50 t is not in it).
    expect(s.burnRateKgPerDay).toBeCloseTo(34_000 / 18, 0);
    // Usable at the report: 5,500 − 2,000 = 3,500 kg; six hours later a quarter-day's burn is gone.
    expect(s.usableStockKg).toBeCloseTo(3500 - 34_000 / 18 / 4, -1);
    // Hours left: 3,500 kg at 1,888.9 kg/day is 44.5 h from the report, 38.5 h from now: green.
    expect(s.hoursLeft).toBeCloseTo((3500 / (34_000 / 18)) * 24 - 6, 0);
    expect(s.status).toBe("green");
  });

  it("keeps a wildly high use, once confirmed, but flags it for review and tells staff", async () => {
    const history = await prisma.stockReport.findMany({ where: { hospitalId: rs2.hospitalId! }, orderBy: { day: "desc" }, take: 7 });
    const avg = history.reduce((s, r) => s + r.usedKg, 0) / history.length;
    const high = report({ usedKg: String(Math.ceil((avg * 4) / 1000)), stockKg: "1", bedsOccupied: "10" });
    expect(await submitStockReport(rs2, high)).toMatchObject({ ok: false, error: "confirm", fieldErrors: { usedKg: "unusual_use" } });
    const r = await submitStockReport(rs2, { ...high, confirmUnusual: "1" });
    expect(r).toMatchObject({ ok: true, value: { flaggedForReview: true } });
    const notices = await listNotifications(staff);
    expect(notices.some((n) => n.kind === "stock_flagged" && n.hospitalId === rs2.hospitalId)).toBe(true);
    const normal = await submitStockReport(rs2, report({ usedKg: String(Math.round(avg / 1000)), stockKg: "1", bedsOccupied: "10" }));
    expect(normal).toMatchObject({ ok: true, value: { flaggedForReview: false } });
  });

  it("answers bad input with field errors", async () => {
    const r = await submitStockReport(rs1, report({ day: addDays(today, 1), stockKg: "abc", usedKg: "", severePatients: "-3" }));
    expect(r).toMatchObject({ ok: false, error: "invalid" });
    if (!r.ok) expect(r.fieldErrors).toMatchObject({ stockKg: "invalid_format", usedKg: "required", severePatients: "not_negative" });
    expect(await submitStockReport(rs1, report({ day: addDays(today, 1) }))).toMatchObject({ ok: false, fieldErrors: { day: "future_day" } });
    // the stock as read and the tank's size go with the refusal
    expect(await submitStockReport(rs1, report({ stockKg: "100000" }))).toMatchObject({
      ok: false,
      fieldErrors: { stockKg: "stock_over_tank" },
      detail: { kg: 100_000_000, limitKg: 10_000, field: "stockKg" },
    });
  });

  it("counts stock in the unit the hospital chooses and keeps the amounts, unit and rate on the row", async () => {
    const day = addDays(today, -40);
    const saved = async (over: Record<string, unknown>) => {
      const r = await submitStockReport(rs1, report({ day, ...over }));
      expect(r).toMatchObject({ ok: true });
      const row = await prisma.stockReport.findUniqueOrThrow({ where: { hospitalId_day: { hospitalId: rs1.hospitalId!, day: dayToDate(day) } } });
      return {
        ...row,
        kgPerUnit: Number(row.kgPerUnit),
        stockAmount: Number(row.stockAmount),
        usedAmount: Number(row.usedAmount),
        cylinderSizeM3: row.cylinderSizeM3 === null ? null : Number(row.cylinderSizeM3),
      };
    };
    expect(await saved({ stockKg: "6,5", usedKg: "2" })).toMatchObject({
      unit: "TONNE_LIQUID",
      kgPerUnit: 1000,
      stockAmount: 6.5,
      usedAmount: 2,
      stockKg: 6500,
      usedKg: 2000,
      cylinderSizeM3: null,
    });
    expect(await saved({ unit: "KG", stockKg: "1.500", usedKg: "750" })).toMatchObject({ unit: "KG", kgPerUnit: 1, stockKg: 1500, usedKg: 750 });
    // 4.000 m³ of gas at 1,354 kg/m³; 2.000 L of liquid at 1,141 kg/L
    expect(await saved({ unit: "M3_GAS", stockKg: "4.000", usedKg: "1.000" })).toMatchObject({ unit: "M3_GAS", kgPerUnit: 1.354, stockKg: 5416, usedKg: 1354 });
    expect(await saved({ unit: "LITRE_LIQUID", stockKg: "2.000", usedKg: "500" })).toMatchObject({
      unit: "LITRE_LIQUID",
      kgPerUnit: 1.141,
      stockKg: 2282,
      usedKg: 571,
    });
    // 200 cylinders of 6 m³ (8,124 kg each)
    expect(await saved({ unit: "CYLINDER", cylinderSizeM3: "6", stockKg: "200", usedKg: "50" })).toMatchObject({
      unit: "CYLINDER",
      kgPerUnit: 8.124,
      cylinderSizeM3: 6,
      stockAmount: 200,
      stockKg: 1625,
      usedKg: 406,
    });
    // the size is ignored for other units, required for cylinders
    expect(await saved({ unit: "KG", cylinderSizeM3: "6", stockKg: "10", usedKg: "1" })).toMatchObject({ cylinderSizeM3: null });
    expect(await submitStockReport(rs1, report({ day, unit: "CYLINDER", stockKg: "200" }))).toMatchObject({
      ok: false,
      fieldErrors: { cylinderSizeM3: "cylinder_size_required" },
    });
    expect(await submitStockReport(rs1, report({ day, unit: "BARREL" }))).toMatchObject({ ok: false, fieldErrors: { unit: "invalid_choice" } });
  });

  it("reads amounts in the form's language and refuses what only the other language reads", async () => {
    const day = addDays(today, -41);
    expect(await submitStockReport(rs1, report({ day, stockKg: "1.5" }))).toMatchObject({ ok: false, fieldErrors: { stockKg: "ambiguous_number:1,5" } });
    expect(await submitStockReport(rs1, report({ day, stockKg: "1,5", locale: "en" }))).toMatchObject({
      ok: false,
      fieldErrors: { stockKg: "ambiguous_number:1.5" },
    });
    expect(await submitStockReport(rs1, report({ day, stockKg: "1.5", usedKg: "0.25", locale: "en" }))).toMatchObject({
      ok: true,
      value: { stockKg: 1500, usedKg: 250 },
    });
    expect(await submitStockReport(rs1, report({ day, severePatients: "2,5" }))).toMatchObject({ ok: false, fieldErrors: { severePatients: "whole_number" } });
    expect(await submitStockReport(rs1, report({ day, bedsOccupied: "1.200", locale: "en" }))).toMatchObject({
      ok: false,
      fieldErrors: { bedsOccupied: "whole_number" },
    });
  });

  it("is refused to staff, admins and officials", async () => {
    for (const who of [staff, admin, official]) expect(await submitStockReport(who, report())).toMatchObject({ ok: false, error: "forbidden" });
  });
});

describe("a report held for review", () => {
  it("does not move the burn rate until staff confirm it, and only staff and admins may", async () => {
    const day = "2021-08-25";
    const asOf = new Date("2021-08-25T12:00:00+07:00");
    const h = await prisma.hospital.findFirstOrThrow({ where: { name: "RSUD Cilegon" } });
    const latest = await prisma.stockReport.findUniqueOrThrow({ where: { hospitalId_day: { hospitalId: h.id, day: dayToDate(day) } } });
    const [before] = await hospitalSupply(day, { hospitalId: h.id, now: asOf });
    // the hospital's latest use is 5× its usual: held (as the use case would have flagged it)
    await prisma.stockReport.update({ where: { id: latest.id }, data: { usedKg: latest.usedKg * 5, flaggedForReview: true } });
    const [held] = await hospitalSupply(day, { hospitalId: h.id, now: asOf });
    expect(held.burnRateKgPerDay).toBeLessThan(latest.usedKg * 5);
    expect(held.burnRateKgPerDay).not.toBe(before.burnRateKgPerDay); // the held day is left out entirely

    expect(await confirmStockReview(official, { id: latest.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await confirmStockReview(rs1, { id: latest.id })).toMatchObject({ ok: false, error: "forbidden" });
    const r = await confirmStockReview(staff, { id: latest.id });
    expect(r).toMatchObject({ ok: true, value: { flaggedForReview: false, reviewedById: staff.id } });
    const [confirmed] = await hospitalSupply(day, { hospitalId: h.id, now: asOf });
    expect(confirmed.burnRateKgPerDay).toBe(latest.usedKg * 5); // the newest use, now counted, is the highest
    expect(confirmed.hoursLeft!).toBeLessThan(held.hoursLeft!);
    expect(await confirmStockReview(staff, { id: latest.id })).toMatchObject({ ok: false, error: "not_flagged" });
    expect((await auditOf("StockReport", latest.id)).map((e) => e.action)).toEqual(["stock.review"]);
  });
});

describe("notifications", () => {
  it("flags each stale hospital once to staff, and no hospital sees staff notices", async () => {
    const now = new Date();
    expect(await submitStockReport(rs1, report())).toMatchObject({ ok: true });
    const rs1Stale = { kind: "hospital_stale", hospitalId: rs1.hospitalId! };
    const rs1Before = await prisma.notification.count({ where: rs1Stale }); // from before its report, if another test ran first
    await notifyStaleHospitals(now);
    const count = await prisma.notification.count({ where: { kind: "hospital_stale" } });
    await notifyStaleHospitals(now);
    expect(await prisma.notification.count({ where: { kind: "hospital_stale" } })).toBe(count);
    expect(count).toBeGreaterThan(0);
    // rs1 reported today: not stale
    expect(await prisma.notification.count({ where: rs1Stale })).toBe(rs1Before);
    expect((await listNotifications(admin)).some((n) => n.kind === "hospital_stale")).toBe(true);
    expect((await listNotifications(rs1)).every((n) => n.role === "HOSPITAL" && n.hospitalId === rs1.hospitalId)).toBe(true);
    expect(await listNotifications(official)).toHaveLength(0);
  });

  it("marks what the actor sees as read, and only that", async () => {
    await notifyStaleHospitals(new Date());
    expect(await prisma.notification.count({ where: { role: "STAFF", readAt: null } })).toBeGreaterThan(0);
    const r = await markNotificationsRead(rs1, {});
    expect(r.ok).toBe(true);
    expect(await prisma.notification.count({ where: { hospitalId: rs1.hospitalId!, role: "HOSPITAL", readAt: null } })).toBe(0);
    expect(await prisma.notification.count({ where: { role: "STAFF", readAt: null } })).toBeGreaterThan(0);
  });
});
