import { z } from "zod";
import { isDay } from "@/domain/day";
import { tonnesToKg } from "@/domain/mass";

// zod pieces shared by the hospital-side use cases. Forms send strings; tests may send numbers.
// Error codes (the zod message of a custom issue) are translated by src/i18n/errors.ts.

/** A number typed in a form: blank → "required", not a number → "invalid_type", else the number. */
function numeric(v: unknown, ctx: z.RefinementCtx, whole: boolean): number | typeof z.NEVER {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return fail("required");
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    // decimal comma or point, no thousands separators ("12,5" = "12.5")
    const s = v.trim().replace(",", ".");
    if (!/^-?\d+(\.\d+)?$/.test(s)) return fail("invalid_type");
    n = Number(s);
  } else return fail("invalid_type");
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) return fail("invalid_type");
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

/** A count (patients, beds) ≥ 0. */
export const count = z.unknown().transform((v, ctx) => numeric(v, ctx, true));

/** A WIB day "YYYY-MM-DD". */
export const day = z
  .string({ error: "required" })
  .trim()
  .refine((s) => s !== "", "required")
  .refine((s) => s === "" || isDay(s), "invalid_format");

/** A form checkbox ("on") or a boolean. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const id = z.string({ error: "required" }).trim().refine((s) => s !== "", "required").refine((s) => s.length <= 100, "too_long");

/** Trimmed text; empty → "required" when min > 0. */
export const text = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .refine((s) => min === 0 || s !== "", "required")
    .refine((s) => s === "" || s.length >= min, "too_short")
    .refine((s) => s.length <= max, "too_long");
