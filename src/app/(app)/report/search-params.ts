import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/locales";
import { dashboardParsers } from "../dashboard/search-params";

/** /report?date=YYYY-MM-DD&province=36&lang=en: the dashboard's day and province, and the report's language. */
export const loadReportSearch = createLoader({
  date: dashboardParsers.date,
  province: dashboardParsers.province,
  lang: parseAsStringLiteral(LOCALES).withDefault(DEFAULT_LOCALE),
});
