// The region's daily supply picture: what the producers made, how much went to medicine, how
// far that is from the target, and whether each producer honoured the governor's instruction
// (Ingub) to hold industrial use back in favour of medical oxygen.

import type { Day } from "./day";
import { assertKg } from "./mass";

/** Normal times: about 70 % of oxygen goes to industry, 30 % to medicine (source article 000). */
export const NORMAL_INDUSTRIAL_SHARE_PCT = 70;
export const NORMAL_MEDICAL_SHARE_PCT = 30;
/** The same medical share as a fraction, for SQL and charts. */
export const NORMAL_MEDICAL_SHARE = NORMAL_MEDICAL_SHARE_PCT / 100;

/**
 * Banten's "ideal" production, 2,500 t/day (source article 004): the demo's target. Each province
 * has its own (Policy); a province without one has none, never this figure.
 */
export const DEFAULT_DAILY_TARGET_KG = 2_500_000;

// ---------------------------------------------------------------------------------------------
// One producer's day

export interface CapacitySplit {
  producedKg: number;
  medicalKg: number;
  industrialKg: number;
}

export type CapacityErrorCode = "invalid_type" | "not_negative" | "split_mismatch" | "medical_over_produced";
export type CapacityErrors = Partial<Record<keyof CapacitySplit, CapacityErrorCode>>;

/**
 * Field-keyed error codes for a capacity row; empty when it is valid. The split is only checked
 * once every figure is a whole, non-negative kg, and a mismatch is put on medicalKg, the figure
 * the task force cares about.
 */
export function validateCapacitySplit(row: CapacitySplit): CapacityErrors {
  const errors: CapacityErrors = {};
  for (const field of ["producedKg", "medicalKg", "industrialKg"] as const) {
    const v = row[field];
    if (typeof v !== "number" || !Number.isInteger(v)) errors[field] = "invalid_type";
    else if (v < 0) errors[field] = "not_negative";
  }
  if (Object.keys(errors).length === 0 && row.medicalKg + row.industrialKg !== row.producedKg) {
    errors.medicalKg = "split_mismatch";
  }
  return errors;
}

/**
 * Industrial use is what production leaves after medicine: the one rule the capacity form shows
 * live and the server applies when industrial is not given. Null when medical exceeds production.
 */
export function industrialFrom(producedKg: number, medicalKg: number): number | null {
  assertKg(producedKg, "producedKg");
  assertKg(medicalKg, "medicalKg");
  return medicalKg > producedKg ? null : producedKg - medicalKg;
}

/** Medical share of production in percent; null when nothing was produced. */
export function medicalSharePct(medicalKg: number, producedKg: number): number | null {
  assertKg(medicalKg, "medicalKg");
  assertKg(producedKg, "producedKg");
  return producedKg === 0 ? null : (medicalKg / producedKg) * 100;
}

// ---------------------------------------------------------------------------------------------
// The medical-priority policy

/** A governor's instruction: from startsOn to endsOn (both included), at least this share to medicine. */
export interface MedicalPriorityPeriod {
  startsOn: Day;
  endsOn: Day;
  minMedicalSharePct: number;
}

export type PeriodErrors = Partial<Record<keyof MedicalPriorityPeriod, "invalid_type" | "too_small" | "too_big" | "date_order">>;

export function validateMedicalPriorityPeriod(p: MedicalPriorityPeriod): PeriodErrors {
  const errors: PeriodErrors = {};
  if (!Number.isInteger(p.minMedicalSharePct)) errors.minMedicalSharePct = "invalid_type";
  else if (p.minMedicalSharePct < 0) errors.minMedicalSharePct = "too_small";
  else if (p.minMedicalSharePct > 100) errors.minMedicalSharePct = "too_big";
  if (p.endsOn < p.startsOn) errors.endsOn = "date_order";
  return errors;
}

/**
 * The period in force on a day: the one covering it; where periods overlap (an extension
 * issued before the old one ran out), the strictest, so a producer is held to the highest
 * share anyone asked of it. Ties go to the earlier start, so input order never matters.
 */
export function medicalPriorityInForce<P extends MedicalPriorityPeriod>(periods: readonly P[], day: Day): P | null {
  let best: P | null = null;
  for (const p of periods) {
    if (p.startsOn > day || p.endsOn < day) continue;
    if (
      best === null ||
      p.minMedicalSharePct > best.minMedicalSharePct ||
      (p.minMedicalSharePct === best.minMedicalSharePct && (p.startsOn < best.startsOn || (p.startsOn === best.startsOn && p.endsOn < best.endsOn)))
    ) {
      best = p;
    }
  }
  return best;
}

export type MedicalPriorityCompliance = "met" | "not_met" | "no_policy";

export interface MedicalPriorityCheck<P extends MedicalPriorityPeriod> {
  compliance: MedicalPriorityCompliance;
  policy: P | null;
  requiredPct: number | null;
  /** null when nothing was produced */
  medicalSharePct: number | null;
}

/**
 * Did a producer's split meet the policy in force that day? A producer that made nothing held
 * nothing back from medicine: met. Compared in whole numbers (medical × 100 ≥ pct × produced),
 * so exactly the required share meets it.
 */
