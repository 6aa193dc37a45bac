import { describe, expect, it } from "vitest";
import {
  DEFAULT_DAILY_TARGET_KG,
  NORMAL_INDUSTRIAL_SHARE_PCT,
  NORMAL_MEDICAL_SHARE,
  NORMAL_MEDICAL_SHARE_PCT,
  checkMedicalPriority,
  dailyTargetInForce,
  medicalPriorityInForce,
  medicalSharePct,
  productionGap,
  shortfall,
  validateCapacitySplit,
  industrialFrom,
  validateMedicalPriorityPeriod,
} from "../../src/domain/supply";

describe("constants", () => {
  it("normal split 70 : 30 and a 2,500 t/day target", () => {
    expect(NORMAL_INDUSTRIAL_SHARE_PCT).toBe(70);
    expect(NORMAL_MEDICAL_SHARE_PCT).toBe(30);
    expect(NORMAL_MEDICAL_SHARE).toBe(0.3);
    expect(DEFAULT_DAILY_TARGET_KG).toBe(2_500_000);
  });
});

describe("shortfall", () => {
  it("Banten, July 2021: 1,500 t/day against 2,500 is 1,000 t (40 %) short", () => {
    expect(shortfall(2_500_000, 1_500_000)).toEqual({ shortfallKg: 1_000_000, shortfallPct: 40 });
  });

  it("a surplus is no shortfall", () => {
    expect(shortfall(2_500_000, 2_600_000)).toEqual({ shortfallKg: 0, shortfallPct: 0 });
    expect(shortfall(2_500_000, 2_500_000)).toEqual({ shortfallKg: 0, shortfallPct: 0 });
  });

  it("nothing produced is 100 % short; no target is 0 %", () => {
    expect(shortfall(2_500_000, 0)).toEqual({ shortfallKg: 2_500_000, shortfallPct: 100 });
    expect(shortfall(0, 0)).toEqual({ shortfallKg: 0, shortfallPct: 0 });
  });
});

describe("validateCapacitySplit", () => {
  it("accepts medical + industrial = produced", () => {
    expect(validateCapacitySplit({ producedKg: 1000, medicalKg: 300, industrialKg: 700 })).toEqual({});
    expect(validateCapacitySplit({ producedKg: 0, medicalKg: 0, industrialKg: 0 })).toEqual({});
  });

  it("puts a mismatch on medicalKg", () => {
    expect(validateCapacitySplit({ producedKg: 1000, medicalKg: 300, industrialKg: 600 })).toEqual({ medicalKg: "split_mismatch" });
    expect(validateCapacitySplit({ producedKg: 1000, medicalKg: 400, industrialKg: 700 })).toEqual({ medicalKg: "split_mismatch" });
  });

  it("reports negative and fractional figures per field, without a split error on top", () => {
    expect(validateCapacitySplit({ producedKg: -1000, medicalKg: -300, industrialKg: -700 })).toEqual({
      producedKg: "not_negative",
      medicalKg: "not_negative",
      industrialKg: "not_negative",
    });
    expect(validateCapacitySplit({ producedKg: 1000.5, medicalKg: 300, industrialKg: 700 })).toEqual({ producedKg: "invalid_type" });
    expect(validateCapacitySplit({ producedKg: 1000, medicalKg: Number.NaN, industrialKg: 700 })).toEqual({ medicalKg: "invalid_type" });
  });
});

describe("industrialFrom", () => {
  it("is production minus medical, and nothing when medical is more than produced", () => {
    expect(industrialFrom(1000, 300)).toBe(700);
    expect(industrialFrom(1000, 1000)).toBe(0);
    expect(industrialFrom(0, 0)).toBe(0);
    expect(industrialFrom(1000, 1001)).toBeNull();
  });
});

describe("medicalSharePct", () => {
  it("is medical / produced in percent", () => {
    expect(medicalSharePct(300, 1000)).toBe(30);
    expect(medicalSharePct(1000, 1000)).toBe(100);
    expect(medicalSharePct(0, 1000)).toBe(0);
  });

  it("is null when nothing was produced", () => {
    expect(medicalSharePct(0, 0)).toBeNull();
  });
});

