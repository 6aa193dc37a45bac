import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AMBER_BELOW_HOURS,
  ANOMALY_FACTOR,
  BURN_RATE_WINDOW_REPORTS,
  DEFAULT_OPERATING_MINIMUM_PCT,
  RED_BELOW_HOURS,
  STALE_AFTER_HOURS,
  burnRateKgPerDay,
  defaultOperatingMinimumKg,
  hospitalSupplyPicture,
  hoursElapsed,
  hoursOfSupplyLeft,
  isStale,
  isUsageAnomalous,
  projectedUsableKg,
  statusForHours,
  supplyStatus,
  unusableFloorKg,
  usableStockKg,
  type HospitalSupplyInput,
} from "../../src/domain/stock";

const reportedAt = new Date("2021-07-20T00:30:00Z"); // 07:30 WIB
const HOUR = 3_600_000;
const at = (hours: number) => new Date(reportedAt.getTime() + hours * HOUR);

describe("thresholds", () => {
  it("are the task force's", () => {
    expect(RED_BELOW_HOURS).toBe(8);
    expect(AMBER_BELOW_HOURS).toBe(24);
    expect(STALE_AFTER_HOURS).toBe(30); // a daily report, 6 h of grace
    expect(BURN_RATE_WINDOW_REPORTS).toBe(7);
    expect(ANOMALY_FACTOR).toBe(3);
    expect(DEFAULT_OPERATING_MINIMUM_PCT).toBe(20);
  });
});

describe("the floor below which a tank cannot be drawn", () => {
  it("defaults to 20 % of the tank: 2 t in a 10 t tank", () => {
    expect(defaultOperatingMinimumKg(10_000)).toBe(2000);
    expect(defaultOperatingMinimumKg(999)).toBe(199); // rounded down, as the SQL's integer division
    expect(unusableFloorKg({ tankCapacityKg: 10_000, tankResidualKg: 800, operatingMinimumKg: null })).toBe(2000);
  });

  it("takes the hospital's own minimum, or the residual where that is larger", () => {
    expect(unusableFloorKg({ tankCapacityKg: 10_000, tankResidualKg: 800, operatingMinimumKg: 1500 })).toBe(1500);
    expect(unusableFloorKg({ tankCapacityKg: 10_000, tankResidualKg: 800, operatingMinimumKg: 0 })).toBe(800);
    expect(unusableFloorKg({ tankCapacityKg: 0, tankResidualKg: 0, operatingMinimumKg: null })).toBe(0); // cylinders only
  });

  it("leaves the stock above it usable, never less than zero", () => {
    expect(usableStockKg(5000, 800)).toBe(4200);
    expect(usableStockKg(800, 800)).toBe(0);
    expect(usableStockKg(500, 2000)).toBe(0);
    expect(() => usableStockKg(-1, 0)).toThrow(RangeError);
    expect(() => usableStockKg(100.5, 0)).toThrow(RangeError);
  });
});

describe("burnRateKgPerDay", () => {
  it("weighs the newest report 7, the next 6, … the 7th 1", () => {
    // steady use: the weighted mean is the use
    expect(burnRateKgPerDay([400, 400, 400, 400, 400, 400, 400])).toBe(400);
    // falling: (100·7 + 200·6 + … + 700·1) / 28 = 300, above the newest 100
    expect(burnRateKgPerDay([100, 200, 300, 400, 500, 600, 700])).toBe(300);
  });

  it("follows a surge: the newest day's use wins when it is higher", () => {
    expect(burnRateKgPerDay([700, 600, 500, 400, 300, 200, 100])).toBe(700);
    // a plain 7-day mean said 400: the hospital would have looked 75 % better off than it is
  });

  it("ignores reports beyond the window", () => {
    expect(burnRateKgPerDay([100, 200, 300, 400, 500, 600, 700, 10_000, 10_000])).toBe(300);
  });

  it("works with fewer reports, and none is 0", () => {
    expect(burnRateKgPerDay([100, 400])).toBe((100 * 7 + 400 * 6) / 13);
    expect(burnRateKgPerDay([450])).toBe(450);
    expect(burnRateKgPerDay([])).toBe(0);
  });

  it("is never below the weighted mean nor below the newest use (a rising trend can only shorten the time left)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 9 }), (uses) => {
        const burn = burnRateKgPerDay(uses);
        const w = uses.slice(0, 7);
        const mean = w.reduce((a, kg, i) => a + kg * (7 - i), 0) / w.reduce((a, _, i) => a + (7 - i), 0);
        expect(burn).toBeGreaterThanOrEqual(mean - 1e-9);
        expect(burn).toBeGreaterThanOrEqual(w[0]);
        expect(burn).toBeLessThanOrEqual(Math.max(...w));
      }),
    );
  });
});

