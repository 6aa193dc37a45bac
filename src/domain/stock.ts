// A hospital's oxygen on hand: what its latest stock report said, projected to the moment the
// figure is read, and how worried the task force should be. The dashboard's SQL
// (src/server/queries/dashboard-hospitals.ts) computes the same figures in PostgreSQL with these
// constants; the oracle test (tests/integration/dashboard-aggregates.test.ts) holds the two equal.
// The rules are written up in docs/decisions/0018-projected-supply.md.

import { assertKg } from "./mass";

export type SupplyStatus = "red" | "amber" | "green" | "stale";
export const SUPPLY_STATUSES: readonly SupplyStatus[] = ["red", "amber", "green", "stale"];

/** Under this many hours of supply left: red — a tanker must already be on its way. */
export const RED_BELOW_HOURS = 8;
/** Under this many hours: amber (it runs out before tomorrow's report); otherwise green. */
export const AMBER_BELOW_HOURS = 24;
/** Reports are due daily… */
export const REPORT_DUE_EVERY_HOURS = 24;
/** …and a late one is forgiven this long (a night shift, a busy morning) before the figures count as stale. */
export const REPORT_GRACE_HOURS = 6;
/** A latest report older than this (strictly) is stale. */
export const STALE_AFTER_HOURS = REPORT_DUE_EVERY_HOURS + REPORT_GRACE_HOURS;
/** The burn rate weighs this many latest reports that are not held for review. */
export const BURN_RATE_WINDOW_REPORTS = 7;
/** A reported use above this many times the mean of the reports before it is held for review. */
export const ANOMALY_FACTOR = 3;
/**
 * Without a hospital's own figure, its liquid tank stops feeding the line below this share of
 * its capacity (pressure falls: about 2 t in a 10 t tank, FACTS.md).
 */
export const DEFAULT_OPERATING_MINIMUM_PCT = 20;

const HOUR_MS = 60 * 60 * 1000;

/** The default operating minimum of a tank, in whole kilograms (rounded down, as the SQL does). */
export function defaultOperatingMinimumKg(tankCapacityKg: number): number {
  assertKg(tankCapacityKg, "tankCapacityKg");
  return Math.floor((tankCapacityKg * DEFAULT_OPERATING_MINIMUM_PCT) / 100);
}

export interface TankFloorInput {
  tankCapacityKg: number;
  /** The tank's residual that never leaves it. */
  tankResidualKg: number;
  /** The hospital's own operating minimum; null: DEFAULT_OPERATING_MINIMUM_PCT of the tank. */
  operatingMinimumKg: number | null;
}

/** Stock below this cannot be drawn: the larger of the residual and the operating minimum. */
export function unusableFloorKg(t: TankFloorInput): number {
  assertKg(t.tankResidualKg, "tankResidualKg");
  const minimum = t.operatingMinimumKg ?? defaultOperatingMinimumKg(t.tankCapacityKg);
  assertKg(minimum, "operatingMinimumKg");
  return Math.max(t.tankResidualKg, minimum);
}

/** Stock the hospital can actually draw: what is above the floor. */
export function usableStockKg(stockKg: number, floorKg: number): number {
  assertKg(stockKg, "stockKg");
  assertKg(floorKg, "floorKg");
  return Math.max(0, stockKg - floorKg);
}

/**
 * Daily use (kg/day) from the latest reports not held for review, newest first; only the first
 * BURN_RATE_WINDOW_REPORTS count. A weighted mean (the newest weighs 7, the next 6, … the 7th 1)
 * follows a surge within days instead of a week; and the newest day's use, when higher, wins:
 * a rising trend shortens the time left, a falling one never lengthens it past the mean.
 * No reports: 0.
 */
export function burnRateKgPerDay(usedKgNewestFirst: readonly number[]): number {
  const window = usedKgNewestFirst.slice(0, BURN_RATE_WINDOW_REPORTS);
  if (window.length === 0) return 0;
  window.forEach((kg) => assertKg(kg, "usedKg"));
  let weighted = 0;
  let weights = 0;
  window.forEach((kg, i) => {
    const w = BURN_RATE_WINDOW_REPORTS - i;
    weighted += kg * w;
    weights += w;
  });
  return Math.max(weighted / weights, window[0]);
}

