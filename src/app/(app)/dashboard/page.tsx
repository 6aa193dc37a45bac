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
import { formatDateTime, formatDay, formatNumber } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import { getI18n } from "@/i18n/server";
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
/** Bars in the regions chart: more are unreadable on a phone. */
const CHART_REGIONS = 10;

/** How far a pledge lags its schedule (what was due and has not arrived). */
const lag = (p: { dueToDateKg: number; deliveredKg: number }) => Math.max(0, p.dueToDateKg - p.deliveredKg);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("dashboard:read");
  const { t: all, locale } = await getI18n();
  const t = all.dashboard;
  const search = await loadDashboardSearch(searchParams);
  const provinces = await cachedProvinceList();
  const choice = chooseProvince(search.province, provinces);
  if (!choice.ok) {
    return (
      <>
        <h1>{t.title}</h1>
        <p role="alert" className="card border-l-4 border-l-red-700" data-testid="province-unknown">
          {t.province.unknown(choice.code)}
        </p>
        <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3">
          <ProvinceSelect provinces={provinces} province={null} t={t.province} />
          <button type="submit" className="btn">
            {t.picker.show}
          </button>
        </form>
      </>
    );
  }
  const province = choice.province;
  const scope = province ? t.province.scopeProvince(province.name, province.code) : t.province.scopeNational(provinces.length);
  const bounds = await cachedCapacityDayBounds(province);
  if (!bounds) {
    return (
      <>
        <h1>{t.title}</h1>
        <p className="text-slate-700" data-testid="dashboard-scope">
          {scope}
        </p>
        <p>{t.noData}</p>
        <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3">
          <ProvinceSelect provinces={provinces} province={province?.code ?? null} t={t.province} />
          <button type="submit" className="btn">
            {t.picker.show}
          </button>
        </form>
      </>
    );
  }
  const askedDay = search.date;
  if (askedDay.error) {
    return (
      <>
        <h1>{t.title}</h1>
        <BadDayNotice param="date" raw={askedDay.raw} code={askedDay.error} errors={all.errors} href="/dashboard" />
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
  const pagePledges = [...d.pledges].sort((a, b) => lag(b) - lag(a)).slice(0, PAGE_ROWS);
  const top = <R,>(spec: TableSpec<R>, rows: R[]) => ({ ...spec, rows });

  return (
    <div className="dashboard-wide space-y-6" data-testid="dashboard">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1>{t.title}</h1>
          <p className="text-slate-700" data-testid="dashboard-day">
            {t.dayOf(formatDay(day, locale))}
          </p>
          <p className="text-sm text-slate-700" data-testid="dashboard-scope">
            {scope}
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
          <h2 id="split-title">{t.split.title}</h2>
          <ChartFigure
            title={t.split.title}
            summary={t.split.chartSummary(from, to)}
            tableLabel={t.table.showData}
            table={<DataTable spec={tables.charts.split} testId="table-series-split" />}
          >
            <SplitChart
              data={splitData}
              periods={d.periods.map((p) => ({ from: p.startsOn, to: p.endsOn }))}
              locale={locale}
              labels={{
                medical: t.split.medical,
                industrial: t.split.industrial,
                normalLine: t.split.normalLine,
                priority: t.split.priority,
                yAxis: t.trends.tonnesPerDay,
              }}
            />
          </ChartFigure>
          {d.periods.length > 0 ? (
            <ul className="text-sm text-slate-700" data-testid="priority-periods">
              {d.periods.map((p) => (
                <li key={p.startsOn} className="flex items-center gap-2">
                  <span className="inline-block h-3 w-5 rounded-sm" style={{ background: COLORS.priority }} aria-hidden="true" />
                  {t.split.priority}: {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)}, {t.split.policyMin.toLowerCase()} {p.minMedicalSharePct}%
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="trends-title" className="card min-w-0 space-y-4">
          <h2 id="trends-title">{t.trends.title}</h2>
          <ChartFigure
            title={`${t.trends.capacity}, ${t.trends.medicalSupply}, ${t.trends.shortfall}`}
            summary={t.trends.chartSummary(from, to)}
            tableLabel={t.table.showData}
            table={<DataTable spec={tables.charts.trends} testId="table-series-trends" />}
          >
            <DailyLineChart
              data={trendData}
              locale={locale}
              yAxis={t.trends.tonnesPerDay}
              unit=" t"
              series={[
                { key: "capacity", label: t.trends.capacity, color: COLORS.capacity },
                { key: "target", label: t.trends.target, color: COLORS.target, dash: "6 3" },
                { key: "medical", label: t.trends.medicalSupply, color: COLORS.use, dash: "2 2" },
                { key: "shortfall", label: t.trends.shortfall, color: COLORS.shortfall },
              ]}
            />
          </ChartFigure>
          <div className="grid gap-4 md:grid-cols-2">
            <ChartFigure
              title={t.trends.hospitalUse}
              summary={t.trends.hospitalUseSummary(from, to)}
              tableLabel={t.table.showData}
              height="h-56"
              table={<DataTable spec={tables.charts.use} testId="table-series-use" />}
            >
              <DailyLineChart
                data={trendData}
                locale={locale}
                yAxis={t.trends.tonnesPerDay}
                unit=" t"
                series={[{ key: "use", label: t.trends.hospitalUse, color: COLORS.use }]}
              />
            </ChartFigure>
            <ChartFigure
              title={t.trends.activeCases}
              summary={t.trends.casesSummary(from, to)}
              tableLabel={t.table.showData}
              height="h-56"
              table={<DataTable spec={tables.charts.cases} testId="table-series-cases" />}
            >
              <DailyLineChart
                data={trendData}
                locale={locale}
                yAxis={t.trends.cases}
                series={[{ key: "cases", label: t.trends.activeCases, color: COLORS.cases }]}
              />
            </ChartFigure>
          </div>
        </section>
      </div>

      <div className="grid gap-6 2xl:grid-cols-2">
        <section aria-labelledby="producers-title" className="card min-w-0 space-y-3">
          <h2 id="producers-title">{t.split.producers}</h2>
          <p className="text-sm text-slate-700">{t.dayOf(formatDay(day, locale))}</p>
          <DataTable spec={top(tables.producers, d.producers.slice(0, PAGE_ROWS))} />
          <TopRows table="producers" title={tables.producers.title} total={d.producers.length} order={t.split.order} query={query} t={t} locale={locale} />
        </section>
        <section aria-labelledby="pledges-title" className="card min-w-0 space-y-3">
          <h2 id="pledges-title">{t.pledges.title}</h2>
          <DataTable spec={top(tables.pledges, pagePledges)} />
          <TopRows table="pledges" title={tables.pledges.title} total={d.pledges.length} order={t.pledges.order} query={query} t={t} locale={locale} />
        </section>
      </div>

      <section aria-labelledby="hospitals-title" className="card min-w-0 space-y-3">
        <h2 id="hospitals-title">{t.hospitals.title}</h2>
        <p className="text-sm text-slate-700" data-testid="hospitals-as-of">
          {t.hospitals.intro(formatDateTime(d.supplyAsOf, locale))}
        </p>
        <DataTable spec={top(tables.hospitals, d.hospitals.slice(0, PAGE_ROWS))} />
        <TopRows table="hospitals" title={tables.hospitals.title} total={d.hospitals.length} order={t.hospitals.order} query={query} t={t} locale={locale} />
      </section>

      <section aria-labelledby="regions-title" className="card min-w-0 space-y-4">
        <h2 id="regions-title">{t.regions.title}</h2>
        <DataTable spec={top(tables.regions, pageRegions)} />
        <TopRows table="regions" title={tables.regions.title} total={d.regions.length} order={t.regions.order} query={query} t={t} locale={locale} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="regions-chart-title" className="card min-w-0 space-y-4">
          <h2 id="regions-chart-title">{t.regions.chartTitle}</h2>
          <ChartFigure
            title={t.regions.chartTitle}
            summary={t.regions.chartSummary}
            tableLabel={t.table.showData}
            height="h-64"
            table={<DataTable spec={top(tables.charts.regions, chartRegions)} testId="table-regions-chart" />}
          >
            <GroupedBarChart
              data={regionData}
              category="region"
              locale={locale}
              yAxis={all.shell.common.tonnes}
              series={[
                { key: "use", label: t.regions.use7d, color: COLORS.use },
                { key: "received", label: t.regions.received7d, color: COLORS.received },
              ]}
            />
          </ChartFigure>
        </section>

        <section aria-labelledby="funnel-title" className="card min-w-0 space-y-3">
          <h2 id="funnel-title">{t.funnel.title}</h2>
          <p className="text-sm text-slate-700">{t.funnel.intro(from, to)}</p>
          <Funnel f={d.funnel} t={t.funnel} locale={locale} />
        </section>
      </div>

      <section aria-labelledby="exports-title" className="card min-w-0 no-print space-y-3">
        <h2 id="exports-title">{t.export.title}</h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link className="btn" href={`/report?${viewQuery({ day, province: asked })}`} data-testid="report-link">
              {t.export.report}
            </Link>
          </li>
          {TABLE_KEYS.map((k) => (
            <li key={k}>
              <a className="btn-secondary" href={`/dashboard/export/${k}?${query}`} download data-testid={`csv-${k}`}>
                {t.export.download(tables[k].title)}
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
  t: Messages["dashboard"];
  locale: Locale;
}) {
  if (total <= PAGE_ROWS) return null;
  return (
    <p className="text-sm text-slate-600" data-testid={`more-${table}`}>
      {t.table.topRows(formatNumber(PAGE_ROWS, locale), formatNumber(total, locale), order)}{" "}
      <a className="underline" href={`/dashboard/export/${table}?${query}`} download>
        {t.export.download(title)}
      </a>
    </p>
  );
}
