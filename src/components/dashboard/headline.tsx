import type { ReactNode } from "react";
import { addDays, startOfWibDay } from "@/domain/day";
import { formatDateTime, formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { Summary } from "@/server/queries/dashboard";
import { STALE_AFTER_HOURS, SUPPLY_STATUSES } from "@/domain/dashboard-rules";
import { StatusBadge } from "./status-badge";

/**
 * The day's three gaps, kept apart and named as the task force names them: production against
 * the ideal (target), the medical supply beside what hospitals use and request, and the
 * hospitals at risk. Each says what it measures and as of when; a missing figure says "no data",
 * never a zero.
 */
export function Headline({ s, t, locale }: { s: Summary; t: Translator; locale: Locale }) {
  const T = (kg: number) => formatTonnes(kg, locale);
  const N = (n: number) => formatNumber(n, locale);
  const asOfDay = t("dashboard.headline.asOfDay", { day: formatDay(s.date, locale) });
  return (
    <section aria-labelledby="headline-title" className="space-y-3">
      <h2 id="headline-title" className="sr-only">
        {t("dashboard.headline.title")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <ProductionGap s={s} t={t} locale={locale} asOf={asOfDay} />

        <Card title={t("dashboard.headline.medicalTitle")} what={t("dashboard.headline.medicalWhat")} asOf={asOfDay} testId="gap-medical">
          <dl className="grid grid-cols-2 gap-3">
            <div>
              <dt className="text-sm text-slate-600">{t("dashboard.headline.medicalSupply")}</dt>
              <dd className={`${s.medicalKg === null ? "text-lg" : "text-2xl"} font-semibold tabular-nums`} data-testid="medical-supply">
                {s.medicalKg === null ? t("dashboard.headline.noData") : T(s.medicalKg)}
              </dd>
              <dd className="text-xs text-slate-600">{t("dashboard.headline.medicalSupplyHint")}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("dashboard.headline.hospitalUse")}</dt>
              <dd className={`${s.medicalDemandKg === null ? "text-lg" : "text-2xl"} font-semibold tabular-nums`} data-testid="medical-demand">
                {s.medicalDemandKg === null ? t("dashboard.headline.noData") : T(s.medicalDemandKg)}
              </dd>
              <dd className="text-xs text-slate-600" data-testid="reporting">
                {s.demand.reportingHospitals === 0
                  ? t("dashboard.headline.noReports")
                  : t("dashboard.headline.reporting", { k: N(s.demand.reportingHospitals), n: N(s.demand.activeHospitals) })}
              </dd>
            </div>
          </dl>
          <p className="text-sm" data-testid="requested">
            {t("dashboard.headline.requested")}: <strong>{T(s.demand.requestedKg)}</strong> ·{" "}
            {t("dashboard.headline.requestCount", { n: N(s.demand.requests) })}
          </p>
          <p className="text-xs text-slate-600">{t("dashboard.headline.notOneGap")}</p>
        </Card>

        <Card title={t("dashboard.headline.riskTitle")} what={t("dashboard.headline.riskWhat")} asOf={statusAsOf(s, t, locale)} testId="gap-risk">
          <RiskCounts s={s} t={t} locale={locale} />
        </Card>
      </div>
    </section>
  );
}

/** When the statuses are judged: the end of the day, or the moment (today, while the day is not over). */
export function statusAsOf(s: Summary, t: Translator, locale: Locale): string {
  const endOfDay = startOfWibDay(addDays(s.date, 1)).toISOString();
  return s.asOf === endOfDay
    ? t("dashboard.headline.asOfEndOfDay", { day: formatDay(s.date, locale) })
    : t("dashboard.headline.asOfInstant", { at: formatDateTime(new Date(s.asOf), locale) });
}

function Card({
  title,
  what,
  asOf,
  testId,
  accent,
  children,
}: {
  title: string;
  what: string;
  asOf: string;
  testId: string;
  accent?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`card flex min-w-0 flex-col gap-3 ${accent ? "border-l-4 border-l-red-700" : ""}`} data-testid={testId}>
      <div>
        <h3 className="text-base font-semibold">{title}</h3>
        <p className="text-sm text-slate-600">{what}</p>
      </div>
      {children}
      <p className="mt-auto text-xs text-slate-600" data-testid={`${testId}-as-of`}>
        {asOf}
      </p>
    </div>
  );
}

