import { today } from "@/server/clock";
import Link from "next/link";
import { CapacityForm, type CapacityFormRow } from "@/components/supply/capacity-form";
import { IntlProvider } from "@/components/intl-provider";
import { CapacityImport } from "@/components/supply/capacity-import";
import { MAX_CSV_BYTES } from "@/server/limits";
import { addDays } from "@/domain/day";
import { BadDayNotice } from "@/components/forms/bad-day";
import { tonnesInput } from "@/components/supply/tonnes-input";
import { formatDay, formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { capacityScreen, complianceOf, latestCapacityDayOnOrBefore, type CapacityRow } from "@/server/queries/capacity";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { importCapacityAction, saveCapacityAction } from "./actions";
import { loadCapacitySearch } from "./search-params";
import { DayPicker } from "@/components/forms/day-picker";
import { DayInput } from "@/components/forms/day-input";

export default async function CapacityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const { day: asked } = await loadCapacitySearch(searchParams);
  if (asked.error) {
    return (
      <>
        <h1>{t("supply.capacity.title")}</h1>
        <BadDayNotice param="day" raw={asked.raw} code={asked.error} href="/capacity" />
      </>
    );
  }
  const day = asked.day ?? today();
  const screen = await capacityScreen(day);
  const latest = screen.totals.rows === 0 ? await latestCapacityDayOnOrBefore(day) : null;
  const writer = can(actor, "capacity:write");
  const canAudit = can(actor, "audit:read");

  // read-only figures: tonnes to the kilogram, as entered (the cards above round to 0.1 t)
  const formatTonnesExact = (kg: number, l: typeof locale) => formatNumber(kg / 1000, l, 3);
  const rows: (CapacityFormRow & { figures: { produced: string; medical: string; industrial: string } | null })[] = screen.rows.map((r: CapacityRow) => {
    const c = complianceOf(r, day);
    return {
      supplierId: r.supplierId,
      name: r.name,
      region: r.region,
      produced: tonnesInput(r.producedKg, locale),
      medical: tonnesInput(r.medicalKg, locale),
      previous: r.previous && { produced: tonnesInput(r.previous.producedKg, locale), medical: tonnesInput(r.previous.medicalKg, locale) },
      figures:
        r.producedKg === null
          ? null
          : {
              produced: formatTonnesExact(r.producedKg, locale),
              medical: formatTonnesExact(r.medicalKg!, locale),
              industrial: formatTonnesExact(r.industrialKg!, locale),
            },
      share: c.share === null ? "" : formatPercent(c.share, locale),
      historyHref: r.capacityId && canAudit ? `/audit?entity=DailyCapacity&id=${r.capacityId}` : undefined,
      compliance: {
        tone: c.status === "meets" ? "green" : c.status === "below" ? "red" : "slate",
        label:
          c.status === "meets"
            ? `${t("supply.capacity.meets")} (≥ ${c.requiredPct}%)`
            : c.status === "below"
              ? `${t("supply.capacity.below")} (${c.requiredPct}%)`
              : c.status === "no_policy"
                ? t("supply.capacity.noPolicy")
                : t("supply.capacity.notEntered"),
      },
    };
  });
  const gap = screen.shortfallKg;
  const dayLink = (d: string) => `/capacity?day=${d}`;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1>{t("supply.capacity.title")}</h1>
          <p className="text-sm text-slate-600">{t("supply.capacity.intro")}</p>
        </div>
        <DayPicker day={day} label={t("supply.capacity.day")} submit={t("supply.capacity.show")} />
      </div>
      <nav className="flex flex-wrap items-center gap-3 text-sm">
        <Link href={dayLink(addDays(day, -1))} className="text-brand-700 hover:underline">
          ← {t("supply.capacity.prevDay")}
        </Link>
        <strong data-testid="capacity-day">{formatDay(day, locale)}</strong>
        <Link href={dayLink(addDays(day, 1))} className="text-brand-700 hover:underline">
          {t("supply.capacity.nextDay")} →
        </Link>
        {latest && latest !== day && (
          <Link href={dayLink(latest)} className="text-brand-700 hover:underline">
            {formatDay(latest, locale)}
          </Link>
        )}
      </nav>

      <section className="grid gap-3 sm:grid-cols-3" aria-label={t("supply.capacity.total")}>
        <div className="card">
          <p className="text-sm text-slate-500">{t("supply.capacity.total")}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="capacity-total">
            {formatTonnes(screen.totals.producedKg, locale)}
          </p>
          <p className="text-xs text-slate-500">
            {t("supply.capacity.medicalWord")} {formatTonnes(screen.totals.medicalKg, locale)} · {t("supply.capacity.industrialWord")}{" "}
            {formatTonnes(screen.totals.industrialKg, locale)}
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-500">{t("supply.capacity.target")}</p>
          <p className="text-2xl font-semibold tabular-nums">{screen.targetKg === null ? "—" : formatTonnes(screen.targetKg, locale)}</p>
          {gap !== null && (
            <p className="text-xs text-slate-500">
              {t("supply.capacity.gap")} {formatTonnes(gap, locale)}
            </p>
          )}
        </div>
        <div className="card">
          <p className="text-sm text-slate-500">{t("supply.capacity.policy")}</p>
          <p className="text-sm" data-testid="policy-in-force">
            {screen.provincePolicy === null ? t("supply.capacity.noPeriod") : t("supply.capacity.minShare", { pct: screen.provincePolicy.minMedicalSharePct })}
          </p>
        </div>
      </section>

      {rows.length === 0 ? (
        <div className="card space-y-2 text-sm" data-testid="empty-state">
          <p className="font-medium">{t("supply.capacity.noProducers")}</p>
          {can(actor, "supplier:write") && (
            <>
              <p className="text-slate-600">{t("supply.capacity.noProducersHint")}</p>
              <Link href="/suppliers/new" className="btn inline-block">
                {t("supply.capacity.addProducer")}
              </Link>
            </>
          )}
        </div>
      ) : writer ? (
        <CapacityForm
          key={day}
          action={saveCapacityAction}
          day={day}
          rows={rows}
          s={{
            history: t("supply.list.history"),
            producer: t("supply.capacity.producer"),
            produced: t("supply.capacity.produced"),
            medical: t("supply.capacity.medical"),
            industrial: t("supply.capacity.industrialComputed"),
            industrialRule: t("supply.capacity.industrialRule"),
            medicalOverProduced: t("supply.capacity.medicalOverProduced"),
            copy: t("supply.capacity.copyYesterday"),
            copied: t("supply.capacity.copied"),
            copyNothing: t("supply.capacity.copyNothing"),
            medicalShare: t("supply.capacity.medicalShare"),
            policy: t("supply.capacity.policy"),
            save: t("supply.capacity.save"),
            saved: t("supply.capacity.savedRows"),
            fixErrors: t("shell.common.fixErrors"),
            blankHint: t("supply.capacity.blankHint"),
          }}
        />
      ) : (
        <div className="card p-0">
          <table className="table table-stack" data-testid="capacity-table">
            <thead>
              <tr>
                <th>{t("supply.capacity.producer")}</th>
                <th className="text-right">{t("supply.capacity.produced")}</th>
                <th className="text-right">{t("supply.capacity.medical")}</th>
                <th className="text-right">{t("supply.capacity.industrial")}</th>
                <th>{t("supply.capacity.policy")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.supplierId}>
                  <td className="break-words">{r.name}</td>
                  <td className="text-right tabular-nums" data-label={t("supply.capacity.produced")}>
                    {r.figures?.produced ?? "—"}
                  </td>
                  <td className="text-right tabular-nums" data-label={t("supply.capacity.medical")}>
                    {r.figures?.medical ?? "—"}
                  </td>
                  <td className="text-right tabular-nums" data-label={t("supply.capacity.industrial")}>
                    {r.figures?.industrial ?? "—"}
                  </td>
                  <td data-label={t("supply.capacity.policy")}>
                    {r.compliance.label} {r.share}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        {writer && (
          <IntlProvider namespaces={["supply.capacity", "supply.csvErrors"]}>
            <CapacityImport action={importCapacityAction} maxBytes={MAX_CSV_BYTES} />
          </IntlProvider>
        )}
        <form method="get" action="/capacity/export" className="card space-y-3 self-start" data-testid="capacity-export">
          <h2>{t("supply.capacity.exportTitle")}</h2>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="exp-from" className="label">
                {t("supply.capacity.from")}
              </label>
              <DayInput id="exp-from" name="from" defaultValue={addDays(day, -6)} />
            </div>
            <div>
              <label htmlFor="exp-to" className="label">
                {t("supply.capacity.to")}
              </label>
              <DayInput id="exp-to" name="to" defaultValue={day} />
            </div>
          </div>
          <button type="submit" className="btn-secondary">
            {t("supply.capacity.exportSubmit")}
          </button>
        </form>
      </div>
    </>
  );
}
