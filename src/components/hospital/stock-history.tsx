import { dateToDay } from "@/domain/day";
import { usableStockKg } from "@/domain/stock";
import { formatDateTime, formatDay, formatNumber, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { StockHistoryRow } from "@/server/queries/stock";
import { foldAt, PhoneFold } from "@/components/lists/phone-fold";

/** Days a phone shows before "show all": a week of daily reports. */
const PHONE_DAYS = 7;

/**
 * A hospital's stock reports, newest first. Usable = stock above the tank's floor (see
 * unusableFloorKg). A report held for review is marked, with a confirm button when `confirm`
 * (the staff's server action) is given.
 */
export function StockHistory({
  reports,
  floorKg,
  confirm,
  own,
  t,
  locale,
}: {
  reports: StockHistoryRow[];
  floorKg: number;
  /** The hospital's own page: an empty history says to report today's stock. */
  own?: boolean;
  confirm?: (data: FormData) => Promise<void>;
  t: Translator;
  locale: Locale;
}) {
  if (reports.length === 0)
    return (
      <p className="card text-sm text-slate-600" data-testid="empty-state">
        {t(own ? "feedback.empty.stockReports" : "hospital.stock.noReports")}
      </p>
    );
  return (
    <PhoneFold total={reports.length} shown={PHONE_DAYS} more={t("shell.common.showAll", { count: reports.length })} fewer={t("shell.common.showFewer")}>
      <div className="card overflow-x-auto p-0">
        <table className="table table-stack" data-testid="stock-history">
          <thead>
            <tr>
              <th>{t("hospital.stock.day")}</th>
              <th className="text-right">{t("hospital.stock.stock")}</th>
              <th className="text-right">{t("hospital.stock.usable")}</th>
              <th className="text-right">{t("hospital.stock.used")}</th>
              <th className="text-right">{t("hospital.stock.severe")}</th>
              <th className="text-right">{t("hospital.stock.critical")}</th>
              <th className="text-right">{t("hospital.stock.bedsOccupied")}</th>
              <th>{t("hospital.stock.reportedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r, i) => (
              <tr key={r.id} className={r.flaggedForReview ? "bg-amber-50" : ""} data-flagged={r.flaggedForReview || undefined} {...foldAt(i, PHONE_DAYS)}>
                <td className="whitespace-nowrap">
                  {formatDay(dateToDay(r.day), locale)}
                  {r.flaggedForReview && (
                    <span className="ml-2 rounded bg-amber-200 px-1 text-xs text-amber-900" data-testid="flagged" title={t("hospital.stock.flaggedNote")}>
                      {t("hospital.stock.flagged")}
                    </span>
                  )}
                  {r.reviewedAt && <span className="ml-2 text-xs text-slate-500">{t("hospital.stock.reviewed")}</span>}
                  {r.flaggedForReview && <p className="mt-1 max-w-xs whitespace-normal text-xs text-amber-900">{t("hospital.stock.flaggedNote")}</p>}
                  {r.flaggedForReview && confirm && (
                    <form action={confirm} className="mt-1">
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" className="btn-secondary text-xs" data-testid="confirm-review">
                        {t("hospital.stock.confirmReview")}
                      </button>
                    </form>
                  )}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.stock.stock")}>
                  {formatTonnes(r.stockKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.stock.usable")}>
                  {formatTonnes(usableStockKg(r.stockKg, floorKg), locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.stock.used")}>
                  {formatTonnes(r.usedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.stock.severe")}>
                  {formatNumber(r.severePatients, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.stock.critical")}>
                  {formatNumber(r.criticalPatients, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.stock.bedsOccupied")}>
                  {formatNumber(r.bedsOccupied, locale)}
                </td>
                <td className="whitespace-nowrap text-xs text-slate-600" data-label={t("hospital.stock.reportedAt")}>
                  {formatDateTime(r.reportedAt, locale)}
                  {r.onBehalf && (
                    <p className="mt-1 max-w-xs whitespace-normal text-amber-900" data-testid="on-behalf">
                      {t("logistics.warRoom.onBehalf", { note: r.onBehalfNote ?? "" })}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PhoneFold>
  );
}
