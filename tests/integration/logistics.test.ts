import { beforeAll, describe, expect, it } from "vitest";
import { fullCylindersKg } from "@/domain/cylinders";
import { cylinderKg } from "@/domain/mass";
import { hospitalSupplyPicture } from "@/domain/stock";
import { hospitalSupply } from "@/server/queries/dashboard-hospitals";
import { today } from "@/server/clock";
import { prisma } from "@/server/db";
import { evaluateAlerts } from "@/server/alerts/evaluate";
import type { Actor } from "@/server/permissions";
import { supplyOf } from "@/server/queries/stock";
import { setAlertThresholds, setOwnAlertChannels } from "@/server/use-cases/alert-settings";
import { moveCylinders, recordCylinderCount, recordCylinderCountOnBehalf, refillCylinders } from "@/server/use-cases/cylinders";
import { recordReceiptOnBehalf } from "@/server/use-cases/receipts";
import { submitStockReport, submitStockReportOnBehalf } from "@/server/use-cases/stock";
import { actor, auditOf } from "./supply-helpers";
import { deliveryToRs1, prepareWorld, type World } from "./valid-inputs";

// Issue #15, items 3–5 (decision 0039): alert settings, war-room entry on a hospital's behalf,
// and cylinders — counts kept by a ledger the database will not let go below zero.

let w: World;
let staff: Actor;
let rs1: Actor;
let cylHospital: { id: string; name: string };
let cylAdmin: Actor;
let distributor: string;

beforeAll(async () => {
  w = await prepareWorld();
  staff = await actor("staff@satgas.test");
  rs1 = await actor("rs1@satgas.test");
  const region = await prisma.region.findFirstOrThrow({ where: { hospitals: { some: {} } } });
  cylHospital = await prisma.hospital.create({
    data: { name: "RS Uji Tabung", regionId: region.id, beds: 40, cylinderSupply: true },
    select: { id: true, name: true },
  });
  const u = await prisma.user.create({
    data: { email: "tabung@rs-uji.test", name: "Admin Tabung", passwordHash: "x", role: "HOSPITAL", hospitalId: cylHospital.id },
  });
  cylAdmin = await actor(u.email);
  distributor = (await prisma.supplier.create({ data: { name: "PT Uji Tabung", kind: "DISTRIBUTOR", regionId: region.id } })).id;
});

const stockOf = async (where: { hospitalId?: string; supplierId?: string }, typeId: string) =>
  (await prisma.cylinderStock.findFirst({ where: { ...where, typeId }, select: { full: true, empty: true } })) ?? { full: 0, empty: 0 };

