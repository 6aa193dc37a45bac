// Plausible quantities on the hospital side (issue #12 item 11, decision 0022): how much a
// hospital can burn in a day, and how much it can take in by the day it needs oxygen. Two kinds
// of answer, as for dispatches and receipts (src/domain/delivery.ts): a hard limit where the
// figure cannot be true, and a warning the user confirms where it is merely unusual.
//
//   daily use   refused above   min(tank × USE_TANK_FACTOR, bed ceiling)   (those that are known)
//               confirm above   ANOMALY_FACTOR × the mean of the previous reports (decision 0018)
//   request     refused above   free room in the tank + daily-use ceiling × days to the needed-by day
//               confirm above   free room in the tank + UNUSUAL_BURN_FACTOR × expected burn × days
//
// All limits are whole kilograms, rounded down; a figure is beyond a limit when strictly above it.

import { KG_PER_DAY_PER_LPM, WHO_PLANNING_RATES, indiaBedFormulaKgPerDay } from "./forecast";
import { assertKg } from "./mass";
import { ANOMALY_FACTOR, BURN_RATE_WINDOW_REPORTS } from "./stock";

/**
 * A bed's flow at its most: 1.5 × WHO's planning rate (critical 30 L/min for a COVID bed,
 * severe 10 L/min for any other bed on oxygen). High-flow nasal oxygen runs at 40–60 L/min, so
 * a whole COVID ward at 45 L/min, every bed full and every patient critical, is a ceiling no
 * hospital reaches.
 */
export const PEAK_FLOW_FACTOR = 1.5;
/**
 * In a day a hospital cannot use more than this many tanks' worth: in this app a hospital's
 * stock is what its tank holds (a stock above the tank is refused), so a day's use is at most a
 * full tank plus refills, and three full tanks in 24 h is more than any tanker schedule managed.
 */
export const USE_TANK_FACTOR = 3;
/** A request above its free room plus this many times its expected burn to the needed-by day is unusual. */
export const UNUSUAL_BURN_FACTOR = 2;
/** A request is judged on at least one day of burn, however late in the needed-by day it is made. */
export const MIN_HORIZON_DAYS = 1;

export interface HospitalSize {
  beds: number;
  covidBeds: number;
  icuBeds: number;
  /** 0: no liquid tank (cylinders only) */
  tankCapacityKg: number;
}

/**
 * The most the hospital's beds could burn in a day: every COVID bed at the critical rate and
 * every other bed at the severe rate, both × PEAK_FLOW_FACTOR. null when no beds are recorded.
 */
export function bedCeilingKgPerDay(h: Pick<HospitalSize, "beds" | "covidBeds">): number | null {
  assertKg(h.beds, "beds");
  assertKg(h.covidBeds, "covidBeds");
  const covid = h.covidBeds;
  const other = Math.max(0, h.beds - h.covidBeds);
  if (covid + other === 0) return null;
  const lpm = PEAK_FLOW_FACTOR * (covid * WHO_PLANNING_RATES.criticalLpm + other * WHO_PLANNING_RATES.severeLpm);
  return Math.floor(lpm * KG_PER_DAY_PER_LPM);
}

/** USE_TANK_FACTOR × the tank; null for a hospital without a tank. */
export function tankCeilingKgPerDay(h: Pick<HospitalSize, "tankCapacityKg">): number | null {
  assertKg(h.tankCapacityKg, "tankCapacityKg");
  return h.tankCapacityKg > 0 ? h.tankCapacityKg * USE_TANK_FACTOR : null;
}

/** The most a hospital can use in a day: the lower of its known ceilings; null when neither is known. */
export function useCeilingKgPerDay(h: Pick<HospitalSize, "beds" | "covidBeds" | "tankCapacityKg">): { kg: number; by: "tank" | "beds" } | null {
  const tank = tankCeilingKgPerDay(h);
  const beds = bedCeilingKgPerDay(h);
  if (tank === null && beds === null) return null;
  if (beds === null || (tank !== null && tank <= beds)) return { kg: tank!, by: "tank" };
  return { kg: beds, by: "beds" };
}

/** ANOMALY_FACTOR × the mean of the previous reports, rounded down; null without history. */
export function unusualUseAboveKg(previousUsedKgNewestFirst: readonly number[]): number | null {
  const history = previousUsedKgNewestFirst.slice(0, BURN_RATE_WINDOW_REPORTS);
  if (history.length === 0) return null;
  history.forEach((kg) => assertKg(kg, "usedKg"));
  const sum = history.reduce((a, kg) => a + kg, 0);
  // for a whole usedKg: usedKg > 3 × sum / n  ⇔  usedKg > floor(3 × sum / n)  (isUsageAnomalous)
  return Math.floor((ANOMALY_FACTOR * sum) / history.length);
}

export type DailyUseCheck =
  | { ok: true; heldForReview: boolean }
  | { ok: false; error: "use_over_tank" | "use_over_beds"; limitKg: number; hard: true }
  | { ok: false; error: "unusual_use"; limitKg: number; hard: false };

