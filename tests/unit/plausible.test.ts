import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WHO_PLANNING_RATES, demandKgPerDay, indiaBedFormulaKgPerDay } from "../../src/domain/forecast";
import {
  MIN_HORIZON_DAYS,
  PEAK_FLOW_FACTOR,
  UNUSUAL_BURN_FACTOR,
  USE_TANK_FACTOR,
  bedCeilingKgPerDay,
  checkDailyUse,
  checkRequestedKg,
  horizonDays,
  requestLimits,
  tankCeilingKgPerDay,
  unusualUseAboveKg,
  useCeilingKgPerDay,
  type HospitalSize,
  type RequestNeedInput,
} from "../../src/domain/plausible";
import { isUsageAnomalous } from "../../src/domain/stock";

// RSUD Banten in the demo: 300 beds, 150 for COVID (24 ICU), a 10 t tank.
const banten: HospitalSize = { beds: 300, covidBeds: 150, icuBeds: 24, tankCapacityKg: 10_000 };
const cylindersOnly: HospitalSize = { beds: 80, covidBeds: 25, icuBeds: 3, tankCapacityKg: 0 };

describe("the constants", () => {
  it("are the ones decision 0022 names", () => {
    expect(PEAK_FLOW_FACTOR).toBe(1.5);
    expect(USE_TANK_FACTOR).toBe(3);
    expect(UNUSUAL_BURN_FACTOR).toBe(2);
    expect(MIN_HORIZON_DAYS).toBe(1);
  });
});

describe("a day's use: ceilings", () => {
  it("beds: COVID beds at 45 L/min, the others at 15 L/min, 1.94976 kg/day per L/min", () => {
    // 150 × 45 + 150 × 15 = 9000 L/min → 17 547.84 kg/day
    expect(bedCeilingKgPerDay(banten)).toBe(17_547);
    expect(bedCeilingKgPerDay({ beds: 10, covidBeds: 10 })).toBe(Math.floor(10 * 45 * 1.94976));
    expect(bedCeilingKgPerDay({ beds: 0, covidBeds: 0 })).toBeNull();
    // more COVID beds than beds recorded: the COVID beds count, no negative "other" beds
    expect(bedCeilingKgPerDay({ beds: 5, covidBeds: 10 })).toBe(bedCeilingKgPerDay({ beds: 10, covidBeds: 10 }));
  });

  it("tank: three full tanks a day; none without a tank", () => {
    expect(tankCeilingKgPerDay(banten)).toBe(30_000);
    expect(tankCeilingKgPerDay(cylindersOnly)).toBeNull();
  });

  it("the lower known ceiling wins, and says which", () => {
    expect(useCeilingKgPerDay(banten)).toEqual({ kg: 17_547, by: "beds" });
    expect(useCeilingKgPerDay({ beds: 80, covidBeds: 25, tankCapacityKg: 600 })).toEqual({ kg: 1800, by: "tank" });
    expect(useCeilingKgPerDay(cylindersOnly)).toEqual({ kg: bedCeilingKgPerDay(cylindersOnly), by: "beds" });
    expect(useCeilingKgPerDay({ beds: 0, covidBeds: 0, tankCapacityKg: 2000 })).toEqual({ kg: 6000, by: "tank" });
    expect(useCeilingKgPerDay({ beds: 0, covidBeds: 0, tankCapacityKg: 0 })).toBeNull();
  });

  it("the bed ceiling is above what any patients the beds hold need at WHO's planning rates, and above the India formula", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (beds, covidRaw, criticalShare) => {
          const covidBeds = Math.min(beds, covidRaw);
          const critical = Math.floor(covidBeds * criticalShare);
          const ceiling = bedCeilingKgPerDay({ beds, covidBeds })!;
          // every COVID bed full (critical or severe) and every other bed on severe oxygen
          expect(demandKgPerDay({ severe: beds - critical, critical }, WHO_PLANNING_RATES)).toBeLessThanOrEqual(ceiling);
          expect(indiaBedFormulaKgPerDay({ covidBeds, icuBeds: critical })).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });
});