describe("alert settings", () => {
  it("staff set a hospital's thresholds, audited; blank keeps the default", async () => {
    const r = await setAlertThresholds(staff, { hospitalId: rs1.hospitalId, redBelowHours: "6", amberBelowHours: "30", missedReportHours: "" });
    expect(r).toMatchObject({ ok: true });
    const h = await prisma.hospital.findUniqueOrThrow({ where: { id: rs1.hospitalId! } });
    expect([h.alertRedBelowHours, h.alertAmberBelowHours, h.alertMissedReportHours]).toEqual([6, 30, null]);
    const events = await auditOf("Hospital", h.id);
    expect(events.at(-1)).toMatchObject({ action: "hospital.alert_thresholds", actorId: staff.id });
  });

  it("refuses red at or above amber (with the default amber too), out-of-range hours and another hospital's admin", async () => {
    expect(await setAlertThresholds(staff, { hospitalId: rs1.hospitalId, redBelowHours: "30", amberBelowHours: "30" })).toMatchObject({
      ok: false,
      fieldErrors: { redBelowHours: "red_not_below_amber" },
    });
    expect(await setAlertThresholds(staff, { hospitalId: rs1.hospitalId, redBelowHours: "25" })).toMatchObject({
      ok: false,
      fieldErrors: { redBelowHours: "red_not_below_amber" },
    });
    expect(await setAlertThresholds(staff, { hospitalId: rs1.hospitalId, missedReportHours: "169" })).toMatchObject({
      ok: false,
      fieldErrors: { missedReportHours: "too_big" },
    });
    expect(await setAlertThresholds(staff, { hospitalId: rs1.hospitalId, amberBelowHours: "0" })).toMatchObject({
      ok: false,
      fieldErrors: { amberBelowHours: "too_small" },
    });
    expect(await setAlertThresholds(cylAdmin, { hospitalId: rs1.hospitalId, redBelowHours: "5" })).toMatchObject({ ok: false, error: "forbidden" });
    // the database holds the same bounds
    await expect(prisma.hospital.update({ where: { id: rs1.hospitalId! }, data: { alertMissedReportHours: 0 } })).rejects.toThrow();
  });

  it("a hospital's own missed-report time raises the alert sooner than the app's 30 h", async () => {
    const region = await prisma.region.findFirstOrThrow({ where: { hospitals: { some: {} } } });
    const h = await prisma.hospital.create({ data: { name: "RS Uji Lapor", regionId: region.id, tankCapacityKg: 30_000, alertMissedReportHours: 12 } });
    const at = new Date("2021-08-25T08:00:00+07:00");
    await prisma.stockReport.create({ data: { hospitalId: h.id, day: new Date("2021-08-25"), stockKg: 30_000, usedKg: 1_000, reportedAt: at } });
    await evaluateAlerts(new Date(at.getTime() + 11 * 3_600_000), { channels: { email: false, webhook: false, appUrl: "" }, escalateAfterMinutes: 30 });
    expect(await prisma.alert.count({ where: { hospitalId: h.id, kind: "missed_report" } })).toBe(0);
    await evaluateAlerts(new Date(at.getTime() + 13 * 3_600_000), { channels: { email: false, webhook: false, appUrl: "" }, escalateAfterMinutes: 30 });
    expect(await prisma.alert.count({ where: { hospitalId: h.id, kind: "missed_report", clearedAt: null } })).toBe(1);
  });

  it("an escalation is an in-app notice for the task force, naming the level reached", async () => {
    const region = await prisma.region.findFirstOrThrow({ where: { hospitals: { some: {} } } });
    const h = await prisma.hospital.create({ data: { name: "RS Uji Naik", regionId: region.id, tankCapacityKg: 30_000 } });
    const at = new Date("2021-08-25T08:00:00+07:00");
    await prisma.stockReport.create({ data: { hospitalId: h.id, day: new Date("2021-08-25"), stockKg: 10_000, usedKg: 24_000, reportedAt: at } });
    const opts = { channels: { email: false, webhook: false, appUrl: "" }, escalateAfterMinutes: 30 };
    await evaluateAlerts(new Date(at.getTime() + 60_000), opts);
    expect(await prisma.notification.count({ where: { kind: "alert_escalated", hospitalId: h.id } })).toBe(0);
    await evaluateAlerts(new Date(at.getTime() + 32 * 60_000), opts);
    const notices = await prisma.notification.findMany({ where: { kind: "alert_escalated", hospitalId: h.id } });
    expect(notices.map((n) => [n.role, (n.params as { level: number }).level, (n.params as { alertKind: string }).alertKind])).toEqual([["STAFF", 1, "red"]]);
  });

  it("each user chooses their own channels; the gateway needs a phone number", async () => {
    expect(await setOwnAlertChannels(rs1, { alertByWebhook: "on", phone: "" })).toMatchObject({ ok: false, fieldErrors: { phone: "phone_required" } });
    expect(await setOwnAlertChannels(rs1, { alertByWebhook: "on", phone: "call me" })).toMatchObject({ ok: false, fieldErrors: { phone: "invalid_phone" } });
    const r = await setOwnAlertChannels(rs1, { alertByWebhook: "on", phone: "+62 812-3456-7890" });
    expect(r).toMatchObject({ ok: true });
    const u = await prisma.user.findUniqueOrThrow({ where: { id: rs1.id } });
    expect([u.alertByEmail, u.alertByWebhook, u.phone]).toEqual([false, true, "+6281234567890"]);
    expect((await auditOf("User", rs1.id)).at(-1)).toMatchObject({ action: "user.alert_channels", actorId: rs1.id });
  });
});

