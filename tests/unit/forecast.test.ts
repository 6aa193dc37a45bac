import { describe, expect, it } from "vitest";
import { addDays, dayRange } from "../../src/domain/day";
import {
  checkReportedUse,
  demandKgPerDay,
  fitGrowth,
  forecastDemand,
  indiaBedFormulaKgPerDay,
  KG_PER_DAY_PER_LPM,
  lpmToKgPerDay,
  measuredRates,
  projectGrowth,
  shiftedKg,
  shiftToCloseGap,
  USE_RATIO_MAX,
  USE_RATIO_MIN,
  WHO_PLANNING_RATES,
  type GrowthFit,
} from "../../src/domain/forecast";

// Hand computation: 1 L/min for a day = 1,440 L = 1.44 m³; × 1.354 kg/m³ = 1.94976 kg.

describe("flow-rate demand", () => {
  it("converts litres per minute at 15 °C", () => {
    expect(KG_PER_DAY_PER_LPM).toBeCloseTo(1.94976, 10);
    expect(lpmToKgPerDay(10)).toBeCloseTo(19.4976, 10); // ≈ 19.50 kg/day per severe patient
  });

  it("multiplies patients by WHO planning rates", () => {
    // 10 × 10 + 2 × 30 = 160 L/min → 311.9616 → 312 kg/day
    expect(demandKgPerDay({ severe: 10, critical: 2 }, WHO_PLANNING_RATES)).toBe(312);
    // "1 t/day supports ≈ 51 severe or ≈ 17 critical": 510 L/min → 994.3776 → 994
    expect(demandKgPerDay({ severe: 51, critical: 0 }, WHO_PLANNING_RATES)).toBe(994);
    expect(demandKgPerDay({ severe: 0, critical: 17 }, WHO_PLANNING_RATES)).toBe(994);
    expect(demandKgPerDay({ severe: 0, critical: 0 }, WHO_PLANNING_RATES)).toBe(0);
    // measured ward average 5 L/min: 40 × 5 = 200 L/min → 389.952 → 390
    expect(demandKgPerDay({ severe: 40, critical: 0 }, { severeLpm: 5, criticalLpm: 15 })).toBe(390);
  });

  it("applies India's 2021 bed formula to the COVID beds: non-ICU and ICU", () => {
    // (200 − 20) × 50 % × 10 + 20 × 24 = 900 + 480 = 1,380 L/min → 2,690.6688 → 2,691
    expect(indiaBedFormulaKgPerDay({ covidBeds: 200, icuBeds: 20 })).toBe(2691);
    // 100 × 50 % × 10 = 500 L/min → 974.88 → 975
    expect(indiaBedFormulaKgPerDay({ covidBeds: 100, icuBeds: 0 })).toBe(975);
    expect(() => indiaBedFormulaKgPerDay({ covidBeds: 10, icuBeds: 11 })).toThrow(RangeError);
  });

  it("derives a hospital's own rates from its measured use", () => {
    // 975 kg/day over 20 severe + 5 critical (= 35 severe-equivalents at 1 : 3):
    // 975 / 1.94976 / 35 = 14.2875 L/min per severe patient, 42.8624 per critical one
    const r = measuredRates(975, { severe: 20, critical: 5 })!;
    expect(r.severeLpm).toBeCloseTo(14.28747, 4);
    expect(r.criticalLpm).toBeCloseTo(42.86242, 4);
    expect(demandKgPerDay({ severe: 20, critical: 5 }, r)).toBe(975);
    expect(measuredRates(100, { severe: 0, critical: 0 })).toBeNull();
  });

  it("rejects negative or non-finite inputs", () => {
    expect(() => demandKgPerDay({ severe: -1, critical: 0 }, WHO_PLANNING_RATES)).toThrow(RangeError);
    expect(() => demandKgPerDay({ severe: 1, critical: 0 }, { severeLpm: Number.NaN, criticalLpm: 1 })).toThrow(RangeError);
  });
});

