import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { dashboardTables, DataTable } from "@/components/dashboard/tables";
import { PrintButton } from "@/components/dashboard/print-button";
import { COLORS } from "@/components/charts/palette";
import { PrintLineChart } from "@/components/charts/print-chart";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { formatDateTime, formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import { getTranslations } from "next-intl/server";
import { ProvinceSelect, viewQuery } from "@/components/dashboard/day-picker";
import { statusAsOf } from "@/components/dashboard/headline";
import { cachedCapacityDayBounds, cachedDashboardData, cachedProvinceList, defaultViewDay } from "@/server/queries/cached";
import { chooseProvince } from "@/server/queries/provinces";
import { NORMAL_MEDICAL_SHARE, SUPPLY_STATUSES } from "@/domain/dashboard-rules";
import { requireActor } from "@/server/session";
import { BadDayNotice } from "@/components/forms/bad-day";
import { loadReportSearch } from "./search-params";

// The printable daily situation report: one A4 page, in Bahasa Indonesia unless ?lang=en; for a
// province (?province=36) or the whole country, like the dashboard.
export default async function ReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("report:read");
  const search = await loadReportSearch(searchParams);
  const locale = search.lang;
  // The report's language is its own (?lang), not the reader's cookie.
  const t = await getTranslations({ locale });
  const provinces = await cachedProvinceList();
  const choice = chooseProvince(search.province, provinces);
  if (!choice.ok)
    return (
      <p role="alert" data-testid="province-unknown">
        {t("dashboard.province.unknown", { code: choice.code })}
      </p>
    );
  const province = choice.province;
  const bounds = await cachedCapacityDayBounds(province);
  if (!bounds) return <p>{t("dashboard.noData")}</p>;
  const askedDay = search.date;
  if (askedDay.error) return <BadDayNotice param="date" raw={askedDay.raw} code={askedDay.error} href={locale === "en" ? "/report?lang=en" : "/report"} />;
  const day = askedDay.day ?? (await defaultViewDay(province)) ?? bounds.last;
  const asked = search.province ? (province?.code ?? null) : null;
  const view = viewQuery({ day, province: asked });
  const d = await cachedDashboardData(day, 30, province);
  const tables = dashboardTables(d, t, locale);
  const s = d.summary;
  // the few most at risk, without the stock and report-day columns: the page must stay one A4
  // sheet with a hundred hospitals (the dashboard and its CSV have them all, with every column)
  const atRisk = d.hospitals.filter((x) => x.status !== "green").slice(0, 4);
  const T = (kg: number) => formatTonnes(kg, locale);
  const tonnes = (kg: number | null) => (kg === null ? null : kg / 1000);
  const chartData = d.series.map((p) => ({
    day: p.day,
    capacity: tonnes(p.capacityKg),
    target: tonnes(p.targetKg),
    medical: tonnes(p.medicalKg),
    industrial: tonnes(p.industrialKg),
    shortfall: tonnes(p.shortfallKg),
    normal: p.capacityKg === null ? null : (p.capacityKg * NORMAL_MEDICAL_SHARE) / 1000,
  }));
  const period = { from: formatDay(d.from, locale), to: formatDay(day, locale) };
  const names = (codes: string[]) => codes.map((c) => s.provinces.find((x) => x.code === c)?.name ?? c).join(", ");

  return (
    <article
      lang={locale}
      className="report mx-auto max-w-4xl space-y-4 bg-white print:space-y-2 p-6 text-sm shadow-sm print:max-w-none print:p-0 print:shadow-none"
      data-testid="report"
    >
      <div className="no-print flex flex-wrap items-center gap-3">
        <PrintButton label={t("dashboard.report.print")} />
        <Link className="btn-secondary" href={`/dashboard?${view}`}>
          {t("dashboard.report.dashboard")}
        </Link>
        <span className="text-slate-700">{t("dashboard.report.language")}:</span>
        <Link className="underline" href={`/report?${view}`} lang="id">
          {t("shell.language.id")}
        </Link>
        <Link className="underline" href={`/report?${view}&lang=en`} lang="en">
          {t("shell.language.en")}
        </Link>
        <form method="get" action="/report" className="flex items-end gap-2">
          <input type="hidden" name="date" value={day} />
          {locale === "en" ? <input type="hidden" name="lang" value="en" /> : null}
          <ProvinceSelect provinces={provinces} province={asked} t={t} />
          <button type="submit" className="btn-secondary">
            {t("dashboard.picker.show")}
          </button>
        </form>
      </div>
      <header className="border-b-2 border-slate-900 pb-2">
        <p className="text-xs uppercase tracking-wide text-slate-700">
          {t("shell.appName")} · {t("dashboard.report.subtitle")}
        </p>
        <h1 className="text-xl">{t("dashboard.report.title")}</h1>
        <p data-testid="report-day">
          {t("dashboard.dayOf", { day: formatDay(day, locale) })} ·{" "}
          <span className="text-slate-700" data-testid="report-clock">
            {/* the figures' read time, not the render's: a kept copy may be served late (decision 0048) */}
            {t("dashboard.report.generated", { at: formatDateTime(new Date(d.readAt), locale) })}
          </span>
        </p>
        <p data-testid="report-scope">
          {province
            ? t("dashboard.province.scopeProvince", { name: province.name, code: province.code })
            : t("dashboard.province.scopeNational", { n: provinces.length })}
        </p>
      </header>

      <section aria-labelledby="r-key">
        <h2 id="r-key" className="text-base">
          {t("dashboard.report.keyFigures")}
        </h2>
        <div className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-3 print:grid-cols-3">
          <div>
            <h3 className="text-sm font-semibold">{t("dashboard.headline.productionTitle")}</h3>
            <dl>
              <Fig
                label={t("dashboard.headline.capacity")}
                value={s.capacityKg === null ? t("dashboard.headline.noData") : T(s.capacityKg)}
                testId="r-capacity"
              />
              <Fig label={t("dashboard.headline.ideal")} value={s.targetKg === null ? t("dashboard.headline.noTarget") : T(s.targetKg)} testId="r-target" />
              <Fig
                label={t("dashboard.headline.shortfall")}
                value={
                  s.shortfallKg === null ? t("dashboard.headline.noData") : `${T(s.shortfallKg)} (${formatPercent(s.production.shortfallShare ?? 0, locale)})`
                }
                testId="r-shortfall"
              />
            </dl>
            {s.production.withoutTarget.length > 0 ? (
              <p className="text-xs">{t("dashboard.headline.withoutTarget", { names: names(s.production.withoutTarget) })}</p>
            ) : null}
            {s.production.withoutData.length > 0 ? (
              <p className="text-xs">{t("dashboard.headline.withoutData", { names: names(s.production.withoutData) })}</p>
            ) : null}
          </div>
          <div>
            <h3 className="text-sm font-semibold">{t("dashboard.headline.medicalTitle")}</h3>
            <dl>
              <Fig
                label={t("dashboard.headline.medicalSupply")}
                value={s.medicalKg === null ? t("dashboard.headline.noData") : T(s.medicalKg)}
                testId="r-medical"
              />
              <Fig label={t("dashboard.split.industrial")} value={s.industrialKg === null ? t("dashboard.headline.noData") : T(s.industrialKg)} />
              <Fig
                label={t("dashboard.headline.hospitalUse")}
                value={s.medicalDemandKg === null ? t("dashboard.headline.noData") : T(s.medicalDemandKg)}
                note={
                  s.demand.reportingHospitals === 0
                    ? t("dashboard.headline.noReports")
                    : t("dashboard.headline.reporting", {
                        k: formatNumber(s.demand.reportingHospitals, locale),
                        n: formatNumber(s.demand.activeHospitals, locale),
                      })
                }
                testId="r-demand"
              />
            </dl>
          </div>
          <div>
            <h3 className="text-sm font-semibold">{t("dashboard.headline.riskTitle")}</h3>
            <p className="mt-1 flex flex-wrap gap-3">
              {SUPPLY_STATUSES.map((st) => (
                <span key={st} className="flex items-center gap-1">
                  <StatusBadge status={st} label={t(`dashboard.status.${st}`)} /> <strong>{s.hospitals[st]}</strong>
                </span>
              ))}
            </p>
            <p className="mt-1 text-xs text-slate-700">{statusAsOf(s, t, locale)}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="r-charts">
        <h2 id="r-charts" className="text-base">
          {t("dashboard.report.charts", period)}
        </h2>
        <div className="mt-1 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
          <PrintLineChart
            testId="r-chart-trends"
            title={t("dashboard.trends.title")}
            data={chartData}
            locale={locale}
            yAxis={t("dashboard.trends.tonnesPerDay")}
            series={[
              { key: "capacity", label: t("dashboard.trends.capacity"), color: COLORS.capacity },
              { key: "target", label: t("dashboard.trends.target"), color: COLORS.target, dash: "6 3" },
              { key: "medical", label: t("dashboard.trends.medicalSupply"), color: COLORS.use, dash: "2 2" },
              { key: "shortfall", label: t("dashboard.trends.shortfall"), color: COLORS.shortfall },
            ]}
          />
          <PrintLineChart
            testId="r-chart-split"
            title={t("dashboard.split.title")}
            data={chartData}
            locale={locale}
            yAxis={t("dashboard.trends.tonnesPerDay")}
            series={[
              { key: "medical", label: t("dashboard.split.medical"), color: COLORS.medical },
              { key: "industrial", label: t("dashboard.split.industrial"), color: COLORS.industrial, dash: "5 3" },
              { key: "normal", label: t("dashboard.split.normalLine"), color: COLORS.normal, dash: "2 2" },
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="r-producers">
        <h2 id="r-producers" className="text-base">
          {t("dashboard.split.producers")}
        </h2>
        <DataTable spec={tables.producers} testId="r-producers" />
      </section>

      <section aria-labelledby="r-risk">
        <h2 id="r-risk" className="text-base">
          {t("dashboard.report.topRisk")}
        </h2>
        <p className="text-xs text-slate-700" data-testid="r-as-of">
          {t("dashboard.report.projectedTo", { at: formatDateTime(d.supplyAsOf, locale) })}
        </p>
        <DataTable spec={{ ...tables.reportHospitals, rows: atRisk }} testId="r-hospitals" />
      </section>

      <section aria-labelledby="r-regions">
        <h2 id="r-regions" className="text-base">
          {t("dashboard.regions.title")}
        </h2>
        <DataTable spec={tables.regions} testId="r-regions" />
      </section>

      <section aria-labelledby="r-pledges" className="grid gap-4 sm:grid-cols-[3fr_2fr] print:grid-cols-[3fr_2fr]">
        <div className="min-w-0">
          <h2 id="r-pledges" className="text-base">
            {t("dashboard.pledges.title")}
          </h2>
          <DataTable spec={{ ...tables.pledges, columns: tables.pledges.columns.filter((_, i) => i !== 1 && i !== 5) }} testId="r-pledges" />
        </div>
        <div>
          <h2 className="text-base">{t("dashboard.funnel.title")}</h2>
          <p className="text-xs text-slate-700">{t("dashboard.funnel.intro", { from: formatDay(d.from, locale), to: formatDay(day, locale) })}</p>
          <ul className="mt-1">
            <li>
              {t("dashboard.funnel.requested")}: {formatTonnes(d.funnel.requestedKg, locale)} · {t("dashboard.funnel.requests", { n: d.funnel.requests })}
            </li>
            <li>
              {t("dashboard.funnel.approved")}: {formatTonnes(d.funnel.approvedKg, locale)} · {t("dashboard.funnel.requests", { n: d.funnel.approvedRequests })}
            </li>
            <li>
              {t("dashboard.funnel.delivered")}: {formatTonnes(d.funnel.deliveredKg, locale)} ·{" "}
              {t("dashboard.funnel.requests", { n: d.funnel.fulfilledRequests })}
            </li>
            <li>
              {t("dashboard.funnel.medianHours")}:{" "}
              {d.funnel.medianHoursToReceipt === null
                ? t("dashboard.funnel.none")
                : t("dashboard.funnel.hours", { hours: formatNumber(d.funnel.medianHoursToReceipt, locale, 1) })}
            </li>
          </ul>
        </div>
      </section>
    </article>
  );
}

function Fig({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-700">{label}</dt>
      <dd className="text-lg font-semibold" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="text-xs text-slate-700">{note}</dd> : null}
    </div>
  );
}