describe("medical-priority policy", () => {
  const first = { id: "ingub-1", startsOn: "2021-07-03", endsOn: "2021-07-20", minMedicalSharePct: 50 };
  const extension = { id: "ingub-2", startsOn: "2021-07-15", endsOn: "2021-07-31", minMedicalSharePct: 60 };
  const periods = [first, extension];

  it("none in force outside every period", () => {
    expect(medicalPriorityInForce(periods, "2021-07-02")).toBeNull();
    expect(medicalPriorityInForce(periods, "2021-08-01")).toBeNull();
    expect(medicalPriorityInForce([], "2021-07-10")).toBeNull();
  });

  it("both ends are included", () => {
    expect(medicalPriorityInForce(periods, "2021-07-03")?.id).toBe("ingub-1");
    expect(medicalPriorityInForce(periods, "2021-07-31")?.id).toBe("ingub-2");
  });

  it("the strictest wins where periods overlap, whatever their order", () => {
    expect(medicalPriorityInForce(periods, "2021-07-14")?.id).toBe("ingub-1");
    expect(medicalPriorityInForce(periods, "2021-07-15")?.id).toBe("ingub-2");
    expect(medicalPriorityInForce([extension, first], "2021-07-20")?.id).toBe("ingub-2");
    const laxLater = { id: "lax", startsOn: "2021-07-01", endsOn: "2021-07-31", minMedicalSharePct: 40 };
    expect(medicalPriorityInForce([laxLater, first], "2021-07-10")?.id).toBe("ingub-1");
  });

  it("a producer at exactly the required share meets it; 1 kg less does not", () => {
    expect(checkMedicalPriority({ producedKg: 1000, medicalKg: 500 }, periods, "2021-07-10")).toEqual({
      compliance: "met",
      policy: first,
      requiredPct: 50,
      medicalSharePct: 50,
    });
    expect(checkMedicalPriority({ producedKg: 1000, medicalKg: 499 }, periods, "2021-07-10").compliance).toBe("not_met");
    expect(checkMedicalPriority({ producedKg: 1000, medicalKg: 599 }, periods, "2021-07-16").compliance).toBe("not_met");
    expect(checkMedicalPriority({ producedKg: 1000, medicalKg: 600 }, periods, "2021-07-16").compliance).toBe("met");
  });

  it("the normal 70 : 30 split does not meet a medical-priority instruction", () => {
    expect(checkMedicalPriority({ producedKg: 600_000, medicalKg: 180_000 }, periods, "2021-07-10").compliance).toBe("not_met");
  });

  it("no policy, no verdict", () => {
    expect(checkMedicalPriority({ producedKg: 1000, medicalKg: 0 }, periods, "2021-08-10")).toEqual({
      compliance: "no_policy",
      policy: null,
      requiredPct: null,
      medicalSharePct: 0,
    });
  });

  it("a producer that made nothing held nothing back", () => {
    const r = checkMedicalPriority({ producedKg: 0, medicalKg: 0 }, periods, "2021-07-10");
    expect(r.compliance).toBe("met");
    expect(r.medicalSharePct).toBeNull();
  });

  it("validates a period", () => {
    expect(validateMedicalPriorityPeriod(first)).toEqual({});
    expect(validateMedicalPriorityPeriod({ startsOn: "2021-07-10", endsOn: "2021-07-10", minMedicalSharePct: 100 })).toEqual({});
    expect(validateMedicalPriorityPeriod({ startsOn: "2021-07-10", endsOn: "2021-07-09", minMedicalSharePct: 101 })).toEqual({
      endsOn: "date_order",
      minMedicalSharePct: "too_big",
    });
    expect(validateMedicalPriorityPeriod({ ...first, minMedicalSharePct: -1 })).toEqual({ minMedicalSharePct: "too_small" });
    expect(validateMedicalPriorityPeriod({ ...first, minMedicalSharePct: 50.5 })).toEqual({ minMedicalSharePct: "invalid_type" });
  });
});

