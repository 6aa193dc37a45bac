import { describe, expect, it } from "vitest";
import { addDays, dateToDay, dayRange, dayToDate, startOfWibDay } from "@/domain/day";
import { hospitalSupplyPicture } from "@/domain/stock";
import { SCENARIO_CLOCK_START } from "../../prisma/seed";
import { ALL_HOSPITALS } from "../../prisma/seed-data/hospitals-generated";
import { prisma } from "@/server/db";
import { dashboardData, summaryFor } from "@/server/queries/dashboard";
import { hospitalStatusCounts, hospitalSupply, regionTable } from "@/server/queries/dashboard-hospitals";
import { compliance, pledgeStatus } from "@/domain/dashboard-rules";
import { pledgeProgress, priorityPeriods, producerSplits } from "@/server/queries/dashboard-supply";
import { dailySeries, requestFunnel } from "@/server/queries/dashboard-trends";
import { capacityDayBounds } from "@/server/queries/headline";

// Every aggregate of the dashboard against the seeded data. Expected values are the published
// figures where there are some (2021-07-26: 1,500 t against 2,500 t) and otherwise computed here
// independently, from the raw rows, in plain JavaScript with the domain's rules.

const ANCHOR = "2021-07-26";
const LAST = "2021-08-25";
/** The demo's clock start: 2021-08-25 09:30 WIB (prisma/seed.ts). */
const CLOCK = new Date(SCENARIO_CLOCK_START);
const wibTime = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Each active hospital's picture on a day, projected to the end of that day, from raw rows and
 * src/domain/stock: the oracle the SQL must match.
 */
async function expectedSupply(day: string, asOf: Date = startOfWibDay(addDays(day, 1))) {
  const hospitals = await prisma.hospital.findMany({ where: { active: true }, include: { region: true } });
  const out = new Map<string, ReturnType<typeof hospitalSupplyPicture> & { regionCode: string }>();
  for (const h of hospitals) {
    const [latest] = await prisma.stockReport.findMany({ where: { hospitalId: h.id, day: { lte: dayToDate(day) } }, orderBy: { day: "desc" }, take: 1 });
    const counted = await prisma.stockReport.findMany({
      where: { hospitalId: h.id, day: { lte: dayToDate(day) }, flaggedForReview: false },
      orderBy: { day: "desc" },
      take: 7,
    });
    const received = latest ? await prisma.delivery.findMany({ where: { hospitalId: h.id, receivedAt: { gt: latest.reportedAt, lte: asOf } } }) : [];
    const pic = hospitalSupplyPicture({
      tankCapacityKg: h.tankCapacityKg,
      tankResidualKg: h.tankResidualKg,
      operatingMinimumKg: h.operatingMinimumKg,
      latest: latest ? { stockKg: latest.stockKg, reportedAt: latest.reportedAt } : null,
      recentUsedKg: counted.map((r) => r.usedKg),
      receivedSinceKg: sum(received.map((d) => d.receivedKg ?? 0)),
      asOf,
    });
    out.set(h.id, { ...pic, regionCode: h.region.code });
  }
  return out;
}

