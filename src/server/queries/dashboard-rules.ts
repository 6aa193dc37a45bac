// The domain thresholds the dashboard's SQL has to encode, in one place for the queries.
// TODO(issue 5): re-export from src/domain/stock.ts and src/domain/supply.ts once they land,
// so the domain stays the one source of truth.

export type SupplyStatus = "red" | "amber" | "green" | "stale";
export const SUPPLY_STATUSES: readonly SupplyStatus[] = ["red", "amber", "green", "stale"];

/** Under this many hours of supply left: red. */
export const RED_BELOW_HOURS = 8;
/** Under this many hours: amber; otherwise green. */
export const AMBER_BELOW_HOURS = 24;
/** A hospital whose latest report is older than this is stale. */
export const STALE_AFTER_HOURS = 24;
/** The burn rate is the mean use of this many latest reports. */
export const BURN_RATE_WINDOW_REPORTS = 7;
/** The normal industrial : medical split, about 70 : 30. */
export const NORMAL_MEDICAL_SHARE = 0.3;

/** How far production falls short of the target (never negative). */
export function shortfallKg(targetKg: number, capacityKg: number): number {
  return Math.max(0, targetKg - capacityKg);
}

export type PledgeStatus = "complete" | "on_track" | "behind";

/** A pledge is complete once everything pledged arrived, on track while it keeps up with its schedule. */
export function pledgeStatus(p: { totalKg: number; dueToDateKg: number; deliveredKg: number }): PledgeStatus {
  if (p.deliveredKg >= p.totalKg) return "complete";
  return p.deliveredKg >= p.dueToDateKg ? "on_track" : "behind";
}

/** Whether a producer's medical share met the minimum in force (null: no policy in force). */
export function meetsPolicy(p: { producedKg: number; medicalKg: number; minMedicalSharePct: number | null }): boolean | null {
  if (p.minMedicalSharePct === null) return null;
  return p.medicalKg * 100 >= p.minMedicalSharePct * p.producedKg;
}
