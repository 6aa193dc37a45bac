import { checkDay, dayErrorCode, isDay, reportWindow, type Day } from "@/domain/day";
import { today } from "@/server/clock";
import { RANGES, type RangeDays } from "@/domain/dashboard-rules";

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** ?date=YYYY-MM-DD (a valid calendar day) or null for "the latest day with data". */
export function dayParam(search: Search): Day | null {
  const v = one(search.date);
  return v && isDay(v) ? v : null;
}

/**
 * ?date= (or another key) checked: absent → day null (the caller's default day); a real day
 * from the data's start to tomorrow (WIB) → that day; anything else → the error code, for a
 * 400 or a page-level message, never a silent fallback.
 */
export function checkedDayParam(search: Search, key = "date"): { day: Day | null; error?: undefined } | { day: null; error: string; raw: string } {
  const v = one(search[key]);
  if (v === undefined || v === "") return { day: null };
  const c = checkDay(v, reportWindow(today()));
  return c.ok ? { day: c.day } : { day: null, error: dayErrorCode(c), raw: v };
}

/** ?range=30|90, 30 by default. */
export function rangeParam(search: Search): RangeDays {
  const v = Number(one(search.range));
  return (RANGES as readonly number[]).includes(v) ? (v as RangeDays) : 30;
}

/**
 * ?province=<official code> as given, or undefined without one (an empty value, the selector's
 * "national" choice, is none). The page checks it names a province (chooseProvince).
 */
export function provinceParam(search: Search): string | undefined {
  return one(search.province)?.trim() || undefined;
}
