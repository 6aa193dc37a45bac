// The one CSV writer (and the reader the capacity import uses) of the app: every export goes
// through `toCsv`, so every cell is quoted and neutralised the same way.
//
// Formula injection (CWE-1236): a spreadsheet opening a CSV runs a cell that starts with `=`,
// `+`, `-` or `@` (and some also after a leading tab or carriage return) as a formula, e.g. a
// supplier named `=HYPERLINK("http://evil","x")`. Such a text cell is written with a leading
// apostrophe (`'=HYPERLINK(...)`), which spreadsheet programs show as text and do not evaluate.
// A text that itself starts with an apostrophe gets one more, so the reader can take exactly
// one off again and the capacity import reads back what the export wrote. Numbers (typed as
// numbers, never text) are written as they are: `-3.5` is a number, not a formula.
// See docs/security.md (V5).

export type CsvValue = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A text as a spreadsheet must see it: with an apostrophe in front when it would be a formula. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: empty for null, numbers as they are, text neutralised and quoted when it must be (RFC 4180). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "number" ? String(value) : neutralised(value);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV document: a header row and data rows, CRLF line ends, and a byte-order mark so
 * that spreadsheet programs read UTF-8.
 */
export function toCsv(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The headers of a CSV answer: a download, never kept by a browser or a proxy (it can hold personal data). */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Cache-Control": "no-store",
  };
}

/**
 * Splits one CSV line, honouring double quotes ("a, b" and "" for a quote); `,` and `;` both
 * separate. A cell the writer neutralised (`'=…`, `''…`) loses its one added apostrophe.
 */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => restored(s.trim()));
}

/** Undoes `neutralised` (only where it could have added the apostrophe). */
function restored(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
