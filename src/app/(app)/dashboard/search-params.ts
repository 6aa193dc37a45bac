import { createLoader, parseAsNumberLiteral } from "nuqs/server";
import { RANGES } from "@/domain/dashboard-rules";
import { parseAsCheckedDay, parseAsText } from "../../search-params";

/**
 * /dashboard?date=YYYY-MM-DD&range=30|90&province=36, and its tables' CSV exports. No date: the
 * latest day with data; a bad one is a message (a 400 for the export). No province (or the
 * selector's empty "national" choice): the whole country; the page checks a code names one.
 */
export const dashboardParsers = {
  date: parseAsCheckedDay,
  range: parseAsNumberLiteral(RANGES).withDefault(30),
  province: parseAsText,
};

export const loadDashboardSearch = createLoader(dashboardParsers);
