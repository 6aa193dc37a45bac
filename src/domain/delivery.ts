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
