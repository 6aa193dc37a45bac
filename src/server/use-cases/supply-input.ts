import "server-only";
import { now as clockNow, today as clockToday } from "@/server/clock";
import { z } from "zod";
import { checkDay, dayErrorCode, planWindow, reportWindow, type Day, type DayWindow } from "@/domain/day";

import type { Locale } from "@/i18n/locales";
import { typedNumber } from "../input-locale";

// Form-input parsing shared by the supply side's use cases. Typed figures arrive as strings and
// are read in the form's language (decision 0017): "1.500" is 1500 in Indonesian, "1,5" one and
// a half; in English the reverse.

/** A decimal number as typed in the form's language, at most `decimals` decimals; null if unreadable. */
export function parseDecimal(raw: unknown, decimals = 3, locale?: Locale): number | null {
  const r = typedNumber(raw, decimals, locale);
  return r.ok ? r.value : null;
}

/**
 * A number typed in a form as a zod schema: blank → "required", unreadable → the reader's code
 * ("ambiguous_number:1,5", "too_many_decimals:3", "invalid_format"), else the number.
 * `locale` fixes the language for values the app writes itself (hidden fields): "en".
 */
export const typed = (decimals: number, locale?: Locale) =>
  z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const r = typedNumber(raw, decimals, locale);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.code });
      return z.NEVER;
    }
    return r.value;
  });

/** A non-negative amount of tonnes (up to 3 decimals, i.e. whole kilograms), as a number of tonnes. */
export const tonnes = (opts: { positive?: boolean; locale?: Locale } = {}) =>
  typed(3, opts.locale).transform((n, ctx) => {
    if (n < 0 || (opts.positive && n === 0)) {
      ctx.addIssue({ code: "custom", message: opts.positive ? "positive" : "not_negative" });
      return z.NEVER;
    }
    if (n > 1_000_000) {
      ctx.addIssue({ code: "custom", message: "too_big" });
      return z.NEVER;
    }
    return n;
  });

/**
 * A WIB day typed in a form: a real calendar day (2021-02-30 is refused, never rolled over)
 * inside a window computed from today when the input is checked.
 */
export const dayWithin = (window: (today: Day) => DayWindow) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const c = checkDay(v, window(clockToday()));
      if (!c.ok) ctx.addIssue({ code: "custom", message: dayErrorCode(c) });
    });

/** A plan's day (a pledge, a target, a priority period): from the data's start to a year ahead. */
export const planDay = dayWithin(planWindow);

/** A reported day (capacity, stock): from the data's start to tomorrow (WIB). */
export const reportDay = dayWithin(reportWindow);

/** A day with no stricter rule: a plan's window. */
export const day = planDay;

/** A picked record's id: blank means nothing was chosen. */
export const id = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (v === "") ctx.addIssue({ code: "custom", message: "required" });
  });

/** A whole number typed in a form, within bounds. */
export const integer = (min: number, max: number, locale?: Locale) =>
  typed(0, locale).transform((n, ctx) => {
    if (n < min) ctx.addIssue({ code: "custom", message: "too_small" });
    else if (n > max) ctx.addIssue({ code: "custom", message: "too_big" });
    return n;
  });

/** "YYYY-MM-DDTHH:MM" typed in WIB (datetime-local), or an ISO instant; blank means now. */
export const wibInstant = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return clockNow();
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(s);
    const d = m ? new Date(`${m[1]}T${m[2]}:${m[3]}:00+07:00`) : new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "invalid_format" });
      return z.NEVER;
    }
    if (d.getTime() > clockNow().getTime() + 5 * 60_000) {
      ctx.addIssue({ code: "custom", message: "future_day" });
      return z.NEVER;
    }
    return d;
  });
