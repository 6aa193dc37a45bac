import { addDays, dayToDate, startOfWibDay, type Day } from "@/domain/day";
import type { ProductionGap } from "@/domain/supply";
import { asOfInstant, hospitalStatusCounts, hospitalSupply, regionTable, statusCountsOf, type HospitalSupply, type StatusCounts } from "./dashboard-hospitals";
import { pledgeProgress, priorityPeriods, producerSplits } from "./dashboard-supply";
import { dailySeries, requestFunnel } from "./dashboard-trends";
import { headlineFor, latestCapacityDay, type ProvinceDay } from "./headline";
import { andHospitalInProvince, andInProvince, regionCodesOf, type Province } from "./provinces";
import { prisma } from "../db";
import { RANGES, type RangeDays } from "@/domain/dashboard-rules";

// The officials' dashboard: every figure is an aggregate computed by PostgreSQL (see the
// dashboard-*.ts queries); this module puts them together for a day and a range, for one
// province or for the whole country (the sum of its provinces).

/**
 * The headline of a day — also the body of GET /api/v1/summary. Three gaps, kept apart:
 * production against the target (`targetKg`, `capacityKg`, `shortfallKg`, `production`), the
 * medical supply against what hospitals report using and request (`medicalKg`,
 * `medicalDemandKg`, `demand`), and the hospitals at risk (`hospitals`, as of `asOf`).
 * Null means "no data", never zero.
 */
export type Summary = {
  date: Day;
  /** the province shown; null for the whole country */
  province: { code: string; name: string } | null;
  /** targets in force of the provinces that have one, summed */
  targetKg: number | null;
  /** production logged that day, summed */
  capacityKg: number | null;
  /** how far production falls below the target, over the provinces with both figures */
  shortfallKg: number | null;
  medicalKg: number | null;
  industrialKg: number | null;
  /** hospitals' reported use that day; null when no hospital reported */
  medicalDemandKg: number | null;
  hospitals: StatusCounts;
  /** the instant the hospitals' statuses are judged at: the end of the day, or now for today (ISO) */
  asOf: string;
  production: Pick<ProductionGap, "comparedTargetKg" | "comparedCapacityKg" | "shortfallShare" | "provincesShort" | "withoutTarget" | "withoutData">;
  demand: {
    /** hospitals with a stock report that day, of the active hospitals */
    reportingHospitals: number;
    activeHospitals: number;
    /** requests hospitals made that day (WIB) and the tonnes they asked for */
    requests: number;
    requestedKg: number;
  };
  /** each province's figures (one row for a province) */
  provinces: ProvinceDay[];
};

export type HospitalDemand = { usedKg: number | null; reports: number; requests: number; requestedKg: number };

/** The hospitals' reported use on the day (medical demand) and the requests made that day, summed by the database. */
export async function hospitalDemand(day: Day, province: Province | null = null): Promise<HospitalDemand> {
  const [[use], [req]] = await Promise.all([
    // the reports summed per region by a trigger (StockUseDay, decision 0044)
    prisma.$queryRaw<{ used: bigint | null; n: bigint | null }[]>`
      SELECT sum(u."usedKg") AS used, sum(u.reports) AS n FROM "StockUseDay" u JOIN "Region" r ON r.id = u."regionId"
      WHERE u.day = ${dayToDate(day)} ${andInProvince(province, "r")}`,
    prisma.$queryRaw<{ requested: bigint | null; n: bigint }[]>`
      SELECT sum(q."requestedKg") AS requested, count(*) AS n FROM "SupplyRequest" q
      WHERE q."createdAt" >= ${startOfWibDay(day)} AND q."createdAt" < ${startOfWibDay(addDays(day, 1))}
        ${andHospitalInProvince(province, `q."hospitalId"`)}`,
  ]);
  const reports = Number(use?.n ?? 0);
  return { usedKg: reports === 0 ? null : Number(use.used ?? 0), reports, requests: Number(req?.n ?? 0), requestedKg: Number(req?.requested ?? 0) };
}