describe("checkDailyUse", () => {
  const history = [2000, 2200, 1800]; // mean 2000 → unusual above 6000
  it("refuses a use above the ceiling, with the ceiling as the limit", () => {
    expect(checkDailyUse({ usedKg: 17_548, hospital: banten, previousUsedKgNewestFirst: history, confirmed: true })).toEqual({
      ok: false,
      error: "use_over_beds",
      limitKg: 17_547,
      hard: true,
    });
    expect(checkDailyUse({ usedKg: 17_547, hospital: banten, previousUsedKgNewestFirst: history, confirmed: true })).toEqual({ ok: true, heldForReview: true });
    const small = { beds: 80, covidBeds: 25, icuBeds: 3, tankCapacityKg: 600 };
    expect(checkDailyUse({ usedKg: 1801, hospital: small, previousUsedKgNewestFirst: [], confirmed: false })).toEqual({
      ok: false,
      error: "use_over_tank",
      limitKg: 1800,
      hard: true,
    });
  });

  it("asks to confirm a use above 3× the history's mean; confirmed, it is held for review", () => {
    expect(unusualUseAboveKg(history)).toBe(6000);
    expect(checkDailyUse({ usedKg: 6000, hospital: banten, previousUsedKgNewestFirst: history, confirmed: false })).toEqual({ ok: true, heldForReview: false });
    expect(checkDailyUse({ usedKg: 6001, hospital: banten, previousUsedKgNewestFirst: history, confirmed: false })).toEqual({
      ok: false,
      error: "unusual_use",
      limitKg: 6000,
      hard: false,
    });
    expect(checkDailyUse({ usedKg: 6001, hospital: banten, previousUsedKgNewestFirst: history, confirmed: true })).toEqual({ ok: true, heldForReview: true });
  });

  it("without history or beds or tank, anything goes", () => {
    expect(unusualUseAboveKg([])).toBeNull();
    expect(
      checkDailyUse({ usedKg: 999_999, hospital: { beds: 0, covidBeds: 0, icuBeds: 0, tankCapacityKg: 0 }, previousUsedKgNewestFirst: [], confirmed: false }),
    ).toEqual({ ok: true, heldForReview: false });
  });

  it("holds for review exactly what isUsageAnomalous flags, and refuses only above the ceiling", () => {
    fc.assert(
      fc.property(fc.nat(40_000), fc.array(fc.nat(8000), { maxLength: 9 }), fc.boolean(), (usedKg, previous, confirmed) => {
        const r = checkDailyUse({ usedKg, hospital: banten, previousUsedKgNewestFirst: previous, confirmed });
        const anomalous = isUsageAnomalous(usedKg, previous);
        if (usedKg > 17_547) expect(r).toMatchObject({ ok: false, hard: true, limitKg: 17_547 });
        else if (anomalous && !confirmed) expect(r).toMatchObject({ ok: false, error: "unusual_use", hard: false });
        else expect(r).toEqual({ ok: true, heldForReview: anomalous });
        if (!r.ok) expect(usedKg).toBeGreaterThan(r.limitKg);
      }),
    );
  });
});

