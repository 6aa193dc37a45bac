import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { checkDay, dayErrorCode, reportWindow, type Day } from "@/domain/day";
import { today } from "@/server/clock";

// The parsers the routes' own search-params.ts build their loaders from (nuqs's createLoader):
// a value that does not parse falls back to the parser's default, never a 500. The one
// exception is a day, whose refusal the page or route shows (a message, a 400) instead of
// silently showing another day.

/**
 * A day as asked: absent → day null (the caller's default day); a real day from the data's
 * start to tomorrow (WIB) → that day; anything else → the error code and what was typed.
 */
export type CheckedDay = { day: Day | null; error?: undefined } | { day: null; error: string; raw: string };

export const parseAsCheckedDay = createParser<CheckedDay>({
  parse: (raw) => {
    if (raw === "") return { day: null };
    const c = checkDay(raw, reportWindow(today()));
    return c.ok ? { day: c.day } : { day: null, error: dayErrorCode(c), raw };
  },
  serialize: (c) => c.day ?? "",
}).withDefault({ day: null });

/** `?x=1` as true; absent or anything else false. */
export const parseAsFlag = createParser({ parse: (raw) => raw === "1", serialize: (on: boolean) => (on ? "1" : "") }).withDefault(false);

/** A text, trimmed and at most 100 characters; absent or blank → null. */
export const parseAsText = createParser({ parse: (raw) => raw.trim().slice(0, 100) || null, serialize: (text: string) => text });

/** A list's page: 1 to 10,000; what is not a number is the first page. */
export const parseAsPage = createParser({ parse: (raw) => Math.max(1, Math.min(10_000, Number.parseInt(raw, 10) || 1)), serialize: String }).withDefault(1);

/** Search, sort and page of a list (src/server/queries/supply-list.ts): unknown sorts fall back to the default. */
export function listParsers<S extends string>(sorts: readonly S[], defaultSort: S, defaultDir: "asc" | "desc" = "asc") {
  return {
    q: parseAsText.withDefault(""),
    sort: parseAsStringLiteral(sorts).withDefault(defaultSort),
    dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault(defaultDir),
    page: parseAsPage,
  };
}

/** `?created=1`, which a create action's redirect adds so the new record's page says it was saved. */
export const loadCreatedNotice = createLoader({ created: parseAsFlag });

/** `?saved=<id>`, which an action's redirect adds so a list highlights the row it saved. */
export const loadSavedNotice = createLoader({ saved: parseAsText.withDefault("") });
