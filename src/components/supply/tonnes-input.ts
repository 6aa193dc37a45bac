import { kgToTonnes } from "@/domain/mass";
import type { Locale } from "@/i18n/locales";

/** Kilograms as a tonnes figure for an input box: no grouping, up to 3 decimals, the locale's decimal mark (both are accepted back). */
export function tonnesInput(kg: number | null | undefined, locale: Locale): string {
  if (kg === null || kg === undefined) return "";
  const s = String(kgToTonnes(kg));
  return locale === "id" ? s.replace(".", ",") : s;
}
