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
