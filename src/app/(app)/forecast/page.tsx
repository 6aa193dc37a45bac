import type { SearchParams } from "nuqs/server";
import { IntlProvider } from "@/components/intl-provider";
import { ForecastExplorer } from "@/components/forecast/forecast-explorer";
import { BASE_PARAMS, normalizeParams, type ScenarioParams } from "@/domain/forecast-params";
import { RateSetForms } from "@/components/forecast/rate-set-forms";
import { BadDayNotice } from "@/components/forms/bad-day";
import { formatDateTime, formatDay } from "@/i18n/format";
import { getMessages, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { forecastInputs, recentScenarios, scenarioById } from "@/server/queries/forecast";
import { requireActor } from "@/server/session";
import { saveScenarioAction, setDefaultRateSetAction, updateRateSetAction } from "./actions";
import { loadForecastSearch } from "./search-params";
import { DayInput } from "@/components/forms/day-input";

export default async function ForecastPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("forecast:read");
  const t = await getTranslations();
  const messages = await getMessages();
  const locale = await getLocale();
  const search = await loadForecastSearch(searchParams);

  // A saved scenario's parameters (?scenario=<id>), else those in the URL.
  const scenarioId = search.scenario;
  const opened = scenarioId ? await scenarioById(scenarioId) : null;
  const savedParams = opened && typeof opened.params === "object" && opened.params ? (opened.params as Record<string, unknown>) : null;
  const asked = savedParams?.asOf === undefined ? search.asOf : { day: savedParams.asOf as string };
  if (asked.error) {
    return (
      <>
        <h1>{t("forecast.title")}</h1>
        <BadDayNotice param="asOf" raw={asked.raw} code={asked.error} href="/forecast" />
      </>
    );
  }
  const inputs = await forecastInputs(asked.day ?? undefined);
  if (!inputs) {
    return (
      <>
        <h1>{t("forecast.title")}</h1>
        <p className="card">{t("forecast.noData")}</p>
      </>
    );
  }
  const rateKeys = inputs.rateSets.map((r) => r.key);
  const defaults: ScenarioParams = { ...BASE_PARAMS, rateSet: inputs.rateSets.find((r) => r.isDefault)?.key ?? rateKeys[0] ?? "who" };
  const fromUrl = {
    rateSet: search.rates,
    basis: search.basis,
    waveMultiplier: search.wave,
    shiftPercentagePoints: search.shift,
    extraPledgedKgPerDay: search.pledged === null ? null : search.pledged * 1000,
  };
  const parsed = normalizeParams(savedParams ?? fromUrl, defaults, rateKeys);
  // the day actually used (clamped to the reports' range), kept only when one was asked for
  const { asOf: _asked, ...rest } = parsed;
  const initial: ScenarioParams = asked.day ? { ...rest, asOf: inputs.asOf } : rest;

  const saved = (await recentScenarios()).map((s) => ({ id: s.id, name: s.name, by: s.createdBy, at: formatDateTime(s.createdAt, locale) }));
  const configure = can(actor, "forecast:configure");
  const common = { saved: t("shell.common.saved"), fixErrors: t("shell.common.fixErrors") };

  return (
    <div className="space-y-6" data-testid="forecast">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-3xl space-y-1">
          <h1>{t("forecast.title")}</h1>
          <p className="text-slate-700">{t("forecast.intro")}</p>
          <p className="text-sm text-slate-600" data-testid="forecast-as-of">
            {t("forecast.asOf", { day: formatDay(inputs.asOf, locale) })} · {t("forecast.sample")}
          </p>
        </div>
        <form method="get" action="/forecast" className="flex flex-wrap items-start gap-2">
          <div>
            <label htmlFor="asOf" className="label">
              {t("forecast.asOfLabel")}
            </label>
            <DayInput id="asOf" name="asOf" defaultValue={inputs.asOf} min={inputs.bounds.first} max={inputs.bounds.last} />
          </div>
          <button type="submit" className="btn-secondary mt-6">
            {t("forecast.show")}
          </button>
          {inputs.asOf !== inputs.bounds.last && (
            <a href="/forecast" className="btn-secondary mt-6">
              {t("forecast.latestDay")}
            </a>
          )}
        </form>
      </div>
      {scenarioId && !opened && <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("forecast.save.notFound")}</p>}

      <IntlProvider namespaces={["forecast"]}>
        <ForecastExplorer
          key={`${scenarioId ?? ""}|${inputs.asOf}`}
          inputs={inputs}
          defaults={defaults}
          initial={initial}
          opened={opened ? { id: opened.id, name: opened.name } : null}
          locale={locale}
          canSave={can(actor, "scenario:save")}
          saveAction={saveScenarioAction}
          saved={saved}
          common={common}
        />
      </IntlProvider>

      {configure && (
        <section className="space-y-3" aria-labelledby="config-title" data-testid="rate-config">
          <h2 id="config-title">{t("forecast.config.title")}</h2>
          <p className="text-sm text-slate-700">{t("forecast.config.intro")}</p>
          <div className="grid gap-4 md:grid-cols-3">
            {inputs.rateSets.map((r) => (
              <RateSetForms
                key={`${r.key}-${r.severeLpm}-${r.criticalLpm}-${r.isDefault}`}
                set={r}
                locale={locale}
                s={{ ...messages.forecast.config, ...common }}
                updateAction={updateRateSetAction}
                defaultAction={setDefaultRateSetAction}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