describe("war room: staff enter for a hospital", () => {
  it("a stock report on the hospital's behalf is marked, names who and how, and is audited as such", async () => {
    const r = await submitStockReportOnBehalf(staff, {
      hospitalId: rs1.hospitalId,
      day: today(),
      unit: "KG",
      stockKg: "5000",
      usedKg: "1000",
      severePatients: "3",
      criticalPatients: "1",
      bedsOccupied: "20",
      onBehalfNote: "telepon apoteker jaga 09.10",
      confirmUnusual: "1",
    });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      hospitalId: rs1.hospitalId,
      onBehalf: true,
      onBehalfNote: "telepon apoteker jaga 09.10",
      reportedById: staff.id,
      stockKg: 5000,
    });
    expect((await auditOf("StockReport", r.value.id)).at(-1)).toMatchObject({ action: "stock.report_on_behalf", actorId: staff.id });
    // the hospital's own report of the same day replaces it, and is its own again
    const own = await submitStockReport(rs1, {
      day: today(),
      unit: "KG",
      stockKg: "4900",
      usedKg: "1000",
      severePatients: "3",
      criticalPatients: "1",
      bedsOccupied: "20",
      confirmUnusual: "1",
    });
    expect(own.ok && [own.value.onBehalf, own.value.onBehalfNote]).toEqual([false, null]);
  });

  it("needs the note, and is not the hospital's to use nor an official's", async () => {
    expect(await submitStockReportOnBehalf(staff, { hospitalId: rs1.hospitalId, day: today(), unit: "KG", stockKg: "1", usedKg: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { onBehalfNote: "required" },
    });
    const input = {
      hospitalId: rs1.hospitalId,
      day: today(),
      unit: "KG",
      stockKg: "1",
      usedKg: "1",
      severePatients: "0",
      criticalPatients: "0",
      bedsOccupied: "0",
      onBehalfNote: "phone",
    };
    expect(await submitStockReportOnBehalf(rs1, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await submitStockReportOnBehalf(await actor("official@satgas.test"), input)).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("a receipt on the hospital's behalf is marked on the delivery and audited", async () => {
    const id = await deliveryToRs1(w);
    const r = await recordReceiptOnBehalf(staff, { id, receivedKg: "2", receivedAt: new Date().toISOString(), onBehalfNote: "driver phoned from the gate" });
    expect(r).toMatchObject({ ok: true });
    const d = await prisma.delivery.findUniqueOrThrow({ where: { id } });
    expect([d.receivedKg, d.receivedOnBehalf, d.onBehalfNote, d.receivedById]).toEqual([2000, true, "driver phoned from the gate", staff.id]);
    expect((await auditOf("Delivery", id)).map((e) => e.action)).toContain("receipt.confirm_on_behalf");
  });
});

describe("cylinders", () => {
  it("a cylinder hospital's count is its stock: the day's report holds the oxygen in its fulls, and the projection uses it", async () => {
    const r = await recordCylinderCount(cylAdmin, {
      lines: [
        { typeId: "cyl_6m3", full: "40", empty: "10", used: "20" },
        { typeId: "cyl_1m3", full: "12", empty: "0", used: "0" },
      ],
    });
    expect(r).toMatchObject({ ok: true, value: { reading: { stockKg: 341, usedKg: 162, use: "counted" } } });
    const expected = fullCylindersKg([
      { full: 40, sizeM3: 6 },
      { full: 12, sizeM3: 1 },
    ]);
    expect(expected).toBe(341); // 40 × 8.124 + 12 × 1.354 = 324.96 + 16.248
    const report = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id } });
    expect([report.stockKg, report.usedKg]).toEqual([expected, fullCylindersKg([{ full: 20, sizeM3: 6 }])]);
    expect(await stockOf({ hospitalId: cylHospital.id }, "cyl_6m3")).toEqual({ full: 40, empty: 10 });
    const supply = await supplyOf(cylHospital.id);
    expect(supply?.lastReportedAt).not.toBeNull();
    expect(supply?.hoursLeft).toBeCloseTo((expected * 24) / 162, 0); // no floor for cylinders; burn = 20 × 8.124
  });

  it("refuses a tank report for a cylinder hospital, its own or on its behalf, on the stock field; its counted stock stands", async () => {
    const before = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    const figures = { day: today(), unit: "KG", stockKg: "5000", usedKg: "100", severePatients: "0", criticalPatients: "0", bedsOccupied: "0" };
    expect(await submitStockReport(cylAdmin, figures)).toMatchObject({ ok: false, error: "invalid", fieldErrors: { stockKg: "cylinder_hospital" } });
    expect(await submitStockReportOnBehalf(staff, { ...figures, hospitalId: cylHospital.id, onBehalfNote: "phone" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { stockKg: "cylinder_hospital" },
    });
    const after = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    expect(after).toMatchObject({ id: before.id, stockKg: before.stockKg, usedKg: before.usedKg });
    // a tank hospital still reports its tank
    expect(await submitStockReport(rs1, { ...figures, stockKg: "4900", usedKg: "1000", confirmUnusual: "1" })).toMatchObject({ ok: true });
  });

  it("staff recount on the hospital's behalf; a delivery of fulls raises the hospital's stock at once", async () => {
    const r = await recordCylinderCountOnBehalf(staff, {
      hospitalId: cylHospital.id,
      lines: [{ typeId: "cyl_6m3", full: "30", empty: "20" }],
      onBehalfNote: "radio",
    });
    expect(r).toMatchObject({ ok: true });
    const recount = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    expect(recount).toMatchObject({ onBehalf: true, onBehalfNote: "radio" });
    await prisma.cylinderMovement.create({ data: { kind: "count", typeId: "cyl_6m3", supplierId: distributor, fullDelta: 50, emptyDelta: 5, at: new Date() } });
    const d = await moveCylinders(staff, { kind: "delivery", supplierId: distributor, hospitalId: cylHospital.id, typeId: "cyl_6m3", count: "10" });
    expect(d).toMatchObject({ ok: true, value: { supplier: { full: 40, empty: 5 }, hospital: { full: 40, empty: 20 } } });
    const after = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    expect(after.stockKg).toBe(
      fullCylindersKg([
        { full: 40, sizeM3: 6 },
        { full: 12, sizeM3: 1 },
      ]),
    );
    const back = await moveCylinders(staff, { kind: "return", supplierId: distributor, hospitalId: cylHospital.id, typeId: "cyl_6m3", count: "20" });
    expect(back).toMatchObject({ ok: true, value: { supplier: { full: 40, empty: 25 }, hospital: { full: 40, empty: 0 } } });
  });

  it("a refill turns a distributor's empties into fulls; more than it has empty is refused on its field", async () => {
    expect(await refillCylinders(staff, { supplierId: distributor, typeId: "cyl_6m3", count: "25" })).toMatchObject({
      ok: true,
      value: { full: 65, empty: 0 },
    });
    expect(await refillCylinders(staff, { supplierId: distributor, typeId: "cyl_6m3", count: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { count: "not_enough_empty" },
    });
    expect(await moveCylinders(staff, { kind: "return", supplierId: distributor, hospitalId: cylHospital.id, typeId: "cyl_6m3", count: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { count: "not_enough_empty" },
    });
    // a producer is no distributor
    expect(await refillCylinders(staff, { supplierId: w.producer, typeId: "cyl_6m3", count: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { supplierId: "invalid_choice" },
    });
  });

  it("the database refuses a movement that would take a count below zero, and a change to the ledger", async () => {
    await expect(
      prisma.cylinderMovement.create({ data: { kind: "count", typeId: "cyl_2m3", supplierId: distributor, fullDelta: -1, emptyDelta: 0, at: new Date() } }),
    ).rejects.toThrow();
    await expect(
      prisma.cylinderMovement.create({ data: { kind: "refill", typeId: "cyl_6m3", supplierId: distributor, fullDelta: 1, emptyDelta: 0, at: new Date() } }),
    ).rejects.toThrow();
    const m = await prisma.cylinderMovement.findFirstOrThrow({ where: { supplierId: distributor } });
    await expect(prisma.cylinderMovement.update({ where: { id: m.id }, data: { fullDelta: 999 } })).rejects.toThrow();
    await expect(prisma.cylinderStock.updateMany({ where: { supplierId: distributor }, data: { full: -5 } })).rejects.toThrow();
  });

  it("concurrent deliveries never overdraw: of 12 deliveries of 10 from 65 fulls, exactly 6 succeed", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        moveCylinders(staff, { kind: "delivery", supplierId: distributor, hospitalId: cylHospital.id, typeId: "cyl_6m3", count: "10" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.fieldErrors?.count === "not_enough_full")).toBe(true);
    expect(await stockOf({ supplierId: distributor }, "cyl_6m3")).toEqual({ full: 5, empty: 0 });
    expect(await stockOf({ hospitalId: cylHospital.id }, "cyl_6m3")).toEqual({ full: 100, empty: 0 });
    // the counts are the ledger's sums
    const [sum] = await prisma.$queryRaw<
      { f: bigint; e: bigint }[]
    >`SELECT sum("fullDelta") AS f, sum("emptyDelta") AS e FROM "CylinderMovement" WHERE "supplierId" = ${distributor} AND "typeId" = 'cyl_6m3'`;
    expect([Number(sum.f), Number(sum.e)]).toEqual([5, 0]);
  });

  it("oracle: the dashboard's SQL gives a cylinder hospital the domain's figures from its counts (Σ full × kg per type)", async () => {
    const asOf = new Date(Date.now() + 3 * 3_600_000);
    const [row] = await hospitalSupply(today(), { hospitalId: cylHospital.id, now: asOf });
    // independently: the counts as stored, each type's kg from src/domain/mass, the domain's projection
    const counts = await prisma.cylinderStock.findMany({ where: { hospitalId: cylHospital.id }, include: { type: true } });
    const stockKg = Math.round(counts.reduce((kg, c) => kg + c.full * cylinderKg(Number(c.type.sizeM3)), 0));
    const reports = await prisma.stockReport.findMany({ where: { hospitalId: cylHospital.id, flaggedForReview: false }, orderBy: { day: "desc" }, take: 7 });
    const h = await prisma.hospital.findUniqueOrThrow({ where: { id: cylHospital.id } });
    const pic = hospitalSupplyPicture({
      tankCapacityKg: h.tankCapacityKg,
      tankResidualKg: h.tankResidualKg,
      operatingMinimumKg: h.operatingMinimumKg,
      latest: { stockKg, reportedAt: reports[0].reportedAt },
      recentUsedKg: reports.map((r) => r.usedKg),
      receivedSinceKg: 0,
      asOf: row.asOf, // the end of the WIB day when asOf passes midnight
    });
    expect(row.asOf.getTime()).toBeLessThanOrEqual(asOf.getTime());
    expect(reports[0].stockKg).toBe(stockKg);
    // as the dashboard's own oracle compares them (tests/integration/dashboard-aggregates.test.ts)
    expect(row.usableStockKg).toBe(Math.round(pic.usableKg));
    expect(row.burnRateKgPerDay).toBe(Math.round(pic.burnKgPerDay));
    expect(row.hoursLeft).toBeCloseTo(pic.hoursLeft!, 1);
    expect([row.status, row.stale]).toEqual([pic.status, pic.stale]);
  });

  it("a count whose use boxes are left blank, as a form sends them, keeps the last report's use", async () => {
    const before = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    const r = await recordCylinderCount(cylAdmin, {
      lines: [
        { typeId: "cyl_6m3", full: "38", empty: "12", used: "" },
        { typeId: "cyl_1m3", full: "12", empty: "0", used: " " },
      ],
    });
    expect(r).toMatchObject({ ok: true, value: { reading: { use: "kept" } } });
    const after = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    expect(after.usedKg).toBe(before.usedKg);
    expect(await stockOf({ hospitalId: cylHospital.id }, "cyl_6m3")).toEqual({ full: 38, empty: 12 });
  });

  it("a count with one size's emptied box filled in and another's blank is refused on the blank one: blank is not 0", async () => {
    const before = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    const r = await recordCylinderCount(cylAdmin, {
      lines: [
        { typeId: "cyl_6m3", full: "30", empty: "20", used: "8" },
        { typeId: "cyl_1m3", full: "12", empty: "0", used: "" },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: "invalid", fieldErrors: { "lines.1.used": "used_all_or_none" } });
    expect(r.ok === false && Object.keys(r.fieldErrors ?? {})).toEqual(["lines.1.used"]);
    // nothing was written: the counts and the day's report stand
    expect(await stockOf({ hospitalId: cylHospital.id }, "cyl_6m3")).toEqual({ full: 38, empty: 12 });
    const after = await prisma.stockReport.findFirstOrThrow({ where: { hospitalId: cylHospital.id }, orderBy: { day: "desc" } });
    expect([after.stockKg, after.usedKg]).toEqual([before.stockKg, before.usedKg]);
    // on the hospital's behalf, the same rule
    expect(
      await recordCylinderCountOnBehalf(staff, {
        hospitalId: cylHospital.id,
        onBehalfNote: "phone",
        lines: [
          { typeId: "cyl_6m3", full: "30", empty: "20" },
          { typeId: "cyl_1m3", full: "12", empty: "0", used: "2" },
        ],
      }),
    ).toMatchObject({ ok: false, fieldErrors: { "lines.0.used": "used_all_or_none" } });
  });

  it("refuses counts that are not whole numbers ≥ 0, an unknown type and a type twice", async () => {
    expect(await recordCylinderCount(cylAdmin, { lines: [{ typeId: "cyl_6m3", full: "-1", empty: "0" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.full": "not_negative" },
    });
    expect(await recordCylinderCount(cylAdmin, { lines: [{ typeId: "cyl_6m3", full: "1,5", empty: "0" }] })).toMatchObject({ ok: false });
    expect(await recordCylinderCount(cylAdmin, { lines: [{ typeId: "nope", full: "1", empty: "0" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.typeId": "invalid_choice" },
    });
    expect(
      await recordCylinderCount(cylAdmin, {
        lines: [
          { typeId: "cyl_6m3", full: "1", empty: "0" },
          { typeId: "cyl_6m3", full: "2", empty: "0" },
        ],
      }),
    ).toMatchObject({ ok: false, fieldErrors: { lines: "duplicate" } });
  });
});
