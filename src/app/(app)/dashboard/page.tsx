import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { addDays } from "@/domain/day";
import { ChartFigure } from "@/components/charts/figure";
import { DailyLineChart, GroupedBarChart, SplitChart } from "@/components/charts/lazy";
import { COLORS } from "@/components/charts/palette";
import { DayPicker, ProvinceSelect, viewQuery } from "@/components/dashboard/day-picker";
import { Funnel } from "@/components/dashboard/funnel";
import { Headline } from "@/components/dashboard/headline";
import { dashboardTables, DataTable, TABLE_KEYS, type TableKey, type TableSpec } from "@/components/dashboard/tables";
import { formatClockTime, formatDateTime, formatDay, formatNumber } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedCapacityDayBounds, cachedDashboardData, cachedProvinceList, defaultViewDay } from "@/server/queries/cached";
import { chooseProvince } from "@/server/queries/provinces";
import { NORMAL_MEDICAL_SHARE } from "@/domain/dashboard-rules";
import { requireActor } from "@/server/session";
import { BadDayNotice } from "@/components/forms/bad-day";
import { loadDashboardSearch } from "./search-params";

const t1 = (kg: number | null) => (kg === null ? null : kg / 1000);

/**
 * Rows shown on the page for the long tables (nationally 3,000 hospitals, 2,000 pledges, 500
 * regencies, 120 producers), the ones that need attention first; the CSV has all. A dashboard
 * is read at a glance, and React renders a page in time proportional to its cells: with 100
 * rows a table the national page was 1.1 MB and most of its CPU time (docs/performance.md).
 */
const PAGE_ROWS = 20;
/** Rows a phone shows of each long table before its "show all" (the page was 12,000 px tall on a phone). */
const PHONE_ROWS = 5;
/** Bars in the regions chart: more are unreadable on a phone. */
const CHART_REGIONS = 10;

