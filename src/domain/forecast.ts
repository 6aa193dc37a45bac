// Demand forecast: daily medical-oxygen demand from patients on oxygen × flow rates, a
// log-linear growth fit projected 14 days ahead with an uncertainty band, the first day the
// region runs short under a scenario, and a plausibility check of a hospital's reported use.
// Pure; model, assumptions and limits in docs/decisions/0011-demand-forecast.md.
//
// All gas volumes are at 15 °C and 1 atm (oxygen gas 1.354 kg/m³): 1 L/min for a day is
// 1.44 m³ = 1.94976 kg, so 10 L/min ≈ 19.50 kg/day. Results are whole kilograms, rounded to
// the nearest kilogram at the end (never per patient).

import { addDays, daysBetween, type Day } from "./day";

export const OXYGEN_GAS_KG_PER_M3 = 1.354; // 15 °C, 1 atm
export const MINUTES_PER_DAY = 24 * 60;
/** Kilograms of oxygen per day delivered by a flow of 1 L/min (1.44 m³/day at 15 °C). */
export const KG_PER_DAY_PER_LPM = (MINUTES_PER_DAY / 1000) * OXYGEN_GAS_KG_PER_M3; // 1.94976

export interface FlowRates {
  severeLpm: number;
  criticalLpm: number;
}

export interface PatientsOnOxygen {
  severe: number;
  critical: number;
}

/** WHO planning rates (COVID-19 oxygen surge planning): severe 10 L/min, critical 30 L/min. */
export const WHO_PLANNING_RATES: Readonly<FlowRates> = Object.freeze({ severeLpm: 10, criticalLpm: 30 });
/** WHO's ratio of a critical to a severe patient's flow, used to split a measured total. */
export const WHO_CRITICAL_TO_SEVERE = WHO_PLANNING_RATES.criticalLpm / WHO_PLANNING_RATES.severeLpm;

/**
 * India 2021 hospital formula (Ministry of Health guidance for COVID hospitals, April 2021):
 * 50 % of the non-ICU oxygen beds × 10 L/min + ICU beds × 24 L/min.
 */
export const INDIA_2021_NON_ICU_SHARE = 0.5;
export const INDIA_2021_NON_ICU_LPM = 10;
export const INDIA_2021_ICU_LPM = 24;

/** A reported use within [MIN, MAX] × what the patients imply is plausible. */
export const USE_RATIO_MIN = 0.5;
export const USE_RATIO_MAX = 2;

/** Growth fit window, in days of the series ending at its latest day. */
export const MIN_FIT_DAYS = 7;
export const MAX_FIT_DAYS = 14;
export const DEFAULT_HORIZON_DAYS = 14;
/** Two-sided 95 % normal quantile: the band is slope ± Z_95 × standard error. */
export const Z_95 = 1.96;

function assertNonNeg(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
}

function lpmOf(patients: PatientsOnOxygen, rates: FlowRates): number {
  assertNonNeg(patients.severe, "severe patients");
  assertNonNeg(patients.critical, "critical patients");
  assertNonNeg(rates.severeLpm, "severeLpm");
  assertNonNeg(rates.criticalLpm, "criticalLpm");
  return patients.severe * rates.severeLpm + patients.critical * rates.criticalLpm;
}

/** Kilograms per day for a continuous flow, unrounded. */
export function lpmToKgPerDay(lpm: number): number {
  return lpm * KG_PER_DAY_PER_LPM;
}

/** Daily demand, whole kg, of patients on oxygen at the given flow rates. */
export function demandKgPerDay(patients: PatientsOnOxygen, rates: FlowRates): number {
  return Math.round(lpmToKgPerDay(lpmOf(patients, rates)));
}

/**
 * India's 2021 formula, whole kg/day, applied to the beds set aside for COVID (the oxygen beds),
 * not the whole hospital: a hospital's other wards are not on COVID oxygen. `icuBeds` are the
 * COVID ICU beds within `covidBeds`, so the non-ICU oxygen beds are covidBeds − icuBeds.
 */
