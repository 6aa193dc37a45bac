import { intlTag, type Locale } from "./locales";

// Numbers and dates as the reader expects them: 1.500 t in Indonesian, 1,500 t in English.
//
// The Intl formatters are built once per locale and option set and reused: constructing one costs
// far more than formatting with it, and a national dashboard formats thousands of cells per page
// (it was most of the page's CPU time before; docs/performance.md).

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

const numberFormat = (locale: Locale, digits: number) =>
  formatter(`n:${locale}:${digits}`, () => new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: digits }));

export function formatNumber(n: number, locale: Locale, maxFractionDigits = 0): string {
  return numberFormat(locale, maxFractionDigits).format(n);
}

/** Kilograms shown as tonnes with at most one decimal. */
export function formatTonnes(kg: number, locale: Locale): string {
  return `${formatNumber(kg / 1000, locale, 1)} t`;
}

export function formatPercent(fraction: number, locale: Locale): string {
  return formatter(`p:${locale}`, () => new Intl.NumberFormat(intlTag(locale), { style: "percent", maximumFractionDigits: 1 })).format(fraction);
}

/** A WIB day "YYYY-MM-DD" as a readable date. */
export function formatDay(day: string, locale: Locale): string {
  const f = formatter(`d:${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
  return f.format(new Date(`${day}T00:00:00Z`));
}

/** A WIB day with its weekday, in full ("Rabu, 25 Agustus 2021"): what a date box holds, read in the page's language. */
export function formatDayLong(day: string, locale: Locale): string {
  const f = formatter(
    `dl:${locale}`,
    () => new Intl.DateTimeFormat(intlTag(locale), { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  );
  return f.format(new Date(`${day}T00:00:00Z`));
}

/** A time of day to the minute, in WIB ("09.30" in Indonesian, "09:30" in English), without saying WIB. */
export function formatWibTime(instant: Date, locale: Locale): string {
  const f = formatter(`tm:${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), { timeStyle: "short", timeZone: "Asia/Jakarta" }));
  return f.format(instant);
}

/** A time of day to the second, in WIB (how fresh cached figures are, decision 0040). */
export function formatClockTime(instant: Date, locale: Locale): string {
  const f = formatter(`ts:${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), { timeStyle: "medium", timeZone: "Asia/Jakarta" }));
  return f.format(instant);
}

/** An instant as a WIB date and time, saying so ("25 Agu 2021, 09.30 WIB"): the task force works on one clock (decision 0037). */
export function formatDateTime(instant: Date, locale: Locale): string {
  const f = formatter(`t:${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }));
  return `${f.format(instant)} WIB`;
}
