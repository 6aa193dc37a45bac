"use client";

import dynamic from "next/dynamic";
import { useActionState, useEffect, useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/figure";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import {
  checkReportedUse,
  demandKgPerDay,
  fitGrowth,
  forecastDemand,
  indiaBedFormulaKgPerDay,
  measuredRates,
  shiftedKg,
  shiftToCloseGap,
  USE_RATIO_MAX,
  USE_RATIO_MIN,
  WHO_PLANNING_RATES,
  type FlowRates,
  type SeriesPoint,
} from "@/domain/forecast";
import { useTranslations } from "next-intl";
import { formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { ForecastInputs } from "@/server/queries/forecast";
import type { ForecastChartPoint } from "./forecast-chart";
import {
  BASE_PARAMS,
  PLEDGED_MAX_TONNES,
  REPORTED_RATES_KEY,
  SHIFT_MAX_PP,
  SHIFT_MIN_PP,
  WAVE_MAX,
  WAVE_MIN,
  WAVE_STEP,
  paramsToSearch,
  type ScenarioParams,
} from "@/domain/forecast-params";

const ForecastChart = dynamic(() => import("./forecast-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

export type SaveState = FormState & { id?: string };
type SaveAction = (prev: SaveState, data: FormData) => Promise<SaveState>;

export type SavedScenarioItem = { id: string; name: string; by: string | null; at: string };

type Props = {
  inputs: ForecastInputs;
  defaults: ScenarioParams;
  initial: ScenarioParams;
  /** the saved scenario the page was opened with */
  opened: { id: string; name: string } | null;
  locale: Locale;
  canSave: boolean;
  saveAction: SaveAction;
  saved: SavedScenarioItem[];
  common: { saved: string; fixErrors: string };
};

/** The interactive forecast: the pure domain forecast re-run in the browser on every change. */
export function ForecastExplorer({ inputs, defaults, initial, opened, locale, canSave, saveAction, saved, common }: Props) {
  const t = useTranslations("forecast");
  const [p, setP] = useState<ScenarioParams>(initial);
  const set = (patch: Partial<ScenarioParams>) => setP((prev) => ({ ...prev, ...patch }));

  // The URL follows the scenario, so the address bar is always a link to what is shown.
  const query = paramsToSearch(p, defaults);
  const untouched = JSON.stringify(p) === JSON.stringify(initial);
  const href = opened && untouched ? `/forecast?scenario=${opened.id}` : `/forecast${query ? `?${query}` : ""}`;
  useEffect(() => {
    window.history.replaceState(window.history.state, "", href);
  }, [href]);

  const n = (x: number, d = 0) => formatNumber(x, locale, d);
  const tonnes = (kg: number) => formatTonnes(kg, locale);
  const day = (d: string) => formatDay(d, locale);

  const patients = { severe: inputs.latest.severe, critical: inputs.latest.critical };
  const reportedRates = measuredRates(inputs.latest.usedKg, patients);
  // The known rate sets have their name and source in the reader's language; another keeps its stored name.
  const rateText = (key: string, field: "name" | "source") => {
    const k = `rateSets.${key}.${field}` as Parameters<typeof t>[0];
    return t.has(k) ? t(k) : null;
  };
  const rateOptions = [
    ...inputs.rateSets.map((r) => ({
      key: r.key,
      name: rateText(r.key, "name") ?? r.name,
      source: rateText(r.key, "source"),
      rates: { severeLpm: r.severeLpm, criticalLpm: r.criticalLpm } as FlowRates,
    })),
    ...(reportedRates ? [{ key: REPORTED_RATES_KEY, name: t("controls.reportedRates"), source: null, rates: reportedRates }] : []),
  ];
  const chosen = rateOptions.find((r) => r.key === p.rateSet) ?? rateOptions[0] ?? { key: "who", name: "WHO", source: null, rates: WHO_PLANNING_RATES };
  const lpmText = t("controls.lpm", { severe: n(chosen.rates.severeLpm, 1), critical: n(chosen.rates.criticalLpm, 1) });

  const supply = { medicalKgPerDay: inputs.supply.medicalKg, productionKgPerDay: inputs.supply.productionKg };
  const medicalSharePp = supply.productionKgPerDay > 0 ? Math.round((supply.medicalKgPerDay / supply.productionKgPerDay) * 100) : 0;
  const shiftMin = Math.max(SHIFT_MIN_PP, -medicalSharePp);
  const shiftMax = Math.min(SHIFT_MAX_PP, 100 - medicalSharePp);

  const series: SeriesPoint[] = useMemo(
    () =>
      p.basis === "patients"
        ? inputs.history.filter((h) => h.severe !== null).map((h) => ({ day: h.day, value: h.severe! + h.critical! }))
        : inputs.history.filter((h) => h.activeCases !== null).map((h) => ({ day: h.day, value: h.activeCases! })),
    [inputs.history, p.basis],
  );
  const fit = useMemo(() => fitGrowth(series), [series]);
  const scenario = { waveMultiplier: p.waveMultiplier, shiftPercentagePoints: p.shiftPercentagePoints, extraPledgedKgPerDay: p.extraPledgedKgPerDay };
  const input = fit ? { fit, patients, rates: chosen.rates, supply, scenario } : null;
  const f = input ? forecastDemand(input) : null;
  const closeGap = input ? shiftToCloseGap(input) : null;

  const todayPatientsKg = demandKgPerDay(patients, chosen.rates);
  const bedsKg = indiaBedFormulaKgPerDay(inputs.beds);
  const historyKg = (h: ForecastInputs["history"][number]) =>
    h.severe === null ? null : demandKgPerDay({ severe: h.severe, critical: h.critical ?? 0 }, chosen.rates);

  // Chart: data days, then the projection; the last data point starts the projected line.
  const chartData: ForecastChartPoint[] = inputs.history.map((h, i) => {
    const kg = historyKg(h);
    const last = i === inputs.history.length - 1;
    return { day: h.day, history: kg === null ? null : kg / 1000, demand: last && kg !== null ? kg / 1000 : null, band: null, supply: null };
  });
  if (f) {
    for (const d of f.days) {
      chartData.push({ day: d.day, history: null, demand: d.demandKg / 1000, band: [d.demandLowKg / 1000, d.demandHighKg / 1000], supply: d.supplyKg / 1000 });
    }
  }
  const maxDemandKg = Math.max(0, ...chartData.map((c) => Math.max(c.history ?? 0, c.demand ?? 0, c.band?.[1] ?? 0) * 1000));
  const supplyOffScale = f !== null && f.supplyKgPerDay > 3 * maxDemandKg && maxDemandKg > 0;
  const yMax = supplyOffScale ? niceCeil((maxDemandKg * 1.15) / 1000) : undefined;
  if (supplyOffScale) for (const c of chartData) c.supply = null;

  const firstText = f?.firstShortDay ? `${t("headline.firstShort")}: ${day(f.firstShortDay)}.` : `${t("headline.none")}.`;
  const growthText = fit ? formatPercent(fit.dailyGrowthRate, locale) : "—";
  const seriesName = p.basis === "patients" ? t("controls.basisPatients") : t("controls.basisCases");

  const checks = inputs.hospitals.map((h) => ({ h, c: checkReportedUse(h.usedKg, { severe: h.severe, critical: h.critical }, chosen.rates) }));
  // the strongest departures first (use without patients counts as the strongest)
  const departure = (c: (typeof checks)[number]["c"]) => (c.ratio === null ? Infinity : Math.abs(Math.log(c.ratio || 1e-9)));
  const flagged = checks.filter((x) => x.c.flagged).sort((a, b) => departure(b.c) - departure(a.c));

  return (
    <div className="space-y-6">
      {opened && (
        <p className="rounded-md bg-brand-50 p-3 text-sm" data-testid="opened-scenario">
          {t("save.opened", { name: opened.name })}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card space-y-4" aria-labelledby="scenario-title" data-testid="scenario-controls">
          <div>
            <h2 id="scenario-title">{t("controls.title")}</h2>
            <p className="text-sm text-slate-600">{t("controls.hint")}</p>
          </div>
          <div>
            <label htmlFor="rateSet" className="label">
              {t("controls.rateSet")}
            </label>
            <select id="rateSet" className="input" value={chosen.key} onChange={(e) => set({ rateSet: e.target.value })}>
              {rateOptions.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name}
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs text-slate-500">{lpmText}</p>
            {chosen.source && (
              <p className="mt-1 text-xs text-slate-500" data-testid="rate-source">
                {t("rateSetSource", { source: chosen.source })}
              </p>
            )}
          </div>
          <fieldset>
            <legend className="label">{t("controls.basis")}</legend>
            <div className="flex flex-col gap-1 text-sm">
              {(["patients", "cases"] as const).map((b) => (
                <label key={b} className="flex items-center gap-2">
                  <input type="radio" name="basis" value={b} checked={p.basis === b} onChange={() => set({ basis: b })} />
                  {b === "patients" ? t("controls.basisPatients") : t("controls.basisCases")}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="wave" className="label">
              {t("controls.wave")}: <output data-testid="wave-value">{t("controls.waveValue", { x: n(p.waveMultiplier, 1) })}</output>
            </label>
            <input
              id="wave"
              type="range"
              className="w-full accent-brand-600"
              min={WAVE_MIN}
              max={WAVE_MAX}
              step={WAVE_STEP}
              value={p.waveMultiplier}
              onChange={(e) => set({ waveMultiplier: Number(e.target.value) })}
            />
          </div>
          <div>
            <label htmlFor="shift" className="label">
              {t("controls.shift")}:{" "}
              <output data-testid="shift-value">
                {t("controls.shiftValue", { pp: n(p.shiftPercentagePoints), t: tonnes(shiftedKg(supply, p.shiftPercentagePoints)) })}
              </output>
            </label>
            <input
              id="shift"
              type="range"
              className="w-full accent-brand-600"
              min={shiftMin}
              max={shiftMax}
              step={1}
              value={p.shiftPercentagePoints}
              onChange={(e) => set({ shiftPercentagePoints: Number(e.target.value) })}
            />
            <p className="mt-1 text-xs text-slate-500">{t("controls.shiftHint")}</p>
          </div>
          <div>
            <label htmlFor="pledged" className="label">
              {t("controls.pledged")}
            </label>
            <input
              id="pledged"
              type="number"
              className="input"
              min={0}
              max={PLEDGED_MAX_TONNES}
              step="any"
              inputMode="decimal"
              value={p.extraPledgedKgPerDay / 1000}
              onChange={(e) => {
                const v = Number(e.target.value);
                set({ extraPledgedKgPerDay: Number.isFinite(v) ? Math.round(Math.min(PLEDGED_MAX_TONNES, Math.max(0, v)) * 1000) : 0 });
              }}
            />
          </div>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => setP({ ...BASE_PARAMS, rateSet: defaults.rateSet, ...(p.asOf ? { asOf: p.asOf } : {}) })}
          >
            {t("controls.reset")}
          </button>
        </section>

        <section className="grid content-start gap-4 sm:grid-cols-2 lg:col-span-2" aria-label={t("headline.title")}>
          <Stat
            label={t("headline.firstShort")}
            testId="first-short-day"
            tone={f?.firstShortDay ? "bad" : "good"}
            value={f ? (f.firstShortDay ? day(f.firstShortDay) : t("headline.none")) : "—"}
            note={
              f
                ? t("headline.band", {
                    low: f.firstShortDayHigh ? day(f.firstShortDayHigh) : t("headline.bandNone"),
                    high: f.firstShortDayLow ? day(f.firstShortDayLow) : t("headline.bandNone"),
                  })
                : t("headline.noFit")
            }
          />
          <Stat
            label={t("headline.maxShortfall")}
            testId="max-shortfall"
            tone={f && f.maxShortfallKg > 0 ? "bad" : "good"}
            value={f ? tonnes(f.maxShortfallKg) : "—"}
            note={f ? t("headline.totalShortfall", { t: tonnes(f.totalShortfallKg) }) : undefined}
          />
          <Stat
            label={t("headline.peakDemand")}
            testId="peak-demand"
            value={f ? tonnes(Math.max(...f.days.map((d) => d.demandKg))) : "—"}
            note={`${t("headline.growth")}: ${growthText}`}
          />
          <Stat
            label={t("headline.supply")}
            testId="supply"
            value={f ? tonnes(f.supplyKgPerDay) : tonnes(supply.medicalKgPerDay)}
            note={
              f
                ? t("headline.supplyParts", {
                    medical: tonnes(supply.medicalKgPerDay),
                    shifted: `${f.shiftedKgPerDay < 0 ? "−" : "+"} ${tonnes(Math.abs(f.shiftedKgPerDay))}`,
                    pledged: tonnes(p.extraPledgedKgPerDay),
                  })
                : undefined
            }
          />
          <div className="sm:col-span-2">
            <Stat
              label={t("headline.closeGap")}
              testId="close-gap"
              tone={closeGap === null ? (f ? "bad" : undefined) : closeGap > p.shiftPercentagePoints ? "bad" : undefined}
              value={
                closeGap === null
                  ? f
                    ? t("headline.closeGapImpossible")
                    : "—"
                  : closeGap > 0
                    ? t("headline.closeGapPp", { pp: closeGap, t: tonnes(shiftedKg(supply, closeGap)) })
                    : closeGap === 0
                      ? t("headline.closeGapNone")
                      : t("headline.closeGapSlack", { pp: -closeGap, t: tonnes(-shiftedKg(supply, closeGap)) })
              }
            />
          </div>
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card space-y-3 lg:col-span-2" aria-labelledby="chart-title">
          <h2 id="chart-title">{t("chart.title")}</h2>
          <ChartFigure
            title={t("chart.title")}
            summary={t("chart.summary", { first: firstText })}
            tableLabel={t("chart.showData")}
            height="h-72 sm:h-80 lg:h-[26rem]"
            table={
              <table className="table table-stack" data-testid="forecast-table">
                <thead>
                  <tr>
                    <th>{t("chart.day")}</th>
                    <th className="text-right">{t("chart.demand")}</th>
                    <th className="text-right">{t("chart.demandLow")}</th>
                    <th className="text-right">{t("chart.demandHigh")}</th>
                    <th className="text-right">{t("chart.supply")}</th>
                    <th className="text-right">{t("chart.shortfall")}</th>
                  </tr>
                </thead>
                <tbody>
                  {f?.days.map((d) => (
                    <tr key={d.day}>
                      <td>{day(d.day)}</td>
                      <td className="text-right" data-label={t("chart.demand")}>
                        {tonnes(d.demandKg)}
                      </td>
                      <td className="text-right" data-label={t("chart.demandLow")}>
                        {tonnes(d.demandLowKg)}
                      </td>
                      <td className="text-right" data-label={t("chart.demandHigh")}>
                        {tonnes(d.demandHighKg)}
                      </td>
                      <td className="text-right" data-label={t("chart.supply")}>
                        {tonnes(d.supplyKg)}
                      </td>
                      <td className="text-right" data-label={t("chart.shortfall")}>
                        {tonnes(d.shortfallKg)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            <ForecastChart
              data={chartData}
              locale={locale}
              yMax={yMax}
              firstShortDay={f?.firstShortDay ?? null}
              labels={{ history: t("chart.history"), demand: t("chart.demand"), band: t("chart.band"), supply: t("chart.supply"), yAxis: t("chart.yAxis") }}
            />
          </ChartFigure>
          {supplyOffScale && f && (
            <p className="text-sm text-slate-700" data-testid="supply-off-scale">
              {t("chart.supplyOffScale", { t: tonnes(f.supplyKgPerDay) })}
            </p>
          )}
        </section>

        <aside className="card space-y-2" aria-labelledby="assumptions-title" data-testid="assumptions">
          <h2 id="assumptions-title">{t("assumptions.title")}</h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>{t("assumptions.rates", { name: chosen.name, lpm: lpmText })}</li>
            <li>
              {t("assumptions.patients", {
                hospitals: inputs.latest.hospitals,
                older: inputs.latest.olderThanAsOf,
                severe: n(patients.severe),
                critical: n(patients.critical),
              })}
            </li>
            {fit ? (
              <li>{t("assumptions.growth", { series: seriesName, rate: growthText, from: day(fit.fromDay), to: day(fit.toDay) })}</li>
            ) : (
              <li>{t("headline.noFit")}</li>
            )}
            <li>{t("assumptions.band")}</li>
            <li>{t("assumptions.exponential")}</li>
            {p.waveMultiplier !== 1 && <li>{t("assumptions.wave", { x: t("controls.waveValue", { x: n(p.waveMultiplier, 1) }) })}</li>}
            {inputs.supply.day && (
              <li>
                {t("assumptions.supply", {
                  day: day(inputs.supply.day),
                  medical: tonnes(supply.medicalKgPerDay),
                  production: tonnes(supply.productionKgPerDay),
                })}
              </li>
            )}
            {chosen.key === "who" && <li>{t("assumptions.whoNote")}</li>}
            <li>{t("assumptions.notModelled")}</li>
          </ul>
        </aside>
      </div>

      <section className="card space-y-3" aria-labelledby="today-title">
        <h2 id="today-title">{t("today.title")}</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat
            label={t("today.patients")}
            testId="today-patients"
            value={tonnes(todayPatientsKg)}
            note={`${t("today.patientsNote", { severe: n(patients.severe), critical: n(patients.critical) })}; ${lpmText}`}
          />
          <Stat
            label={t("today.beds")}
            testId="today-beds"
            value={tonnes(bedsKg)}
            note={t("today.bedsNote", { beds: n(inputs.beds.covidBeds - inputs.beds.icuBeds), icu: n(inputs.beds.icuBeds) })}
          />
          <Stat label={t("today.measured")} testId="today-measured" value={tonnes(inputs.latest.burnKgPerDay)} note={t("today.measuredNote")} />
        </div>
      </section>

      <section className="card space-y-3" aria-labelledby="check-title" data-testid="consistency">
        <h2 id="check-title">{t("check.title")}</h2>
        <p className="text-sm text-slate-700">{t("check.intro", { min: n(USE_RATIO_MIN, 1), max: n(USE_RATIO_MAX, 1) })}</p>
        {flagged.length === 0 ? (
          <p className="text-sm" data-testid="consistency-none">
            {t("check.none")}
          </p>
        ) : (
          <CheckTable rows={flagged} asOf={inputs.asOf} t={t} locale={locale} testId="consistency-flagged" />
        )}
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline">{t("check.showAll")}</summary>
          <div className="mt-2">
            <CheckTable rows={checks} asOf={inputs.asOf} t={t} locale={locale} testId="consistency-all" />
          </div>
        </details>
      </section>

      <SaveSection params={p} href={href} canSave={canSave} saveAction={saveAction} saved={saved} t={t} common={common} />
    </div>
  );
}

/** A round-ish axis top: 1, 2 or 5 × a power of ten, at least `x`. */
function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function Stat({ label, value, note, testId, tone }: { label: string; value: string; note?: string; testId: string; tone?: "good" | "bad" }) {
  const color = tone === "bad" ? "text-red-700" : tone === "good" ? "text-green-800" : "text-slate-900";
  return (
    <div className="card">
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`text-xl font-semibold ${color}`} data-testid={testId}>
        {value}
      </p>
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
    </div>
  );
}

type T = Translator<"forecast">;

const hospitalTonnes = (kg: number, locale: Locale) => `${formatNumber(kg / 1000, locale, 2)} t`;

function CheckTable({
  rows,
  asOf,
  t,
  locale,
  testId,
}: {
  rows: { h: ForecastInputs["hospitals"][number]; c: ReturnType<typeof checkReportedUse> }[];
  asOf: string;
  t: T;
  locale: Locale;
  testId: string;
}) {
  // a hospital whose latest report is older than the as-of day is carried forward on it
  const carried = (day: string) =>
    day < asOf ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("check.carriedForward")}</span> : null;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm sm:hidden" data-testid={`${testId}-list`}>
        {rows.map(({ h, c }) => (
          <li key={h.id} className="py-2">
            <p className="font-medium">
              {h.name}{" "}
              <span className="text-xs font-normal text-slate-500">
                · {h.regionName} · {formatDay(h.day, locale)}
                {carried(h.day)}
              </span>
            </p>
            <p>
              {t("check.reported")} <strong>{hospitalTonnes(c.reportedKg, locale)}</strong> · {t("check.implied").toLowerCase()}{" "}
              <strong>{hospitalTonnes(c.impliedKg, locale)}</strong>
              {c.ratio !== null && <> · {formatNumber(c.ratio, locale, 2)}×</>}
            </p>
            <p className={c.flagged ? "font-medium text-red-700" : "text-slate-600"}>
              {t(`check.statuses.${c.status}`)} · {t("check.patients").toLowerCase()} {h.severe}/{h.critical}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="table" data-testid={testId}>
          <thead>
            <tr>
              <th>{t("check.hospital")}</th>
              <th>{t("check.reportDay")}</th>
              <th className="text-right">{t("check.patients")}</th>
              <th className="text-right">{t("check.reported")}</th>
              <th className="text-right">{t("check.implied")}</th>
              <th className="text-right">{t("check.ratio")}</th>
              <th>{t("check.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ h, c }) => (
              <tr key={h.id} data-testid={`check-${h.id}`}>
                <td>
                  {h.name}
                  <div className="text-xs text-slate-500">{h.regionName}</div>
                </td>
                <td className="whitespace-nowrap">
                  {formatDay(h.day, locale)}
                  {carried(h.day)}
                </td>
                <td className="text-right">
                  {h.severe}/{h.critical}
                </td>
                <td className="whitespace-nowrap text-right">{hospitalTonnes(c.reportedKg, locale)}</td>
                <td className="whitespace-nowrap text-right">{hospitalTonnes(c.impliedKg, locale)}</td>
                <td className="text-right">{c.ratio === null ? "—" : `${formatNumber(c.ratio, locale, 2)}×`}</td>
                <td className={c.flagged ? "font-medium text-red-700" : ""}>{t(`check.statuses.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SaveSection({
  params,
  href,
  canSave,
  saveAction,
  saved,
  t,
  common,
}: {
  params: ScenarioParams;
  href: string;
  canSave: boolean;
  saveAction: SaveAction;
  saved: SavedScenarioItem[];
  t: T;
  common: { saved: string; fixErrors: string };
}) {
  const [state, formAction, pending] = useActionState(saveAction, {});
  const [origin, setOrigin] = useState("");
  // The origin is the browser's; read after hydration so the server's HTML and the first render agree.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- deliberate, see above
  useEffect(() => setOrigin(window.location.origin), []);
  const savedHref = state.ok && state.id ? `/forecast?scenario=${state.id}` : null;
  return (
    <section className="card space-y-4" aria-labelledby="save-title">
      <h2 id="save-title">{t("save.title")}</h2>
      <div>
        <label htmlFor="share-now" className="label">
          {t("save.shareNow")}
        </label>
        <input id="share-now" readOnly className="input font-mono text-xs" value={`${origin}${href}`} onFocus={(e) => e.currentTarget.select()} />
      </div>
      {canSave && (
        <form action={formAction} className="space-y-3" noValidate data-testid="save-scenario">
          <input type="hidden" name="rateSet" value={params.rateSet} />
          <input type="hidden" name="basis" value={params.basis} />
          <input type="hidden" name="waveMultiplier" value={String(params.waveMultiplier)} />
          <input type="hidden" name="shiftPercentagePoints" value={String(params.shiftPercentagePoints)} />
          <input type="hidden" name="extraPledgedTonnes" value={String(params.extraPledgedKgPerDay / 1000)} />
          {params.asOf && <input type="hidden" name="asOf" value={params.asOf} />}
          <FormMessage state={state} saved={t("save.saved")} fixErrors={common.fixErrors} />
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1">
              <Field name="name" label={t("save.name")} state={state} hint={t("save.namePlaceholder")} />
            </div>
            <button type="submit" className="btn" disabled={pending}>
              {t("save.submit")}
            </button>
          </div>
          {savedHref && (
            <p className="text-sm">
              {t("save.link")}: <a href={savedHref} className="break-all text-brand-700 underline" data-testid="scenario-link">{`${origin}${savedHref}`}</a>
            </p>
          )}
        </form>
      )}
      <div>
        <h3 className="text-sm font-semibold">{t("save.recent")}</h3>
        {saved.length === 0 ? (
          <p className="text-sm text-slate-600">{t("save.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="saved-scenarios">
            {saved.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <a href={`/forecast?scenario=${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </a>
                <span className="text-xs text-slate-500">{t("save.by", { who: s.by ?? "—", when: s.at })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
