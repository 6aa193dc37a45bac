import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { readingErrorCode, readNumber } from "@/domain/number-input";
import { asLocale, DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, type Locale } from "@/i18n/locales";

// The language a form was filled in, for reading the numbers typed in it (decision 0017).
// `useCase` settles it once per call — the input's `locale` field (forms carry the language they
// were rendered in), else the reader's language cookie, else the app's default — and runs the
// validation and the rule inside it, so every zod helper reads numbers the same way.

const store = new AsyncLocalStorage<Locale>();

/** The language of the input being validated. */
export function inputLocale(): Locale {
  return store.getStore() ?? DEFAULT_LOCALE;
}

export function withInputLocale<T>(locale: Locale, fn: () => T): T {
  return store.run(locale, fn);
}

/** The `locale` an input names ("id" | "en"), or null. */
export function localeOfInput(raw: unknown): Locale | null {
  const v = raw !== null && typeof raw === "object" ? (raw as { locale?: unknown }).locale : undefined;
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v) ? (v as Locale) : null;
}

/** The reader's language as src/i18n/server.ts decides it, or null outside a request. */
export async function requestLocale(): Promise<Locale | null> {
  try {
    const { cookies } = await import("next/headers");
    return asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return null;
  }
}

export type Typed = { ok: true; value: number } | { ok: false; code: string };

/**
 * A number as typed in the form's language (decision 0017), with at most `decimals` decimals.
 * Numbers (from tests and scripts) are taken as they are.
 */
export function typedNumber(raw: unknown, decimals = 3, locale: Locale = inputLocale()): Typed {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, code: "invalid_format" };
    return decimals === 0 && !Number.isInteger(raw) ? { ok: false, code: "whole_number" } : { ok: true, value: raw };
  }
  if (raw === undefined || raw === null) return { ok: false, code: "required" };
  if (typeof raw !== "string") return { ok: false, code: "invalid_type" };
  const r = readNumber(raw, locale, decimals);
  return r.ok ? { ok: true, value: r.value } : { ok: false, code: readingErrorCode(r) };
}
