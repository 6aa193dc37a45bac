import "server-only";
import { z } from "zod";
import { checkDay, dayErrorCode, planWindow, reportWindow, type Day, type DayWindow } from "@/domain/day";
import { tonnesToKg } from "@/domain/mass";
import type { Locale } from "@/i18n/locales";
import { now as clockNow, today as clockToday } from "@/server/clock";
import { typedNumber } from "../input-locale";

// The zod parsers every use case reads its input with, one set with one set of error codes
// (each code has its message in src/i18n/errors.ts). Forms send text exactly as typed
// (src/app/form-action.ts); tests and scripts may send numbers and booleans. Figures are read in
// the form's language (decision 0017): "1.500" is 1500 in Indonesian, "1,5" one and a half.

const fail = (ctx: z.RefinementCtx, message: string) => {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

// --- numbers ---------------------------------------------------------------------------------

/**
 * A number as typed: blank → "required", unreadable → the reader's code ("ambiguous_number:1,5",
 * "too_many_decimals:3", "whole_number", "invalid_format"), else the number. `locale` fixes the
 * language for values the app writes itself (hidden fields): "en".
 */
export const typed = (decimals: number, locale?: Locale) =>
  z.unknown().transform((raw, ctx) => {
    const r = typedNumber(raw, decimals, locale);
    return r.ok ? r.value : fail(ctx, r.code);
  });

/** A figure a user types: ≥ 0 ("not_negative"), or > 0 ("positive"), at most 1,000,000 ("too_big"). */
const figure = (decimals: number, opts: { positive?: boolean; locale?: Locale } = {}) =>
  typed(decimals, opts.locale).transform((n, ctx) => {
    if (n < 0 || (opts.positive && n === 0)) return fail(ctx, opts.positive ? "positive" : "not_negative");
    if (n > 1_000_000) return fail(ctx, "too_big");
    return n;
  });

/** Tonnes (up to 3 decimals, i.e. whole kilograms), as a number of tonnes. */
export const tonnes = (opts: { positive?: boolean; locale?: Locale } = {}) => figure(3, opts);

/** Tonnes typed by a user → integer kilograms, ≥ 0. */
export const tonnesKg = tonnes().transform((t) => tonnesToKg(t));

/** Tonnes typed by a user → integer kilograms, > 0. */
export const positiveTonnesKg = tonnes({ positive: true }).transform((t) => tonnesToKg(t));

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** Tonnes typed by a user → integer kilograms, ≥ 0; left blank → null (the default applies). */
export const optionalTonnesKg = z.preprocess((v) => (blank(v) ? undefined : v), tonnesKg.optional()).transform((kg) => kg ?? null);

/** An amount typed in its own unit (t, kg, m³, litres, cylinders), ≥ 0, up to 3 decimals. */
export const amount = figure(3);

/** A trip's amount in its own unit: > 0, up to 3 decimals. */
export const positiveAmount = figure(3, { positive: true });

/** A count (patients, beds) ≥ 0. */
export const count = figure(0);

/** A count that may be left blank (a form sends an empty box as ""): blank → undefined. */
export const optionalCount = z.preprocess((v) => (blank(v) ? undefined : v), count.optional());

/** A whole number typed in a form, within bounds ("too_small", "too_big"). */
export const integer = (min: number, max: number, locale?: Locale) =>
  typed(0, locale).transform((n, ctx) => (n < min ? fail(ctx, "too_small") : n > max ? fail(ctx, "too_big") : n));

/** A cylinder's size in m³ of gas: above 0, at most 100, up to 2 decimals (DECIMAL(6, 2)); blank → undefined. */
export const cylinderSizeM3 = z
  .unknown()
  .optional()
  .transform((v, ctx) => {
    if (blank(v)) return undefined;
    const r = typedNumber(v, 2);
    if (!r.ok) return fail(ctx, r.code);
    if (r.value <= 0) return fail(ctx, "positive");
    if (r.value > 100) return fail(ctx, "too_big");
    return r.value;
  });

// --- days and times --------------------------------------------------------------------------

/** A WIB day "YYYY-MM-DD" inside a window computed from today when the input is checked; never rolled over (2021-02-30 → impossible_date). */
export const dayWithin = (window: (today: Day) => DayWindow) =>
  z
    .string({ error: "required" })
    .trim()
    .superRefine((s, ctx) => {
      const c = checkDay(s, window(clockToday()));
      if (!c.ok) ctx.addIssue({ code: "custom", message: dayErrorCode(c) });
    });

// PostgreSQL's dates have no year 0 ("0000-01-01" is out of range): the first day it reads is 0001-01-01.
/** A real calendar day; the use case sets its own bounds (a request's "needed by" is not in the past). */
export const calendarDay = dayWithin(() => ({ min: "0001-01-01", max: "9999-12-31" }));

/** A plan's day (a pledge, a target, a priority period): from the data's start to a year ahead. */
export const planDay = dayWithin(planWindow);

/** A reported day (capacity, stock): from the data's start to tomorrow (WIB). */
export const reportDay = dayWithin(reportWindow);

const wibTime = (s: string) => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(s);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:00+07:00`) : new Date(s);
};

/** "YYYY-MM-DDTHH:MM" typed in WIB (datetime-local), or an ISO instant; blank means now; not in the future. */
export const wibInstant = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return clockNow();
    const d = wibTime(s);
    if (Number.isNaN(d.getTime())) return fail(ctx, "invalid_format");
    if (d.getTime() > clockNow().getTime() + 5 * 60_000) return fail(ctx, "future_day");
    return d;
  });

/** "YYYY-MM-DDTHH:MM" typed in WIB (datetime-local), or an ISO instant; required. */
export const wibDateTime = z
  .string({ error: "required" })
  .trim()
  .refine((s) => s !== "", "required")
  .transform((s, ctx) => {
    const d = wibTime(s);
    return Number.isNaN(d.getTime()) ? fail(ctx, "invalid_format") : d;
  });

// --- text, choices, flags --------------------------------------------------------------------

/** A picked record's id: blank means nothing was chosen. */
export const id = z
  .string({ error: "required" })
  .trim()
  .refine((s) => s !== "", "required")
  .refine((s) => s.length <= 100, "too_long");

/** Trimmed text; empty → "required" when min > 0. */
export const text = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .refine((s) => min === 0 || s !== "", "required")
    .refine((s) => s === "" || s.length >= min, "too_short")
    .refine((s) => s.length <= max, "too_long");

/** A ticked box ("on"), a hidden flag ("true"/"false") or a boolean; anything else is no. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/**
 * The tick a user gives to an unusual (but possible) figure after the server asked for it
 * (`RuleError("confirm")`): "1", "on", "true" or true; anything else is no.
 */
export const confirmUnusual = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === "1" || v === "on" || v === "true");
