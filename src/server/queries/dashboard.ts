import { addDays, type Day } from "@/domain/day";
import { shortfallKg } from "./dashboard-rules";
import { asOfInstant, hospitalStatusCounts, hospitalSupply, regionTable, statusCountsOf, type HospitalSupply, type StatusCounts } from "./dashboard-hospitals";
import { pledgeProgress, priorityPeriods, producerSplits } from "./dashboard-supply";
import { dailySeries, requestFunnel } from "./dashboard-trends";
import { headlineFor, latestCapacityDay } from "./headline";
import { prisma } from "../db";
import { dayToDate } from "@/domain/day";

// The officials' dashboard: every figure is an aggregate computed by PostgreSQL (see the
// dashboard-*.ts queries); this module puts them together for a day and a range.

export type Summary = {
  date: Day;
  targetKg: number;
  capacityKg: number;
  shortfallKg: number;
  medicalKg: number;
  industrialKg: number;
  medicalDemandKg: number;
  hospitals: StatusCounts;
};

/** The hospitals' reported use on the day (medical demand), summed by the database. */
export async function medicalDemandKg(day: Day): Promise<number> {
  const [r] = await prisma.$queryRaw<{ used: bigint | null }[]>`
    SELECT sum("usedKg") AS used FROM "StockReport" WHERE day = ${dayToDate(day)}`;
  return Number(r?.used ?? 0);
}

/**
 * The headline of a day — also the body of GET /api/v1/summary. `supply`: hospitalSupply's rows
 * for the day when the caller has them already (the dashboard), counted instead of re-queried.
 */
export async function summaryFor(day: Day, opts: { now?: Date; supply?: readonly HospitalSupply[] } = {}): Promise<Summary> {
  const counts = opts.supply ? Promise.resolve(statusCountsOf(opts.supply)) : hospitalStatusCounts(day, { now: opts.now });
  const [h, demand, hospitals] = await Promise.all([headlineFor(day), medicalDemandKg(day), counts]);
  return {
    date: day,
    targetKg: h.targetKg,
    capacityKg: h.capacityKg,
    shortfallKg: shortfallKg(h.targetKg, h.capacityKg),
    medicalKg: h.medicalKg,
    industrialKg: h.industrialKg,
    medicalDemandKg: demand,
    hospitals,
  };
}

export const RANGES = [30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

/** The day the dashboard opens on: the latest day with capacity data. */
export { latestCapacityDay };

/** Everything the dashboard shows for a day and the range ending on it. */
export async function dashboardData(day: Day, rangeDays: RangeDays, opts: { now?: Date } = {}) {
  const from = addDays(day, -(rangeDays - 1));
  // The per-hospital supply CTE runs once: the status counts and the region risk derive from it.
  const supply = hospitalSupply(day, opts);
  supply.catch(() => undefined); // awaited below
  const [summary, series, periods, producers, pledges, hospitals, regions, funnel] = await Promise.all([
    supply.then((rows) => summaryFor(day, { ...opts, supply: rows })),
    dailySeries(from, day),
    priorityPeriods(from, day),
    producerSplits(day),
    pledgeProgress(day),
    supply,
    supply.then((rows) => regionTable(day, { ...opts, supply: rows })),
    requestFunnel(from, day),
  ]);
  // the moment the hospitals' figures are projected to (the end of the day, or now)
  const supplyAsOf = asOfInstant(day, opts.now);
  return { day, from, rangeDays, supplyAsOf, summary, series, periods, producers, pledges, hospitals, regions, funnel };
}

export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;