describe("headline (GET /api/v1/summary's body)", () => {
  it("reads the published figures on 2021-07-26: 1,500 t against 2,500 t, 1,000 t short", async () => {
    const s = await summaryFor(ANCHOR);
    expect(s.date).toBe(ANCHOR);
    expect(s.capacityKg).toBe(1_500_000);
    expect(s.targetKg).toBe(2_500_000);
    expect(s.shortfallKg).toBe(1_000_000);
    expect(s.medicalKg! + s.industrialKg!).toBe(1_500_000);
  });

  it("sums the split and the hospitals' use of the day as the raw rows do", async () => {
    const s = await summaryFor(ANCHOR);
    const caps = await prisma.dailyCapacity.findMany({ where: { day: dayToDate(ANCHOR) } });
    const reports = await prisma.stockReport.findMany({ where: { day: dayToDate(ANCHOR) } });
    expect(s.medicalKg).toBe(sum(caps.map((c) => c.medicalKg)));
    expect(s.industrialKg).toBe(sum(caps.map((c) => c.industrialKg)));
    expect(s.medicalDemandKg).toBe(sum(reports.map((r) => r.usedKg)));
    expect(s.medicalDemandKg).toBeGreaterThan(0);
  });

  it("counts hospitals red/amber/green/stale as the domain classifies them", async () => {
    for (const [day, asOf] of [
      [ANCHOR, undefined],
      [LAST, undefined],
      [LAST, CLOCK],
      [LAST, wibTime(LAST, "20:00")],
    ] as const) {
      const expected = { red: 0, amber: 0, green: 0, stale: 0 };
      for (const p of (await expectedSupply(day, asOf)).values()) expected[p.status]++;
      expect(await hospitalStatusCounts(day, { now: asOf })).toEqual(expected);
    }
    // the seed's end states when the demo's clock starts, as the seed declares them per hospital…
    const declared = { red: 0, amber: 0, green: 0, stale: 0 };
    for (const h of ALL_HOSPITALS) declared[h.end.kind]++;
    expect(declared).toMatchObject({ red: 2, stale: expect.any(Number) }); // the two named red ones, no generated red
    expect(await hospitalStatusCounts(LAST, { now: CLOCK })).toEqual(declared);
    // …and by 20:00 the same reports, projected, put more hospitals at risk
    const evening = await hospitalStatusCounts(LAST, { now: wibTime(LAST, "20:00") });
    expect(evening.red).toBeGreaterThan(2);
  });

  it("says 'no data' on a day without data: no capacity, no shortfall, no demand, never zeros", async () => {
    const s = await summaryFor("2030-01-01");
    expect(s).toMatchObject({ targetKg: 2_500_000, capacityKg: null, shortfallKg: null, medicalKg: null, industrialKg: null, medicalDemandKg: null });
    expect(s.production).toMatchObject({ shortfallShare: null, withoutData: ["36"], withoutTarget: [] });
    expect(s.demand.reportingHospitals).toBe(0);
  });
});