export function indiaBedFormulaKgPerDay(hospital: { covidBeds: number; icuBeds: number }): number {
  assertNonNeg(hospital.covidBeds, "covidBeds");
  assertNonNeg(hospital.icuBeds, "icuBeds");
  if (hospital.icuBeds > hospital.covidBeds) throw new RangeError("icuBeds cannot exceed covidBeds");
  const lpm = (hospital.covidBeds - hospital.icuBeds) * INDIA_2021_NON_ICU_SHARE * INDIA_2021_NON_ICU_LPM + hospital.icuBeds * INDIA_2021_ICU_LPM;
  return Math.round(lpmToKgPerDay(lpm));
}

/**
 * A hospital's own burn rate as a rate set: its measured kg/day spread over its patients,
 * a critical patient counting `criticalToSevere` severe ones. Null without patients.
 */
export function measuredRates(usedKgPerDay: number, patients: PatientsOnOxygen, criticalToSevere: number = WHO_CRITICAL_TO_SEVERE): FlowRates | null {
  assertNonNeg(usedKgPerDay, "usedKgPerDay");
  const severeEquivalents = lpmOf(patients, { severeLpm: 1, criticalLpm: criticalToSevere });
  if (severeEquivalents === 0) return null;
  const severeLpm = usedKgPerDay / KG_PER_DAY_PER_LPM / severeEquivalents;
  return { severeLpm, criticalLpm: severeLpm * criticalToSevere };
}

// ---- consistency check -----------------------------------------------------------------------

export type UseCheckStatus = "ok" | "low" | "high" | "use_without_patients";

export interface UseCheck {
  reportedKg: number;
  impliedKg: number;
  /** reported / implied; null when nothing is implied. */
  ratio: number | null;
  status: UseCheckStatus;
  flagged: boolean;
}

/** Compares a hospital's reported 24-h use with what its reported patients imply. */
export function checkReportedUse(reportedUsedKg: number, patients: PatientsOnOxygen, rates: FlowRates): UseCheck {
  assertNonNeg(reportedUsedKg, "reportedUsedKg");
  const impliedKg = demandKgPerDay(patients, rates);
  if (impliedKg === 0) {
    const status: UseCheckStatus = reportedUsedKg > 0 ? "use_without_patients" : "ok";
    return { reportedKg: reportedUsedKg, impliedKg, ratio: null, status, flagged: status !== "ok" };
  }
  const ratio = reportedUsedKg / impliedKg;
  const status: UseCheckStatus = ratio < USE_RATIO_MIN ? "low" : ratio > USE_RATIO_MAX ? "high" : "ok";
  return { reportedKg: reportedUsedKg, impliedKg, ratio, status, flagged: status !== "ok" };
}

// ---- growth ----------------------------------------------------------------------------------

export interface SeriesPoint {
  day: Day;
  value: number;
}

export interface GrowthFit {
  fromDay: Day;
  toDay: Day;
  points: number;
  /** ln(value) = intercept + slope × (days since fromDay). */
  slope: number;
  intercept: number;
  slopeStdError: number;
  /** e^slope − 1: 0.1 = +10 % a day. */
  dailyGrowthRate: number;
  lowDailyGrowthRate: number;
  highDailyGrowthRate: number;
  /** ln 2 / slope when growing, else null. */
  doublingDays: number | null;
  /** The last observed value: projections start from it. */
  lastValue: number;
}

/**
 * Least-squares fit of ln(value) against the day over the last `windowDays` calendar days of
 * the series (7–14). Null when the window holds fewer than MIN_FIT_DAYS points or a value ≤ 0
 * (a logarithm needs positive values).
 */