function ProductionGap({ s, t, locale, asOf }: { s: Summary; t: Translator; locale: Locale; asOf: string }) {
  const p = s.production;
  const T = (kg: number) => formatTonnes(kg, locale);
  const N = (n: number) => formatNumber(n, locale);
  const names = (codes: string[]) => codes.map((c) => s.provinces.find((x) => x.code === c)?.name ?? c).join(", ");
  const compared = p.comparedTargetKg !== null && p.comparedCapacityKg !== null;
  // the compared figures differ from the totals only when a province is left out
  const partial = compared && (p.comparedTargetKg !== s.targetKg || p.comparedCapacityKg !== s.capacityKg);
  const bar = compared && p.comparedTargetKg! > 0 ? Math.min(1, p.comparedCapacityKg! / p.comparedTargetKg!) : null;
  const why = s.capacityKg === null ? t("dashboard.headline.noCapacity") : s.targetKg === null ? t("dashboard.headline.noTargetSet") : null;
  return (
    <Card
      title={t("dashboard.headline.productionTitle")}
      what={t("dashboard.headline.productionWhat")}
      asOf={asOf}
      testId="gap-production"
      accent={s.shortfallKg !== null && s.shortfallKg > 0}
    >
      <div>
        <p
          className={`${s.shortfallKg === null ? "text-xl" : "text-3xl"} font-semibold tabular-nums ${s.shortfallKg ? "text-red-800" : ""}`}
          data-testid="shortfall"
        >
          {s.shortfallKg !== null
            ? T(s.shortfallKg)
            : s.targetKg === null && s.capacityKg !== null
              ? t("dashboard.headline.noTarget")
              : t("dashboard.headline.noData")}
        </p>
        <p className="text-sm text-slate-700" data-testid="shortfall-pct">
          {s.shortfallKg === null
            ? (why ?? t("dashboard.headline.noData"))
            : s.shortfallKg > 0
              ? `${t("dashboard.headline.productionShort")} · ${t("dashboard.headline.shortfallOf", { pct: formatPercent(p.shortfallShare ?? 0, locale) })}`
              : t("dashboard.headline.noShortfall")}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-slate-600">{t("dashboard.headline.capacity")}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="capacity">
            {s.capacityKg === null ? t("dashboard.headline.noData") : T(s.capacityKg)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("dashboard.headline.ideal")}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="target">
            {s.targetKg === null ? t("dashboard.headline.noTarget") : T(s.targetKg)}
          </dd>
        </div>
      </dl>
      {bar !== null ? (
        <div className="h-2 rounded bg-slate-200" aria-hidden="true">
          <div className="h-2 rounded bg-brand-600" style={{ width: `${bar * 100}%` }} />
        </div>
      ) : null}
      {s.provinces.length > 1 ? (
        <ul className="space-y-1 text-xs text-slate-700" data-testid="production-notes">
          {s.provinces.length > 1 && compared ? (
            <li>
              {t("dashboard.headline.provincesShort", {
                k: N(p.provincesShort.length),
                n: N(s.provinces.length - p.withoutTarget.length - p.withoutData.length),
              })}
            </li>
          ) : null}
          {partial ? <li>{t("dashboard.headline.comparedOnly", { capacity: T(p.comparedCapacityKg!), target: T(p.comparedTargetKg!) })}</li> : null}
          {p.withoutTarget.length > 0 ? <li data-testid="without-target">{t("dashboard.headline.withoutTarget", { names: names(p.withoutTarget) })}</li> : null}
          {p.withoutData.length > 0 ? <li data-testid="without-data">{t("dashboard.headline.withoutData", { names: names(p.withoutData) })}</li> : null}
        </ul>
      ) : null}
    </Card>
  );
}

function RiskCounts({ s, t, locale }: { s: Summary; t: Translator; locale: Locale }) {
  // four counts side by side: thousands (a national view) need a smaller figure to fit
  const countSize = Math.max(...SUPPLY_STATUSES.map((st) => s.hospitals[st])) >= 1000 ? "text-xl" : "text-3xl";
  return (
    <ul className="grid grid-cols-4 gap-2 text-center" data-testid="status-counts">
      {SUPPLY_STATUSES.map((st) => (
        <li key={st} className="flex flex-col items-center gap-1">
          <span className={`${countSize} font-semibold tabular-nums`} data-testid={`count-${st}`}>
            {formatNumber(s.hospitals[st], locale)}
          </span>
          <StatusBadge status={st} label={t(`dashboard.status.${st}`)} />
          <span className="text-xs text-slate-600">{t(`dashboard.status.${st}Hint`, { hours: STALE_AFTER_HOURS })}</span>
        </li>
      ))}
    </ul>
  );
}
