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
