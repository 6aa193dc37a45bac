// Numbers as people type them (docs/decisions/0017-numbers-as-typed.md). The form's language
// decides what "." and "," mean: in Bahasa Indonesia "." groups thousands and "," is the decimal
// mark (1.500 = one thousand five hundred, 1,5 = one and a half); in English the reverse.
//
// A text is read only if it is well written in the form's language. A text that is not, but
// would be in the other language ("1.5" or "1,500.5" on an Indonesian form), is refused as
// ambiguous, and the refusal carries how the other language would read it, written the form's
// way, so the message can say "did you mean 1,5?". Nothing is guessed.
//
// This file is plain TypeScript with no imports: the server's validation and the form's live
// echo use the same reading.

export type NumberLocale = "id" | "en";

export type NumberMarks = { decimal: string; group: string };

export function numberMarks(locale: NumberLocale): NumberMarks {
  return locale === "en" ? { decimal: ".", group: "," } : { decimal: ",", group: "." };
}

export type NumberReading =
  | { ok: true; value: number; fractionDigits: number }
  | { ok: false; code: "required" | "invalid_format" }
  /** At most `max` digits after the decimal mark. */
  | { ok: false; code: "too_many_decimals"; max: number }
  /** Not written the form's way, but the other language reads it as `value`, written `suggestion` the form's way. */
  | { ok: false; code: "ambiguous_number"; value: number; suggestion: string };

/** Longer texts are refused outright: no quantity in this app needs 30 characters. */
const MAX_LENGTH = 30;

const escape = (c: string) => (c === "." ? "\\." : c);

/**
 * The shape of a number written with these marks: an optional minus, then either plain digits
 * or digits grouped by threes (the first group 1–3 digits, not starting with 0), then optionally
 * the decimal mark and at least one digit; or just the decimal mark and digits (",5").
 */
function shapeOf(marks: NumberMarks): RegExp {
  const g = escape(marks.group);
  const d = escape(marks.decimal);
  return new RegExp(`^(-?)(?:(\\d+|[1-9]\\d{0,2}(?:${g}\\d{3})+)(?:${d}(\\d+))?|${d}(\\d+))$`);
}

const SHAPES: Record<NumberLocale, RegExp> = { id: shapeOf(numberMarks("id")), en: shapeOf(numberMarks("en")) };

type Read = { value: number; fractionDigits: number; negative: boolean; integer: string; fraction: string };

function readAs(text: string, locale: NumberLocale): Read | null {
  const m = SHAPES[locale].exec(text);
  if (!m) return null;
  const negative = m[1] === "-";
  const integer = (m[2] ?? "0").split(numberMarks(locale).group).join("");
  const fraction = m[3] ?? m[4] ?? "";
  const value = Number(`${negative ? "-" : ""}${integer}${fraction ? `.${fraction}` : ""}`);
  if (!Number.isFinite(value)) return null;
  return { value: value === 0 ? 0 : value, fractionDigits: fraction.length, negative, integer, fraction };
}

/** Normalises what keyboards and copy-paste bring: surrounding spaces, a typographic minus. */
function clean(raw: string): string {
  return raw.trim().replace(/^[\u2212\u2012\u2013]/, "-");
}

/**
 * Reads a number typed in a form whose language is `locale`. `maxDecimals` limits the digits
 * after the decimal mark (3 for tonnes, i.e. whole kilograms); 0 means a whole number.
 */
export function readNumber(raw: string, locale: NumberLocale, maxDecimals = 3): NumberReading {
  const text = clean(raw);
  if (text === "") return { ok: false, code: "required" };
  if (text.length > MAX_LENGTH) return { ok: false, code: "invalid_format" };
  const own = readAs(text, locale);
  if (own) {
    if (own.fractionDigits > maxDecimals) return { ok: false, code: "too_many_decimals", max: maxDecimals };
    return { ok: true, value: own.value, fractionDigits: own.fractionDigits };
  }
  const other = readAs(text, locale === "id" ? "en" : "id");
  if (other) {
    const suggestion = `${other.negative ? "-" : ""}${groupDigits(other.integer.replace(/^0+(?=\d)/, ""), numberMarks(locale).group)}${other.fraction ? numberMarks(locale).decimal + other.fraction : ""}`;
    return { ok: false, code: "ambiguous_number", value: other.value, suggestion };
  }
  return { ok: false, code: "invalid_format" };
}

function groupDigits(digits: string, group: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/**
 * A number written the way `readNumber` reads it for `locale`, grouped by threes, with at most
 * `maxDecimals` decimals (trailing zeros dropped). For inputs and echoes that must read back.
 */
export function writeNumber(value: number, locale: NumberLocale, maxDecimals = 3): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [integer, fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const negative = value < 0 && Number(fixed) !== 0;
  const marks = numberMarks(locale);
  return `${negative ? "-" : ""}${groupDigits(integer, marks.group)}${trimmed ? marks.decimal + trimmed : ""}`;
}

/** A number for an input box: like `writeNumber` but without grouping, so it is easy to edit. */
export function writeNumberPlain(value: number, locale: NumberLocale, maxDecimals = 3): string {
  return writeNumber(value, locale, maxDecimals).split(numberMarks(locale).group).join("");
}

/**
 * A refused reading as a form field's error code; the part after ":" fills the message's
 * placeholder ("ambiguous_number:1,5" → "… did you mean 1,5?").
 */
export function readingErrorCode(r: Exclude<NumberReading, { ok: true }>): string {
  if (r.code === "ambiguous_number") return `ambiguous_number:${r.suggestion}`;
  if (r.code === "too_many_decimals") return r.max === 0 ? "whole_number" : `too_many_decimals:${r.max}`;
  return r.code;
}
