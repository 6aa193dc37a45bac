import "server-only";
import { z } from "zod";
import { checkDay, dayErrorCode, reportWindow } from "@/domain/day";
import { today } from "@/server/clock";
import { tonnesToKg } from "@/domain/mass";
import { typedNumber } from "../input-locale";

// zod pieces shared by the hospital-side use cases. Forms send strings; tests may send numbers.
// Error codes (the zod message of a custom issue) are translated by the errors messages (src/i18n/messages/<locale>/errors.json).

/** A number typed in a form, read in the form's language (decision 0017): blank → "required", else the number ≥ 0. */
function numeric(v: unknown, ctx: z.RefinementCtx, whole: boolean): number | typeof z.NEVER {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return fail("required");
  const r = typedNumber(v, whole ? 0 : 3);
  if (!r.ok) return fail(r.code);
  const n = r.value;
  if (n < 0) return fail("not_negative");
  if (n > 1_000_000) return fail("too_big");
  return n;
}

/** Tonnes typed by a user → integer kilograms, ≥ 0. */
export const tonnesKg = z.unknown().transform((v, ctx) => {
  const t = numeric(v, ctx, false);
  return typeof t === "number" ? tonnesToKg(t) : t;
});

/** Tonnes typed by a user → integer kilograms, ≥ 0; left blank → null (the default applies). */
export const optionalTonnesKg = z.unknown().transform((v, ctx) => {
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
  const t = numeric(v, ctx, false);
  return typeof t === "number" ? tonnesToKg(t) : t;
});

/** Tonnes typed by a user → integer kilograms, > 0. */
export const positiveTonnesKg = tonnesKg.refine((kg) => kg > 0, "positive");

/** An amount typed in its own unit (t, kg, m³, litres, cylinders), ≥ 0, up to 3 decimals. */
export const amount = z.unknown().transform((v, ctx) => numeric(v, ctx, false));

/** A cylinder's size in m³ of gas: above 0, at most 100, up to 2 decimals (DECIMAL(6, 2)). */
export const cylinderSizeM3 = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || (typeof v === "string" && v.trim() === "")) return undefined;
    const r = typedNumber(v, 2);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.code });
    else if (r.value <= 0) ctx.addIssue({ code: "custom", message: "positive" });
    else if (r.value > 100) ctx.addIssue({ code: "custom", message: "too_big" });
    else return r.value;
    return z.NEVER;
  });

/** A count (patients, beds) ≥ 0. */
export const count = z.unknown().transform((v, ctx) => numeric(v, ctx, true));

/**
 * A WIB day "YYYY-MM-DD": a real calendar day, never rolled over (2021-02-30 → impossible_date).
 * The use case sets its own bounds (a request's "needed by" is not in the past).
 */
export const day = z
  .string({ error: "required" })
  .trim()
  .superRefine((s, ctx) => {
    const c = checkDay(s, { min: "0000-01-01", max: "9999-12-31" });
    if (!c.ok) ctx.addIssue({ code: "custom", message: dayErrorCode(c) });
  });

/** A reported day (a stock report): from the data's start to tomorrow (WIB). */
export const reportDay = z
  .string({ error: "required" })
  .trim()
  .superRefine((s, ctx) => {
    const c = checkDay(s, reportWindow(today()));
    if (!c.ok) ctx.addIssue({ code: "custom", message: dayErrorCode(c) });
  });

/**
 * The tick a user gives to an unusual (but possible) figure after the server asked for it
 * (`RuleError("confirm")`): "1", "on", "true" or true; anything else is no.
 */
export const confirmUnusual = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === "1" || v === "on" || v === "true");

/** A form checkbox ("on") or a boolean. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

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