/**
 * A day's use: refused above the hospital's ceiling; above ANOMALY_FACTOR × its history it needs
 * the user's confirmation, and once confirmed it is saved and held for review (decision 0018).
 */
export function checkDailyUse(u: { usedKg: number; hospital: HospitalSize; previousUsedKgNewestFirst: readonly number[]; confirmed: boolean }): DailyUseCheck {
  assertKg(u.usedKg, "usedKg");
  const ceiling = useCeilingKgPerDay(u.hospital);
  if (ceiling && u.usedKg > ceiling.kg) return { ok: false, error: ceiling.by === "tank" ? "use_over_tank" : "use_over_beds", limitKg: ceiling.kg, hard: true };
  const unusualAbove = unusualUseAboveKg(u.previousUsedKgNewestFirst);
  const unusual = unusualAbove !== null && u.usedKg > unusualAbove;
  if (unusual && !u.confirmed) return { ok: false, error: "unusual_use", limitKg: unusualAbove, hard: false };
  return { ok: true, heldForReview: unusual };
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Days from now to the end of the needed-by day (WIB), at least MIN_HORIZON_DAYS. */
export function horizonDays(hoursToEndOfNeededBy: number): number {
  if (!Number.isFinite(hoursToEndOfNeededBy)) throw new RangeError(`hours must be finite, got ${hoursToEndOfNeededBy}`);
  return Math.max(MIN_HORIZON_DAYS, hoursToEndOfNeededBy / 24);
}

export interface RequestNeedInput {
  hospital: HospitalSize;
  /** Oxygen in the tank now, projected (floor + usable); null when the hospital never reported: taken as empty. */
  stockNowKg: number | null;
  /** The burn rate of its counted reports (decision 0018); 0 when it has none. */
  burnKgPerDay: number;
  /** Hours from now to the end of the needed-by day (WIB). */
  hoursToEndOfNeededBy: number;
}

export interface RequestLimits {
  days: number;
  /** Free room in the tank now (0 without a tank). */
  roomKg: number;
  /** The measured burn, or without one the planning formula on its COVID beds (decision 0011). */
  expectedBurnKgPerDay: number;
  /** Above this: unusual, to be confirmed. null when nothing is known to judge by. */
  unusualAboveKg: number | null;
  /** Above this: more than the hospital could take in by then. null when nothing is known. */
  impossibleAboveKg: number | null;
}

/** What a hospital could plausibly, and at most, take in by the end of its needed-by day. */
export function requestLimits(r: RequestNeedInput): RequestLimits {
  const h = r.hospital;
  assertKg(h.tankCapacityKg, "tankCapacityKg");
  if (!Number.isFinite(r.burnKgPerDay) || r.burnKgPerDay < 0) throw new RangeError(`burnKgPerDay must be ≥ 0, got ${r.burnKgPerDay}`);
  const days = horizonDays(r.hoursToEndOfNeededBy);
  const roomKg = h.tankCapacityKg > 0 ? Math.max(0, h.tankCapacityKg - Math.max(0, r.stockNowKg ?? 0)) : 0;
  const expectedBurnKgPerDay =
    r.burnKgPerDay > 0 ? r.burnKgPerDay : indiaBedFormulaKgPerDay({ covidBeds: h.covidBeds, icuBeds: Math.min(h.icuBeds, h.covidBeds) });
  const ceiling = useCeilingKgPerDay(h);
  const known = expectedBurnKgPerDay > 0 || roomKg > 0;
  return {
    days,
    roomKg,
    expectedBurnKgPerDay,
    unusualAboveKg: known ? Math.floor(roomKg + UNUSUAL_BURN_FACTOR * expectedBurnKgPerDay * days) : null,
    impossibleAboveKg: ceiling ? Math.floor(roomKg + Math.max(ceiling.kg, UNUSUAL_BURN_FACTOR * expectedBurnKgPerDay) * days) : null,
  };
}

export type RequestCheck =
  | { ok: true; unusual: boolean }
  | { ok: false; error: "request_impossible"; limitKg: number; hard: true }
  | { ok: false; error: "request_unusual"; limitKg: number; hard: false };

/**
 * A requested (or approved) amount against the hospital's limits. `hardLimit: false` (an
 * approval, judged later than the request was made) only ever asks for confirmation.
 */
export function checkRequestedKg(kg: number, limits: RequestLimits, opts: { confirmed: boolean; hardLimit?: boolean }): RequestCheck {
  assertKg(kg, "kg");
  if ((opts.hardLimit ?? true) && limits.impossibleAboveKg !== null && kg > limits.impossibleAboveKg) {
    return { ok: false, error: "request_impossible", limitKg: limits.impossibleAboveKg, hard: true };
  }
  const unusual = limits.unusualAboveKg !== null && kg > limits.unusualAboveKg;
  if (unusual && !opts.confirmed) return { ok: false, error: "request_unusual", limitKg: limits.unusualAboveKg!, hard: false };
  return { ok: true, unusual };
}
