// Cylinders (decision 0039): a hospital or a distributor holds full and empty cylinders of each
// type; a type is sized by the gas it releases (m³ at 15 °C), so its oxygen in kilograms comes
// from the one conversion in ./mass. A hospital that runs on cylinders has as stock the oxygen in
// its full cylinders. Counts never go below zero (the database's CHECK is the last word; these
// functions say why before it has to).

import { cylinderKg } from "./mass";

export type CylinderCounts = { full: number; empty: number };
export type CylinderDelta = { fullDelta: number; emptyDelta: number };
export type CylinderMoveKind = "count" | "refill" | "delivery" | "return";

/** Oxygen in whole kilograms in `n` cylinders of a size (rounded once, over the sum). */
export function cylindersKg(n: number, sizeM3: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count of cylinders must be a whole number ≥ 0, got ${n}`);
  return Math.round(Number((n * cylinderKg(sizeM3)).toFixed(6)));
}

/** A holder's stock in kilograms: the oxygen in its full cylinders of every type, rounded once. */
export function fullCylindersKg(lines: readonly { full: number; sizeM3: number }[]): number {
  for (const l of lines) if (!Number.isInteger(l.full) || l.full < 0) throw new RangeError(`full cylinders must be ≥ 0, got ${l.full}`);
  return Math.round(Number(lines.reduce((kg, l) => kg + l.full * cylinderKg(l.sizeM3), 0).toFixed(6)));
}

/** What a count changes: from the counts on record to the counts just made. */
export function countDelta(current: CylinderCounts, counted: CylinderCounts): CylinderDelta {
  return { fullDelta: counted.full - current.full, emptyDelta: counted.empty - current.empty };
}

/** What a count says about the last 24 h's use (decision 0039). */
export type CountedUse = { kind: "counted"; kg: number } | { kind: "not_counted" } | { kind: "incomplete"; blank: number[] };

/**
 * The use a count reports, from the cylinders emptied in the last 24 h per size. A blank box means
 * "not counted", never 0: every box blank leaves the use to the last report; every box filled in
 * (0 for a size none of which was emptied) gives the oxygen in the emptied cylinders; some filled
 * in and some blank would count the blank sizes as nothing emptied, so it names the blank ones.
 */
export function countedUse(lines: readonly { used?: number; sizeM3: number }[]): CountedUse {
  const blank = lines.flatMap((l, i) => (l.used === undefined ? [i] : []));
  if (blank.length === lines.length) return { kind: "not_counted" };
  if (blank.length > 0) return { kind: "incomplete", blank };
  return { kind: "counted", kg: fullCylindersKg(lines.map((l) => ({ full: l.used!, sizeM3: l.sizeM3 }))) };
}

/** A refill at a distributor turns `n` empties into fulls. */
export const refillDelta = (n: number): CylinderDelta => ({ fullDelta: n, emptyDelta: -n });

/**
 * The two sides of a transfer of `n` cylinders between a distributor and a hospital: a delivery
 * takes fulls from the distributor to the hospital, a return brings empties back.
 */
export function transferDeltas(kind: "delivery" | "return", n: number): { supplier: CylinderDelta; hospital: CylinderDelta } {
  return kind === "delivery"
    ? { supplier: { fullDelta: -n, emptyDelta: 0 }, hospital: { fullDelta: n, emptyDelta: 0 } }
    : { supplier: { fullDelta: 0, emptyDelta: n }, hospital: { fullDelta: 0, emptyDelta: -n } };
}

/** Counts after a movement, or which count it would take below zero. */
export function applyDelta(c: CylinderCounts, d: CylinderDelta): { ok: true; counts: CylinderCounts } | { ok: false; short: "full" | "empty" } {
  const full = c.full + d.fullDelta;
  const empty = c.empty + d.emptyDelta;
  if (full < 0) return { ok: false, short: "full" };
  if (empty < 0) return { ok: false, short: "empty" };
  return { ok: true, counts: { full, empty } };
}