describe("dailyTargetInForce", () => {
  const targets = [
    { validFrom: "2021-08-15", dailyTargetKg: 2_000_000 },
    { validFrom: "2021-07-01", dailyTargetKg: 2_500_000 },
  ];

  it("is the latest target that started on or before the day", () => {
    expect(dailyTargetInForce(targets, "2021-07-20")).toBe(2_500_000);
    expect(dailyTargetInForce(targets, "2021-08-14")).toBe(2_500_000);
    expect(dailyTargetInForce(targets, "2021-08-15")).toBe(2_000_000);
    expect(dailyTargetInForce(targets, "2022-01-26")).toBe(2_000_000);
  });

  it("is none before any target: never a default figure", () => {
    expect(dailyTargetInForce(targets, "2021-06-30")).toBeNull();
    expect(dailyTargetInForce([], "2021-06-30")).toBeNull();
  });
});

describe("productionGap: one province, or the country as the sum of its provinces", () => {
  it("one province: capacity against its target (Banten, 26 July 2021: 1,500 t against 2,500 t)", () => {
    expect(productionGap([{ code: "36", targetKg: 2_500_000, capacityKg: 1_500_000 }])).toEqual({
      targetKg: 2_500_000,
      capacityKg: 1_500_000,
      comparedTargetKg: 2_500_000,
      comparedCapacityKg: 1_500_000,
      shortfallKg: 1_000_000,
      shortfallShare: 0.4,
      provincesShort: ["36"],
      withoutTarget: [],
      withoutData: [],
    });
  });

  it("the country sums each province's own target and capacity", () => {
    const g = productionGap([
      { code: "32", targetKg: 1_000_000, capacityKg: 600_000 },
      { code: "36", targetKg: 2_500_000, capacityKg: 1_500_000 },
      { code: "51", targetKg: 200_000, capacityKg: 300_000 },
    ]);
    expect(g).toMatchObject({ targetKg: 3_700_000, capacityKg: 2_400_000, shortfallKg: 1_300_000, provincesShort: ["32", "36"] });
    expect(g.shortfallShare).toBeCloseTo(1_300_000 / 3_700_000, 12);
  });

  it("meets the target: no shortfall, 0 (not null)", () => {
    expect(productionGap([{ code: "36", targetKg: 1_000_000, capacityKg: 1_000_000 }])).toMatchObject({
      shortfallKg: 0,
      shortfallShare: 0,
      provincesShort: [],
    });
  });

  it("names a province without a target and leaves it out of the comparison, never as a 0 t target", () => {
    const g = productionGap([
      { code: "31", targetKg: null, capacityKg: 100_000 },
      { code: "36", targetKg: 2_500_000, capacityKg: 1_500_000 },
    ]);
    expect(g).toMatchObject({
      targetKg: 2_500_000,
      capacityKg: 1_600_000,
      comparedTargetKg: 2_500_000,
      comparedCapacityKg: 1_500_000,
      shortfallKg: 1_000_000,
      withoutTarget: ["31"],
    });
  });

  it("a day without data is no data: not a 100 % shortfall, not 'target met'", () => {
    expect(productionGap([{ code: "36", targetKg: 2_500_000, capacityKg: null }])).toMatchObject({
      targetKg: 2_500_000,
      capacityKg: null,
      shortfallKg: null,
      shortfallShare: null,
      withoutData: ["36"],
    });
    // one province without data does not make the country's gap bigger by its whole target
    expect(
      productionGap([
        { code: "32", targetKg: 1_000_000, capacityKg: null },
        { code: "36", targetKg: 2_500_000, capacityKg: 1_500_000 },
      ]),
    ).toMatchObject({ targetKg: 3_500_000, capacityKg: 1_500_000, comparedTargetKg: 2_500_000, shortfallKg: 1_000_000, withoutData: ["32"] });
  });

  it("no target anywhere, or no provinces: nothing to compare", () => {
    expect(productionGap([{ code: "36", targetKg: null, capacityKg: 1_500_000 }])).toMatchObject({
      targetKg: null,
      capacityKg: 1_500_000,
      shortfallKg: null,
      withoutTarget: ["36"],
    });
    expect(productionGap([])).toMatchObject({ targetKg: null, capacityKg: null, shortfallKg: null });
  });

  it("refuses figures that are not whole kilograms", () => {
    expect(() => productionGap([{ code: "36", targetKg: 2_500_000, capacityKg: 1.5 }])).toThrow(RangeError);
    expect(() => productionGap([{ code: "36", targetKg: -1, capacityKg: 0 }])).toThrow(RangeError);
  });
});
