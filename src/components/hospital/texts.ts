import type { AllocationReason } from "@/domain/recommender";
import { formatDay, formatNumber, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";

/** A recommender reason in the reader's language (the domain gives a code and its parameters). */
export function reasonText(reason: AllocationReason, t: Messages, locale: Locale): string {
  const r = t.hospital.allocation.reasons;
  const p = reason.params;
  const base = {
    supplier: p.supplierName,
    urgency: t.hospital.urgency[p.urgency].toLowerCase(),
    referral: p.isReferral,
    hours: p.hoursLeft === null ? r.hoursUnknown : (p.stale ? r.staleHours : r.hoursLeft)(formatNumber(Math.max(0, Math.floor(p.hoursLeft)), locale)),
    neededBy: formatDay(p.neededBy, locale),
    tier: p.tier,
  };
  switch (reason.code) {
    case "earmarked_pledge":
      return r.earmarked_pledge({ ...base, group: reason.params.earmark === "ASSOCIATION" ? r.association : r.hospitals });
    case "priority_full":
      return r.priority_full(base);
    case "priority_fair_share":
      return r.priority_fair_share({ ...base, level: formatTonnes(reason.params.levelKg, locale), count: formatNumber(reason.params.requestsInTier, locale) });
  }
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** A notification's sentence: stored kilograms become tonnes in the reader's format. */
export function noticeText(kind: string, params: Json, t: Messages, locale: Locale): string {
  const p = (params && typeof params === "object" && !Array.isArray(params) ? params : {}) as Record<string, Json>;
  const kg = (k: string) => (typeof p[k] === "number" ? formatTonnes(p[k] as number, locale) : undefined);
  const str = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : undefined);
  const kinds = t.hospital.notifications.kinds as Record<string, (x: Record<string, string | undefined>) => string>;
  const f = kinds[kind];
  if (!f) return t.hospital.notifications.other;
  return f({
    tonnes: kg("kg") ?? kg("requestedKg"),
    approved: kg("approvedKg"),
    hospital: str("hospital"),
    reason: str("reason"),
    vehicle: str("vehicle"),
    day: str("day"),
    lastDay: str("lastDay"),
    dispatched: kg("dispatchedKg"),
    received: kg("receivedKg"),
  });
}

/** The receipt form's strings (figures go in the browser through "{amount}"). */
export function receiptFormStrings(t: Messages) {
  const rc = t.hospital.receipts;
  return {
    received: rc.accepted,
    rejected: rc.rejected,
    rejectedHint: rc.rejectedHint,
    shortReason: rc.shortReason,
    shortReasonHint: rc.shortReasonHint,
    receivedAt: rc.receivedAt,
    confirm: rc.confirm,
    confirmed: rc.confirmed,
    fixErrors: t.shell.common.fixErrors,
    confirmUnusual: rc.confirmUnusual,
    interpreted: rc.interpreted("{amount}"),
    limit: rc.limit("{amount}"),
  };
}
