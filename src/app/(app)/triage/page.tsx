import { randomUUID } from "node:crypto";
import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { BadDayNotice } from "@/components/forms/bad-day";
import { loadTriageSearch } from "./search-params";
import { comparePriority } from "@/domain/recommender";
import { AllocationForm, type AllocationRow } from "@/components/hospital/allocation-form";
import { StatusBadge, UrgencyBadge } from "@/components/hospital/status-badge";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { reasonText } from "@/components/hospital/texts";
import { formatDateTime, formatNumber, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import { can } from "@/server/permissions";
import { defaultSupplyDay } from "@/server/queries/allocations";
import { cachedRecommendationFor, cachedTriageBoard } from "@/server/queries/cached";
import type { TriageCard } from "@/server/queries/requests";
import { requireActor } from "@/server/session";
import { acceptProposalAction } from "../requests/actions";
import { DayPicker } from "@/components/forms/day-picker";
import { tonnesInput } from "@/components/supply/tonnes-input";

/**
 * Lines of the proposal form on the page, those of the most urgent requests first. Nationally
 * the proposal has thousands of lines (a 1.8 MB page no one can review); once these are saved
 * the recommender proposes the next ones from what is left.
 */
const FORM_LINES = 100;

export default async function TriagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("request:decide");
  const t = await getTranslations();
  const locale = await getLocale();
  const { day: asked } = await loadTriageSearch(searchParams);
  if (asked.error) return <BadDayNotice param="day" raw={asked.raw} code={asked.error} href="/triage" />;
  const day = asked.day ?? (await defaultSupplyDay());
  // Cached (src/server/queries/cached.ts); the hospitals' supply is computed once and shared by
  // the board and the recommender.
  const [board, rec] = await Promise.all([cachedTriageBoard(), can(actor, "allocation:write") ? cachedRecommendationFor(day) : Promise.resolve(null)]);

  const rows: AllocationRow[] = [];
  if (rec) {
    const hospitalOf = new Map(rec.requests.map((r) => [r.requestId, r.hospitalName]));
    const sourceOf = new Map(rec.sources.map((s) => [s.sourceId, s]));
    const rank = new Map([...rec.requests].sort(comparePriority).map((r, i) => [r.requestId, i]));
    const lines = [...rec.recommendation.lines].sort((x, y) => rank.get(x.requestId)! - rank.get(y.requestId)!).slice(0, FORM_LINES);
    for (const l of lines) {
      const s = sourceOf.get(l.sourceId)!;
      rows.push({
        requestId: l.requestId,
        sourceId: l.sourceId,
        title: `${hospitalOf.get(l.requestId)} ← ${s.label}`,
        detail: s.kind === "supply" ? t("hospital.allocation.supply") : t("hospital.allocation.pledge"),
        free: formatTonnes(s.freeKg, locale),
        tonnes: tonnesInput(l.kg, locale),
        reason: l.reason.text,
        reasonShown: reasonText(l.reason, t, locale),
      });
    }
  }

  // every card's hours are projected to the same moment: said once, above the board
  const supplyAsOf = board.columns.flatMap((c) => c.cards).find((c) => c.supply)?.supply?.asOf ?? null;

  // the form holds only the first FORM_LINES lines of the proposal
  const cut = rec !== null && rec.recommendation.lines.length > rows.length;

  return (
    <>
      <h1>{t("hospital.triage.title")}</h1>
      <p className="text-sm text-slate-600">{t("hospital.triage.intro")}</p>
      {supplyAsOf && (
        <p className="text-xs text-slate-600" data-testid="triage-as-of">
          {t("hospital.supply.asOf", { t: formatDateTime(supplyAsOf, locale) })}
        </p>
      )}
      {board.columns.every((c) => c.total === 0) && (
        <p className="card text-sm text-slate-600" data-testid="empty-state">
          {t("feedback.empty.triage")}
        </p>
      )}
      <div className="grid gap-3 md:grid-cols-3 xl:grid-cols-5" data-testid="triage-board">
        {board.columns.map((col) => (
          <section
            key={col.status}
            className="space-y-2 rounded-lg bg-slate-100 p-2"
            data-testid={`column-${col.status}`}
            aria-label={t(`hospital.status.${col.status}`)}
          >
            <h2 className="flex items-center justify-between px-1 text-base">
              {t(`hospital.status.${col.status}`)} <span className="text-sm font-normal text-slate-700">{col.total}</span>
            </h2>
            {col.cards.length === 0 && <p className="px-1 text-sm text-slate-500">{t("hospital.triage.empty")}</p>}
            {col.cards.map((c) => (
              <Card key={c.id} c={c} t={t} locale={locale} />
            ))}
            {col.total > col.cards.length && (
              <p className="px-1 text-sm text-slate-500" data-testid="column-more">
                +{col.total - col.cards.length}
              </p>
            )}
          </section>
        ))}
      </div>
      <details className="card">
        <summary className="cursor-pointer font-semibold">
          {t("hospital.triage.aside")} ({board.aside.length})
        </summary>
        <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="aside">
          {board.aside.map((c) => (
            <Card key={c.id} c={c} t={t} locale={locale} />
          ))}
        </div>
      </details>

      {rec && (
        <section className="space-y-3" data-testid="proposal">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2>{t("hospital.allocation.recommendation")}</h2>
            <DayPicker day={day} label={t("hospital.allocation.day")} submit={t("hospital.allocation.show")} />
          </div>
          <p className="text-sm text-slate-600">{t("hospital.allocation.recommendationIntro")}</p>
          {rec.recommendation.summary.isShortage && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">{t("hospital.allocation.shortage")}</p>}
          {cut && (
            <p className="text-sm text-slate-600" data-testid="proposal-top">
              {t("hospital.allocation.proposalTop", { shown: formatNumber(rows.length, locale), total: formatNumber(rec.recommendation.lines.length, locale) })}
            </p>
          )}
          {rows.length === 0 ? (
            <p className="text-sm text-slate-500">{t("hospital.allocation.proposalEmpty")}</p>
          ) : (
            <AllocationForm
              action={acceptProposalAction}
              rows={rows}
              day={day}
              formKey={randomUUID()}
              testId="proposal-form"
              s={{
                source: `${t("hospital.allocation.request")} ← ${t("hospital.allocation.source")}`,
                free: t("hospital.allocation.free"),
                kg: t("hospital.allocation.kg"),
                reason: t("hospital.allocation.reason"),
                submit: cut ? t("hospital.allocation.acceptShown") : t("hospital.allocation.acceptAll"),
                saved: t("hospital.allocation.saved"),
                fixErrors: t("shell.common.fixErrors"),
              }}
            />
          )}
        </section>
      )}
    </>
  );
}

function Card({ c, t, locale }: { c: TriageCard; t: Translator; locale: Locale }) {
  return (
    <Link
      href={`/requests/${c.id}`}
      className="block rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm hover:border-brand-600"
      data-testid="triage-card"
    >
      <div className="flex items-start justify-between gap-2">
        <span className="font-medium">{c.hospital.name}</span>
        <UrgencyBadge urgency={c.urgency} t={t} />
      </div>
      <div className="mt-1 tabular-nums text-slate-700">
        {formatTonnes(c.requestedKg, locale)}
        {c.approvedKg !== null && c.approvedKg !== c.requestedKg && <> → {formatTonnes(c.approvedKg, locale)}</>}
        {c.allocatedKg > 0 && (
          <span className="text-slate-500">
            {" "}
            · {t("hospital.requests.allocated")} {formatTonnes(c.allocatedKg, locale)}
          </span>
        )}
      </div>
      <div className="mt-1">
        <SupplyBadge supply={c.supply} t={t} locale={locale} withAsOf={false} />
      </div>
      <div className="mt-1 flex items-center justify-between text-xs text-slate-500">
        <span>{formatDateTime(c.createdAt, locale)}</span>
        {(c.status === "REJECTED" || c.status === "CANCELLED" || c.status === "CLOSED_SHORT") && <StatusBadge status={c.status} t={t} />}
      </div>
    </Link>
  );
}
