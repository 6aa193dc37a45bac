import { describe, expect, it } from "vitest";
import {
  GAS_REFERENCE_TEMPERATURE_C,
  KG_PER_TONNE,
  LIQUID_OXYGEN_KG_PER_LITRE,
  OXYGEN_GAS_KG_PER_M3,
  QuantityError,
  assertKg,
  cylinderKg,
  gasM3ToKg,
  kgToTonnes,
  liquidLitresToKg,
  toKilograms,
  tonnesToKg,
} from "../../src/domain/mass";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof QuantityError ? e.code : `not a QuantityError: ${String(e)}`;
  }
  return undefined;
}

describe("constants", () => {
  it("uses gas at 15 °C", () => {
    expect(GAS_REFERENCE_TEMPERATURE_C).toBe(15);
    expect(OXYGEN_GAS_KG_PER_M3).toBe(1.354);
    expect(LIQUID_OXYGEN_KG_PER_LITRE).toBe(1.141);
    expect(KG_PER_TONNE).toBe(1000);
  });
});

describe("tonnesToKg", () => {
  it("converts typed tonnes to whole kilograms", () => {
    expect(tonnesToKg(1)).toBe(1000);
    expect(tonnesToKg(1.5)).toBe(1500);
    expect(tonnesToKg(1500)).toBe(1_500_000);
    expect(tonnesToKg(2500)).toBe(2_500_000);
    expect(tonnesToKg(120)).toBe(120_000);
    expect(tonnesToKg(0.309)).toBe(309);
    expect(tonnesToKg(0)).toBe(0);
  });

  it("rounds half a kilogram up, despite binary noise", () => {
    expect(4.0005 * 1000).toBeLessThan(4000.5); // the noise the rounding must see through
    expect(tonnesToKg(4.0005)).toBe(4001);
    expect(tonnesToKg(16.0005)).toBe(16_001);
    expect(tonnesToKg(1.0005)).toBe(1001);
    expect(tonnesToKg(0.0005)).toBe(1);
    expect(tonnesToKg(2.4994)).toBe(2499);
    expect(tonnesToKg(0.1234)).toBe(123);
  });

  it("rejects negative, NaN and infinite tonnes", () => {
    expect(codeOf(() => tonnesToKg(-0.001))).toBe("not_negative");
    expect(codeOf(() => tonnesToKg(Number.NaN))).toBe("not_finite");
    expect(codeOf(() => tonnesToKg(Number.POSITIVE_INFINITY))).toBe("not_finite");
    expect(() => tonnesToKg(-1)).toThrow(RangeError);
  });
});

describe("kgToTonnes", () => {
  it("is the inverse for whole kilograms", () => {
    expect(kgToTonnes(1_500_000)).toBe(1500);
    expect(kgToTonnes(123)).toBe(0.123);
    expect(kgToTonnes(0)).toBe(0);
    expect(tonnesToKg(kgToTonnes(98_765))).toBe(98_765);
  });

  it("rejects bad input", () => {
    expect(codeOf(() => kgToTonnes(-1))).toBe("not_negative");
    expect(codeOf(() => kgToTonnes(Number.NaN))).toBe("not_finite");
  });
});

describe("cylinders and gas", () => {
  it("a 6 m³ cylinder holds 8.124 kg at 15 °C", () => {
    expect(cylinderKg(6)).toBe(8.124);
    expect(cylinderKg()).toBe(8.124);
    expect(cylinderKg(1)).toBe(1.354);
    expect(cylinderKg(1.5)).toBe(2.031);
  });

  it("1 t is about 120–125 cylinders of 6 m³, as Banten counted", () => {
    const perTonne = 1000 / cylinderKg(6);
    expect(perTonne).toBeGreaterThan(120);
    expect(perTonne).toBeLessThan(125);
    expect(Math.round(perTonne)).toBe(123);
  });

  it("gas m³ → kg", () => {
    expect(gasM3ToKg(100)).toBe(135);
    expect(gasM3ToKg(14.4)).toBe(19); // a severe patient's day at 10 L/min: 19.4976 kg
    expect(gasM3ToKg(739)).toBe(1001); // ≈ 1 t: the gas from one tonne of liquid
  });

  it("litres of liquid → kg", () => {
    expect(liquidLitresToKg(1000)).toBe(1141);
    expect(liquidLitresToKg(500)).toBe(571); // 570.5, rounded up
    expect(liquidLitresToKg(25_000)).toBe(28_525); // the largest hospital tanks, ≈ 28 t
    expect(codeOf(() => liquidLitresToKg(-1))).toBe("not_negative");
  });
});

