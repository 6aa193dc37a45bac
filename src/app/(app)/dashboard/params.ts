import { isDay, type Day } from "@/domain/day";
import { RANGES, type RangeDays } from "@/server/queries/dashboard";

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** ?date=YYYY-MM-DD (a valid calendar day) or null for "the latest day with data". */
export function dayParam(search: Search): Day | null {
  const v = one(search.date);
  return v && isDay(v) ? v : null;
}

/** ?range=30|90, 30 by default. */
export function rangeParam(search: Search): RangeDays {
  const v = Number(one(search.range));
  return (RANGES as readonly number[]).includes(v) ? (v as RangeDays) : 30;
}

/**
 * ?province=<official code> as given, or undefined without one (an empty value, the selector's
 * "national" choice, is none). The page checks it names a province (chooseProvince).
 */
export function provinceParam(search: Search): string | undefined {
  return one(search.province)?.trim() || undefined;
}