export function checkMedicalPriority<P extends MedicalPriorityPeriod>(
  split: Pick<CapacitySplit, "producedKg" | "medicalKg">,
  periods: readonly P[],
  day: Day,
): MedicalPriorityCheck<P> {
  const share = medicalSharePct(split.medicalKg, split.producedKg);
  const policy = medicalPriorityInForce(periods, day);
  if (policy === null) return { compliance: "no_policy", policy: null, requiredPct: null, medicalSharePct: share };
  const met = split.medicalKg * 100 >= policy.minMedicalSharePct * split.producedKg;
  return { compliance: met ? "met" : "not_met", policy, requiredPct: policy.minMedicalSharePct, medicalSharePct: share };
}

// ---------------------------------------------------------------------------------------------
// The region's day

export interface DailyTarget {
  validFrom: Day;
  dailyTargetKg: number;
}

/** The target in force on a day: the latest one that started on or before it; null before any (no target, not 0 t). */
export function dailyTargetInForce(targets: readonly DailyTarget[], day: Day): number | null {
  let best: DailyTarget | null = null;
  for (const t of targets) {
    if (t.validFrom <= day && (best === null || t.validFrom > best.validFrom)) best = t;
  }
  return best === null ? null : best.dailyTargetKg;
}

export interface Shortfall {
  shortfallKg: number;
  /** Percent of the target; 0 when there is no target. */
  shortfallPct: number;
}

/** How far capacity falls below the target; never negative (a surplus is not a shortfall). */
export function shortfall(targetKg: number, capacityKg: number): Shortfall {
  assertKg(targetKg, "targetKg");
  assertKg(capacityKg, "capacityKg");
  const shortfallKg = Math.max(0, targetKg - capacityKg);
  return { shortfallKg, shortfallPct: targetKg === 0 ? 0 : (shortfallKg / targetKg) * 100 };
}

// ---------------------------------------------------------------------------------------------
// Several provinces: the production gap of a province, or of the country as their sum

/** One province's day: its own target and its producers' production. */
export interface ProvinceSupply {
  code: string;
  /** the province's target in force on the day; null when it has none */
  targetKg: number | null;
  /** what its producers made that day; null when nothing was logged (no data, not zero) */
  capacityKg: number | null;
}

export interface ProductionGap {
  /** the targets of the provinces that have one, summed; null when none has */
  targetKg: number | null;
  /** every province's production, summed; null when no province logged any */
  capacityKg: number | null;
  /**
   * The provinces that can be compared (a target and production data): their targets and their
   * production summed, and how far the one falls below the other (never negative). Null when no
   * province can be compared: a gap is never made of a missing figure.
   */
  comparedTargetKg: number | null;
  comparedCapacityKg: number | null;
  shortfallKg: number | null;
  /** shortfall as a fraction of the compared target (0.4 = 40 %); null with the shortfall */
  shortfallShare: number | null;
  /** provinces (codes) below their own target */
  provincesShort: string[];
  /** provinces with no target in force: left out of the comparison, never counted as a 0 t target */
  withoutTarget: string[];
  /** provinces with a target but no production logged that day: left out, never counted as 0 t made */
  withoutData: string[];
}

/**
 * The production gap (capacity against the target) of a set of provinces — one province, or the
 * whole country as the sum of its provinces. Each province is held to its own target; a province
 * without a target or without data that day is named, not filled with zeros.
 */
export function productionGap(provinces: readonly ProvinceSupply[]): ProductionGap {
  let targetKg: number | null = null;
  let capacityKg: number | null = null;
  let comparedTargetKg: number | null = null;
  let comparedCapacityKg: number | null = null;
  const provincesShort: string[] = [];
  const withoutTarget: string[] = [];
  const withoutData: string[] = [];
  for (const p of provinces) {
    if (p.targetKg !== null) assertKg(p.targetKg, "targetKg");
    if (p.capacityKg !== null) assertKg(p.capacityKg, "capacityKg");
    if (p.targetKg !== null) targetKg = (targetKg ?? 0) + p.targetKg;
    if (p.capacityKg !== null) capacityKg = (capacityKg ?? 0) + p.capacityKg;
    if (p.targetKg === null) withoutTarget.push(p.code);
    else if (p.capacityKg === null) withoutData.push(p.code);
    else {
      comparedTargetKg = (comparedTargetKg ?? 0) + p.targetKg;
      comparedCapacityKg = (comparedCapacityKg ?? 0) + p.capacityKg;
      if (p.capacityKg < p.targetKg) provincesShort.push(p.code);
    }
  }
  const gap = comparedTargetKg === null || comparedCapacityKg === null ? null : shortfall(comparedTargetKg, comparedCapacityKg);
  return {
    targetKg,
    capacityKg,
    comparedTargetKg,
    comparedCapacityKg,
    shortfallKg: gap?.shortfallKg ?? null,
    shortfallShare: gap === null || comparedTargetKg === 0 ? null : gap.shortfallKg / comparedTargetKg!,
    provincesShort,
    withoutTarget,
    withoutData,
  };
}