describe("requests", () => {
  // 09:30 on the day before the needed-by day: 38.5 h to its end
  const base: RequestNeedInput = { hospital: banten, stockNowKg: 4000, burnKgPerDay: 2400, hoursToEndOfNeededBy: 38.5 };

  it("horizon: hours to the end of the needed-by day, at least one day", () => {
    expect(horizonDays(38.5)).toBeCloseTo(1.604, 3);
    expect(horizonDays(5)).toBe(1);
    expect(horizonDays(-30)).toBe(1);
  });

  it("RSUD Banten, 4 t in its 10 t tank, burning 2.4 t/day, needing oxygen by tomorrow", () => {
    const l = requestLimits(base);
    expect(l.roomKg).toBe(6000);
    expect(l.expectedBurnKgPerDay).toBe(2400);
    // 6000 + 2 × 2400 × 38.5/24 = 13 700
    expect(l.unusualAboveKg).toBe(13_700);
    // 6000 + 17 547 × 38.5/24 = 34 148.5
    expect(l.impossibleAboveKg).toBe(34_148);
    expect(checkRequestedKg(13_700, l, { confirmed: false })).toEqual({ ok: true, unusual: false });
    expect(checkRequestedKg(20_000, l, { confirmed: false })).toEqual({ ok: false, error: "request_unusual", limitKg: 13_700, hard: false });
    expect(checkRequestedKg(20_000, l, { confirmed: true })).toEqual({ ok: true, unusual: true });
    expect(checkRequestedKg(200_000, l, { confirmed: true })).toEqual({ ok: false, error: "request_impossible", limitKg: 34_148, hard: true });
    // an approval is only ever warned about
    expect(checkRequestedKg(200_000, l, { confirmed: false, hardLimit: false })).toMatchObject({ ok: false, error: "request_unusual" });
    expect(checkRequestedKg(200_000, l, { confirmed: true, hardLimit: false })).toEqual({ ok: true, unusual: true });
  });

  it("a hospital without a tank is judged on its burn only", () => {
    const l = requestLimits({ ...base, hospital: cylindersOnly, stockNowKg: null, burnKgPerDay: 400, hoursToEndOfNeededBy: 12 });
    expect(l.roomKg).toBe(0);
    expect(l.unusualAboveKg).toBe(800);
    expect(l.impossibleAboveKg).toBe(bedCeilingKgPerDay(cylindersOnly));
  });

  it("without reports: the tank counts as empty and the planning formula as the burn", () => {
    const l = requestLimits({ ...base, stockNowKg: null, burnKgPerDay: 0, hoursToEndOfNeededBy: 24 });
    expect(l.roomKg).toBe(10_000);
    expect(l.expectedBurnKgPerDay).toBe(indiaBedFormulaKgPerDay(banten));
    expect(l.unusualAboveKg).toBe(Math.floor(10_000 + 2 * indiaBedFormulaKgPerDay(banten)));
  });

  it("nothing known (no tank, beds, reports): no limit", () => {
    const l = requestLimits({
      hospital: { beds: 0, covidBeds: 0, icuBeds: 0, tankCapacityKg: 0 },
      stockNowKg: null,
      burnKgPerDay: 0,
      hoursToEndOfNeededBy: 24,
    });
    expect(l).toMatchObject({ unusualAboveKg: null, impossibleAboveKg: null });
    expect(checkRequestedKg(1_000_000_000, l, { confirmed: false })).toEqual({ ok: true, unusual: false });
  });

  const input = fc.record({
    hospital: fc.record({ beds: fc.nat(600), covidBeds: fc.nat(300), icuBeds: fc.nat(50), tankCapacityKg: fc.oneof(fc.constant(0), fc.nat(30_000)) }),
    stockNowKg: fc.option(fc.nat(30_000), { nil: null }),
    burnKgPerDay: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 20_000, noNaN: true })),
    hoursToEndOfNeededBy: fc.double({ min: -48, max: 24 * 60, noNaN: true }),
  });

  it("the hard limit is never below the warning: a refused amount would also have been warned about", () => {
    fc.assert(
      fc.property(input, (r) => {
        const l = requestLimits(r);
        if (l.impossibleAboveKg !== null && l.unusualAboveKg !== null) expect(l.impossibleAboveKg).toBeGreaterThanOrEqual(l.unusualAboveKg);
      }),
    );
  });

  it("more time or less in the tank never lowers a limit; a smaller amount is never refused where a larger one is accepted", () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 500, noNaN: true }), fc.nat(30_000), fc.nat(200_000), fc.nat(200_000), (r, moreHours, less, a, b) => {
        const l = requestLimits(r);
        const later = requestLimits({ ...r, hoursToEndOfNeededBy: r.hoursToEndOfNeededBy + moreHours });
        const emptier = requestLimits({ ...r, stockNowKg: r.stockNowKg === null ? null : Math.max(0, r.stockNowKg - less) });
        for (const other of [later, emptier]) {
          if (l.unusualAboveKg !== null) expect(other.unusualAboveKg!).toBeGreaterThanOrEqual(l.unusualAboveKg);
          if (l.impossibleAboveKg !== null) expect(other.impossibleAboveKg!).toBeGreaterThanOrEqual(l.impossibleAboveKg);
        }
        const [small, large] = a <= b ? [a, b] : [b, a];
        if (checkRequestedKg(large, l, { confirmed: false }).ok) expect(checkRequestedKg(small, l, { confirmed: false }).ok).toBe(true);
        if (checkRequestedKg(large, l, { confirmed: true }).ok) expect(checkRequestedKg(small, l, { confirmed: true }).ok).toBe(true);
      }),
    );
  });
});
