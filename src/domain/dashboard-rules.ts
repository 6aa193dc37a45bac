// The domain rules the dashboard uses, in one place for its queries, pages and components. The numbers
// live in src/domain (one source of truth); the SQL gets the thresholds as parameters, and the
// per-row derivations (a pledge's status, a producer's compliance, a shortfall) are the domain's.
import type { Day } from "@/domain/day";
import { pledgeProgress, type PledgeStatus } from "@/domain/pledge";
import {
  AMBER_BELOW_HOURS,
  BURN_RATE_WINDOW_REPORTS,
  DEFAULT_OPERATING_MINIMUM_PCT,
  RED_BELOW_HOURS,
  STALE_AFTER_HOURS,
  SUPPLY_STATUSES,
  type SupplyStatus,
} from "@/domain/stock";
import { checkMedicalPriority, NORMAL_MEDICAL_SHARE, shortfall, type MedicalPriorityCompliance } from "@/domain/supply";

export {
  AMBER_BELOW_HOURS,
  BURN_RATE_WINDOW_REPORTS,
  DEFAULT_OPERATING_MINIMUM_PCT,
  NORMAL_MEDICAL_SHARE,
  RED_BELOW_HOURS,
  STALE_AFTER_HOURS,
  SUPPLY_STATUSES,
};
export type { MedicalPriorityCompliance, PledgeStatus, SupplyStatus };

/** The dashboard's trend ranges, in days. */
export const RANGES = [30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

/** How far production falls short of the target (never negative). */
export function shortfallKg(targetKg: number, capacityKg: number): number {
  return shortfall(targetKg, capacityKg).shortfallKg;
}

/**
 * A pledge's status from the database's sums as of a day: what was due by then (summed over
 * its tranches by SQL) stands in for the schedule.
 */
export function pledgeStatus(p: { totalKg: number; dueToDateKg: number; deliveredKg: number }, day: Day): PledgeStatus {
  return pledgeProgress(p.totalKg, [{ dueOn: day, kg: p.dueToDateKg }], p.deliveredKg, day).status;
}

/** A producer's compliance on a day with the minimum share in force (found by SQL), if any. */
export function compliance(p: { producedKg: number; medicalKg: number; minMedicalSharePct: number | null }, day: Day): MedicalPriorityCompliance {
  const periods = p.minMedicalSharePct === null ? [] : [{ startsOn: day, endsOn: day, minMedicalSharePct: p.minMedicalSharePct }];
  return checkMedicalPriority(p, periods, day).compliance;
}
