import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { StockHistory } from "@/components/hospital/stock-history";
import { unusableFloorKg } from "@/domain/stock";
import { formatNumber, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import { stockHistory, supplyOf, tankOf } from "@/server/queries/stock";
import type { HospitalSupply } from "@/server/queries/dashboard-hospitals";

// The parts of /my-hospital a stock report changes — the current supply (usable stock, burn
// rate, hours left) and the history — rendered for the page and again by the stock form's
// action, which sends only these back (decision 0047) instead of re-rendering the whole page.

/** The hospital's supply now: its colour, usable stock, burn rate and hours left. */
export function CurrentSupply({ supply, t, locale }: { supply: HospitalSupply | null; t: Translator; locale: Locale }) {
  return (
    <section className="card space-y-3" data-testid="current-supply">
      <div className="flex flex-wrap items-center gap-3">
        <h2>{t("hospital.stock.current")}</h2>
        <SupplyBadge supply={supply} t={t} locale={locale} />
      </div>
      {supply?.lastReportDay && (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("hospital.stock.usable")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatTonnes(supply.usableStockKg, locale)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("hospital.stock.burnRate")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{t("hospital.stock.perDay", { t: formatTonnes(supply.burnRateKgPerDay, locale) })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("hospital.supply.hoursLeft")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="hours-left">
              {/* read as the badge above reads it, so the two never differ by an hour */}
              {supply.hoursLeft === null ? t("hospital.supply.noBurn") : t("hospital.supply.hours", { h: formatNumber(supply.hoursLeft, locale, 0) })}
            </dd>
          </div>
        </dl>
      )}
      <p className="text-xs text-slate-500">{t("hospital.supply.legend")}</p>
    </section>
  );
}

/** Both parts, read and rendered afresh after a stock report of `hospitalId`. */
export async function stockSections(hospitalId: string) {
  const [t, locale, tank, supply, reports] = await Promise.all([
    getTranslations(),
    getLocale(),
    tankOf(hospitalId),
    supplyOf(hospitalId),
    stockHistory(hospitalId, 30),
  ]);
  return {
    supply: <CurrentSupply supply={supply} t={t} locale={locale} />,
    history: <StockHistory reports={reports} floorKg={tank ? unusableFloorKg(tank) : 0} own t={t} locale={locale} />,
  };
}