describe("hospitals at risk", () => {
  it("gives each hospital the domain's usable stock, burn rate, hours left and status, projected to the moment read", async () => {
    for (const asOf of [undefined, CLOCK, wibTime(LAST, "20:00")]) {
      const expected = await expectedSupply(LAST, asOf);
      const rows = await hospitalSupply(LAST, { now: asOf });
      expect(rows).toHaveLength(expected.size);
      for (const r of rows) {
        const e = expected.get(r.id)!;
        expect(r.usableStockKg).toBe(Math.round(e.usableKg));
        expect(r.receivedSinceKg).toBe(e.receivedSinceKg);
        expect(r.burnRateKgPerDay).toBe(Math.round(e.burnKgPerDay));
        if (e.hoursLeft === null) expect(r.hoursLeft).toBeNull();
        else expect(r.hoursLeft).toBeCloseTo(e.hoursLeft, 1);
        expect(r.stale).toBe(e.stale);
        expect(r.status).toBe(e.status);
        expect(r.regionCode).toBe(e.regionCode);
        expect(r.asOf).toEqual(asOf ?? wibTime("2021-08-26", "00:00"));
      }
    }
  });

  it("sorts by hours left, fewest first, and marks the hospitals that stopped reporting", async () => {
    const rows = await hospitalSupply(LAST, { now: CLOCK });
    const hours = rows.map((r) => r.hoursLeft ?? Infinity);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["RSUD Pakuhaji"]).toMatchObject({ status: "red", hoursLeft: 4 });
    expect(byName["RS Sari Asih Serang"]).toMatchObject({ status: "red", hoursLeft: 5 });
    expect(byName["RSUD Banten"]).toMatchObject({ status: "amber", hoursLeft: 14 });
    expect(byName["RSUD Berkah Pandeglang"]).toMatchObject({ status: "stale", stale: true, hoursLeft: 40, lastReportDay: "2021-08-23" });
    // Krakatau Medika received a Krakatau Steel load after its last report: projected well, still stale
    expect(byName["RS Krakatau Medika"]).toMatchObject({ status: "stale", stale: true, lastReportDay: "2021-08-22" });
    expect(byName["RS Krakatau Medika"].receivedSinceKg).toBeGreaterThan(0);
  });

  it("runs RSUD Banten's 14 h of 09:30 down to 3.5 h by 20:00 on the same report: red, no longer amber", async () => {
    const [at930] = await hospitalSupply(LAST, { now: CLOCK, hospitalId: "seed-hosp-rsudBanten" });
    const [at2000] = await hospitalSupply(LAST, { now: wibTime(LAST, "20:00"), hospitalId: "seed-hosp-rsudBanten" });
    expect(at930).toMatchObject({ hoursLeft: 14, status: "amber" });
    expect(at2000).toMatchObject({ hoursLeft: 3.5, status: "red", stale: false });
    expect(at2000.lastReportedAt).toEqual(at930.lastReportedAt);
  });

  it("limits the list to one hospital for a hospital admin", async () => {
    const rs1 = await prisma.user.findUniqueOrThrow({ where: { email: "rs1@satgas.test" } });
    const rows = await hospitalSupply(LAST, { hospitalId: rs1.hospitalId });
    expect(rows.map((r) => r.id)).toEqual([rs1.hospitalId]);
  });

  it("judges staleness at the present moment, with a grace period after a missed daily report", async () => {
    // 2021-08-26 at 13:00 WIB: yesterday's reports (07:30–09:00) are a day late but within the
    // 6 h grace; at 16:00 they are stale (but for the hospitals already red, which stay red)
    const rows = async (hhmm: string) => hospitalSupply("2021-08-26", { now: wibTime("2021-08-26", hhmm) });
    const stoppedBefore = ALL_HOSPITALS.filter((h) => h.end.kind === "stale")
      .map((h) => h.name)
      .sort();
    expect(stoppedBefore).toEqual(expect.arrayContaining(["RS Krakatau Medika", "RSUD Berkah Pandeglang"]));
    expect(
      (await rows("13:00"))
        .filter((r) => r.stale)
        .map((r) => r.name)
        .sort(),
    ).toEqual(stoppedBefore);
    const late = await rows("16:00");
    expect(late.every((r) => r.stale)).toBe(true);
    expect(late.some((r) => r.status === "green")).toBe(false);
  });
});

describe("per region", () => {
  it("sums use, receipts and risk per regency/city as the raw rows do", async () => {
    const rows = await regionTable(LAST);
    expect(rows.map((r) => r.code)).toEqual(["36.01", "36.02", "36.03", "36.04", "36.71", "36.72", "36.73", "36.74"]);
    const supply = await expectedSupply(LAST);
    const hospitals = await prisma.hospital.findMany({ include: { region: true } });
    const regionOf = new Map(hospitals.map((h) => [h.id, h.region.code]));
    const reports = await prisma.stockReport.findMany({ where: { day: { gte: dayToDate(addDays(LAST, -6)), lte: dayToDate(LAST) } } });
    const deliveries = await prisma.delivery.findMany({
      where: { receivedAt: { gte: startOfWibDay(addDays(LAST, -6)), lt: startOfWibDay(addDays(LAST, 1)) } },
    });
    const cases = await prisma.caseStat.findMany({ where: { day: dayToDate(LAST) }, include: { region: true } });
    for (const r of rows) {
      const mine = (id: string) => regionOf.get(id) === r.code;
      expect(r.useKg).toBe(sum(reports.filter((x) => mine(x.hospitalId) && dateToDay(x.day) === LAST).map((x) => x.usedKg)));
      expect(r.use7dKg).toBe(sum(reports.filter((x) => mine(x.hospitalId)).map((x) => x.usedKg)));
      expect(r.received7dKg).toBe(sum(deliveries.filter((x) => x.hospitalId !== null && mine(x.hospitalId)).map((x) => x.receivedKg ?? 0)));
      const pics = [...supply.values()].filter((p) => p.regionCode === r.code);
      expect(r.hospitals).toBe(pics.length);
      expect([r.red, r.amber, r.stale]).toEqual(["red", "amber", "stale"].map((s) => pics.filter((p) => p.status === s).length));
      expect(r.activeCases).toBe(cases.find((c) => c.region.code === r.code)?.active ?? null);
    }
    expect(sum(rows.map((r) => r.red))).toBe([...supply.values()].filter((p) => p.status === "red").length);
  });
});

