import { today as clockToday } from "@/server/clock";
import Link from "next/link";
import { EmptyState } from "@/components/lists/empty-state";
import { Pager, SortHeader } from "@/components/supply/list-controls";
import { PledgeStatusBadge, ProgressBar } from "@/components/supply/pledge-progress";
import { formatDay, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { listPledges } from "@/server/queries/pledges";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadPledgesSearch } from "./search-params";

export default async function PledgesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const today = clockToday();
  const list = await listPledges(await loadPledgesSearch(searchParams), today);
  const { q, sort, dir } = list.params;
  const params = { q, sort, dir };
  const header = (column: string, label: string, className?: string) => (
    <SortHeader path="/pledges" params={params} sort={sort} dir={dir} column={column} label={label} className={className} />
  );
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("supply.pledges.title")}</h1>
        {can(actor, "pledge:write") && (
          <Link href="/pledges/new" className="btn">
            {t("supply.pledges.new")}
          </Link>
        )}
      </div>
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("supply.list.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="btn-secondary">
          {t("supply.list.filter")}
        </button>
      </form>
      <p className="text-xs text-slate-500">
        {t("supply.pledges.deliveredHint")} ({formatDay(today, locale)})
      </p>
      <div className="card p-0">
        <table className="table table-stack" data-testid="pledges-table">
          <thead>
            <tr>
              {header("supplier", t("supply.pledges.supplier"))}
              {header("total", t("supply.pledges.total"), "text-right")}
              {header("startsOn", t("supply.pledges.period"), "hidden md:table-cell")}
              <th className="hidden lg:table-cell">{t("supply.pledges.earmark")}</th>
              <th className="text-right">{t("supply.pledges.dueToDate")}</th>
              <th className="text-right">{t("supply.pledges.delivered")}</th>
              <th className="hidden text-right sm:table-cell">{t("supply.dispatches.dispatchedKg")}</th>
              <th>{t("supply.pledges.status")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((p) => (
              <tr key={p.id} data-testid={`pledge-${p.id}`}>
                <td>
                  <Link href={`/pledges/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.supplier}
                  </Link>
                </td>
                <td className="text-right tabular-nums" data-label={t("supply.pledges.total")}>
                  {formatTonnes(p.totalKg, locale)}
                </td>
                <td className="hidden whitespace-nowrap md:table-cell" data-label={t("supply.pledges.period")}>
                  {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)}
                </td>
                <td className="hidden lg:table-cell" data-label={t("supply.pledges.earmark")}>
                  {t(`supply.earmarks.${p.earmark}`)}
                </td>
                <td className="text-right tabular-nums" data-label={t("supply.pledges.dueToDate")}>
                  {formatTonnes(p.progress.dueToDateKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("supply.pledges.delivered")}>
                  <div className="min-w-20">
                    <div>{formatTonnes(p.progress.deliveredKg, locale)}</div>
                    <ProgressBar pct={p.progress.deliveredPct} />
                  </div>
                </td>
                <td className="hidden text-right tabular-nums sm:table-cell" data-label={t("supply.dispatches.dispatchedKg")} data-testid="pledge-dispatched">
                  {formatTonnes(p.dispatchedKg, locale)}
                </td>
                <td data-label={t("supply.pledges.status")}>
                  <PledgeStatusBadge status={p.progress.status} label={t(`supply.status.${p.progress.status}`)} />
                </td>
              </tr>
            ))}
            {list.rows.length === 0 &&
              (q ? (
                <EmptyState colSpan={8} text={t("feedback.empty.filtered")} action={{ href: "/pledges", label: t("feedback.empty.clearFilter") }} />
              ) : can(actor, "pledge:write") ? (
                <EmptyState colSpan={8} text={t("feedback.empty.pledges")} action={{ href: "/pledges/new", label: t("feedback.empty.newPledge") }} />
              ) : (
                <EmptyState colSpan={8} text={t("feedback.empty.pledgesRead")} />
              ))}
          </tbody>
        </table>
      </div>
      <Pager
        path="/pledges"
        params={params}
        page={list.page}
        pages={list.pages}
        label={t("supply.list.pageOf", { page: list.page, pages: list.pages, total: list.total })}
        previous={t("supply.list.previous")}
        next={t("supply.list.next")}
      />
    </>
  );
}