describe("reported use vs what the patients imply", () => {
  // 10 severe at WHO rates imply 194.976 → 195 kg/day
  const ten = { severe: 10, critical: 0 };

  it("accepts ratios within [0.5, 2], inclusive", () => {
    expect([USE_RATIO_MIN, USE_RATIO_MAX]).toEqual([0.5, 2]);
    expect(checkReportedUse(98, ten, WHO_PLANNING_RATES)).toMatchObject({ impliedKg: 195, status: "ok", flagged: false });
    expect(checkReportedUse(390, ten, WHO_PLANNING_RATES)).toEqual({ reportedKg: 390, impliedKg: 195, ratio: 2, status: "ok", flagged: false });
  });

  it("flags too little and too much", () => {
    const low = checkReportedUse(97, ten, WHO_PLANNING_RATES); // 97 / 195 = 0.497
    expect(low).toMatchObject({ status: "low", flagged: true });
    expect(low.ratio).toBeCloseTo(0.49744, 5);
    expect(checkReportedUse(391, ten, WHO_PLANNING_RATES)).toMatchObject({ status: "high", flagged: true });
  });

  it("flags use without patients, and not an idle hospital", () => {
    expect(checkReportedUse(50, { severe: 0, critical: 0 }, WHO_PLANNING_RATES)).toEqual({
      reportedKg: 50,
      impliedKg: 0,
      ratio: null,
      status: "use_without_patients",
      flagged: true,
    });
    expect(checkReportedUse(0, { severe: 0, critical: 0 }, WHO_PLANNING_RATES).flagged).toBe(false);
  });
});

describe("growth fit", () => {
  const start = "2021-07-01";
  const series = (values: number[], from = start) => values.map((value, i) => ({ day: addDays(from, i), value }));

  it("recovers an exact 10 % daily growth with no uncertainty", () => {
    const values = Array.from({ length: 10 }, (_, t) => 100 * 1.1 ** t);
    const fit = fitGrowth(series(values))!;
    expect(fit).toMatchObject({ fromDay: "2021-07-01", toDay: "2021-07-10", points: 10 });
    expect(fit.slope).toBeCloseTo(Math.log(1.1), 12);
    expect(fit.intercept).toBeCloseTo(Math.log(100), 12);
    expect(fit.dailyGrowthRate).toBeCloseTo(0.1, 12);
    expect(fit.slopeStdError).toBeLessThan(1e-9);
    expect(fit.doublingDays).toBeCloseTo(7.2725, 4); // ln 2 / ln 1.1
    expect(fit.lastValue).toBeCloseTo(235.7948, 4); // 100 × 1.1⁹
  });

  it("fits a noisy week by least squares on the logarithm", () => {
    // ln of 100, 112, 119, 135, 148, 160, 181 against t = 0..6:
    // slope 0.0968364, intercept 4.6064837, SE 0.0028226 (SSE/(n − 2)/Sxx, Sxx = 28)
    const fit = fitGrowth(series([100, 112, 119, 135, 148, 160, 181]), 7)!;
    expect(fit.slope).toBeCloseTo(0.0968364, 7);
    expect(fit.intercept).toBeCloseTo(4.6064837, 7);
    expect(fit.slopeStdError).toBeCloseTo(0.0028226, 7);
    expect(fit.dailyGrowthRate).toBeCloseTo(0.1016801, 7); // +10.2 %/day
    expect(fit.lowDailyGrowthRate).toBeCloseTo(0.095602, 7); // e^(b − 1.96 SE) − 1
    expect(fit.highDailyGrowthRate).toBeCloseTo(0.1077919, 7);
    // Projection from the last value: 181 × e^b = 199.40; 14 days: 181 × e^(14b) = 702.19
    const p = projectGrowth(fit);
    expect(p).toHaveLength(14);
    expect(p[0].day).toBe("2021-07-08");
    expect(181 * p[0].factor).toBeCloseTo(199.404, 3);
    expect(p[13].day).toBe("2021-07-21");
    expect(181 * p[13].factor).toBeCloseTo(702.192, 3);
    expect(p[13].lowFactor).toBeLessThan(p[13].factor);
    expect(p[13].highFactor).toBeGreaterThan(p[13].factor);
  });

  it("uses only the last 7–14 days of the series, in any input order", () => {
    // 10 flat days then 7 days of exact 10 % growth: a 7-day window sees only the growth.
    const values = [...Array(10).fill(100), ...Array.from({ length: 7 }, (_, t) => 100 * 1.1 ** t)];
    const fit = fitGrowth(series(values).reverse(), 7)!;
    expect(fit).toMatchObject({ fromDay: "2021-07-11", toDay: "2021-07-17", points: 7 });
    expect(fit.dailyGrowthRate).toBeCloseTo(0.1, 12);
    // The default 14-day window mixes in flat days and sees slower growth.
    expect(fitGrowth(series(values))!.points).toBe(14);
    expect(fitGrowth(series(values))!.dailyGrowthRate).toBeLessThan(0.1);
  });

  it("tolerates gaps but needs seven positive values", () => {
    const gappy = dayRange("2021-07-01", "2021-07-14")
      .filter((_, i) => i % 2 === 0)
      .map((day, i) => ({ day, value: 100 * 1.21 ** i })); // every other day, +10 %/day
    expect(fitGrowth(gappy)!.dailyGrowthRate).toBeCloseTo(0.1, 12);
    expect(fitGrowth(series([1, 2, 3, 4, 5, 6]))).toBeNull();
    expect(fitGrowth(series([1, 2, 3, 0, 5, 6, 7]))).toBeNull();
    expect(fitGrowth([])).toBeNull();
    expect(() => fitGrowth(series([1, 2, 3, 4, 5, 6, 7]), 6)).toThrow(RangeError);
    expect(() => fitGrowth([...series([1, 2, 3, 4, 5, 6, 7]), { day: start, value: 9 }])).toThrow(/two values/);
  });
});

