// A pledge (bantuan, komitmen): a supplier commits N tonnes over a period, delivered in
// tranches — e.g. PT Chandra Asri's 120 t of liquid oxygen in stages over two months.
// Tranches are what the supplier owes by a date; progress compares that with what arrived.

import { addDays, daysBetween, isDay, type Day } from "./day";

export interface Tranche {
  /** The day by which this tranche should have arrived. */
  dueOn: Day;
  kg: number;
}

/** Where the kilograms that do not divide evenly go. */
export type RemainderRule = "last" | "spread";

export type TranchePlanInput = {
  totalKg: number;
  startsOn: Day;
  endsOn: Day;
  /** "last": the last tranche takes the remainder; "spread": the earliest tranches take 1 kg each. */
  remainder?: RemainderRule;
} & ({ count: number; everyDays?: undefined } | { everyDays: number; count?: undefined });

export type TranchePlanErrors = Partial<
  Record<"totalKg" | "startsOn" | "endsOn" | "count" | "everyDays", "invalid_type" | "invalid_format" | "positive" | "date_order" | "too_big">
>;

export type TranchePlan = { ok: true; tranches: Tranche[] } | { ok: false; errors: TranchePlanErrors };

/**
 * Equal tranches whose kilograms sum exactly to the total.
 *
 * Due dates: the period is cut into equal parts and each tranche is due at the END of its part,
 * so the last is due on endsOn and nothing is owed on the day the pledge starts.
 *  - `count: N`  → due on startsOn + round(span × i / N), i = 1..N (span = days from start to end)
 *  - `everyDays: K` → due on startsOn + K, + 2K, … and the last on endsOn (N = ceil(span / K))
 * At most one tranche per day: N may not exceed the span (1 when the pledge is a single day).
 */
export function planTranches(input: TranchePlanInput): TranchePlan {
  const errors: TranchePlanErrors = {};
  const { totalKg, startsOn, endsOn } = input;
  if (!Number.isInteger(totalKg)) errors.totalKg = "invalid_type";
  else if (totalKg <= 0) errors.totalKg = "positive";
  if (!isDay(startsOn)) errors.startsOn = "invalid_format";
  if (!isDay(endsOn)) errors.endsOn = "invalid_format";
  else if (!errors.startsOn && endsOn < startsOn) errors.endsOn = "date_order";

  const field = input.count !== undefined ? "count" : "everyDays";
  const step = input.count !== undefined ? input.count : input.everyDays;
  if (!Number.isInteger(step)) errors[field] = "invalid_type";
  else if (step <= 0) errors[field] = "positive";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const span = daysBetween(startsOn, endsOn);
  const maxTranches = Math.max(1, span);
  let dueOffsets: number[];
  if (input.count !== undefined) {
    if (input.count > maxTranches) return { ok: false, errors: { count: "too_big" } };
    dueOffsets = Array.from({ length: input.count }, (_, i) => Math.round((span * (i + 1)) / input.count));
  } else {
    const n = Math.max(1, Math.ceil(span / input.everyDays));
    dueOffsets = Array.from({ length: n }, (_, i) => Math.min(span, input.everyDays * (i + 1)));
  }
  if (dueOffsets.length > totalKg) return { ok: false, errors: { [field]: "too_big" } };

  const kgs = splitEvenly(totalKg, dueOffsets.length, input.remainder ?? "last");
  return { ok: true, tranches: dueOffsets.map((offset, i) => ({ dueOn: addDays(startsOn, offset), kg: kgs[i] })) };
}

/** n whole-kg parts summing exactly to totalKg. */
function splitEvenly(totalKg: number, n: number, remainder: RemainderRule): number[] {
  const base = Math.floor(totalKg / n);
  const rest = totalKg - base * n;
  return Array.from({ length: n }, (_, i) => {
    if (remainder === "last") return i === n - 1 ? base + rest : base;
    return i < rest ? base + 1 : base;
  });
}

export type PledgeStatus = "complete" | "on_track" | "behind";

export interface PledgeProgress {
  totalKg: number;
  /** What the tranches due on or before the day add up to. */
  dueToDateKg: number;
  deliveredKg: number;
  remainingKg: number;
  /** deliveredKg / totalKg × 100, capped at 100. */
  deliveredPct: number;
  status: PledgeStatus;
}

/** Still to come; an over-delivery does not make it negative. */
export function remainingKg(totalKg: number, deliveredKg: number): number {
  return Math.max(0, totalKg - deliveredKg);
}

/**
 * Progress of a pledge on a day. deliveredKg is what hospitals confirmed receiving (not what
 * left the plant). The total is the pledge's own figure, not the tranches' sum, so a schedule
 * edited to less than the pledge cannot make it "complete" early.
 */
export function pledgeProgress(totalKg: number, tranches: readonly Tranche[], deliveredKg: number, day: Day): PledgeProgress {
  if (!Number.isInteger(deliveredKg) || deliveredKg < 0) throw new RangeError(`deliveredKg must be whole kg ≥ 0, got ${deliveredKg}`);
  const dueToDateKg = Math.min(
    totalKg,
    tranches.filter((t) => t.dueOn <= day).reduce((sum, t) => sum + t.kg, 0),
  );
  const status: PledgeStatus = deliveredKg >= totalKg ? "complete" : deliveredKg >= dueToDateKg ? "on_track" : "behind";
  return {
    totalKg,
    dueToDateKg,
    deliveredKg,
    remainingKg: remainingKg(totalKg, deliveredKg),
    deliveredPct: totalKg === 0 ? 100 : Math.min(100, (deliveredKg / totalKg) * 100),
    status,
  };
}