describe("industrial/medical split and policy compliance", () => {
  it("lists each producer's split on 2021-07-26, summing to the published 1,500 t", async () => {
    const rows = await producerSplits(ANCHOR);
    expect(rows).toHaveLength(5);
    expect(sum(rows.map((r) => r.producedKg))).toBe(1_500_000);
    for (const r of rows) expect(r.medicalKg + r.industrialKg).toBe(r.producedKg);
  });

  it("judges producers against the instruction in force: none before it, short on its first day, met later", async () => {
    const before = await producerSplits("2021-06-30");
    expect(before.every((r) => r.minMedicalSharePct === null && compliance(r, "2021-06-30") === "no_policy")).toBe(true);
    const first = await producerSplits("2021-07-05");
    expect(first.every((r) => r.minMedicalSharePct === 50)).toBe(true);
    // the seed's first Ingub day: shares around 40 %, below the 50 % minimum
    expect(first.every((r) => compliance(r, "2021-07-05") === (r.medicalKg * 2 >= r.producedKg ? "met" : "not_met"))).toBe(true);
    expect(first.some((r) => compliance(r, "2021-07-05") === "not_met")).toBe(true);
    expect((await producerSplits(ANCHOR)).every((r) => compliance(r, ANCHOR) === "met")).toBe(true);
  });

  it("finds the medical-priority periods overlapping a range", async () => {
    expect(await priorityPeriods("2021-06-27", "2021-07-26")).toMatchObject([{ startsOn: "2021-07-05", endsOn: "2021-08-31", minMedicalSharePct: 50 }]);
    expect(await priorityPeriods("2021-06-01", "2021-07-04")).toEqual([]);
  });
});

describe("pledges", () => {
  it("reads the published pledges' progress on the seed's last day: Krakatau on track, Chandra Asri behind", async () => {
    const rows = await pledgeProgress(LAST);
    const ks = rows.find((r) => r.supplier.includes("Krakatau"))!;
    const ca = rows.find((r) => r.supplier.includes("Chandra Asri"))!;
    expect(ks).toMatchObject({ totalKg: 309_000, dueToDateKg: 273_000, deliveredKg: 273_000 });
    expect(ca).toMatchObject({ totalKg: 120_000, dueToDateKg: 75_000, deliveredKg: 64_870, dispatchedKg: 65_000 });
    expect(pledgeStatus(ks, LAST)).toBe("on_track");
    expect(pledgeStatus(ca, LAST)).toBe("behind");
  });

  it("matches the raw tranches and receipts on every day of the window", async () => {
    const pledges = await prisma.pledge.findMany({ include: { tranches: { include: { deliveries: true } } } });
    for (const day of ["2021-07-12", "2021-07-20", ANCHOR, "2021-08-05", LAST]) {
      const end = startOfWibDay(addDays(day, 1));
      const rows = await pledgeProgress(day);
      for (const p of pledges.filter((p) => dateToDay(p.startsOn) <= day)) {
        const r = rows.find((x) => x.id === p.id)!;
        const due = Math.min(p.totalKg, sum(p.tranches.filter((t) => dateToDay(t.dueOn) <= day).map((t) => t.kg)));
        const delivered = sum(
          p.tranches
            .flatMap((t) => t.deliveries)
            .filter((d) => d.receivedAt && d.receivedAt < end)
            .map((d) => d.receivedKg ?? 0),
        );
        expect([r.dueToDateKg, r.deliveredKg]).toEqual([due, delivered]);
      }
      expect(rows.length).toBe(pledges.filter((p) => dateToDay(p.startsOn) <= day).length);
    }
  });
});

