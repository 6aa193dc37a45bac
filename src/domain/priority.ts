// Which request is served first: ONE ordering for the triage board and the allocation
// recommender (decision 0019). A logistician's question is "who runs out first?", so the
// hospital's projected hours of supply lead; the hospital's declared urgency moves it forward by
// a bounded number of hours (it knows things the figures don't, but cannot jump the whole queue);
// figures that are too old to trust count as no better than amber.

import type { Day } from "./day";
import type { Urgency } from "./request";
import { AMBER_BELOW_HOURS, RED_BELOW_HOURS } from "./stock";

/** A request is ranked as if its hospital had this many hours fewer than projected. */
export const URGENCY_BOOST_HOURS: Readonly<Record<Urgency, number>> = { EMERGENCY: 12, URGENT: 6, ROUTINE: 0 };

/**
 * Hours at most for a hospital whose figures are stale (or that never reported): its projection
 * may be far too rosy, so it ranks with the amber hospitals at best, never behind the comfortable.
 */
export const UNTRUSTED_HOURS_CAP = AMBER_BELOW_HOURS;

/** Upper bounds of the priority tiers in ranking hours: < 8 h, < 24 h, < 72 h, the rest. */
export const TIER_LIMITS_HOURS = [RED_BELOW_HOURS, AMBER_BELOW_HOURS, 72] as const;
/** Tiers are numbered from 1; a hospital that uses no oxygen (no end in sight) is in the last. */
export const TIER_COUNT = TIER_LIMITS_HOURS.length + 2;

export interface PriorityInput {
  requestId: string;
  urgency: Urgency;
  /** The hospital's projected hours of supply left; null when it uses nothing or never reported. */
  hoursLeft: number | null;
  /** The hospital's latest report is too old to trust (or there is none). */
  stale: boolean;
  /** The day the hospital needs the oxygen by (WIB). */
  neededBy: Day;
  isReferral: boolean;
  createdAt: Date;
}

/** The hours a request ranks by: projected hours (capped when untrusted) less its urgency's boost. */
export function rankingHours(p: Pick<PriorityInput, "urgency" | "hoursLeft" | "stale">): number {
  let hours = p.hoursLeft ?? (p.stale ? UNTRUSTED_HOURS_CAP : Number.POSITIVE_INFINITY);
  if (p.stale) hours = Math.min(hours, UNTRUSTED_HOURS_CAP);
  return hours - URGENCY_BOOST_HOURS[p.urgency];
}

/** The request's tier, 1 (most urgent: under 8 ranking hours) to TIER_COUNT (no end in sight). */
export function priorityTier(p: Pick<PriorityInput, "urgency" | "hoursLeft" | "stale">): number {
  const hours = rankingHours(p);
  if (hours === Number.POSITIVE_INFINITY) return TIER_COUNT;
  const i = TIER_LIMITS_HOURS.findIndex((limit) => hours < limit);
  return (i === -1 ? TIER_LIMITS_HOURS.length : i) + 1;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Most urgent first: by tier; within a tier, the earliest needed-by day, then the fewest ranking
 * hours, then referral hospitals, then the oldest request, then the id (a total order, so the
 * result never depends on the input's order).
 */
export function comparePriority(a: PriorityInput, b: PriorityInput): number {
  const ha = rankingHours(a);
  const hb = rankingHours(b);
  return (
    priorityTier(a) - priorityTier(b) ||
    byString(a.neededBy, b.neededBy) ||
    (ha === hb ? 0 : ha < hb ? -1 : 1) ||
    (a.isReferral === b.isReferral ? 0 : a.isReferral ? -1 : 1) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    byString(a.requestId, b.requestId)
  );
}