describe("forecast with scenarios", () => {
  // 10 %/day with SE 0.02: band slopes ln 1.1 ∓ 0.0392.
  const fit: GrowthFit = {
    fromDay: "2021-07-01",
    toDay: "2021-07-14",
    points: 14,
    slope: Math.log(1.1),
    intercept: 0,
    slopeStdError: 0.02,
    dailyGrowthRate: 0.1,
    lowDailyGrowthRate: Math.expm1(Math.log(1.1) - 0.0392),
    highDailyGrowthRate: Math.expm1(Math.log(1.1) + 0.0392),
    doublingDays: Math.LN2 / Math.log(1.1),
    lastValue: 1,
  };
  // 100 severe + 20 critical at WHO rates: 1,600 L/min = 3,119.616 kg/day today.
  const patients = { severe: 100, critical: 20 };
  const supply = { medicalKgPerDay: 4000, productionKgPerDay: 15_000 };

  it("projects demand and finds the first short day (central, low and high)", () => {
    const f = forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply });
    expect(f.days).toHaveLength(14);
    // 3,119.616 × 1.1^k, rounded
    expect(f.days.map((d) => d.demandKg)).toEqual([3432, 3775, 4152, 4567, 5024, 5527, 6079, 6687, 7356, 8091, 8901, 9791, 10770, 11847]);
    expect(f.days[0]).toMatchObject({ day: "2021-07-15", demandLowKg: 3300, demandHighKg: 3569, supplyKg: 4000, shortfallKg: 0 });
    expect(f.days[0].severe).toBeCloseTo(110, 10);
    expect(f.days[0].critical).toBeCloseTo(22, 10);
    expect(f.days[2]).toMatchObject({ day: "2021-07-17", demandKg: 4152, shortfallKg: 152, shortfallHighKg: 670, shortfallLowKg: 0 });
    expect(f.firstShortDay).toBe("2021-07-17");
    expect(f.firstShortDayHigh).toBe("2021-07-16"); // 4,082.6 > 4,000
    expect(f.firstShortDayLow).toBe("2021-07-19"); // 4,129.9 > 4,000 on day 5
    expect(f.days[4].shortfallLowKg).toBe(130);
    expect(f.maxShortfallKg).toBe(7847);
    expect(f.totalShortfallKg).toBe(40792);
    expect(f).toMatchObject({ supplyKgPerDay: 4000, shiftedKgPerDay: 0 });
  });

  it("a second wave doubles the patients", () => {
    const f = forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { waveMultiplier: 2 } });
    expect(f.days[0]).toMatchObject({ demandKg: 6863, shortfallKg: 2863 }); // 6,863.1552
    expect(f.days[0].severe).toBeCloseTo(220, 10);
    expect(f.firstShortDay).toBe("2021-07-15");
  });

  it("moving 10 points of production to medical postpones the shortage", () => {
    // 10 % of 15,000 = 1,500 kg/day → supply 5,500; 5,024 on day 5, 5,527 on day 6
    const f = forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { shiftPercentagePoints: 10 } });
    expect(f).toMatchObject({ supplyKgPerDay: 5500, shiftedKgPerDay: 1500, firstShortDay: "2021-07-20" });
    expect(f.days[5].shortfallKg).toBe(27);
  });

  it("adds pledged kilograms per day, and combines scenarios", () => {
    const f = forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { extraPledgedKgPerDay: 1000 } });
    expect(f).toMatchObject({ supplyKgPerDay: 5000, firstShortDay: "2021-07-19" }); // 5,024 > 5,000
    expect(f.days[4].shortfallKg).toBe(24);
    const all = forecastDemand({
      fit,
      patients,
      rates: WHO_PLANNING_RATES,
      supply,
      scenario: { waveMultiplier: 3, shiftPercentagePoints: 20, extraPledgedKgPerDay: 2000 },
    });
    // supply 4,000 + 3,000 + 2,000 = 9,000; demand day 1 = 3 × 3,431.5776 = 10,294.7 → 10,295
    expect(all.days[0]).toMatchObject({ supplyKg: 9000, demandKg: 10295, shortfallKg: 1295 });
  });

  it("cannot shift more than is industrial", () => {
    const f = forecastDemand({
      fit,
      patients,
      rates: WHO_PLANNING_RATES,
      supply: { medicalKgPerDay: 14_000, productionKgPerDay: 15_000 },
      scenario: { shiftPercentagePoints: 50 },
    });
    expect(f).toMatchObject({ shiftedKgPerDay: 1000, supplyKgPerDay: 15_000, firstShortDay: null, maxShortfallKg: 0 });
  });

  it("a negative shift moves medical back to industry, at most what is medical", () => {
    // −10 % of 15,000 = −1,500 kg/day → supply 2,500; demand 3,432 on day 1 → short 932
    const f = forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { shiftPercentagePoints: -10 } });
    expect(f).toMatchObject({ supplyKgPerDay: 2500, shiftedKgPerDay: -1500, firstShortDay: "2021-07-15" });
    expect(f.days[0].shortfallKg).toBe(932);
    // −50 % would be −7,500 kg, but only 4,000 is medical: supply 0
    expect(shiftedKg(supply, -50)).toBe(-4000);
    const none = forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { shiftPercentagePoints: -100 } });
    expect(none.supplyKgPerDay).toBe(0);
    expect(none.days[0].shortfallKg).toBe(3432);
  });

  it("names the shift that closes the gap", () => {
    // peak central demand 11,847 − supply 4,000 = 7,847 kg; 15,000 × pp / 100 ≥ 7,847 → 53 pp (7,950)
    expect(shiftToCloseGap({ fit, patients, rates: WHO_PLANNING_RATES, supply })).toBe(53);
    // with 1,000 kg/day pledged: gap 6,847 → 46 pp (6,900); 45 pp is 6,750
    expect(shiftToCloseGap({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { extraPledgedKgPerDay: 1000, shiftPercentagePoints: -30 } })).toBe(
      46,
    );
    // a wave ×2 peaks at 23,694: gap 19,694 > 11,000 industrial → not enough
    expect(shiftToCloseGap({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { waveMultiplier: 2 } })).toBeNull();
    // no gap: 10 severe peak at 740 kg (194.976 × 1.1^14 = 740.4); 740 − 4,000 = −3,260 kg of slack;
    // −21 pp moves 3,150 kg back to industry, −22 pp would move 3,300
    expect(shiftToCloseGap({ fit, patients: { severe: 10, critical: 0 }, rates: WHO_PLANNING_RATES, supply })).toBe(-21);
    // the pessimistic end: 3,119.616 × e^(14 (ln 1.1 + 0.0392)) = 20,508.8 → gap 16,509 > 11,000 industrial
    expect(shiftToCloseGap({ fit, patients, rates: WHO_PLANNING_RATES, supply }, "high")).toBeNull();
    // no demand at all: everything medical could go back
    expect(shiftToCloseGap({ fit, patients: { severe: 0, critical: 0 }, rates: WHO_PLANNING_RATES, supply })).toBe(-100);
  });

  it("rejects impossible scenarios", () => {
    expect(() => forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { shiftPercentagePoints: 101 } })).toThrow(RangeError);
    expect(() => forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { shiftPercentagePoints: -101 } })).toThrow(RangeError);
    expect(() => forecastDemand({ fit, patients, rates: WHO_PLANNING_RATES, supply, scenario: { waveMultiplier: -1 } })).toThrow(RangeError);
  });
});
