// A "day" is a calendar day in Asia/Jakarta (WIB, UTC+7, no daylight saving), written
// "YYYY-MM-DD". The database stores it as a DATE, which the Prisma client hands over as
// a Date at UTC midnight; these functions are the only bridge between the two.

export type Day = string; // "YYYY-MM-DD"

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): value is Day {
  if (!DAY_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The WIB day an instant falls on. */
export function wibDayOf(instant: Date): Day {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function todayWib(now: Date): Day {
  return wibDayOf(now);
}

/** The DATE column value (UTC midnight) for a day. */
export function dayToDate(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A DATE column value back to its day. */
export function dateToDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return dateToDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((dayToDate(b).getTime() - dayToDate(a).getTime()) / DAY_MS);
}

/** Inclusive list of days from..to. */
export function dayRange(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The instant a WIB day starts. */
export function startOfWibDay(day: Day): Date {
  return new Date(dayToDate(day).getTime() - WIB_OFFSET_MS);
}

// --- Days people type (issue #12: dates that can exist) --------------------------------------

/**
 * No figure the task force keeps predates the pandemic: the first COVID-19 cases were reported
 * in December 2019 (Indonesia's in March 2020). A day before this is a typo ("0001-01-01",
 * "2201" for "2021" the other way round is caught by the upper bounds).
 */
export const DATA_START_DAY: Day = "2019-12-01";

/** How far ahead a plan (a pledge, a target, a priority period) may be set: one year. */
export const PLAN_HORIZON_DAYS = 366;

export type DayWindow = { min: Day; max: Day };

/** Plans: from the data's start to a year after today. */
export function planWindow(today: Day): DayWindow {
  return { min: DATA_START_DAY, max: addDays(today, PLAN_HORIZON_DAYS) };
}

/** Reports, capacity and the days views show: from the data's start to tomorrow (WIB). */
export function reportWindow(today: Day): DayWindow {
  return { min: DATA_START_DAY, max: addDays(today, 1) };
}

export type DayCheck =
  | { ok: true; day: Day }
  /** invalid_format: not YYYY-MM-DD; impossible_date: no such calendar day (2021-02-30). */
  | { ok: false; code: "required" | "invalid_format" | "impossible_date" }
  /** Outside the window; `bound` is the first or last day allowed. */
  | { ok: false; code: "day_too_early" | "day_too_late"; bound: Day };

/** A typed day, checked: a real calendar day (never rolled over) within the window. */
export function checkDay(raw: string, window: DayWindow): DayCheck {
  const text = raw.trim();
  if (text === "") return { ok: false, code: "required" };
  if (!DAY_RE.test(text)) return { ok: false, code: "invalid_format" };
  if (!isDay(text)) return { ok: false, code: "impossible_date" };
  if (text < window.min) return { ok: false, code: "day_too_early", bound: window.min };
  if (text > window.max) return { ok: false, code: "day_too_late", bound: window.max };
  return { ok: true, day: text };
}

/** A refused day as a form field's error code: the bound follows ":" ("day_too_late:2021-08-26"). */
export function dayErrorCode(c: Exclude<DayCheck, { ok: true }>): string {
  return c.code === "day_too_early" || c.code === "day_too_late" ? `${c.code}:${c.bound}` : c.code;
}
