import { today } from "@/server/clock";
import Link from "next/link";
import { CapacityForm, type CapacityFormRow } from "@/components/supply/capacity-form";
import { CapacityImport } from "@/components/supply/capacity-import";
import { MAX_CSV_BYTES } from "@/server/limits";
import { addDays } from "@/domain/day";
import { BadDayNotice } from "@/components/forms/bad-day";
import { tonnesInput } from "@/components/supply/tonnes-input";
import { formatDay, formatPercent, formatTonnes } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { can } from "@/server/permissions";
import { capacityScreen, complianceOf, latestCapacityDayOnOrBefore, type CapacityRow } from "@/server/queries/capacity";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { importCapacityAction, saveCapacityAction } from "./actions";
import { loadCapacitySearch } from "./search-params";
import { DayPicker } from "@/components/forms/day-picker";

export default async function CapacityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const { t, locale } = await getI18n();
  const s = t.supply.capacity;
  const { day: asked, copy } = await loadCapacitySearch(searchParams);
  if (asked.error) {
    return (
      <>
        <h1>{s.title}</h1>
        <BadDayNotice param="day" raw={asked.raw} code={asked.error} errors={t.errors} href="/capacity" />
      </>
    );
  }
  const day = asked.day ?? today();
  const screen = await capacityScreen(day);
  const latest = screen.totals.rows === 0 ? await latestCapacityDayOnOrBefore(day) : null;
  const writer = can(actor, "capacity:write");
  const canAudit = can(actor, "audit:read");

  const rows: CapacityFormRow[] = screen.rows.map((r: CapacityRow) => {
    const src =
      copy && r.previous ? r.previous : r.producedKg === null ? null : { producedKg: r.producedKg, medicalKg: r.medicalKg!, industrialKg: r.industrialKg! };
    const c = complianceOf(r, day);
    return {
      supplierId: r.supplierId,
      name: r.name,
      region: r.region,
      produced: tonnesInput(src?.producedKg, locale),
      medical: tonnesInput(src?.medicalKg, locale),
      industrial: tonnesInput(src?.industrialKg, locale),
      share: c.share === null ? "" : formatPercent(c.share, locale),
      historyHref: r.capacityId && canAudit ? `/audit?entity=DailyCapacity&id=${r.capacityId}` : undefined,
      compliance: {
        tone: c.status === "meets" ? "green" : c.status === "below" ? "red" : "slate",
        label:
          c.status === "meets"
            ? `${s.meets} (≥ ${c.requiredPct}%)`
            : c.status === "below"
              ? `${s.below} (${c.requiredPct}%)`
              : c.status === "no_policy"
                ? s.noPolicy
                : s.notEntered,
      },
    };
  });
  const gap = screen.shortfallKg;
  const dayLink = (d: string) => `/capacity?day=${d}`;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1>{s.title}</h1>
          <p className="text-sm text-slate-600">{s.intro}</p>
        </div>
        <DayPicker day={day} label={s.day} submit={s.show} />
      </div>
      <nav className="flex flex-wrap items-center gap-3 text-sm">
        <Link href={dayLink(addDays(day, -1))} className="text-brand-700 hover:underline">
          ← {s.prevDay}
        </Link>
        <strong data-testid="capacity-day">{formatDay(day, locale)}</strong>
        <Link href={dayLink(addDays(day, 1))} className="text-brand-700 hover:underline">
          {s.nextDay} →
        </Link>
        {writer && (
          <Link href={`/capacity?day=${day}&copy=1`} className="btn-secondary ml-auto" data-testid="copy-yesterday">
            {s.copyYesterday}
          </Link>
        )}
        {latest && latest !== day && (
          <Link href={dayLink(latest)} className="text-brand-700 hover:underline">
            {formatDay(latest, locale)}
          </Link>
        )}
      </nav>
      {copy && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="copied">
          {s.copied}
        </p>
      )}

      <section className="grid gap-3 sm:grid-cols-3" aria-label={s.total}>
        <div className="card">
          <p className="text-sm text-slate-500">{s.total}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="capacity-total">
            {formatTonnes(screen.totals.producedKg, locale)}
          </p>
          <p className="text-xs text-slate-500">
            {s.medicalWord} {formatTonnes(screen.totals.medicalKg, locale)} · {s.industrialWord} {formatTonnes(screen.totals.industrialKg, locale)}
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-500">{s.target}</p>
          <p className="text-2xl font-semibold tabular-nums">{screen.targetKg === null ? "—" : formatTonnes(screen.targetKg, locale)}</p>
          {gap !== null && (
            <p className="text-xs text-slate-500">
              {s.gap} {formatTonnes(gap, locale)}
            </p>
          )}
        </div>
        <div className="card">
          <p className="text-sm text-slate-500">{s.policy}</p>
          <p className="text-sm" data-testid="policy-in-force">
            {screen.provincePolicy === null ? s.noPeriod : s.minShare(screen.provincePolicy.minMedicalSharePct)}
          </p>
        </div>
      </section>

      {rows.length === 0 ? (
        <p className="card text-sm text-slate-500">{s.noProducers}</p>
      ) : writer ? (
        <CapacityForm
          key={`${day}-${copy}`}
          action={saveCapacityAction}
          day={day}
          rows={rows}
          errors={t.errors}
          s={{
            history: t.supply.list.history,
            producer: s.producer,
            produced: s.produced,
            medical: s.medical,
            industrial: s.industrial,
            medicalShare: s.medicalShare,
            policy: s.policy,
            save: s.save,
            saved: t.shell.common.saved,
            fixErrors: t.shell.common.fixErrors,
            blankHint: s.blankHint,
          }}
        />
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table">
            <thead>
              <tr>
                <th>{s.producer}</th>
                <th className="text-right">{s.produced}</th>
                <th className="text-right">{s.medical}</th>
                <th className="text-right">{s.industrial}</th>
                <th>{s.policy}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.supplierId}>
                  <td>{r.name}</td>
                  <td className="text-right">{r.produced}</td>
                  <td className="text-right">{r.medical}</td>
                  <td className="text-right">{r.industrial}</td>
                  <td>
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
          <CapacityImport
            action={importCapacityAction}
            csvErrors={t.supply.csvErrors}
            maxBytes={MAX_CSV_BYTES}
            s={{
              importTitle: s.importTitle,
              importHint: s.importHint,
              importFile: s.importFile,
              importText: s.importText,
              importSubmit: s.importSubmit,
              importErrors: s.importErrors,
              line: s.line,
              imported: s.imported(-1).replace("-1", "{n}"),
            }}
          />
        )}
        <form method="get" action="/capacity/export" className="card space-y-3 self-start" data-testid="capacity-export">
          <h2>{s.exportTitle}</h2>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="exp-from" className="label">
                {s.from}
              </label>
              <input id="exp-from" name="from" type="date" defaultValue={addDays(day, -6)} className="input" />
            </div>
            <div>
              <label htmlFor="exp-to" className="label">
                {s.to}
              </label>
              <input id="exp-to" name="to" type="date" defaultValue={day} className="input" />
            </div>
          </div>
          <button type="submit" className="btn-secondary">
            {s.exportSubmit}
          </button>
        </form>
      </div>
    </>
  );
}
