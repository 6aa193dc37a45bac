import { describe, expect, it } from "vitest";
import {
  alertChanges,
  alertsDue,
  dutyUntil,
  escalationLevel,
  isOnDuty,
  MAX_SEND_ATTEMPTS,
  retryDelayMs,
  thresholdsOf,
  thresholdsProblem,
} from "@/domain/alerts";

const defaults = thresholdsOf({ alertRedBelowHours: null, alertAmberBelowHours: null });

describe("alerts due", () => {
  it("a hospital's own missed-report time decides, by the hours since its latest report (never reported: missed)", () => {
    const own = thresholdsOf({ alertRedBelowHours: null, alertAmberBelowHours: null, alertMissedReportHours: 12 });
    expect(alertsDue({ hoursLeft: 40, stale: false, status: "green", hoursSinceReport: 12 }, own)).toEqual([]);
    expect(alertsDue({ hoursLeft: 40, stale: false, status: "green", hoursSinceReport: 12.1 }, own)).toEqual(["missed_report"]);
    expect(alertsDue({ hoursLeft: null, stale: true, status: "stale", hoursSinceReport: null }, own)).toEqual(["missed_report"]);
    // with the default, the same 30 h as the dashboard's stale
    expect(alertsDue({ hoursLeft: 40, stale: false, status: "green", hoursSinceReport: 29.9 }, defaults)).toEqual([]);
    expect(alertsDue({ hoursLeft: 40, stale: true, status: "stale", hoursSinceReport: 30.1 }, defaults)).toEqual(["missed_report"]);
  });

  it("red must stay below amber, each resolved with its default", () => {
    expect(thresholdsProblem({ alertRedBelowHours: 6, alertAmberBelowHours: null })).toBeNull();
    expect(thresholdsProblem({ alertRedBelowHours: 24, alertAmberBelowHours: null })).toBe("red_not_below_amber");
    expect(thresholdsProblem({ alertRedBelowHours: null, alertAmberBelowHours: 8 })).toBe("red_not_below_amber");
    expect(thresholdsProblem({ alertRedBelowHours: 10, alertAmberBelowHours: 12 })).toBeNull();
  });

  it("red under the red bound, amber under the amber bound, none above; red and amber never together", () => {
    expect(defaults).toEqual({ redBelowHours: 8, amberBelowHours: 24, missedReportAfterHours: 30 });
    expect(alertsDue({ hoursLeft: 7.9, stale: false, status: "red" }, defaults)).toEqual(["red"]);
    expect(alertsDue({ hoursLeft: 8, stale: false, status: "amber" }, defaults)).toEqual(["amber"]);
    expect(alertsDue({ hoursLeft: 23.9, stale: false, status: "amber" }, defaults)).toEqual(["amber"]);
    expect(alertsDue({ hoursLeft: 24, stale: false, status: "green" }, defaults)).toEqual([]);
  });

  it("a hospital's own thresholds replace the defaults (a small tank wants earlier warning)", () => {
    const own = thresholdsOf({ alertRedBelowHours: 12, alertAmberBelowHours: 36 });
    expect(alertsDue({ hoursLeft: 10, stale: false, status: "amber" }, own)).toEqual(["red"]);
    expect(alertsDue({ hoursLeft: 30, stale: false, status: "green" }, own)).toEqual(["amber"]);
  });

  it("a missed report is its own alert, beside what the old figures project", () => {
    expect(alertsDue({ hoursLeft: null, stale: true, status: "stale" }, defaults)).toEqual(["missed_report"]);
    expect(alertsDue({ hoursLeft: 2, stale: true, status: "red" }, defaults)).toEqual(["red", "missed_report"]);
    expect(alertsDue({ hoursLeft: null, stale: false, status: "green" }, defaults)).toEqual([]);
  });

  it("changes raise what is due and not open, and clear what is open and no longer due", () => {
    expect(alertChanges([], ["amber"])).toEqual({ raise: ["amber"], clear: [] });
    expect(alertChanges(["amber"], ["amber"])).toEqual({ raise: [], clear: [] });
    expect(alertChanges(["amber"], ["red"])).toEqual({ raise: ["red"], clear: ["amber"] });
    expect(alertChanges(["red", "missed_report"], [])).toEqual({ raise: [], clear: ["red", "missed_report"] });
  });
});

describe("escalation", () => {
  const raised = new Date("2021-08-25T03:00:00Z");
  const after = (min: number) => new Date(raised.getTime() + min * 60_000);

  it("climbs one level per step while nobody acknowledges, up to the head", () => {
    expect(escalationLevel(raised, after(29), 30, false, 0)).toBe(0);
    expect(escalationLevel(raised, after(30), 30, false, 0)).toBe(1);
    expect(escalationLevel(raised, after(61), 30, false, 1)).toBe(2);
    expect(escalationLevel(raised, after(600), 30, false, 2)).toBe(2);
  });

  it("stops where it is once acknowledged, and never goes down", () => {
    expect(escalationLevel(raised, after(600), 30, true, 1)).toBe(1);
    expect(escalationLevel(raised, after(0), 30, false, 2)).toBe(2);
  });
});

describe("staff on duty", () => {
  it("a duty taken for some hours ends by itself at its hour; 0 is off duty", () => {
    const at = new Date("2021-08-25T21:30:00+07:00");
    const until = dutyUntil(8, at)!;
    expect(until).toEqual(new Date("2021-08-26T05:30:00+07:00"));
    expect(isOnDuty(until, new Date("2021-08-26T05:29:59+07:00"))).toBe(true);
    expect(isOnDuty(until, until)).toBe(false);
    expect(dutyUntil(0, at)).toBeNull();
    expect(isOnDuty(null, at)).toBe(false);
  });
});

describe("sending retries", () => {
  it("wait 30 s, then twice as long each time, at most 30 min; give up after a bounded number", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(30 * 60_000);
    expect(MAX_SEND_ATTEMPTS).toBeGreaterThan(3);
    // the whole budget covers a gateway down for a few hours, not days
    const total = Array.from({ length: MAX_SEND_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(1);
    expect(total / 3_600_000).toBeLessThan(6);
  });
});