describe("toKilograms", () => {
  it("tonnes of liquid", () => {
    expect(toKilograms(1, "TONNE_LIQUID")).toEqual({ kg: 1000, kgPerUnit: 1000 });
    expect(toKilograms(2.5, "TONNE_LIQUID")).toEqual({ kg: 2500, kgPerUnit: 1000 });
    expect(toKilograms(19.876, "TONNE_LIQUID")).toEqual({ kg: 19_876, kgPerUnit: 1000 });
  });

  it("kilograms", () => {
    expect(toKilograms(12.4, "KG")).toEqual({ kg: 12, kgPerUnit: 1 });
    expect(toKilograms(12.5, "KG")).toEqual({ kg: 13, kgPerUnit: 1 });
  });

  it("m³ of gas", () => {
    expect(toKilograms(100, "M3_GAS")).toEqual({ kg: 135, kgPerUnit: 1.354 });
  });

  it("cylinders by size", () => {
    expect(toKilograms(1, "CYLINDER", 6)).toEqual({ kg: 8, kgPerUnit: 8.124 });
    expect(toKilograms(10, "CYLINDER", 6)).toEqual({ kg: 81, kgPerUnit: 8.124 });
    expect(toKilograms(125, "CYLINDER", 6)).toEqual({ kg: 1016, kgPerUnit: 8.124 }); // 1015.5
    expect(toKilograms(4, "CYLINDER", 1)).toEqual({ kg: 5, kgPerUnit: 1.354 }); // 5.416
  });

  it("the kg on the row is reproducible from amount × kgPerUnit", () => {
    for (const [amount, size] of [
      [37, 6],
      [3, 1.5],
      [250, 6],
    ] as const) {
      const r = toKilograms(amount, "CYLINDER", size);
      expect(r.kg).toBe(Math.round(amount * r.kgPerUnit));
    }
  });

  it("ignores a cylinder size for other units", () => {
    expect(toKilograms(1, "TONNE_LIQUID", 6)).toEqual({ kg: 1000, kgPerUnit: 1000 });
  });

  it("refuses cylinders without a usable size", () => {
    expect(codeOf(() => toKilograms(10, "CYLINDER"))).toBe("cylinder_size_required");
    expect(codeOf(() => toKilograms(10, "CYLINDER", 0))).toBe("positive");
    expect(codeOf(() => toKilograms(10, "CYLINDER", -6))).toBe("not_negative");
    expect(codeOf(() => toKilograms(10, "CYLINDER", Number.NaN))).toBe("not_finite");
  });

  it("rejects negative, NaN and infinite amounts", () => {
    expect(codeOf(() => toKilograms(-1, "KG"))).toBe("not_negative");
    expect(codeOf(() => toKilograms(Number.NaN, "TONNE_LIQUID"))).toBe("not_finite");
    expect(codeOf(() => toKilograms(Number.NEGATIVE_INFINITY, "M3_GAS"))).toBe("not_finite");
  });
});

describe("assertKg", () => {
  it("accepts whole kilograms only", () => {
    expect(() => assertKg(0)).not.toThrow();
    expect(() => assertKg(1500)).not.toThrow();
    expect(codeOf(() => assertKg(1.5))).toBe("not_whole_kg");
    expect(codeOf(() => assertKg(-1))).toBe("not_negative");
  });
});
