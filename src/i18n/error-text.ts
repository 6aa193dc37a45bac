import { isDay } from "@/domain/day";
import { formatDay } from "./format";
import type { Locale } from "./locales";
import type { Translator } from "./translator";

/**
 * The message for an error code that a use case returns (src/server/use-case.ts). A code may carry
 * one value after ":" ("ambiguous_number:1,5", "day_too_early:2021-07-01"), the message's {value};
 * a day is shown as the reader reads dates. An unknown code reads as "invalid". Add a code to
 * messages/<locale>/errors.json, in both languages, when a rule introduces one.
 */
export function errorText(t: Translator<"errors">, locale: Locale, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const colon = code.indexOf(":");
  const base = (colon < 0 ? code : code.slice(0, colon)) as Parameters<typeof t>[0];
  const value = colon < 0 ? "" : code.slice(colon + 1);
  return t(t.has(base) ? base : "invalid", { value: isDay(value) ? formatDay(value, locale) : value });
}
