import { describe, expect, it } from "vitest";
import { applyDelta, countDelta, countedUse, cylindersKg, fullCylindersKg, refillDelta, transferDeltas } from "@/domain/cylinders";
import { cylinderKg } from "@/domain/mass";

describe("cylinder arithmetic (decision 0039)", () => {
  it("a cylinder's oxygen comes from the one gas conversion: 6 m³ ≈ 8.1 kg, 1 m³ ≈ 1.35 kg", () => {
    expect(cylinderKg(6)).toBeCloseTo(8.124, 6);
    expect(cylindersKg(1, 6)).toBe(8);
    expect(cylindersKg(125, 6)).toBe(1016); // Banten's "1 t ≈ 125 cylinders"
    expect(cylindersKg(0, 2)).toBe(0);
  });

  it("a holder's stock is the oxygen in its fulls, rounded once over the sum (not per type)", () => {
    // 40 × 8.124 + 12 × 1.354 = 324.96 + 16.248 = 341.208 → 341; rounding per type would give 325 + 16
    expect(
      fullCylindersKg([
        { full: 40, sizeM3: 6 },
        { full: 12, sizeM3: 1 },
      ]),
    ).toBe(341);
    expect(fullCylindersKg([])).toBe(0);
    expect(() => fullCylindersKg([{ full: -1, sizeM3: 6 }])).toThrow(RangeError);
    expect(() => fullCylindersKg([{ full: 1.5, sizeM3: 6 }])).toThrow(RangeError);
    expect(() => cylindersKg(-1, 6)).toThrow(RangeError);
  });

  it("a count's use: every size's emptied box or none; a blank is never read as 0", () => {
    // 20 × 8.124 + 3 × 1.354 = 162.48 + 4.062 = 166.542 → 167, rounded once
    expect(
      countedUse([
        { used: 20, sizeM3: 6 },
        { used: 3, sizeM3: 1 },
      ]),
    ).toEqual({ kind: "counted", kg: 167 });
    expect(
      countedUse([
        { used: 20, sizeM3: 6 },
        { used: 0, sizeM3: 1 },
      ]),
    ).toEqual({ kind: "counted", kg: 162 });
    expect(countedUse([{ sizeM3: 6 }, { sizeM3: 1 }])).toEqual({ kind: "not_counted" });
    // 6 m³ typed, 1 m³ and 2 m³ left blank: not "none of those emptied"
    expect(countedUse([{ used: 20, sizeM3: 6 }, { sizeM3: 1 }, { sizeM3: 2 }])).toEqual({ kind: "incomplete", blank: [1, 2] });
  });

  it("a count moves the record to what was counted", () => {
    expect(countDelta({ full: 10, empty: 4 }, { full: 7, empty: 7 })).toEqual({ fullDelta: -3, emptyDelta: 3 });
    expect(countDelta({ full: 0, empty: 0 }, { full: 0, empty: 0 })).toEqual({ fullDelta: 0, emptyDelta: 0 });
  });

  it("a refill turns empties into fulls one for one; a transfer balances between the two holders", () => {
    expect(refillDelta(5)).toEqual({ fullDelta: 5, emptyDelta: -5 });
    const d = transferDeltas("delivery", 8);
    expect(d.supplier.fullDelta + d.hospital.fullDelta).toBe(0);
    expect(d).toEqual({ supplier: { fullDelta: -8, emptyDelta: 0 }, hospital: { fullDelta: 8, emptyDelta: 0 } });
    const r = transferDeltas("return", 3);
    expect(r).toEqual({ supplier: { fullDelta: 0, emptyDelta: 3 }, hospital: { fullDelta: 0, emptyDelta: -3 } });
  });

  it("never below zero: says which count would run short", () => {
    expect(applyDelta({ full: 2, empty: 1 }, refillDelta(1))).toEqual({ ok: true, counts: { full: 3, empty: 0 } });
    expect(applyDelta({ full: 2, empty: 1 }, refillDelta(2))).toEqual({ ok: false, short: "empty" });
    expect(applyDelta({ full: 2, empty: 0 }, transferDeltas("delivery", 3).supplier)).toEqual({ ok: false, short: "full" });
    expect(applyDelta({ full: 2, empty: 0 }, transferDeltas("delivery", 2).supplier)).toEqual({ ok: true, counts: { full: 0, empty: 0 } });
  });
});