/** How far a pledge lags its schedule (what was due and has not arrived). */
const lag = (p: { dueToDateKg: number; deliveredKg: number }) => Math.max(0, p.dueToDateKg - p.deliveredKg);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("dashboard:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const search = await loadDashboardSearch(searchParams);
  const provinces = await cachedProvinceList();
  const choice = chooseProvince(search.province, provinces);
  if (!choice.ok) {
    return (
      <>
        <h1>{t("dashboard.title")}</h1>
        <p role="alert" className="card border-l-4 border-l-red-700" data-testid="province-unknown">
          {t("dashboard.province.unknown", { code: choice.code })}
        </p>
        <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3">
          <ProvinceSelect provinces={provinces} province={null} t={t} />
          <button type="submit" className="btn">
            {t("dashboard.picker.show")}
          </button>
        </form>
      </>
    );
  }
  const province = choice.province;
  const scope = province
    ? t("dashboard.province.scopeProvince", { name: province.name, code: province.code })
    : t("dashboard.province.scopeNational", { n: provinces.length });
  const bounds = await cachedCapacityDayBounds(province);
  if (!bounds) {
    return (
      <>
        <h1>{t("dashboard.title")}</h1>
        <p className="text-slate-700" data-testid="dashboard-scope">
          {scope}
        </p>
        <p>{t("dashboard.noData")}</p>
        <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3">
          <ProvinceSelect provinces={provinces} province={province?.code ?? null} t={t} />
          <button type="submit" className="btn">
            {t("dashboard.picker.show")}
          </button>
        </form>
      </>
    );
  }
  const askedDay = search.date;
  if (askedDay.error) {
    return (
      <>
        <h1>{t("dashboard.title")}</h1>
        <BadDayNotice param="date" raw={askedDay.raw} code={askedDay.error} href="/dashboard" />
      </>
    );
  }
  const day = askedDay.day ?? (await defaultViewDay(province)) ?? bounds.last;
  const range = search.range;
  const d = await cachedDashboardData(day, range, province);
  const tables = dashboardTables(d, t, locale);
  const from = formatDay(d.from, locale);
  const to = formatDay(day, locale);
  // the province only when asked for: without it, the default view (the same cache entry)
  const asked = search.province ? (province?.code ?? null) : null;
  const query = viewQuery({ day, range, province: asked });

  const splitData = d.series.map((p) => ({
    day: p.day,
    medical: t1(p.medicalKg),
    industrial: t1(p.industrialKg),
    normalMedical: p.capacityKg === null ? null : (p.capacityKg * NORMAL_MEDICAL_SHARE) / 1000,
  }));
  const trendData = d.series.map((p) => ({
    day: p.day,
    capacity: t1(p.capacityKg),
    medical: t1(p.medicalKg),
    target: t1(p.targetKg),
    shortfall: t1(p.shortfallKg),
    use: t1(p.hospitalUseKg),
    cases: p.activeCases,
  }));
  // The top rows of each long table (copies: d is shared by the read cache); the CSV has every row.
  const pageRegions = [...d.regions].sort((a, b) => b.use7dKg - a.use7dKg).slice(0, PAGE_ROWS);
  const chartRegions = pageRegions.slice(0, CHART_REGIONS);
  const regionData = chartRegions.map((r) => ({ region: r.name, use: r.use7dKg / 1000, received: r.received7dKg / 1000 }));
  const fold = (count: number) => ({ shown: PHONE_ROWS, more: t("shell.common.showAll", { count }), fewer: t("shell.common.showFewer") });
  const pagePledges = [...d.pledges].sort((a, b) => lag(b) - lag(a)).slice(0, PAGE_ROWS);
  const top = <R,>(spec: TableSpec<R>, rows: R[]) => ({ ...spec, rows });

  return (
    <div className="dashboard-wide space-y-6" data-testid="dashboard">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1>{t("dashboard.title")}</h1>
          <p className="text-slate-700" data-testid="dashboard-day">
            {t("dashboard.dayOf", { day: formatDay(day, locale) })}
          </p>
          <p className="text-sm text-slate-700" data-testid="dashboard-scope">
            {scope}
          </p>
          <p className="text-sm">
            <Link href="/map" className="text-brand-700 hover:underline" data-testid="dashboard-map-link">
              {t("map.dashboardLink")}
            </Link>
          </p>
          <p className="text-xs text-slate-600" data-testid="figures-read-at">
            {t("freshness.figuresReadAt", { at: formatClockTime(new Date(d.readAt), locale) })}
          </p>
        </div>
        <DayPicker
          day={day}
          range={range}
          first={bounds.first}
          last={bounds.last}
          prev={day > bounds.first ? addDays(day, -1) : null}
          next={day < bounds.last ? addDays(day, 1) : null}
          provinces={provinces}
          province={asked}
          t={t}
        />
      </div>

      <Headline s={d.summary} t={t} locale={locale} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="split-title" className="card min-w-0 space-y-4">
          <h2 id="split-title">{t("dashboard.split.title")}</h2>
          <ChartFigure
            title={t("dashboard.split.title")}
            summary={t("dashboard.split.chartSummary", { from, to })}
            tableLabel={t("dashboard.table.showData")}
            table={<DataTable spec={tables.charts.split} testId="table-series-split" />}
          >
            <SplitChart
              data={splitData}
              periods={d.periods.map((p) => ({ from: p.startsOn, to: p.endsOn }))}
              locale={locale}
              labels={{
                medical: t("dashboard.split.medical"),
                industrial: t("dashboard.split.industrial"),
                normalLine: t("dashboard.split.normalLine"),
                priority: t("dashboard.split.priority"),
                yAxis: t("dashboard.trends.tonnesPerDay"),
              }}
            />
          </ChartFigure>
          {d.periods.length > 0 ? (
            <ul className="text-sm text-slate-700" data-testid="priority-periods">
              {d.periods.map((p) => (
                <li key={p.startsOn} className="flex items-center gap-2">
                  <span className="inline-block h-3 w-5 rounded-sm" style={{ background: COLORS.priority }} aria-hidden="true" />
                  {t("dashboard.split.priority")}: {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)},{" "}
                  {t("dashboard.split.policyMin").toLowerCase()} {p.minMedicalSharePct}%
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="trends-title" className="card min-w-0 space-y-4">
          <h2 id="trends-title">{t("dashboard.trends.title")}</h2>
          <ChartFigure
            title={`${t("dashboard.trends.capacity")}, ${t("dashboard.trends.medicalSupply")}, ${t("dashboard.trends.shortfall")}`}
            summary={t("dashboard.trends.chartSummary", { from, to })}
            tableLabel={t("dashboard.table.showData")}
            table={<DataTable spec={tables.charts.trends} testId="table-series-trends" />}
          >
            <DailyLineChart
              data={trendData}
              locale={locale}
              yAxis={t("dashboard.trends.tonnesPerDay")}
              unit=" t"
              series={[
                { key: "capacity", label: t("dashboard.trends.capacity"), color: COLORS.capacity },
                { key: "target", label: t("dashboard.trends.target"), color: COLORS.target, dash: "6 3" },
                { key: "medical", label: t("dashboard.trends.medicalSupply"), color: COLORS.use, dash: "2 2" },
                { key: "shortfall", label: t("dashboard.trends.shortfall"), color: COLORS.shortfall },
              ]}
            />
          </ChartFigure>
          <div className="grid gap-4 md:grid-cols-2">
            <ChartFigure
              title={t("dashboard.trends.hospitalUse")}
              summary={t("dashboard.trends.hospitalUseSummary", { from, to })}
              tableLabel={t("dashboard.table.showData")}
              height="h-56"
              table={<DataTable spec={tables.charts.use} testId="table-series-use" />}
            >
              <DailyLineChart
                data={trendData}
                locale={locale}
                yAxis={t("dashboard.trends.tonnesPerDay")}
                unit=" t"
                series={[{ key: "use", label: t("dashboard.trends.hospitalUse"), color: COLORS.use }]}
              />
            </ChartFigure>
            <ChartFigure
              title={t("dashboard.trends.activeCases")}
              summary={t("dashboard.trends.casesSummary", { from, to })}
              tableLabel={t("dashboard.table.showData")}
              height="h-56"
              table={<DataTable spec={tables.charts.cases} testId="table-series-cases" />}
            >
              <DailyLineChart
                data={trendData}
                locale={locale}
                yAxis={t("dashboard.trends.cases")}
                series={[{ key: "cases", label: t("dashboard.trends.activeCases"), color: COLORS.cases }]}
              />
            </ChartFigure>
          </div>
        </section>
      </div>

      <div className="grid gap-6 2xl:grid-cols-2">
        <section aria-labelledby="producers-title" className="card min-w-0 space-y-3">
          <h2 id="producers-title">{t("dashboard.split.producers")}</h2>
          <p className="text-sm text-slate-700">{t("dashboard.dayOf", { day: formatDay(day, locale) })}</p>
          <DataTable spec={top(tables.producers, d.producers.slice(0, PAGE_ROWS))} fold={fold(Math.min(PAGE_ROWS, d.producers.length))} />
          <TopRows
            table="producers"
            title={tables.producers.title}
            total={d.producers.length}
            order={t("dashboard.split.order")}
            query={query}
            t={t}
            locale={locale}
          />
        </section>
        <section aria-labelledby="pledges-title" className="card min-w-0 space-y-3">
          <h2 id="pledges-title">{t("dashboard.pledges.title")}</h2>
          <DataTable spec={top(tables.pledges, pagePledges)} fold={fold(pagePledges.length)} />
          <TopRows
            table="pledges"
            title={tables.pledges.title}
            total={d.pledges.length}
            order={t("dashboard.pledges.order")}
            query={query}
            t={t}
            locale={locale}
          />
        </section>
      </div>

      <section aria-labelledby="hospitals-title" className="card min-w-0 space-y-3">
        <h2 id="hospitals-title">{t("dashboard.hospitals.title")}</h2>
        <p className="text-sm text-slate-700" data-testid="hospitals-as-of">
          {t("dashboard.hospitals.intro", { asOf: formatDateTime(d.supplyAsOf, locale) })}
        </p>
        <DataTable spec={top(tables.hospitals, d.hospitals.slice(0, PAGE_ROWS))} fold={fold(Math.min(PAGE_ROWS, d.hospitals.length))} />
        <TopRows
          table="hospitals"
          title={tables.hospitals.title}
          total={d.hospitals.length}
          order={t("dashboard.hospitals.order")}
          query={query}
          t={t}
          locale={locale}
        />
      </section>

      <section aria-labelledby="regions-title" className="card min-w-0 space-y-4">
        <h2 id="regions-title">{t("dashboard.regions.title")}</h2>
        <DataTable spec={top(tables.regions, pageRegions)} fold={fold(pageRegions.length)} />
        <TopRows
          table="regions"
          title={tables.regions.title}
          total={d.regions.length}
          order={t("dashboard.regions.order")}
          query={query}
          t={t}
          locale={locale}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="regions-chart-title" className="card min-w-0 space-y-4">
          <h2 id="regions-chart-title">{t("dashboard.regions.chartTitle")}</h2>
          <ChartFigure
            title={t("dashboard.regions.chartTitle")}
            summary={t("dashboard.regions.chartSummary")}
            tableLabel={t("dashboard.table.showData")}
            height="h-64"
            table={<DataTable spec={top(tables.charts.regions, chartRegions)} testId="table-regions-chart" />}
          >
            <GroupedBarChart
              data={regionData}
              category="region"
              locale={locale}
              yAxis={t("shell.common.tonnes")}
              series={[
                { key: "use", label: t("dashboard.regions.use7d"), color: COLORS.use },
                { key: "received", label: t("dashboard.regions.received7d"), color: COLORS.received },
              ]}
            />
          </ChartFigure>
        </section>

        <section aria-labelledby="funnel-title" className="card min-w-0 space-y-3">
          <h2 id="funnel-title">{t("dashboard.funnel.title")}</h2>
          <p className="text-sm text-slate-700">{t("dashboard.funnel.intro", { from, to })}</p>
          <Funnel f={d.funnel} t={t} locale={locale} />
        </section>
      </div>

      <section aria-labelledby="exports-title" className="card min-w-0 no-print space-y-3">
        <h2 id="exports-title">{t("dashboard.export.title")}</h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link className="btn" href={`/report?${viewQuery({ day, province: asked })}`} data-testid="report-link">
              {t("dashboard.export.report")}
            </Link>
          </li>
          {TABLE_KEYS.map((k) => (
            <li key={k}>
              <a className="btn-secondary" href={`/dashboard/export/${k}?${query}`} download data-testid={`csv-${k}`}>
                {t("dashboard.export.download", { what: tables[k].title })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Under a table cut at PAGE_ROWS: which rows these are, and the CSV with all of them. */
function TopRows({
  table,
  title,
  total,
  order,
  query,
  t,
  locale,
}: {
  table: TableKey;
  title: string;
  total: number;
  order: string;
  query: string;
  t: Translator;
  locale: Locale;
}) {
  if (total <= PAGE_ROWS) return null;
  return (
    <p className="text-sm text-slate-600" data-testid={`more-${table}`}>
      {t("dashboard.table.topRows", { shown: formatNumber(PAGE_ROWS, locale), total: formatNumber(total, locale), order })}{" "}
      <a className="underline" href={`/dashboard/export/${table}?${query}`} download>
        {t("dashboard.export.download", { what: title })}
      </a>
    </p>
  );
}
