import "server-only";
import { today, now as clockNow } from "@/server/clock";
import { startOfWibDay, type Day } from "@/domain/day";
import { cached as memo } from "../cache";
import { fromReplica } from "../replica";
import { recommendationFor } from "./allocations";
import { dashboardData, summaryFor, type RangeDays } from "./dashboard";
import { hospitalSupply } from "./dashboard-hospitals";
import { mapData } from "./map";
import { pledgeProgress } from "./dashboard-supply";
import { capacityDayBounds, latestDataDay } from "./headline";
import { provinceList, regionCodesOf, type Province } from "./provinces";
import { triageBoard } from "./requests";
import { referenceDay } from "./stock";

// The expensive reads as the pages and API routes call them, memoized in the process's read
// cache (src/server/cache.ts): emptied by every committed write, else served for at most the
// TTL (30 s). The query functions themselves stay uncached (tests and scripts call them).
//
// With DATABASE_REPLICA_URL, each computation reads the replica once it has replayed the
// primary's latest commit (src/server/replica.ts, decision 0046).
//
// "Now": for the current day the hospitals' supply is judged as of the moment it was computed,
// so a report turns stale up to one TTL late — after 24 h, that is within 0.04 %.

/** `fn` memoized in the read cache, computed on the replica when there is one. */
const cached = <A extends unknown[], T>(name: string, fn: (...args: A) => Promise<T>) => memo(name, (...args: A) => fromReplica(() => fn(...args)));

// `province`: one province, or null for the whole country (the sum of its provinces).
export const cachedProvinceList = cached("provinceList", () => provinceList());
export const cachedCapacityDayBounds = cached("capacityDayBounds", (province: Province | null) => capacityDayBounds(province));
export const cachedLatestCapacityDay = async (province: Province | null) => (await cachedCapacityDayBounds(province))?.last ?? null;
/** With `readAt`, when its figures were read: a copy may be served a few seconds late (decision 0040), and the page says so. */
export const cachedDashboardData = memo("dashboardData", async (day: Day, range: RangeDays, province: Province | null) => {
  // Taken before the replica is asked to catch up: the figures hold every write committed before it.
  const readAt = clockNow().toISOString();
  return { ...(await fromReplica(() => dashboardData(day, range, { province }))), readAt };
});
export const cachedSummaryFor = cached("summaryFor", (day: Day, province: Province | null) => summaryFor(day, { province }));
export const cachedPledgeProgress = cached("pledgeProgress", (day: Day, province: Province | null) => pledgeProgress(day, province));
export const cachedHospitalSupply = cached("hospitalSupply", async (day: Day, hospitalId: string | null, province: Province | null) => {
  const rows = await hospitalSupply(day, { hospitalId });
  if (!province) return rows;
  const codes = await regionCodesOf(province);
  return rows.filter((r) => codes.has(r.regionCode));
});

// keyed by today (WIB), so the reference day moves on at midnight
const cachedReferenceDay = cached("referenceDay", (today: Day) => referenceDay(startOfWibDay(today)));

const cachedLatestDataDay = cached("latestDataDay", (today: Day, province: Province | null) => latestDataDay(today, province));

/**
 * The day the dashboard, the report, the exports and the API show when none is asked for: the
 * latest day with data (capacity or a stock report, in the province) that is not after today
 * (WIB), so one entry mistyped into the future cannot move everyone's view. Null without data.
 */
export async function defaultViewDay(province: Province | null = null): Promise<Day | null> {
  return cachedLatestDataDay(today(), province);
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

/** The map's data (hospital supply shared with the triage board and the recommender). */
export const cachedMapData = cached("mapData", () => mapData(clockNow(), { supply: cachedSupplyByHospital() }));