describe("trends", () => {
  it("has one point per day of the range, each the raw rows' sums", async () => {
    const from = addDays(ANCHOR, -29);
    const series = await dailySeries(from, ANCHOR);
    expect(series.map((p) => p.day)).toEqual(dayRange(from, ANCHOR));
    const caps = await prisma.dailyCapacity.findMany({ where: { day: { gte: dayToDate(from), lte: dayToDate(ANCHOR) } } });
    const reports = await prisma.stockReport.findMany({ where: { day: { gte: dayToDate(from), lte: dayToDate(ANCHOR) } } });
    const cases = await prisma.caseStat.findMany({ where: { day: { gte: dayToDate(from), lte: dayToDate(ANCHOR) }, region: { parentId: { not: null } } } });
    for (const p of series) {
      const on = <T extends { day: Date }>(xs: T[]) => xs.filter((x) => dateToDay(x.day) === p.day);
      expect(p.capacityKg).toBe(sum(on(caps).map((c) => c.producedKg)));
      expect(p.medicalKg).toBe(sum(on(caps).map((c) => c.medicalKg)));
      expect(p.hospitalUseKg).toBe(sum(on(reports).map((r) => r.usedKg)));
      expect(p.activeCases).toBe(sum(on(cases).map((c) => c.active)));
      expect(p.targetKg).toBe(2_500_000);
    }
    expect(series.at(-1)).toMatchObject({ day: ANCHOR, capacityKg: 1_500_000, targetKg: 2_500_000 });
  });

  it("keeps days without data as gaps", async () => {
    const series = await dailySeries("2021-06-25", "2021-06-28");
    expect(series.map((p) => p.capacityKg === null)).toEqual([true, true, false, false]);
  });
});

describe("requests funnel", () => {
  it("sums requested, approved and received tonnes and the median request→receipt hours", async () => {
    const from = addDays(LAST, -29);
    const start = startOfWibDay(from);
    const end = startOfWibDay(addDays(LAST, 1));
    const f = await requestFunnel(from, LAST);
    const reqs = await prisma.supplyRequest.findMany({
      where: { createdAt: { gte: start, lt: end } },
      include: { allocations: { include: { deliveries: true } } },
    });
    const approved = reqs.filter((r) => ["APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED"].includes(r.status) && r.decidedAt! < end);
    const hours = reqs
      .filter((r) => r.fulfilledAt && r.fulfilledAt < end)
      .map((r) => (r.fulfilledAt!.getTime() - r.createdAt.getTime()) / 3_600_000)
      .sort((a, b) => a - b);
    const median = hours.length === 0 ? null : hours.length % 2 ? hours[(hours.length - 1) / 2] : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2;
    expect(f.requests).toBe(reqs.length);
    expect(f.requestedKg).toBe(sum(reqs.map((r) => r.requestedKg)));
    expect(f.approvedRequests).toBe(approved.length);
    expect(f.approvedKg).toBe(sum(approved.map((r) => r.approvedKg ?? 0)));
    expect(f.fulfilledRequests).toBe(hours.length);
    expect(f.deliveredKg).toBe(
      sum(
        reqs
          .flatMap((r) => r.allocations.flatMap((a) => a.deliveries))
          .filter((d) => d.receivedAt && d.receivedAt < end)
          .map((d) => d.receivedKg ?? 0),
      ),
    );
    expect(f.medianHoursToReceipt).toBeCloseTo(median!, 1);
    expect(f.requests).toBeGreaterThan(0);
    expect(f.requestedKg).toBeGreaterThanOrEqual(f.approvedKg);
  });
});

describe("the whole dashboard", () => {
  it("opens on the latest day with data and assembles every part for 30 or 90 days", async () => {
    expect(await capacityDayBounds()).toEqual({ first: "2021-06-27", last: LAST });
    const d = await dashboardData(ANCHOR, 90);
    expect(d.series).toHaveLength(90);
    expect(d.from).toBe(addDays(ANCHOR, -89));
    expect(d.summary.capacityKg).toBe(1_500_000);
    expect(d.hospitals.length).toBeGreaterThanOrEqual(12);
  });
});
