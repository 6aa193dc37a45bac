import { describe, expect, it } from "vitest";
import { checkDay, DATA_START_DAY, dayErrorCode, planWindow, reportWindow } from "../../src/domain/day";

const today = "2021-07-26";

describe("checkDay", () => {
  it("accepts real calendar days inside the window", () => {
    expect(checkDay("2021-07-26", reportWindow(today))).toEqual({ ok: true, day: "2021-07-26" });
    expect(checkDay(" 2020-02-29 ", reportWindow(today))).toEqual({ ok: true, day: "2020-02-29" });
    expect(checkDay(DATA_START_DAY, reportWindow(today))).toEqual({ ok: true, day: DATA_START_DAY });
  });

  it("refuses impossible calendar dates instead of rolling them over", () => {
    for (const d of ["2021-02-29", "2021-02-30", "2021-04-31", "2021-13-01", "2021-00-10", "2021-07-00", "2021-07-32"]) {
      expect([d, checkDay(d, planWindow(today))]).toEqual([d, { ok: false, code: "impossible_date" }]);
    }
  });

  it("refuses what is not a day written YYYY-MM-DD", () => {
    for (const d of ["abc", "26/07/2021", "2021-7-26", "20210726", "2021-07-26T00:00", "+02021-07-26", "2021-07-26x"]) {
      expect([d, checkDay(d, planWindow(today))]).toEqual([d, { ok: false, code: "invalid_format" }]);
    }
    expect(checkDay("", planWindow(today))).toEqual({ ok: false, code: "required" });
  });

  it("refuses days before the data begins, with the first day allowed", () => {
    expect(checkDay("0001-01-01", reportWindow(today))).toEqual({ ok: false, code: "day_too_early", bound: DATA_START_DAY });
    expect(checkDay("2019-11-30", planWindow(today))).toMatchObject({ code: "day_too_early" });
  });

  it("lets reports and capacity go up to tomorrow (WIB), no further", () => {
    expect(checkDay("2021-07-27", reportWindow(today))).toMatchObject({ ok: true });
    expect(checkDay("2021-07-28", reportWindow(today))).toEqual({ ok: false, code: "day_too_late", bound: "2021-07-27" });
    expect(checkDay("2201-07-26", reportWindow(today))).toMatchObject({ code: "day_too_late" });
  });

  it("lets plans go a year ahead, no further", () => {
    expect(checkDay("2022-07-27", planWindow(today))).toMatchObject({ ok: true });
    expect(checkDay("2022-07-28", planWindow(today))).toEqual({ ok: false, code: "day_too_late", bound: "2022-07-27" });
    expect(checkDay("2021-01-01", planWindow(today))).toMatchObject({ ok: true });
  });

  it("writes the bound into the error code", () => {
    expect(dayErrorCode({ ok: false, code: "day_too_late", bound: "2021-07-27" })).toBe("day_too_late:2021-07-27");
    expect(dayErrorCode({ ok: false, code: "impossible_date" })).toBe("impossible_date");
  });
});