/** Hours from the report to the moment of reading (never negative: a report entered late). */
export function hoursElapsed(reportedAt: Date, asOf: Date): number {
  return Math.max(0, (asOf.getTime() - reportedAt.getTime()) / HOUR_MS);
}

/**
 * Usable stock now: usable at the report, plus what was received since, less what was burnt
 * since (never below zero).
 */
export function projectedUsableKg(p: { usableAtReportKg: number; receivedSinceKg: number; burnKgPerDay: number; hoursElapsed: number }): number {
  return Math.max(0, p.usableAtReportKg + p.receivedSinceKg - (p.burnKgPerDay * p.hoursElapsed) / 24);
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

/** More than STALE_AFTER_HOURS between the latest report and the moment of reading. */
export function isStale(latestReportedAt: Date, asOf: Date): boolean {
  return asOf.getTime() - latestReportedAt.getTime() > STALE_AFTER_HOURS * HOUR_MS;
}

/** Red/amber/green by hours left; unknown hours (nothing used) count as green. */
export function statusForHours(hoursLeft: number | null): Exclude<SupplyStatus, "stale"> {
  if (hoursLeft === null) return "green";
  if (hoursLeft < RED_BELOW_HOURS) return "red";
  if (hoursLeft < AMBER_BELOW_HOURS) return "amber";
  return "green";
}

/**
 * The hospital's colour. A projection under RED_BELOW_HOURS is red even when the figures are old
 * (it may be empty already: someone must call); otherwise old or missing figures are "stale",
 * never green.
 */
export function supplyStatus(hoursLeft: number | null, stale: boolean): SupplyStatus {
  const byHours = statusForHours(hoursLeft);
  if (byHours === "red") return "red";
  return stale ? "stale" : byHours;
}

export interface HospitalSupplyInput extends TankFloorInput {
  /** The latest report (on or before the day read); null when the hospital never reported. */
  latest: { stockKg: number; reportedAt: Date } | null;
  /** usedKg of the latest reports not held for review, newest first. */
  recentUsedKg: readonly number[];
  /** Kilograms received (accepted into stock) after the latest report, up to asOf. */
  receivedSinceKg: number;
  /** The moment of reading: now, or the end of a past day. */
  asOf: Date;
}

export interface HospitalSupplyPicture {
  floorKg: number;
  usableAtReportKg: number;
  receivedSinceKg: number;
  /** Usable stock projected to asOf. */
  usableKg: number;
  burnKgPerDay: number;
  hoursLeft: number | null;
  stale: boolean;
  status: SupplyStatus;
}

/** Everything the board shows for one hospital, projected to asOf. */
export function hospitalSupplyPicture(input: HospitalSupplyInput): HospitalSupplyPicture {
  const floorKg = unusableFloorKg(input);
  const burnKgPerDay = burnRateKgPerDay(input.recentUsedKg);
  if (input.latest === null) {
    return { floorKg, usableAtReportKg: 0, receivedSinceKg: input.receivedSinceKg, usableKg: 0, burnKgPerDay, hoursLeft: null, stale: true, status: "stale" };
  }
  const usableAtReportKg = usableStockKg(input.latest.stockKg, floorKg);
  const usableKg = projectedUsableKg({
    usableAtReportKg,
    receivedSinceKg: input.receivedSinceKg,
    burnKgPerDay,
    hoursElapsed: hoursElapsed(input.latest.reportedAt, input.asOf),
  });
  const hoursLeft = hoursOfSupplyLeft(usableKg, burnKgPerDay);
  const stale = isStale(input.latest.reportedAt, input.asOf);
  return {
    floorKg,
    usableAtReportKg,
    receivedSinceKg: input.receivedSinceKg,
    usableKg,
    burnKgPerDay,
    hoursLeft,
    stale,
    status: supplyStatus(hoursLeft, stale),
  };
}

/**
 * Is a new report's use implausible? More than ANOMALY_FACTOR × the mean of the reports before it
 * (newest first, up to BURN_RATE_WINDOW_REPORTS, those held for review left out by the caller).
 * Without history there is nothing to compare: never flagged. A history of zero use flags any
 * use at all, which a person should look at. The report is kept and flagged, never dropped; it
 * moves the burn rate once staff confirm it.
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
