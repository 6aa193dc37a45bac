import { now as clockNow } from "@/server/clock";
import Link from "next/link";
import { dashboardTables, DataTable } from "@/components/dashboard/tables";
import { PrintButton } from "@/components/dashboard/print-button";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { formatDateTime, formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import { asLocale } from "@/i18n/locales";
import { messagesFor } from "@/i18n/messages";
import { cachedCapacityDayBounds, cachedDashboardData, defaultViewDay } from "@/server/queries/cached";
import { SUPPLY_STATUSES } from "@/server/queries/dashboard-rules";
import { requireActor } from "@/server/session";
import { BadDayNotice } from "@/components/forms/bad-day";
import { checkedDayParam } from "../dashboard/params";

type Search = Record<string, string | string[] | undefined>;

// The printable daily situation report: one A4 page, in Bahasa Indonesia unless ?lang=en.
export default async function ReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireActor("report:read");
  const search = await searchParams;
  const locale = asLocale(typeof search.lang === "string" ? search.lang : undefined);
  const all = messagesFor(locale);
  const t = all.dashboard;
  const bounds = await cachedCapacityDayBounds();
  if (!bounds) return <p>{t.noData}</p>;
  const asked = checkedDayParam(search);
  if (asked.error) return <BadDayNotice param="date" raw={asked.raw} code={asked.error} errors={all.errors} href={locale === "en" ? "/report?lang=en" : "/report"} />;
  const day = asked.day ?? (await defaultViewDay()) ?? bounds.last;
  const d = await cachedDashboardData(day, 30);
  const tables = dashboardTables(d, t, locale);
  const s = d.summary;
  // the few most at risk: the page must stay one A4 sheet (the dashboard and its CSV have them all)
  const atRisk = d.hospitals.filter((h) => h.status !== "green").slice(0, 6);

  return (
    <article lang={locale} className="report mx-auto max-w-4xl space-y-4 bg-white print:space-y-2 p-6 text-sm shadow-sm print:max-w-none print:p-0 print:shadow-none" data-testid="report">
      <div className="no-print flex flex-wrap items-center gap-3">
        <PrintButton label={t.report.print} />
        <Link className="btn-secondary" href={`/dashboard?date=${day}`}>{t.report.dashboard}</Link>
        <span className="text-slate-700">{t.report.language}:</span>
        <Link className="underline" href={`/report?date=${day}`} lang="id">{all.shell.language.id}</Link>
        <Link className="underline" href={`/report?date=${day}&lang=en`} lang="en">{all.shell.language.en}</Link>
      </div>
      <header className="border-b-2 border-slate-900 pb-2">
        <p className="text-xs uppercase tracking-wide text-slate-700">{all.shell.appName} · {t.report.subtitle}</p>
        <h1 className="text-xl">{t.report.title}</h1>
        <p data-testid="report-day">{t.dayOf(formatDay(day, locale))} · <span className="text-slate-700">{t.report.generated(formatDateTime(clockNow(), locale))}</span></p>
      </header>

      <section aria-labelledby="r-key">
        <h2 id="r-key" className="text-base">{t.report.keyFigures}</h2>
        <dl className="mt-1 grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3 print:grid-cols-3">
          <Fig label={t.headline.capacity} value={formatTonnes(s.capacityKg, locale)} testId="r-capacity" />
          <Fig label={t.headline.target} value={formatTonnes(s.targetKg, locale)} testId="r-target" />
          <Fig
            label={t.headline.shortfall}
            value={`${formatTonnes(s.shortfallKg, locale)} (${formatPercent(s.targetKg ? s.shortfallKg / s.targetKg : 0, locale)})`}
            testId="r-shortfall"
          />
          <Fig label={t.headline.medicalSupply} value={formatTonnes(s.medicalKg, locale)} />
          <Fig label={t.split.industrial} value={formatTonnes(s.industrialKg, locale)} />
          <Fig label={t.headline.medicalDemand} value={formatTonnes(s.medicalDemandKg, locale)} />
        </dl>
        <p className="mt-2 flex flex-wrap gap-3">
          {SUPPLY_STATUSES.map((st) => (
            <span key={st} className="flex items-center gap-1">
              <StatusBadge status={st} label={t.status[st]} /> <strong>{s.hospitals[st]}</strong>
            </span>
          ))}
        </p>
      </section>

      <section aria-labelledby="r-risk">
        <h2 id="r-risk" className="text-base">{t.report.topRisk}</h2>
        <p className="text-xs text-slate-700" data-testid="r-as-of">{t.report.projectedTo(formatDateTime(d.supplyAsOf, locale))}</p>
        <DataTable spec={{ ...tables.hospitals, rows: atRisk }} testId="r-hospitals" />
      </section>

      <section aria-labelledby="r-regions">
        <h2 id="r-regions" className="text-base">{t.regions.title}</h2>
        <DataTable spec={tables.regions} testId="r-regions" />
      </section>

      <section aria-labelledby="r-pledges" className="grid gap-4 sm:grid-cols-[3fr_2fr] print:grid-cols-[3fr_2fr]">
        <div className="min-w-0">
          <h2 id="r-pledges" className="text-base">{t.pledges.title}</h2>
          <DataTable spec={{ ...tables.pledges, columns: tables.pledges.columns.filter((_, i) => i !== 1 && i !== 5) }} testId="r-pledges" />
        </div>
        <div>
          <h2 className="text-base">{t.funnel.title}</h2>
          <p className="text-xs text-slate-700">{t.funnel.intro(formatDay(d.from, locale), formatDay(day, locale))}</p>
          <ul className="mt-1">
            <li>{t.funnel.requested}: {formatTonnes(d.funnel.requestedKg, locale)} · {t.funnel.requests(d.funnel.requests)}</li>
            <li>{t.funnel.approved}: {formatTonnes(d.funnel.approvedKg, locale)} · {t.funnel.requests(d.funnel.approvedRequests)}</li>
            <li>{t.funnel.delivered}: {formatTonnes(d.funnel.deliveredKg, locale)} · {t.funnel.requests(d.funnel.fulfilledRequests)}</li>
            <li>
              {t.funnel.medianHours}:{" "}
              {d.funnel.medianHoursToReceipt === null ? t.funnel.none : `${formatNumber(d.funnel.medianHoursToReceipt, locale, 1)} h`}
            </li>
          </ul>
        </div>
      </section>
    </article>
  );
}

function Fig({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-700">{label}</dt>
      <dd className="text-lg font-semibold" data-testid={testId}>{value}</dd>
    </div>
  );
}
