import { today as clockToday } from "@/server/clock";
import Link from "next/link";
import { PeriodForm, TargetForm } from "@/components/supply/policy-forms";
import { tonnesInput } from "@/components/supply/tonnes-input";
import { formatDay, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { policyOf, policyRegions } from "@/server/queries/policy";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { savePeriodAction, setTargetAction } from "./actions";
import { loadPolicySearch } from "./search-params";

export default async function PolicyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const asked = await loadPolicySearch(searchParams);
  const regions = await policyRegions();
  const region = regions.find((r) => r.id === asked.region) ?? regions[0];
  if (!region) return <p className="card">{t("supply.list.empty")}</p>;
  const { targets, periods } = await policyOf(region.id);
  const today = clockToday();
  const current = targets.find((x) => x.validFrom <= today) ?? null;
  const admin = can(actor, "policy:write");
  const common = { saved: t("shell.common.saved"), fixErrors: t("shell.common.fixErrors") };
  const periodStrings = {
    ...common,
    startsOn: t("supply.policy.startsOn"),
    endsOn: t("supply.policy.endsOn"),
    minShare: t("supply.policy.minShare"),
    note: t("supply.policy.note"),
  };
  return (
    <>
      <h1>{t("supply.policy.title")}</h1>
      {regions.length > 1 && (
        <nav className="flex gap-2 text-sm">
          {regions.map((r) => (
            <Link key={r.id} href={`/policy?region=${r.id}`} className={r.id === region.id ? "font-semibold" : "text-brand-700"}>
              {r.name}
            </Link>
          ))}
        </nav>
      )}
      {!admin && <p className="rounded-md bg-slate-100 p-3 text-sm">{t("supply.policy.readOnly")}</p>}
      <section className="grid gap-4 lg:grid-cols-2">
        <div className="card space-y-3">
          <h2>
            {t("supply.policy.targetTitle")} — {region.name}
          </h2>
          <p className="text-sm">
            {t("supply.policy.currentTarget")}: <strong data-testid="current-target">{current ? formatTonnes(current.dailyTargetKg, locale) : "—"}</strong>
          </p>
          {admin && (
            <TargetForm
              action={setTargetAction}
              regionId={region.id}
              initial={{ validFrom: today, dailyTarget: current ? tonnesInput(current.dailyTargetKg, locale) : "2500" }}
              s={{ ...common, dailyTarget: t("supply.policy.dailyTarget"), validFrom: t("supply.policy.validFrom"), setTarget: t("supply.policy.setTarget") }}
            />
          )}
          <h3 className="pt-2 text-sm font-semibold">{t("supply.policy.targetHistory")}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{t("supply.policy.validFrom")}</th>
                <th className="text-right">{t("supply.policy.dailyTarget")}</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((x) => (
                <tr key={x.id}>
                  <td>{formatDay(x.validFrom, locale)}</td>
                  <td className="text-right">{formatTonnes(x.dailyTargetKg, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card space-y-3">
          <h2>{t("supply.policy.periodsTitle")}</h2>
          {admin && (
            <PeriodForm
              action={savePeriodAction}
              regionId={region.id}
              initial={{}}
              testId="period-new"
              s={{ ...periodStrings, submit: t("supply.policy.addPeriod") }}
            />
          )}
        </div>
      </section>
      <section className="space-y-3" data-testid="periods">
        {periods.map((p) => (
          <div key={p.id} className="card space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)} · ≥ {p.minMedicalSharePct}%
              </p>
              {can(actor, "audit:read") && (
                <Link href={`/audit?entity=MedicalPriorityPeriod&id=${p.id}`} className="text-sm text-brand-700 hover:underline">
                  {t("supply.list.history")}
                </Link>
              )}
            </div>
            {p.note && (
              <p className="text-sm text-slate-600" translate="no">
                {p.note}
              </p>
            )}
            {admin && (
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">{t("supply.policy.editPeriod")}</summary>
                <div className="pt-3">
                  <PeriodForm
                    action={savePeriodAction}
                    regionId={region.id}
                    initial={p}
                    testId={`period-${p.id}`}
                    s={{ ...periodStrings, submit: t("supply.policy.savePeriod") }}
                  />
                </div>
              </details>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