export function fitGrowth(series: readonly SeriesPoint[], windowDays: number = MAX_FIT_DAYS): GrowthFit | null {
  if (!Number.isInteger(windowDays) || windowDays < MIN_FIT_DAYS || windowDays > MAX_FIT_DAYS) {
    throw new RangeError(`windowDays must be an integer from ${MIN_FIT_DAYS} to ${MAX_FIT_DAYS}`);
  }
  if (series.length === 0) return null;
  const sorted = [...series].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].day === sorted[i - 1].day) throw new RangeError(`two values for ${sorted[i].day}`);
  }
  const toDay = sorted[sorted.length - 1].day;
  const window = sorted.filter((p) => daysBetween(p.day, toDay) < windowDays);
  if (window.length < MIN_FIT_DAYS) return null;
  if (window.some((p) => !Number.isFinite(p.value) || p.value <= 0)) return null;

  const fromDay = window[0].day;
  const n = window.length;
  const xs = window.map((p) => daysBetween(fromDay, p.day));
  const ys = window.map((p) => Math.log(p.value));
  const xMean = xs.reduce((a, b) => a + b, 0) / n;
  const yMean = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - xMean) ** 2;
    sxy += (xs[i] - xMean) * (ys[i] - yMean);
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - (intercept + slope * xs[i])) ** 2;
  const slopeStdError = Math.sqrt(sse / (n - 2) / sxx);
  return {
    fromDay,
    toDay,
    points: n,
    slope,
    intercept,
    slopeStdError,
    dailyGrowthRate: Math.expm1(slope),
    lowDailyGrowthRate: Math.expm1(slope - Z_95 * slopeStdError),
    highDailyGrowthRate: Math.expm1(slope + Z_95 * slopeStdError),
    doublingDays: slope > 0 ? Math.LN2 / slope : null,
    lastValue: window[n - 1].value,
  };
}

export interface GrowthProjection {
  day: Day;
  /** Multiplier on the last observed value: e^(slope × k), k days after the fit's last day. */
  factor: number;
  lowFactor: number;
  highFactor: number;
}

/** Growth multipliers for the `horizonDays` days after the fit's last day. */
export function projectGrowth(fit: GrowthFit, horizonDays: number = DEFAULT_HORIZON_DAYS): GrowthProjection[] {
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError("horizonDays must be a positive integer");
  const band = Z_95 * fit.slopeStdError;
  const out: GrowthProjection[] = [];
  for (let k = 1; k <= horizonDays; k++) {
    out.push({
      day: addDays(fit.toDay, k),
      factor: Math.exp(fit.slope * k),
      lowFactor: Math.exp((fit.slope - band) * k),
      highFactor: Math.exp((fit.slope + band) * k),
    });
  }
  return out;
}

// ---- forecast with scenarios -----------------------------------------------------------------

export interface Scenario {
  /** Multiplies the projected patients (a new wave): 1 (none), 2, 3… */
  waveMultiplier?: number;
  /**
   * Percentage points of production moved from industrial to medical (0–100); negative moves
   * medical back to industry (e.g. the governor's instruction lapses), down to −100.
   */
  shiftPercentagePoints?: number;
  /** Extra pledged kilograms per day. */
  extraPledgedKgPerDay?: number;
}

export interface SupplyBaseline {
  /** Medical oxygen available to the region per day now, kg. */
  medicalKgPerDay: number;
  /** Total production per day (medical + industrial), kg. */
  productionKgPerDay: number;
}

export interface ForecastInput {
  fit: GrowthFit;
  /** Patients on oxygen on the fit's last day; they grow with the fitted series. */
  patients: PatientsOnOxygen;
  rates: FlowRates;
  supply: SupplyBaseline;
  scenario?: Scenario;
  horizonDays?: number;
}

export interface ForecastDay {
  day: Day;
  /** Projected patients (fractional: an expectation, not a head count). */
  severe: number;
  critical: number;
  demandKg: number;
  demandLowKg: number;
  demandHighKg: number;
  supplyKg: number;
  /** max(0, demand − supply), whole kg; likewise for the band's ends. */
  shortfallKg: number;
  shortfallLowKg: number;
  shortfallHighKg: number;
}

export interface Forecast {
  days: ForecastDay[];
  /** Medical supply per day under the scenario, kg (constant over the horizon). */
  supplyKgPerDay: number;
  /** Kilograms per day moved from industrial to medical by the scenario (negative: to industry). */
  shiftedKgPerDay: number;
  /** First projected day with demand above supply: central, optimistic (low) and pessimistic (high). */
  firstShortDay: Day | null;
  firstShortDayLow: Day | null;
  firstShortDayHigh: Day | null;
  maxShortfallKg: number;
  totalShortfallKg: number;
}

