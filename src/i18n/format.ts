import { intlTag, type Locale } from "./locales";

// Numbers and dates as the reader expects them: 1.500 t in Indonesian, 1,500 t in English.

export function formatNumber(n: number, locale: Locale, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** Kilograms shown as tonnes with at most one decimal. */
export function formatTonnes(kg: number, locale: Locale): string {
  return `${formatNumber(kg / 1000, locale, 1)} t`;
}

export function formatPercent(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: "percent", maximumFractionDigits: 1 }).format(fraction);
}

/** A WIB day "YYYY-MM-DD" as a readable date. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function formatDateTime(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(instant);
}
