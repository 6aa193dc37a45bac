// A hospital's oxygen on hand, read from its daily stock reports: how long it lasts and how
// worried the task force should be. The dashboard's SQL (src/server/queries/dashboard-hospitals.ts)
// computes the same figures in PostgreSQL with these constants; the two must agree.

import { assertKg } from "./mass";

export type SupplyStatus = "red" | "amber" | "green" | "stale";
export const SUPPLY_STATUSES: readonly SupplyStatus[] = ["red", "amber", "green", "stale"];

/** Under this many hours of supply left: red — a tanker must already be on its way. */
export const RED_BELOW_HOURS = 8;
/** Under this many hours: amber (it runs out before tomorrow's report); otherwise green. */
export const AMBER_BELOW_HOURS = 24;
/** A latest report older than this (strictly) is stale: reports are daily, so one was missed. */
export const STALE_AFTER_HOURS = 24;
/** The burn rate is the mean use of this many latest reports (a week smooths weekday swings). */
export const BURN_RATE_WINDOW_REPORTS = 7;
/** A reported use above this many times the mean of the reports before it is held for review. */
export const ANOMALY_FACTOR = 3;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Stock the hospital can actually draw: a liquid tank cannot deliver its last 5–10 %
 * (pressure falls), so that residual does not count.
 */
export function usableStockKg(stockKg: number, tankResidualKg: number): number {
  assertKg(stockKg, "stockKg");
  assertKg(tankResidualKg, "tankResidualKg");
  return Math.max(0, stockKg - tankResidualKg);
}

/**
 * Mean daily use (kg/day) of the latest reports, newest first; only the first
 * BURN_RATE_WINDOW_REPORTS count. With fewer reports, the mean of those there are; none: 0.
 */
export function burnRateKgPerDay(usedKgNewestFirst: readonly number[]): number {
  const window = usedKgNewestFirst.slice(0, BURN_RATE_WINDOW_REPORTS);
  if (window.length === 0) return 0;
  window.forEach((kg) => assertKg(kg, "usedKg"));
  return window.reduce((sum, kg) => sum + kg, 0) / window.length;
}

/**
 * Hours the usable stock lasts at the burn rate. null when nothing is being used: there is no
 * end in sight, and null (unlike Infinity) survives JSON and matches the SQL's NULL.
 */
export function hoursOfSupplyLeft(usableKg: number, burnKgPerDay: number): number | null {
  if (!Number.isFinite(usableKg) || usableKg < 0) throw new RangeError(`usableKg must be ≥ 0, got ${usableKg}`);
  if (!Number.isFinite(burnKgPerDay) || burnKgPerDay < 0) {
    throw new RangeError(`burnKgPerDay must be ≥ 0, got ${burnKgPerDay}`);
  }
  if (burnKgPerDay === 0) return null;
  return (usableKg / burnKgPerDay) * 24;
}

/** More than STALE_AFTER_HOURS between the latest report and now; exactly 24 h is still fresh. */
export function isStale(latestReportedAt: Date, now: Date): boolean {
  return now.getTime() - latestReportedAt.getTime() > STALE_AFTER_HOURS * HOUR_MS;
}

/** Red/amber/green by hours left; unknown hours (nothing used) count as green. */
export function statusForHours(hoursLeft: number | null): Exclude<SupplyStatus, "stale"> {
  if (hoursLeft === null) return "green";
  if (hoursLeft < RED_BELOW_HOURS) return "red";
  if (hoursLeft < AMBER_BELOW_HOURS) return "amber";
  return "green";
}

/**
 * The hospital's status: stale first (old figures cannot be trusted to be green), then by hours.
 * A hospital that never reported (latestReportedAt null) is stale.
 */
export function supplyStatus(hoursLeft: number | null, latestReportedAt: Date | null, now: Date): SupplyStatus {
  if (latestReportedAt === null || isStale(latestReportedAt, now)) return "stale";
  return statusForHours(hoursLeft);
}

export interface HospitalSupplyInput {
  /** Stock in the latest report. */
  stockKg: number;
  tankResidualKg: number;
  /** usedKg of the latest reports, newest first (the latest report included). */
  recentUsedKg: readonly number[];
  latestReportedAt: Date | null;
  now: Date;
}

export interface HospitalSupplyPicture {
  usableKg: number;
  burnKgPerDay: number;
  hoursLeft: number | null;
  status: SupplyStatus;
}

/** Everything the board shows for one hospital, from its latest reports. */
export function hospitalSupplyPicture(input: HospitalSupplyInput): HospitalSupplyPicture {
  const usableKg = usableStockKg(input.stockKg, input.tankResidualKg);
  const burnKgPerDay = burnRateKgPerDay(input.recentUsedKg);
  const hoursLeft = hoursOfSupplyLeft(usableKg, burnKgPerDay);
  return { usableKg, burnKgPerDay, hoursLeft, status: supplyStatus(hoursLeft, input.latestReportedAt, input.now) };
}

/**
 * Is a new report's use implausible? More than ANOMALY_FACTOR × the mean of the reports before it
 * (newest first, up to BURN_RATE_WINDOW_REPORTS). Without history there is nothing to compare:
 * never flagged. A history of zero use flags any use at all, which a person should look at.
 * The report is kept and flagged, never dropped.
 */
export function isUsageAnomalous(usedKg: number, previousUsedKgNewestFirst: readonly number[]): boolean {
  assertKg(usedKg, "usedKg");
  const history = previousUsedKgNewestFirst.slice(0, BURN_RATE_WINDOW_REPORTS);
  if (history.length === 0) return false;
  history.forEach((kg) => assertKg(kg, "usedKg"));
  const sum = history.reduce((a, kg) => a + kg, 0);
  // usedKg > factor × (sum / n), kept in integers so a boundary case is not decided by rounding
  return usedKg * history.length > ANOMALY_FACTOR * sum;
}
