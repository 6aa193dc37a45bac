import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNumber, writeNumber, writeNumberPlain, type NumberLocale } from "../../src/domain/number-input";
import { formatNumber } from "../../src/i18n/format";

const value = (text: string, locale: NumberLocale, max = 3) => {
  const r = readNumber(text, locale, max);
  return r.ok ? r.value : r.code;
};

describe("readNumber: the form's language decides", () => {
  it("reads Indonesian: '.' groups thousands, ',' is the decimal mark", () => {
    expect(value("1.500", "id")).toBe(1500);
    expect(value("1,5", "id")).toBe(1.5);
    expect(value("1.500,5", "id")).toBe(1500.5);
    expect(value("1.234.567,125", "id")).toBe(1234567.125);
    expect(value("1500", "id")).toBe(1500);
    expect(value(",5", "id")).toBe(0.5);
    expect(value("1,500", "id")).toBe(1.5);
    expect(value(" 12,5 ", "id")).toBe(12.5);
    expect(value("-3,25", "id")).toBe(-3.25);
    expect(value("\u22123", "id")).toBe(-3);
  });

  it("reads English the other way round", () => {
    expect(value("1,500", "en")).toBe(1500);
    expect(value("1.5", "en")).toBe(1.5);
    expect(value("1,500.5", "en")).toBe(1500.5);
    expect(value("1,234,567.125", "en")).toBe(1234567.125);
    expect(value("1.500", "en")).toBe(1.5);
    expect(value(".5", "en")).toBe(0.5);
  });

  it("refuses a text the form's language cannot read but the other can, and says how the other reads it", () => {
    expect(readNumber("1.5", "id")).toEqual({ ok: false, code: "ambiguous_number", value: 1.5, suggestion: "1,5" });
    expect(readNumber("200.25", "id")).toEqual({ ok: false, code: "ambiguous_number", value: 200.25, suggestion: "200,25" });
    expect(readNumber("1,500.5", "id")).toEqual({ ok: false, code: "ambiguous_number", value: 1500.5, suggestion: "1.500,5" });
    expect(readNumber("12345.5", "id")).toEqual({ ok: false, code: "ambiguous_number", value: 12345.5, suggestion: "12.345,5" });
    expect(readNumber("0.500", "id")).toEqual({ ok: false, code: "ambiguous_number", value: 0.5, suggestion: "0,500" });
    expect(readNumber("1.500,5", "en")).toEqual({ ok: false, code: "ambiguous_number", value: 1500.5, suggestion: "1,500.5" });
    expect(readNumber("1,5", "en")).toEqual({ ok: false, code: "ambiguous_number", value: 1.5, suggestion: "1.5" });
    expect(readNumber("2,75", "en")).toMatchObject({ code: "ambiguous_number", suggestion: "2.75" });
  });

  it("refuses what no language reads", () => {
    for (const bad of [
      "abc",
      "1.2.3",
      "1,,5",
      "1.50.000",
      "1..5",
      "5,",
      "5.",
      "1e5",
      "Infinity",
      "NaN",
      "0x10",
      "1 500",
      "--1",
      "+1",
      "1.5.5",
      "12.34.567",
      ",",
      ".",
    ]) {
      expect([bad, value(bad, "id")]).toEqual([bad, "invalid_format"]);
      expect([bad, value(bad, "en")]).toEqual([bad, "invalid_format"]);
    }
    expect(value("9".repeat(31), "id")).toBe("invalid_format");
  });

  it("says when a text is blank", () => {
    expect(value("", "id")).toBe("required");
    expect(value("   ", "en")).toBe("required");
  });

  it("limits the decimals", () => {
    expect(readNumber("1,2345", "id")).toEqual({ ok: false, code: "too_many_decimals", max: 3 });
    expect(readNumber("1.5", "en", 0)).toEqual({ ok: false, code: "too_many_decimals", max: 0 });
    expect(value("1.500", "id", 0)).toBe(1500);
    expect(value("2,50", "id", 2)).toBe(2.5);
  });
});

describe("writeNumber", () => {
  it("writes grouped, with the locale's marks and no trailing zeros", () => {
    expect(writeNumber(1500000, "id")).toBe("1.500.000");
    expect(writeNumber(1500.5, "id")).toBe("1.500,5");
    expect(writeNumber(1500.5, "en")).toBe("1,500.5");
    expect(writeNumber(-0.0001, "en")).toBe("0");
    expect(writeNumberPlain(1500.25, "id")).toBe("1500,25");
  });
});

const locales = fc.constantFrom<NumberLocale>("id", "en");
/** An exact decimal: an integer count of 10^-digits. */
const decimal = fc.record({ units: fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), digits: fc.integer({ min: 0, max: 3 }) });

describe("properties", () => {
  it("what the app displays (src/i18n/format.ts) reads back as the same number in the same language", () => {
    fc.assert(
      fc.property(decimal, locales, ({ units, digits }, locale) => {
        const n = units / 10 ** digits;
        const shown = formatNumber(n, locale, digits);
        const r = readNumber(shown, locale, digits);
        expect(r).toMatchObject({ ok: true });
        expect(r.ok && r.value).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it("writeNumber and writeNumberPlain read back", () => {
    fc.assert(
      fc.property(decimal, locales, ({ units, digits }, locale) => {
        const n = units / 10 ** digits;
        expect(value(writeNumber(n, locale, digits), locale, digits)).toBe(n === 0 ? 0 : n);
        expect(value(writeNumberPlain(n, locale, digits), locale, digits)).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it("a text read in one language with a grouping mark and a decimal mark is refused, not misread, in the other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e9 }), fc.integer({ min: 1, max: 99 }), locales, (int, frac, locale) => {
        const n = int + frac / 100;
        const text = writeNumber(n, locale, 2);
        const other: NumberLocale = locale === "id" ? "en" : "id";
        const r = readNumber(text, other, 3);
        expect(r.ok).toBe(false);
        if (!r.ok && r.code === "ambiguous_number") {
          expect(r.value).toBe(n);
          expect(value(r.suggestion, other, 3)).toBe(n);
        } else expect(r).toMatchObject({ code: "ambiguous_number" });
      }),
    );
  });

  it("never throws and only ever returns a finite number", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("0", "1", "5", "9", ".", ",", "-", " ", "e", "x"), maxLength: 16 }),
        locales,
        fc.integer({ min: 0, max: 4 }),
        (s, locale, max) => {
          const r = readNumber(s, locale, max);
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          if (!r.ok && r.code === "ambiguous_number") expect(value(r.suggestion, locale, 99)).toBe(r.value);
        },
      ),
    );
  });
});