/**
 * Kilograms per day a shift of `shiftPp` percentage points of production moves to medical:
 * at most what is industrial today, and (negative) at most what is medical today.
 */
export function shiftedKg(supply: SupplyBaseline, shiftPp: number): number {
  const industrial = Math.max(0, supply.productionKgPerDay - supply.medicalKgPerDay);
  const moved = Math.round((supply.productionKgPerDay * shiftPp) / 100);
  return Math.max(-supply.medicalKgPerDay, Math.min(industrial, moved));
}

export function forecastDemand(input: ForecastInput): Forecast {
  const { fit, patients, rates, supply, scenario = {} } = input;
  const wave = scenario.waveMultiplier ?? 1;
  const shiftPp = scenario.shiftPercentagePoints ?? 0;
  const pledged = scenario.extraPledgedKgPerDay ?? 0;
  assertNonNeg(wave, "waveMultiplier");
  assertNonNeg(pledged, "extraPledgedKgPerDay");
  if (!(shiftPp >= -100 && shiftPp <= 100)) throw new RangeError("shiftPercentagePoints must be from -100 to 100");
  assertNonNeg(supply.medicalKgPerDay, "medicalKgPerDay");
  assertNonNeg(supply.productionKgPerDay, "productionKgPerDay");

  const shiftedKgPerDay = shiftedKg(supply, shiftPp);
  const supplyKgPerDay = Math.round(supply.medicalKgPerDay + shiftedKgPerDay + pledged);

  const baseKgPerDay = lpmToKgPerDay(lpmOf(patients, rates)) * wave;
  const days = projectGrowth(fit, input.horizonDays ?? DEFAULT_HORIZON_DAYS).map((g): ForecastDay => {
    const demandKg = Math.round(baseKgPerDay * g.factor);
    const demandLowKg = Math.round(baseKgPerDay * g.lowFactor);
    const demandHighKg = Math.round(baseKgPerDay * g.highFactor);
    return {
      day: g.day,
      severe: patients.severe * wave * g.factor,
      critical: patients.critical * wave * g.factor,
      demandKg,
      demandLowKg,
      demandHighKg,
      supplyKg: supplyKgPerDay,
      shortfallKg: Math.max(0, demandKg - supplyKgPerDay),
      shortfallLowKg: Math.max(0, demandLowKg - supplyKgPerDay),
      shortfallHighKg: Math.max(0, demandHighKg - supplyKgPerDay),
    };
  });
  const first = (key: "shortfallKg" | "shortfallLowKg" | "shortfallHighKg") => days.find((d) => d[key] > 0)?.day ?? null;
  return {
    days,
    supplyKgPerDay,
    shiftedKgPerDay,
    firstShortDay: first("shortfallKg"),
    firstShortDayLow: first("shortfallLowKg"),
    firstShortDayHigh: first("shortfallHighKg"),
    maxShortfallKg: days.reduce((m, d) => Math.max(m, d.shortfallKg), 0),
    totalShortfallKg: days.reduce((s, d) => s + d.shortfallKg, 0),
  };
}

/**
 * How much industrial use must be held back to close the medical gap: the smallest whole number
 * of percentage points of production moved to medical, measured from today's split (with the
 * scenario's wave and pledges, ignoring its own shift), that leaves no shortfall on any projected
 * day — at the central projection, or at the band's pessimistic end. Positive: hold industry
 * back by that much; zero or negative: today's split is enough, and up to that many points could
 * go back to industry. Null when moving all industrial use is not enough.
 */
export function shiftToCloseGap(input: ForecastInput, end: "central" | "high" = "central"): number | null {
  const base = forecastDemand({ ...input, scenario: { ...input.scenario, shiftPercentagePoints: 0 } });
  const key = end === "central" ? "demandKg" : "demandHighKg";
  const peakKg = base.days.reduce((m, d) => Math.max(m, d[key]), 0);
  const gapKg = peakKg - base.supplyKgPerDay;
  // shiftedKg grows with the points, so the first that covers the gap is the smallest
  for (let pp = -100; pp <= 100; pp++) if (shiftedKg(input.supply, pp) >= gapKg) return pp;
  return null;
}
