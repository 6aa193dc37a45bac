import { kgToTonnes } from "@/domain/mass";
import { writeNumberPlain } from "@/domain/number-input";
import type { Locale } from "@/i18n/locales";

/** Kilograms as a tonnes figure for an input box: no grouping, up to 3 decimals, written the way the locale reads it back (decision 0017). */
export function tonnesInput(kg: number | null | undefined, locale: Locale): string {
  if (kg === null || kg === undefined) return "";
  return writeNumberPlain(kgToTonnes(kg), locale, 3);
}
