import { z } from "zod";
import { isDay } from "@/domain/day";
import { tonnesToKg } from "@/domain/mass";

// zod pieces shared by the hospital-side use cases. Forms send strings; tests may send numbers.
// Error codes (the zod message of a custom issue) are translated by src/i18n/errors.ts.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** "12,5" or "12.5" (decimal comma allowed, no thousands separators) → number. */
function decimal(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const s = v.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : v;
}

/** Tonnes typed by a user → integer kilograms, ≥ 0. */
export const tonnesKg = z.preprocess(
  (v) => decimal(blankToUndefined(v)),
  z
    .number({ error: (i) => (i.input === undefined ? "required" : "invalid_type") })
    .refine((t) => t >= 0, "not_negative")
    .refine((t) => t <= 1_000_000, "too_big")
    .transform((t) => tonnesToKg(t)),
);

/** Tonnes typed by a user → integer kilograms, > 0. */
export const positiveTonnesKg = tonnesKg.refine((kg) => kg > 0, "positive");

/** A count (patients, beds) ≥ 0. */
export const count = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    return typeof b === "string" && /^\s*\d+\s*$/.test(b) ? Number(b) : b;
  },
  z
    .number({ error: (i) => (i.input === undefined ? "required" : "invalid_type") })
    .refine((n) => Number.isInteger(n), "invalid_type")
    .refine((n) => n >= 0, "not_negative")
    .refine((n) => n <= 1_000_000, "too_big"),
);

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
