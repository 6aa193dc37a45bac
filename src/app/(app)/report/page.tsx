import type { SearchParams } from "nuqs/server";
import { now as clockNow } from "@/server/clock";
import Link from "next/link";
import { dashboardTables, DataTable } from "@/components/dashboard/tables";
import { PrintButton } from "@/components/dashboard/print-button";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { formatDateTime, formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import { messagesFor } from "@/i18n/messages";
import { ProvinceSelect, viewQuery } from "@/components/dashboard/day-picker";
import { statusAsOf } from "@/components/dashboard/headline";
import { cachedCapacityDayBounds, cachedDashboardData, cachedProvinceList, defaultViewDay } from "@/server/queries/cached";
import { chooseProvince } from "@/server/queries/provinces";
import { SUPPLY_STATUSES } from "@/domain/dashboard-rules";
import { requireActor } from "@/server/session";
import { BadDayNotice } from "@/components/forms/bad-day";
import { loadReportSearch } from "./search-params";

// The printable daily situation report: one A4 page, in Bahasa Indonesia unless ?lang=en; for a
// province (?province=36) or the whole country, like the dashboard.
export default async function ReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("report:read");
  const search = await loadReportSearch(searchParams);
  const locale = search.lang;
  const all = messagesFor(locale);
  const t = all.dashboard;
  const provinces = await cachedProvinceList();
  const choice = chooseProvince(search.province, provinces);
  if (!choice.ok)
    return (
      <p role="alert" data-testid="province-unknown">
        {t.province.unknown(choice.code)}
      </p>
    );
  const province = choice.province;
  const bounds = await cachedCapacityDayBounds(province);
  if (!bounds) return <p>{t.noData}</p>;
  const askedDay = search.date;
  if (askedDay.error)
    return <BadDayNotice param="date" raw={askedDay.raw} code={askedDay.error} errors={all.errors} href={locale === "en" ? "/report?lang=en" : "/report"} />;
  const day = askedDay.day ?? (await defaultViewDay(province)) ?? bounds.last;
  const asked = search.province ? (province?.code ?? null) : null;
  const view = viewQuery({ day, province: asked });
  const d = await cachedDashboardData(day, 30, province);
  const tables = dashboardTables(d, t, locale);
  const s = d.summary;
  // the few most at risk, without the stock and report-day columns: the page must stay one A4
  // sheet with a hundred hospitals (the dashboard and its CSV have them all, with every column)
  const atRisk = d.hospitals.filter((x) => x.status !== "green").slice(0, 4);
  const h = t.headline;
  const T = (kg: number) => formatTonnes(kg, locale);
  const names = (codes: string[]) => codes.map((c) => s.provinces.find((x) => x.code === c)?.name ?? c).join(", ");

  return (
    <article
      lang={locale}
      className="report mx-auto max-w-4xl space-y-4 bg-white print:space-y-2 p-6 text-sm shadow-sm print:max-w-none print:p-0 print:shadow-none"
      data-testid="report"
    >
      <div className="no-print flex flex-wrap items-center gap-3">
        <PrintButton label={t.report.print} />
        <Link className="btn-secondary" href={`/dashboard?${view}`}>
          {t.report.dashboard}
        </Link>
        <span className="text-slate-700">{t.report.language}:</span>
        <Link className="underline" href={`/report?${view}`} lang="id">
          {all.shell.language.id}
        </Link>
        <Link className="underline" href={`/report?${view}&lang=en`} lang="en">
          {all.shell.language.en}
        </Link>
        <form method="get" action="/report" className="flex items-end gap-2">
          <input type="hidden" name="date" value={day} />
          {locale === "en" ? <input type="hidden" name="lang" value="en" /> : null}
          <ProvinceSelect provinces={provinces} province={asked} t={t.province} />
          <button type="submit" className="btn-secondary">
            {t.picker.show}
          </button>
        </form>
      </div>
      <header className="border-b-2 border-slate-900 pb-2">
        <p className="text-xs uppercase tracking-wide text-slate-700">
          {all.shell.appName} · {t.report.subtitle}
        </p>
        <h1 className="text-xl">{t.report.title}</h1>
        <p data-testid="report-day">
          {t.dayOf(formatDay(day, locale))} · <span className="text-slate-700">{t.report.generated(formatDateTime(clockNow(), locale))}</span>
        </p>
        <p data-testid="report-scope">{province ? t.province.scopeProvince(province.name, province.code) : t.province.scopeNational(provinces.length)}</p>
      </header>

      <section aria-labelledby="r-key">
        <h2 id="r-key" className="text-base">
          {t.report.keyFigures}
        </h2>
        <div className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-3 print:grid-cols-3">
          <div>
            <h3 className="text-sm font-semibold">{h.productionTitle}</h3>
            <dl>
              <Fig label={h.capacity} value={s.capacityKg === null ? h.noData : T(s.capacityKg)} testId="r-capacity" />
              <Fig label={h.ideal} value={s.targetKg === null ? h.noTarget : T(s.targetKg)} testId="r-target" />
              <Fig
                label={h.shortfall}
                value={s.shortfallKg === null ? h.noData : `${T(s.shortfallKg)} (${formatPercent(s.production.shortfallShare ?? 0, locale)})`}
                testId="r-shortfall"
              />
            </dl>
            {s.production.withoutTarget.length > 0 ? <p className="text-xs">{h.withoutTarget(names(s.production.withoutTarget))}</p> : null}
            {s.production.withoutData.length > 0 ? <p className="text-xs">{h.withoutData(names(s.production.withoutData))}</p> : null}
          </div>
          <div>
            <h3 className="text-sm font-semibold">{h.medicalTitle}</h3>
            <dl>
              <Fig label={h.medicalSupply} value={s.medicalKg === null ? h.noData : T(s.medicalKg)} testId="r-medical" />
              <Fig label={t.split.industrial} value={s.industrialKg === null ? h.noData : T(s.industrialKg)} />
              <Fig
                label={h.hospitalUse}
                value={s.medicalDemandKg === null ? h.noData : T(s.medicalDemandKg)}
                note={
                  s.demand.reportingHospitals === 0
                    ? h.noReports
                    : h.reporting(formatNumber(s.demand.reportingHospitals, locale), formatNumber(s.demand.activeHospitals, locale))
                }
                testId="r-demand"
              />
            </dl>
          </div>
          <div>
            <h3 className="text-sm font-semibold">{h.riskTitle}</h3>
            <p className="mt-1 flex flex-wrap gap-3">
              {SUPPLY_STATUSES.map((st) => (
                <span key={st} className="flex items-center gap-1">
                  <StatusBadge status={st} label={t.status[st]} /> <strong>{s.hospitals[st]}</strong>
                </span>
              ))}
            </p>
            <p className="mt-1 text-xs text-slate-700">{statusAsOf(s, h, locale)}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="r-risk">
        <h2 id="r-risk" className="text-base">
          {t.report.topRisk}
        </h2>
        <p className="text-xs text-slate-700" data-testid="r-as-of">
          {t.report.projectedTo(formatDateTime(d.supplyAsOf, locale))}
        </p>
        <DataTable spec={{ ...tables.reportHospitals, rows: atRisk }} testId="r-hospitals" />
      </section>

      <section aria-labelledby="r-regions">
        <h2 id="r-regions" className="text-base">
          {t.regions.title}
        </h2>
        <DataTable spec={tables.regions} testId="r-regions" />
      </section>

      <section aria-labelledby="r-pledges" className="grid gap-4 sm:grid-cols-[3fr_2fr] print:grid-cols-[3fr_2fr]">
        <div className="min-w-0">
          <h2 id="r-pledges" className="text-base">
            {t.pledges.title}
          </h2>
          <DataTable spec={{ ...tables.pledges, columns: tables.pledges.columns.filter((_, i) => i !== 1 && i !== 5) }} testId="r-pledges" />
        </div>
        <div>
          <h2 className="text-base">{t.funnel.title}</h2>
          <p className="text-xs text-slate-700">{t.funnel.intro(formatDay(d.from, locale), formatDay(day, locale))}</p>
          <ul className="mt-1">
            <li>
              {t.funnel.requested}: {formatTonnes(d.funnel.requestedKg, locale)} · {t.funnel.requests(d.funnel.requests)}
            </li>
            <li>
              {t.funnel.approved}: {formatTonnes(d.funnel.approvedKg, locale)} · {t.funnel.requests(d.funnel.approvedRequests)}
            </li>
            <li>
              {t.funnel.delivered}: {formatTonnes(d.funnel.deliveredKg, locale)} · {t.funnel.requests(d.funnel.fulfilledRequests)}
            </li>
            <li>
              {t.funnel.medianHours}: {d.funnel.medianHoursToReceipt === null ? t.funnel.none : `${formatNumber(d.funnel.medianHoursToReceipt, locale, 1)} h`}
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
