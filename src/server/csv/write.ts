import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/i18n/locales";
import { CSV_FORMATS } from "./format";

// The one CSV writer of the app: every export goes through `toCsv`, so every file has the same
// byte-order mark (spreadsheets then read UTF-8), CRLF line ends, RFC 4180 quoting and the
// reader's layout (src/server/csv/format.ts).
//
// Formula injection (CWE-1236): a spreadsheet opening a CSV runs a text cell that starts with
// `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, e.g. a supplier named
// `=HYPERLINK("http://evil","x")`. csv-stringify's `escape_formulas` writes such a text with a
// leading apostrophe, which spreadsheets show as text and do not evaluate; numbers are never
// text, so `-3,5` stays a number. See docs/security.md (V5).

export type CsvValue = string | number | null | undefined;

/** A whole CSV document in the layout of `locale`: a header row, then the data rows. */
export function toCsv(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[], locale: Locale): string {
  const { delimiter, decimal } = CSV_FORMATS[locale];
  return stringify([header, ...rows] as CsvValue[][], {
    bom: true,
    delimiter,
    record_delimiter: "windows",
    // A line break inside a cell is quoted too, not only the CRLF that ends a row.
    quote_record_delimiter: true,
    escape_formulas: true,
    // Exact values (tonnes to the kilogram), no grouping: a spreadsheet reads them as numbers.
    cast: { number: (n) => String(n).replace(".", decimal) },
  });
}

/** The headers of a CSV answer: a download, never kept by a browser or a proxy (it can hold personal data). */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Cache-Control": "no-store",
  };
}