describe("projection to the moment of reading", () => {
  it("takes off what was burnt since the report and adds what was received", () => {
    expect(projectedUsableKg({ usableAtReportKg: 4800, receivedSinceKg: 0, burnKgPerDay: 4800, hoursElapsed: 12 })).toBe(2400);
    expect(projectedUsableKg({ usableAtReportKg: 4800, receivedSinceKg: 1000, burnKgPerDay: 4800, hoursElapsed: 12 })).toBe(3400);
    expect(projectedUsableKg({ usableAtReportKg: 100, receivedSinceKg: 0, burnKgPerDay: 4800, hoursElapsed: 12 })).toBe(0);
  });

  it("never counts negative hours for a report entered after the moment read", () => {
    expect(hoursElapsed(at(2), reportedAt)).toBe(0);
    expect(hoursElapsed(reportedAt, at(2.5))).toBe(2.5);
  });
});

describe("hoursOfSupplyLeft", () => {
  it("is usable stock over daily use, in hours", () => {
    expect(hoursOfSupplyLeft(4200, 400)).toBe(252);
    expect(hoursOfSupplyLeft(100, 300)).toBe(8);
    expect(hoursOfSupplyLeft(0, 100)).toBe(0);
  });

  it("is null when nothing is used", () => {
    expect(hoursOfSupplyLeft(4200, 0)).toBeNull();
  });

  it("refuses impossible input", () => {
    expect(() => hoursOfSupplyLeft(-1, 10)).toThrow(RangeError);
    expect(() => hoursOfSupplyLeft(10, -1)).toThrow(RangeError);
    expect(() => hoursOfSupplyLeft(10, Number.NaN)).toThrow(RangeError);
  });
});

describe("statusForHours", () => {
  it("red under 8 h, amber under 24 h, otherwise green", () => {
    expect(statusForHours(0)).toBe("red");
    expect(statusForHours(7.999)).toBe("red");
    expect(statusForHours(8)).toBe("amber");
    expect(statusForHours(23.999)).toBe("amber");
    expect(statusForHours(24)).toBe("green");
    expect(statusForHours(null)).toBe("green");
  });
});

describe("stale", () => {
  it("a daily report is late after 24 h, stale only after 6 h of grace more", () => {
    expect(isStale(reportedAt, at(24.5))).toBe(false);
    expect(isStale(reportedAt, at(30))).toBe(false);
    expect(isStale(reportedAt, new Date(at(30).getTime() + 1))).toBe(true);
  });

  it("stale figures are never green, and a red projection stays red", () => {
    expect(supplyStatus(500, true)).toBe("stale");
    expect(supplyStatus(null, true)).toBe("stale");
    expect(supplyStatus(12, true)).toBe("stale");
    expect(supplyStatus(2, true)).toBe("red");
    expect(supplyStatus(2, false)).toBe("red");
    expect(supplyStatus(12, false)).toBe("amber");
  });
});

