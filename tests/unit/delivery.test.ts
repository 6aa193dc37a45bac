import { describe, expect, it } from "vitest";
import { RECEIPT_TOLERANCE_MIN_KG, RECEIPT_TOLERANCE_PCT, receiptDiscrepancy, receiptToleranceKg } from "../../src/domain/delivery";

describe("receipt tolerance", () => {
  it("is 1 % of what was dispatched, at least 10 kg", () => {
    expect(RECEIPT_TOLERANCE_PCT).toBe(1);
    expect(RECEIPT_TOLERANCE_MIN_KG).toBe(10);
    expect(receiptToleranceKg(0)).toBe(10);
    expect(receiptToleranceKg(500)).toBe(10);
    expect(receiptToleranceKg(1000)).toBe(10);
    expect(receiptToleranceKg(1001)).toBe(10.01);
    expect(receiptToleranceKg(20_000)).toBe(200); // a full road tanker
  });
});

describe("receiptDiscrepancy", () => {
  it("a 20 t tanker: 200 kg short is within tolerance, 201 kg is flagged", () => {
    expect(receiptDiscrepancy(20_000, 19_800)).toEqual({ differenceKg: -200, toleranceKg: 200, direction: "short", flagged: false });
    expect(receiptDiscrepancy(20_000, 19_799)).toEqual({ differenceKg: -201, toleranceKg: 200, direction: "short", flagged: true });
  });

  it("more received than dispatched is flagged the same way", () => {
    expect(receiptDiscrepancy(20_000, 20_200).flagged).toBe(false);
    expect(receiptDiscrepancy(20_000, 20_201)).toEqual({ differenceKg: 201, toleranceKg: 200, direction: "over", flagged: true });
  });

  it("small loads use the 10 kg floor", () => {
    expect(receiptDiscrepancy(406, 396).flagged).toBe(false); // 50 cylinders of 6 m³, 10 kg short
    expect(receiptDiscrepancy(406, 395).flagged).toBe(true);
    expect(receiptDiscrepancy(1000, 1010).flagged).toBe(false);
    expect(receiptDiscrepancy(1000, 1011).flagged).toBe(true);
  });

  it("between the two, 1 % decides", () => {
    expect(receiptDiscrepancy(1500, 1485)).toMatchObject({ differenceKg: -15, toleranceKg: 15, flagged: false });
    expect(receiptDiscrepancy(1500, 1484)).toMatchObject({ differenceKg: -16, flagged: true });
    expect(receiptDiscrepancy(1550, 1534).flagged).toBe(true); // 16 > 15.5
    expect(receiptDiscrepancy(1550, 1535).flagged).toBe(false); // 15 ≤ 15.5
  });

  it("an exact receipt", () => {
    expect(receiptDiscrepancy(8124, 8124)).toEqual({ differenceKg: 0, toleranceKg: 81.24, direction: "exact", flagged: false });
  });

  it("nothing arrived of a tanker", () => {
    expect(receiptDiscrepancy(20_000, 0)).toMatchObject({ differenceKg: -20_000, flagged: true });
  });

  it("rejects impossible figures", () => {
    expect(() => receiptDiscrepancy(-1, 0)).toThrow(RangeError);
    expect(() => receiptDiscrepancy(1000, -1)).toThrow(RangeError);
    expect(() => receiptDiscrepancy(1000, 999.5)).toThrow(RangeError);
  });
});
