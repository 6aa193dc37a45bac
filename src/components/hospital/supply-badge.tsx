import { formatDateTime, formatDay, formatNumber } from "@/i18n/format";
import type { Translator } from "@/i18n/translator";
import type { Locale } from "@/i18n/locales";

type Supply = {
  status: "red" | "amber" | "green" | "stale";
  hoursLeft: number | null;
  lastReportDay: string | null;
  stale: boolean;
  asOf: Date;
} | null;

const COLOURS = {
  red: "bg-red-100 text-red-900 ring-red-300",
  amber: "bg-amber-100 text-amber-900 ring-amber-300",
  green: "bg-green-100 text-green-900 ring-green-300",
  stale: "bg-slate-200 text-slate-800 ring-slate-400",
  unknown: "bg-slate-100 text-slate-600 ring-slate-300",
} as const;

/**
 * Hours of supply left, projected to the moment it says ("as of"), with its colour (red < 8 h,
 * amber < 24 h, green) and the stale flag (old figures: never green; red when projected out).
 */
export function SupplyBadge({
  supply,
  t,
  locale,
  withAsOf = true,
}: {
  supply: Supply;
  t: Translator;
  locale: Locale;
  /** false in lists whose heading already says the moment (one "as of" for all rows) */
  withAsOf?: boolean;
}) {
  const status = supply?.lastReportDay ? supply.status : "unknown";
  const hours = supply?.hoursLeft == null ? null : t("hospital.supply.hours", { h: formatNumber(supply.hoursLeft, locale, 0) });
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="supply-badge" data-status={status}>
      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${COLOURS[status]}`}>{t(`hospital.supply.${status}`)}</span>
      {supply?.lastReportDay && <span className="text-xs text-slate-700">{hours ?? t("hospital.supply.noBurn")}</span>}
      {supply && withAsOf && (
        <span className="text-xs text-slate-500" data-testid="as-of">
          {t("hospital.supply.asOf", { t: formatDateTime(supply.asOf, locale) })}
        </span>
      )}
      {supply?.stale && supply.lastReportDay && (
        <span className="text-xs text-slate-500" data-testid="stale-since">
          {status === "red" ? `${t("hospital.supply.staleFlag")} · ` : ""}
          {t("hospital.supply.staleSince", { d: formatDay(supply.lastReportDay, locale) })}
        </span>
      )}
    </span>
  );
}