describe("hospitalSupplyPicture", () => {
  const tank = { tankCapacityKg: 10_000, tankResidualKg: 400, operatingMinimumKg: null };
  const base: HospitalSupplyInput = {
    ...tank,
    latest: { stockKg: 6800, reportedAt },
    recentUsedKg: [4800, 4800, 4800],
    receivedSinceKg: 0,
    asOf: reportedAt,
  };

  it("at the moment of the report: usable above the 2 t floor over the burn rate", () => {
    const p = hospitalSupplyPicture(base);
    expect(p).toMatchObject({ floorKg: 2000, usableAtReportKg: 4800, usableKg: 4800, burnKgPerDay: 4800, hoursLeft: 24, stale: false, status: "green" });
  });

  it("twelve and a half hours later: 11.5 h left, amber; 16.5 h later, red", () => {
    expect(hospitalSupplyPicture({ ...base, asOf: at(12.5) })).toMatchObject({ hoursLeft: 11.5, status: "amber" });
    expect(hospitalSupplyPicture({ ...base, asOf: at(16.5) })).toMatchObject({ hoursLeft: 7.5, status: "red" });
  });

  it("a tanker received since the report puts the hours back", () => {
    expect(hospitalSupplyPicture({ ...base, asOf: at(16.5), receivedSinceKg: 4800 })).toMatchObject({ hoursLeft: 31.5, status: "green" });
  });

  it("a stale hospital is still projected: its hours run down, it is never green, and red when they run out", () => {
    const a = hospitalSupplyPicture({ ...base, latest: { stockKg: 10_000, reportedAt }, recentUsedKg: [100], asOf: at(31) });
    expect(a).toMatchObject({ stale: true, status: "stale" });
    expect(a.hoursLeft).toBeCloseTo(1920 - 31, 6);
    expect(hospitalSupplyPicture({ ...base, asOf: at(31) })).toMatchObject({ stale: true, status: "red", hoursLeft: 0 });
  });

  it("a hospital that never reported is stale with unknown hours", () => {
    expect(hospitalSupplyPicture({ ...base, latest: null, recentUsedKg: [] })).toMatchObject({ stale: true, status: "stale", hoursLeft: null, usableKg: 0 });
  });

  it("time only ever takes hours away, and deliveries only add them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (stockKg, used, received, h1, h2) => {
          const pic = (hours: number, receivedSinceKg: number) =>
            hospitalSupplyPicture({ ...base, latest: { stockKg, reportedAt }, recentUsedKg: [used], receivedSinceKg, asOf: at(hours) }).hoursLeft!;
          const [early, late] = h1 <= h2 ? [h1, h2] : [h2, h1];
          expect(pic(late, 0)).toBeLessThanOrEqual(pic(early, 0) + 1e-9);
          expect(pic(late, received)).toBeGreaterThanOrEqual(pic(late, 0) - 1e-9);
        },
      ),
    );
  });
});

describe("isUsageAnomalous", () => {
  const week = [100, 100, 100, 100, 100, 100, 100];

  it("flags use above 3× the 7-day mean, not at it", () => {
    expect(isUsageAnomalous(300, week)).toBe(false);
    expect(isUsageAnomalous(301, week)).toBe(true);
    expect(isUsageAnomalous(50, week)).toBe(false);
  });

  it("decides a fractional mean exactly", () => {
    // mean 100.5 → 3× = 301.5
    expect(isUsageAnomalous(301, [100, 101])).toBe(false);
    expect(isUsageAnomalous(302, [100, 101])).toBe(true);
  });

  it("looks at the 7 newest previous reports only", () => {
    expect(isUsageAnomalous(301, [...week, 100_000])).toBe(true);
  });

  it("never flags without history", () => {
    expect(isUsageAnomalous(1_000_000, [])).toBe(false);
  });

  it("after a history of zero use, any use is flagged", () => {
    expect(isUsageAnomalous(1, [0, 0])).toBe(true);
    expect(isUsageAnomalous(0, [0, 0])).toBe(false);
  });
});
