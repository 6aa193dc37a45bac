import "server-only";
import type { Locale } from "@/i18n/locales";

// How a CSV is laid out for a reader's language, so it opens right in a spreadsheet set to that
// language: Indonesian spreadsheets take "," as the decimal mark and so expect ";" between
// cells; English ones "." and ",". The capacity import tells the two apart by the separator of
// the header line (decision 0030).

export type CsvFormat = { delimiter: "," | ";"; decimal: "." | "," };

export const CSV_FORMATS: Record<Locale, CsvFormat> = {
  id: { delimiter: ";", decimal: "," },
  en: { delimiter: ",", decimal: "." },
};

/** The language whose layout uses this separator. */
export function localeOfDelimiter(delimiter: CsvFormat["delimiter"]): Locale {
  return delimiter === ";" ? "id" : "en";
}