/** Every active hospital's supply on the day, in the province when one is given (rows of hospitalSupply). */
export async function hospitalSupplyIn(day: Day, province: Province | null, opts: { now?: Date } = {}): Promise<HospitalSupply[]> {
  if (!province) return hospitalSupply(day, opts);
  const [rows, codes] = await Promise.all([hospitalSupply(day, opts), regionCodesOf(province)]);
  return rows.filter((r) => codes.has(r.regionCode));
}

type Opts = { now?: Date; province?: Province | null };

/**
 * The headline of a day. `supply`: hospitalSupplyIn's rows for the day when the caller has them
 * already (the dashboard), counted instead of re-queried.
 */
export async function summaryFor(day: Day, opts: Opts & { supply?: readonly HospitalSupply[] } = {}): Promise<Summary> {
  const province = opts.province ?? null;
  const counts = opts.supply
    ? Promise.resolve(statusCountsOf(opts.supply))
    : province
      ? hospitalSupplyIn(day, province, opts).then(statusCountsOf)
      : hospitalStatusCounts(day, { now: opts.now });
  const [h, demand, hospitals] = await Promise.all([headlineFor(day, province), hospitalDemand(day, province), counts]);
  const { gap } = h;
  return {
    date: day,
    province: province ? { code: province.code, name: province.name } : null,
    targetKg: gap.targetKg,
    capacityKg: h.capacityKg,
    shortfallKg: gap.shortfallKg,
    medicalKg: h.medicalKg,
    industrialKg: h.industrialKg,
    medicalDemandKg: demand.usedKg,
    hospitals,
    asOf: asOfInstant(day, opts.now).toISOString(),
    production: {
      comparedTargetKg: gap.comparedTargetKg,
      comparedCapacityKg: gap.comparedCapacityKg,
      shortfallShare: gap.shortfallShare,
      provincesShort: gap.provincesShort,
      withoutTarget: gap.withoutTarget,
      withoutData: gap.withoutData,
    },
    demand: {
      reportingHospitals: demand.reports,
      activeHospitals: hospitals.red + hospitals.amber + hospitals.green + hospitals.stale,
      requests: demand.requests,
      requestedKg: demand.requestedKg,
    },
    provinces: h.provinces,
  };
}

export { RANGES, type RangeDays };

/** The day the dashboard opens on: the latest day with capacity data. */
export { latestCapacityDay };

/** Everything the dashboard shows for a day and the range ending on it, for a province or the whole country. */
export async function dashboardData(day: Day, rangeDays: RangeDays, opts: Opts = {}) {
  const province = opts.province ?? null;
  const from = addDays(day, -(rangeDays - 1));
  // The per-hospital supply CTE runs once: the status counts and the region risk derive from it.
  const supply = hospitalSupplyIn(day, province, opts);
  supply.catch(() => undefined); // awaited below
  const codes = province ? regionCodesOf(province) : null;
  codes?.catch(() => undefined);
  const [summary, series, periods, producers, pledges, hospitals, regions, funnel] = await Promise.all([
    supply.then((rows) => summaryFor(day, { ...opts, supply: rows })),
    dailySeries(from, day, province),
    priorityPeriods(from, day, province),
    producerSplits(day, province),
    pledgeProgress(day, province),
    supply,
    supply.then(async (rows) => {
      const all = await regionTable(day, { now: opts.now, supply: rows });
      if (!codes) return all;
      const mine = await codes;
      return all.filter((r) => mine.has(r.code));
    }),
    requestFunnel(from, day, province),
  ]);
  // the moment the hospitals' figures are projected to (the end of the day, or now)
  const supplyAsOf = asOfInstant(day, opts.now);
  return { day, from, rangeDays, province, supplyAsOf, summary, series, periods, producers, pledges, hospitals, regions, funnel };
}

export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;
