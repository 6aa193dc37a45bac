import { now as clockNow } from "@/server/clock";
import { z } from "zod";
import { isDay } from "@/domain/day";

// Form-input parsing shared by the supply side's use cases. Typed figures arrive as strings:
// "12,5" (Indonesian decimal comma) and "12.5" both mean twelve and a half.

/** A decimal number as typed: optional sign, digits, one "." or "," and at most `decimals` decimals. */
export function parseDecimal(raw: unknown, decimals = 3): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const s = raw.trim().replace(",", ".");
  const re = new RegExp(`^-?\\d+(\\.\\d{1,${decimals}})?$|^-?\\.\\d{1,${decimals}}$`);
  if (!re.test(s)) return null;
  return Number(s);
}

/** A non-negative amount of tonnes (up to 3 decimals, i.e. whole kilograms), as a number of tonnes. */
export const tonnes = (opts: { positive?: boolean } = {}) =>
  z.union([z.string(), z.number()]).transform((raw, ctx) => {
    if (raw === "" || raw === undefined) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const n = parseDecimal(raw);
    if (n === null) {
      ctx.addIssue({ code: "custom", message: "invalid_format" });
      return z.NEVER;
    }
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

export const day = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (v === "") ctx.addIssue({ code: "custom", message: "required" });
    else if (!isDay(v)) ctx.addIssue({ code: "custom", message: "invalid_format" });
  });

/** A picked record's id: blank means nothing was chosen. */
export const id = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (v === "") ctx.addIssue({ code: "custom", message: "required" });
  });

/** A whole number typed in a form, within bounds. */
export const integer = (min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const s = typeof raw === "number" ? String(raw) : raw.trim();
    if (s === "") {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    if (!/^-?\d+$/.test(s)) {
      ctx.addIssue({ code: "custom", message: "invalid_format" });
      return z.NEVER;
    }
    const n = Number(s);
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
