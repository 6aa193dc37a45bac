// A delivery has two figures: what left the plant (dispatched) and what the hospital confirmed
// (received). They are both kept; a difference beyond the tolerance is flagged for the task
// force, never merged away.

import { assertKg } from "./mass";

/**
 * Differences up to 1 % of the dispatched mass are taken as measurement and boil-off, not loss:
 * the plant's weighbridge ticket and the hospital's tank gauge rarely agree exactly, and liquid
 * oxygen boils off on the road. A working choice of the app, not a published standard.
 */
export const RECEIPT_TOLERANCE_PCT = 1;
/**
 * …and never less than 10 kg, so small loads are not flagged for a gauge's last digit. Note that
 * one missing 6 m³ cylinder (8.1 kg) is within it: receipts of cylinders should be counted too.
 */
export const RECEIPT_TOLERANCE_MIN_KG = 10;

/** The larger of 1 % of the dispatched mass and 10 kg. */
export function receiptToleranceKg(dispatchedKg: number): number {
  assertKg(dispatchedKg, "dispatchedKg");
  return Math.max(RECEIPT_TOLERANCE_MIN_KG, (dispatchedKg * RECEIPT_TOLERANCE_PCT) / 100);
}

export type ReceiptDirection = "short" | "over" | "exact";

export interface ReceiptDiscrepancy {
  /** received − dispatched: negative when the hospital got less. */
  differenceKg: number;
  toleranceKg: number;
  direction: ReceiptDirection;
  /** |difference| strictly above the tolerance. */
  flagged: boolean;
}

export function receiptDiscrepancy(dispatchedKg: number, receivedKg: number): ReceiptDiscrepancy {
  assertKg(receivedKg, "receivedKg");
  const toleranceKg = receiptToleranceKg(dispatchedKg);
  const differenceKg = receivedKg - dispatchedKg;
  const gap = Math.abs(differenceKg);
  return {
    differenceKg,
    toleranceKg,
    direction: differenceKg < 0 ? "short" : differenceKg > 0 ? "over" : "exact",
    // in whole numbers: gap > dispatched × pct / 100, and gap > the floor
    flagged: gap > RECEIPT_TOLERANCE_MIN_KG && gap * 100 > dispatchedKg * RECEIPT_TOLERANCE_PCT,
  };
}

// ---------------------------------------------------------------------------------------------
// Limits on what one dispatch and one receipt may say. Two kinds: a hard limit where the figure
// cannot be true (more than the allocation or tranche has left; a hospital accepting far more
// than left the plant), and a warning the user confirms where it is merely unusual (a trip
// larger than any road tanker carries, a receipt above the dispatch beyond the tolerance).

/**
 * The largest liquid load of one road trip: Indonesian road tankers and ISO containers carry
 * about 20 t of liquid oxygen. A trip above this is asked to be confirmed (often a kg/t slip).
 */
export const UNUSUAL_TRIP_KG = 25_000;

/** Above the dispatch by more than this share (and the tolerance) a receipt cannot be a gauge error. */
export const RECEIPT_IMPOSSIBLE_OVER_PCT = 10;

export type DispatchCheck = { ok: true } | { ok: false; error: "over_remaining" | "unusual_trip"; limitKg: number };

/** kg for this trip against what the allocation or tranche has left to send. */
export function checkDispatch(d: { kg: number; remainingKg: number; confirmed: boolean }): DispatchCheck {
  assertKg(d.kg, "kg");
  if (d.kg > d.remainingKg) return { ok: false, error: "over_remaining", limitKg: Math.max(0, d.remainingKg) };
  if (d.kg > UNUSUAL_TRIP_KG && !d.confirmed) return { ok: false, error: "unusual_trip", limitKg: UNUSUAL_TRIP_KG };
  return { ok: true };
}

export type ReceiptCheck =
  | { ok: true; discrepancy: ReceiptDiscrepancy }
  | {
      ok: false;
      field: "receivedKg" | "rejectedKg" | "shortReason";
      error: "received_too_much" | "unusual_receipt" | "required" | "over_dispatched";
      limitKg?: number;
    };

/**
 * A receipt: accepted kg (into the hospital's stock) and rejected kg (refused at the door, e.g.
 * wrong purity or a leaking cylinder); what is neither is missing. A difference beyond the
 * tolerance, and any rejection, needs a reason.
 */
export function checkReceipt(r: { dispatchedKg: number; acceptedKg: number; rejectedKg: number; reason: string; confirmed: boolean }): ReceiptCheck {
  assertKg(r.acceptedKg, "acceptedKg");
  assertKg(r.rejectedKg, "rejectedKg");
  const counted = r.acceptedKg + r.rejectedKg;
  const tolerance = receiptToleranceKg(r.dispatchedKg);
  const impossibleAbove = r.dispatchedKg + Math.max(tolerance, (r.dispatchedKg * RECEIPT_IMPOSSIBLE_OVER_PCT) / 100);
  if (r.rejectedKg > r.dispatchedKg) return { ok: false, field: "rejectedKg", error: "over_dispatched", limitKg: r.dispatchedKg };
  if (counted > impossibleAbove) return { ok: false, field: "receivedKg", error: "received_too_much", limitKg: Math.floor(impossibleAbove) };
  const discrepancy = receiptDiscrepancy(r.dispatchedKg, r.acceptedKg);
  const over = receiptDiscrepancy(r.dispatchedKg, counted);
  if (over.flagged && over.direction === "over" && !r.confirmed) return { ok: false, field: "receivedKg", error: "unusual_receipt", limitKg: r.dispatchedKg };
  if ((discrepancy.flagged || r.rejectedKg > 0) && r.reason.trim() === "") return { ok: false, field: "shortReason", error: "required" };
  return { ok: true, discrepancy };
}
