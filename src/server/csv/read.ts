import "server-only";
import { CsvError, parse, type InfoRecord } from "csv-parse/sync";
import type { Locale } from "@/i18n/locales";
import { localeOfDelimiter } from "./format";

// The one CSV reader (the capacity import): takes what the writer (./write.ts) writes in either
// language, and what a spreadsheet saves. The header line's separator decides the layout: ";"
// means the Indonesian one (decimal comma), "," the English one (decimal point); the caller
// reads the numbers in that language (src/domain/number-input.ts), so "1.500" in a ";" file is
// 1500 and nothing is guessed.

export type CsvLine = { line: number; cells: string[] };

export type CsvReading =
  | { ok: true; locale: Locale; lines: CsvLine[] }
  /** `line`: where the text stopped being CSV (an unclosed quote) */
  | { ok: false; line: number };

/** What the writer's formula neutralisation adds in front of a text (csv-stringify's escape_formulas). */
const NEUTRALISED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Every non-blank line's cells, trimmed, with its line number (1 = the header). */
export function readCsv(text: string): CsvReading {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes(";") ? ";" : ",";
  const locale = localeOfDelimiter(delimiter);
  try {
    const records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { record: string[]; info: InfoRecord }[]; // (`info: true` wraps each record; the overloads do not say so)
    return { ok: true, locale, lines: records.map(({ record, info }) => ({ line: info.lines, cells: record.map(restored) })) };
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, line: (e as CsvError & { lines?: number }).lines ?? 1 };
    throw e;
  }
}

/**
 * Undoes the writer's neutralisation: the one apostrophe it puts before a formula character. (A
 * text that itself began with "'=" would lose its apostrophe; no producer is named so.)
 */
function restored(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
