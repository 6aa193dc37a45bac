// Alerts that reach a person (decision 0033): when a hospital's projected supply crosses one of its
// thresholds, or its daily report is missed, someone is told outside the app — and told again,
// one level up, until someone acknowledges it.

import { AMBER_BELOW_HOURS, RED_BELOW_HOURS, STALE_AFTER_HOURS, type SupplyStatus } from "./stock";

export type AlertKind = "red" | "amber" | "missed_report";
export const ALERT_KINDS: readonly AlertKind[] = ["red", "amber", "missed_report"];

/** Who is told at each level: 0 the hospital's admins, 1 the task-force staff, 2 the task force's head. */
export const ALERT_LEVELS = ["hospital", "staff", "head"] as const;
export const TOP_LEVEL = ALERT_LEVELS.length - 1;

/**
 * "On duty for the next … hours" (0: off duty now). A duty ends by itself, so a staff member who
 * forgets to sign off is not woken by alerts the next night.
 */
export const DUTY_HOURS = [0, 4, 8, 12, 24] as const;

/** When a duty of `hours` taken at `now` ends; null is off duty. */
export function dutyUntil(hours: number, now: Date): Date | null {
  return hours === 0 ? null : new Date(now.getTime() + hours * 3_600_000);
}

/** Whether a staff member is on duty at `now`. */
export function isOnDuty(onDutyUntil: Date | null, now: Date): onDutyUntil is Date {
  return onDutyUntil !== null && onDutyUntil.getTime() > now.getTime();
}

export type AlertThresholds = { redBelowHours: number; amberBelowHours: number; missedReportAfterHours: number };

/** Bounds of a threshold a hospital sets (hours; CHECKed in the database too). */
export const THRESHOLD_MIN_HOURS = 1;
export const THRESHOLD_MAX_HOURS = 168;

/** A hospital's own thresholds where it has them, the app's red/amber bounds and report due time otherwise. */
export function thresholdsOf(h: {
  alertRedBelowHours: number | null;
  alertAmberBelowHours: number | null;
  alertMissedReportHours?: number | null;
}): AlertThresholds {
  return {
    redBelowHours: h.alertRedBelowHours ?? RED_BELOW_HOURS,
    amberBelowHours: h.alertAmberBelowHours ?? AMBER_BELOW_HOURS,
    missedReportAfterHours: h.alertMissedReportHours ?? STALE_AFTER_HOURS,
  };
}

/** Red must be below amber once both are resolved (a hospital may set one and keep the other's default). */
export function thresholdsProblem(h: { alertRedBelowHours: number | null; alertAmberBelowHours: number | null }): "red_not_below_amber" | null {
  const t = thresholdsOf(h);
  return t.redBelowHours < t.amberBelowHours ? null : "red_not_below_amber";
}

/**
 * The alerts a hospital's projected supply calls for now. Red and amber exclude each other (red is
 * the worse); a stale hospital (no report within the due time and its grace) has missed its
 * report, and its projection still raises red or amber — old figures that say it has run out are
 * the most urgent case of all. A hospital's own missed-report time (hours since its latest report)
 * replaces the app's due time and grace when it has one. A hospital that uses nothing (no hours left to count) raises none.
 */
export function alertsDue(
  supply: {
    hoursLeft: number | null;
    stale: boolean;
    status: SupplyStatus;
    /** hours since the latest report (null: never reported); without it, `stale` decides */ hoursSinceReport?: number | null;
  },
  t: AlertThresholds,
): AlertKind[] {
  const due: AlertKind[] = [];
  if (supply.hoursLeft !== null) {
    if (supply.hoursLeft < t.redBelowHours) due.push("red");
    else if (supply.hoursLeft < t.amberBelowHours) due.push("amber");
  }
  const missed = supply.hoursSinceReport === undefined ? supply.stale : supply.hoursSinceReport === null || supply.hoursSinceReport > t.missedReportAfterHours;
  if (missed) due.push("missed_report");
  return due;
}

/** Which open alerts to clear and which to raise, so that exactly the due ones are open. */
export function alertChanges(open: readonly AlertKind[], due: readonly AlertKind[]): { raise: AlertKind[]; clear: AlertKind[] } {
  return { raise: due.filter((k) => !open.includes(k)), clear: open.filter((k) => !due.includes(k)) };
}

/**
 * The level an open alert should have reached: one more for every `stepMinutes` since it was
 * raised, while nobody has acknowledged it, up to the top.
 */
export function escalationLevel(raisedAt: Date, now: Date, stepMinutes: number, acknowledged: boolean, current: number): number {
  if (acknowledged) return current;
  const steps = Math.floor((now.getTime() - raisedAt.getTime()) / (stepMinutes * 60_000));
  return Math.min(TOP_LEVEL, Math.max(current, steps));
}

/** Sending attempts before a message is given up (then shown as failed to the task force). */
export const MAX_SEND_ATTEMPTS = 10;

/** Wait before the next attempt after `attempts` failed ones: 30 s, doubling, at most 30 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}
