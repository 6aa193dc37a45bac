import type { AllocationReason } from "@/domain/recommender";
import { isDay } from "@/domain/day";
import { STALE_AFTER_HOURS } from "@/domain/stock";
import { formatDay, formatNumber, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import type { Translator } from "@/i18n/translator";

/** A recommender reason in the reader's language (the domain gives a code and its parameters). */
export function reasonText(reason: AllocationReason, t: Translator, locale: Locale): string {
  const p = reason.params;
  const base = {
    supplier: p.supplierName,
    urgency: t(`hospital.urgency.${p.urgency}`).toLowerCase(),
    referral: p.isReferral ? "yes" : "no",
    hours:
      p.hoursLeft === null
        ? t("hospital.allocation.reasons.hoursUnknown")
        : t(p.stale ? "hospital.allocation.reasons.staleHours" : "hospital.allocation.reasons.hoursLeft", {
            h: formatNumber(Math.max(0, Math.floor(p.hoursLeft)), locale),
          }),
    neededBy: formatDay(p.neededBy, locale),
    tier: p.tier,
  };
  switch (reason.code) {
    case "earmarked_pledge":
      return t("hospital.allocation.reasons.earmarked_pledge", {
        ...base,
        group: reason.params.earmark === "ASSOCIATION" ? t("hospital.allocation.reasons.association") : t("hospital.allocation.reasons.hospitals"),
      });
    case "priority_full":
      return t("hospital.allocation.reasons.priority_full", base);
    case "priority_fair_share":
      return t("hospital.allocation.reasons.priority_fair_share", {
        ...base,
        level: formatTonnes(reason.params.levelKg, locale),
        count: formatNumber(reason.params.requestsInTier, locale),
      });
  }
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** A notification's sentence: stored kilograms become tonnes in the reader's format. */
export function noticeText(kind: string, params: Json, t: Translator, locale: Locale): string {
  const p = (params && typeof params === "object" && !Array.isArray(params) ? params : {}) as Record<string, Json>;
  const kg = (k: string) => (typeof p[k] === "number" ? formatTonnes(p[k] as number, locale) : undefined);
  const str = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : undefined);
  const day = (k: string) => {
    const d = str(k);
    return d && isDay(d) ? formatDay(d, locale) : d;
  };
  const key = `hospital.notifications.kinds.${kind}` as Parameters<Translator>[0];
  if (!t.has(key)) return t("hospital.notifications.other");
  const approved = kg("approvedKg");
  const reason = str("reason");
  const vehicle = str("vehicle");
  // Every kind's message picks the values it names; an optional one comes with a yes/no to select on.
  return t(key, {
    tonnes: kg("kg") ?? kg("requestedKg") ?? "",
    approved: approved ?? "",
    approvedGiven: approved ? "yes" : "no",
    hospital: str("hospital") ?? "",
    reason: reason ?? "",
    reasonGiven: reason ? "yes" : "no",
    vehicle: vehicle ?? "",
    vehicleGiven: vehicle ? "yes" : "no",
    day: day("day") ?? "",
    lastDay: day("lastDay") ?? "—",
    dispatched: kg("dispatchedKg") ?? "",
    received: kg("receivedKg") ?? "",
    hours: STALE_AFTER_HOURS,
    alertKind: str("alertKind") ?? "",
    level: typeof p.level === "number" ? String(p.level) : "",
    nobodyOnDuty: p.nobodyOnDuty === true ? "yes" : "no",
  });
}

/** The receipt form's labels. */
export function receiptFormStrings(t: Translator) {
  return {
    received: t("hospital.receipts.accepted"),
    rejected: t("hospital.receipts.rejected"),
    rejectedHint: t("hospital.receipts.rejectedHint"),
    shortReason: t("hospital.receipts.shortReason"),
    shortReasonHint: t("hospital.receipts.shortReasonHint"),
    receivedAt: t("hospital.receipts.receivedAt"),
    confirm: t("hospital.receipts.confirm"),
    confirmed: t("hospital.receipts.confirmed"),
    fixErrors: t("shell.common.fixErrors"),
    confirmUnusual: t("hospital.receipts.confirmUnusual"),
  };
}

/** The daily stock form's labels (a hospital's own report, or staff entering it on its behalf). */
export function stockFormStrings(t: Translator, units: Messages["hospital"]["stock"]["units"]) {
  return {
    confirmUnusual: t("hospital.receipts.confirmUnusual"),
    day: t("hospital.stock.day"),
    stock: t("hospital.stock.stock"),
    used: t("hospital.stock.used"),
    severe: t("hospital.stock.severe"),
    critical: t("hospital.stock.critical"),
    bedsOccupied: t("hospital.stock.bedsOccupied"),
    submit: t("hospital.stock.submit"),
    saved: t("hospital.stock.saved"),
    savedFlagged: t("hospital.stock.savedFlagged"),
    fixErrors: t("shell.common.fixErrors"),
    unit: t("hospital.stock.unit"),
    units,
    cylinderSize: t("hospital.stock.cylinderSize"),
    unitHint: t("hospital.stock.unitHint"),
  };
}
