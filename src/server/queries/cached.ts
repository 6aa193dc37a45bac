import { today, now as clockNow } from "@/server/clock";
import { startOfWibDay, type Day } from "@/domain/day";
import { cached } from "../cache";
import { recommendationFor } from "./allocations";
import { dashboardData, summaryFor, type RangeDays } from "./dashboard";
import { hospitalSupply } from "./dashboard-hospitals";
import { pledgeProgress } from "./dashboard-supply";
import { capacityDayBounds, latestCapacityDay } from "./headline";
import { triageBoard } from "./requests";
import { referenceDay } from "./stock";

// The expensive reads as the pages and API routes call them, memoized in the process's read
// cache (src/server/cache.ts): emptied by every committed write, else served for at most the
// TTL (30 s). The query functions themselves stay uncached (tests and scripts call them).
//
// "Now": for the current day the hospitals' supply is judged as of the moment it was computed,
// so a report turns stale up to one TTL late — after 24 h, that is within 0.04 %.

export const cachedCapacityDayBounds = cached("capacityDayBounds", () => capacityDayBounds());
export const cachedLatestCapacityDay = cached("latestCapacityDay", () => latestCapacityDay());
export const cachedDashboardData = cached("dashboardData", (day: Day, range: RangeDays) => dashboardData(day, range));
export const cachedSummaryFor = cached("summaryFor", (day: Day) => summaryFor(day));
export const cachedPledgeProgress = cached("pledgeProgress", (day: Day) => pledgeProgress(day));
export const cachedHospitalSupply = cached("hospitalSupply", (day: Day, hospitalId: string | null) => hospitalSupply(day, { hospitalId }));

// keyed by today (WIB), so the reference day moves on at midnight
const cachedReferenceDay = cached("referenceDay", (today: Day) => referenceDay(startOfWibDay(today)));

/**
 * The day the dashboard, the report and the API show when none is asked for: the latest day with
 * data (capacity or a stock report) that is not after today (WIB), so one entry mistyped into
 * the future cannot move everyone's view. Null when there is no capacity data at all.
 */
export async function defaultViewDay(): Promise<Day | null> {
  if (!(await cachedLatestCapacityDay())) return null;
  return cachedReferenceDay(today());
}

/** supplyByHospital(), cached: every active hospital's supply on the reference day, by id. */
export async function cachedSupplyByHospital() {
  const day = await cachedReferenceDay(today());
  return supplyMap(day);
}
const supplyMap = cached("supplyByHospital", async (day: Day) => new Map((await hospitalSupply(day)).map((r) => [r.id, r])));

/** The triage board (hospital supply shared with the recommender). */
export const cachedTriageBoard = cached("triageBoard", () => triageBoard(clockNow(), undefined, undefined, { supply: cachedSupplyByHospital() }));

/** The recommender's proposal for a supply day. */
export const cachedRecommendationFor = cached("recommendationFor", (day: Day) => recommendationFor(day, clockNow(), cachedSupplyByHospital()));
