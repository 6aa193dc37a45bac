import { describe, expect, it } from "vitest";
import {
  AMBER_BELOW_HOURS,
  ANOMALY_FACTOR,
  BURN_RATE_WINDOW_REPORTS,
  RED_BELOW_HOURS,
  STALE_AFTER_HOURS,
  burnRateKgPerDay,
  hospitalSupplyPicture,
  hoursOfSupplyLeft,
  isStale,
  isUsageAnomalous,
  statusForHours,
  supplyStatus,
  usableStockKg,
} from "../../src/domain/stock";

const reportedAt = new Date("2021-07-20T00:30:00Z"); // 07:30 WIB
const HOUR = 3_600_000;

describe("thresholds", () => {
  it("are the task force's", () => {
    expect(RED_BELOW_HOURS).toBe(8);
    expect(AMBER_BELOW_HOURS).toBe(24);
    expect(STALE_AFTER_HOURS).toBe(24);
    expect(BURN_RATE_WINDOW_REPORTS).toBe(7);
    expect(ANOMALY_FACTOR).toBe(3);
  });
});

describe("usableStockKg", () => {
  it("takes the tank's unusable residual off", () => {
    expect(usableStockKg(5000, 800)).toBe(4200);
    expect(usableStockKg(5000, 0)).toBe(5000);
  });

  it("never goes below zero", () => {
    expect(usableStockKg(800, 800)).toBe(0);
    expect(usableStockKg(500, 800)).toBe(0);
  });

  it("rejects impossible figures", () => {
    expect(() => usableStockKg(-1, 0)).toThrow(RangeError);
    expect(() => usableStockKg(100.5, 0)).toThrow(RangeError);
  });
});

describe("burnRateKgPerDay", () => {
  it("is the mean of the last 7 reports", () => {
    expect(burnRateKgPerDay([700, 600, 500, 400, 300, 200, 100])).toBe(400);
  });

  it("ignores reports beyond the 7 newest", () => {
    expect(burnRateKgPerDay([700, 600, 500, 400, 300, 200, 100, 10_000, 10_000])).toBe(400);
  });

  it("uses the reports there are when fewer than 7", () => {
    expect(burnRateKgPerDay([300, 100])).toBe(200);
    expect(burnRateKgPerDay([450])).toBe(450);
    expect(burnRateKgPerDay([100, 100, 101])).toBeCloseTo(100.3333, 3);
  });

  it("is 0 without reports", () => {
    expect(burnRateKgPerDay([])).toBe(0);
  });
});

describe("hoursOfSupplyLeft", () => {
  it("is usable / burn × 24", () => {
    expect(hoursOfSupplyLeft(4200, 400)).toBe(252);
    expect(hoursOfSupplyLeft(100, 300)).toBe(8);
    expect(hoursOfSupplyLeft(0, 100)).toBe(0);
    expect(hoursOfSupplyLeft(1200, 4800)).toBe(6);
  });

  it("is null when nothing is used", () => {
    expect(hoursOfSupplyLeft(4200, 0)).toBeNull();
    expect(hoursOfSupplyLeft(0, 0)).toBeNull();
  });

  it("rejects negative figures", () => {
    expect(() => hoursOfSupplyLeft(-1, 10)).toThrow(RangeError);
    expect(() => hoursOfSupplyLeft(10, -1)).toThrow(RangeError);
    expect(() => hoursOfSupplyLeft(10, Number.NaN)).toThrow(RangeError);
  });
});

describe("statusForHours", () => {
  it("red below 8 h, exactly 8 h is amber", () => {
    expect(statusForHours(0)).toBe("red");
    expect(statusForHours(7.999)).toBe("red");
    expect(statusForHours(8)).toBe("amber");
  });

  it("amber below 24 h, exactly 24 h is green", () => {
    expect(statusForHours(23.999)).toBe("amber");
    expect(statusForHours(24)).toBe("green");
    expect(statusForHours(252)).toBe("green");
  });

  it("unknown hours (nothing used) are green", () => {
    expect(statusForHours(null)).toBe("green");
  });
});

describe("stale", () => {
  it("exactly 24 h after the report is still fresh; 1 ms more is stale", () => {
    expect(isStale(reportedAt, new Date(reportedAt.getTime() + 24 * HOUR))).toBe(false);
    expect(isStale(reportedAt, new Date(reportedAt.getTime() + 24 * HOUR + 1))).toBe(true);
    expect(isStale(reportedAt, reportedAt)).toBe(false);
  });

  it("stale wins over any hours", () => {
    const late = new Date(reportedAt.getTime() + 24 * HOUR + 1);
    expect(supplyStatus(2, reportedAt, late)).toBe("stale");
    expect(supplyStatus(500, reportedAt, late)).toBe("stale");
    expect(supplyStatus(2, reportedAt, new Date(reportedAt.getTime() + 24 * HOUR))).toBe("red");
  });

  it("a hospital that never reported is stale", () => {
    expect(supplyStatus(null, null, reportedAt)).toBe("stale");
  });
});

describe("hospitalSupplyPicture", () => {
  it("a referral hospital exactly at 8 h is amber", () => {
    const p = hospitalSupplyPicture({
      stockKg: 2000,
      tankResidualKg: 400,
      recentUsedKg: [4900, 4700, 4800, 4800, 4800, 4800, 4800],
      latestReportedAt: reportedAt,
      now: new Date(reportedAt.getTime() + 2 * HOUR),
    });
    expect(p).toEqual({ usableKg: 1600, burnKgPerDay: 4800, hoursLeft: 8, status: "amber" });
  });

  it("a hospital below its residual is red with 0 h", () => {
    const p = hospitalSupplyPicture({
      stockKg: 300,
      tankResidualKg: 400,
      recentUsedKg: [1000],
      latestReportedAt: reportedAt,
      now: reportedAt,
    });
    expect(p).toEqual({ usableKg: 0, burnKgPerDay: 1000, hoursLeft: 0, status: "red" });
  });

  it("one with old figures is stale even with plenty", () => {
    const p = hospitalSupplyPicture({
      stockKg: 10_000,
      tankResidualKg: 0,
      recentUsedKg: [100],
      latestReportedAt: reportedAt,
      now: new Date(reportedAt.getTime() + 30 * HOUR),
    });
    expect(p.hoursLeft).toBe(2400);
    expect(p.status).toBe("stale");
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
