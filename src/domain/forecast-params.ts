// A forecast scenario's parameters, as the page, the URL and a saved Scenario row carry them.
// Pure (no server, no React): the server page settles the URL's values with it (read by
// src/app/(app)/forecast/search-params.ts) and the browser writes the URL back with it, so a
// link always reopens the same what-if.

import { isDay, type Day } from "@/domain/day";

export const WAVE_MIN = 1;
export const WAVE_MAX = 5;
export const WAVE_STEP = 0.5;
export const SHIFT_MIN_PP = -100;
export const SHIFT_MAX_PP = 100;
export const PLEDGED_MAX_TONNES = 5000;
/** A rate set computed from the hospitals' own reported use (not a stored FlowRateSet row). */
export const REPORTED_RATES_KEY = "reported";
export const BASES = ["patients", "cases"] as const;
export type Basis = (typeof BASES)[number];

export type ScenarioParams = {
  /** a FlowRateSet key, or REPORTED_RATES_KEY */
  rateSet: string;
  /** which series' trend the patients follow */
  basis: Basis;
  waveMultiplier: number;
  /** percentage points of production moved from industrial to medical (negative: back to industry) */
  shiftPercentagePoints: number;
  extraPledgedKgPerDay: number;
  /** the day the forecast starts from; absent: the latest reports */
  asOf?: Day;
};

export const BASE_PARAMS: Omit<ScenarioParams, "rateSet"> = { basis: "patients", waveMultiplier: 1, shiftPercentagePoints: 0, extraPledgedKgPerDay: 0 };

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || v.trim() === "") return null;
  const n = Number(v.trim().replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/**
 * Lenient: whatever a link or a stored row holds, out-of-range values are clamped and unknown
 * ones fall back to `defaults` (a link someone shortened by hand still opens).
 */
export function normalizeParams(raw: Record<string, unknown>, defaults: ScenarioParams, rateKeys: readonly string[]): ScenarioParams {
  const rateSet = typeof raw.rateSet === "string" && (rateKeys.includes(raw.rateSet) || raw.rateSet === REPORTED_RATES_KEY) ? raw.rateSet : defaults.rateSet;
  const basis = BASES.includes(raw.basis as Basis) ? (raw.basis as Basis) : defaults.basis;
  const wave = num(raw.waveMultiplier);
  const shift = num(raw.shiftPercentagePoints);
  const pledged = num(raw.extraPledgedKgPerDay);
  const asOf = typeof raw.asOf === "string" && isDay(raw.asOf) ? raw.asOf : defaults.asOf;
  return {
    rateSet,
    basis,
    waveMultiplier: wave === null ? defaults.waveMultiplier : clamp(Math.round(wave / WAVE_STEP) * WAVE_STEP, WAVE_MIN, WAVE_MAX),
    shiftPercentagePoints: shift === null ? defaults.shiftPercentagePoints : clamp(Math.round(shift), SHIFT_MIN_PP, SHIFT_MAX_PP),
    extraPledgedKgPerDay: pledged === null ? defaults.extraPledgedKgPerDay : clamp(Math.round(pledged), 0, PLEDGED_MAX_TONNES * 1000),
    ...(asOf ? { asOf } : {}),
  };
}

/** Parameters → a query string holding only what differs from the defaults. */
export function paramsToSearch(p: ScenarioParams, defaults: ScenarioParams): string {
  const q = new URLSearchParams();
  if (p.asOf) q.set("asOf", p.asOf);
  if (p.rateSet !== defaults.rateSet) q.set("rates", p.rateSet);
  if (p.basis !== defaults.basis) q.set("basis", p.basis);
  if (p.waveMultiplier !== defaults.waveMultiplier) q.set("wave", String(p.waveMultiplier));
  if (p.shiftPercentagePoints !== defaults.shiftPercentagePoints) q.set("shift", String(p.shiftPercentagePoints));
  if (p.extraPledgedKgPerDay !== defaults.extraPledgedKgPerDay) q.set("pledged", String(p.extraPledgedKgPerDay / 1000));
  return q.toString();
}
