import { today as clockToday } from "@/server/clock";
import Link from "next/link";
import { Pager, SortHeader } from "@/components/supply/list-controls";
import { PledgeStatusBadge, ProgressBar } from "@/components/supply/pledge-progress";
import { formatDay, formatTonnes } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { can } from "@/server/permissions";
import { listPledges } from "@/server/queries/pledges";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadPledgesSearch } from "./search-params";

export default async function PledgesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const { t, locale } = await getI18n();
  const s = t.supply.pledges;
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
        <h1>{s.title}</h1>
        {can(actor, "pledge:write") && (
          <Link href="/pledges/new" className="btn">
            {s.new}
          </Link>
        )}
      </div>
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t.supply.list.search}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="btn-secondary">
          {t.supply.list.filter}
        </button>
      </form>
      <p className="text-xs text-slate-500">
        {s.deliveredHint} ({formatDay(today, locale)})
      </p>
      <div className="card overflow-x-auto p-0">
        <table className="table" data-testid="pledges-table">
          <thead>
            <tr>
              {header("supplier", s.supplier)}
              {header("total", s.total, "text-right")}
              {header("startsOn", s.period, "hidden md:table-cell")}
              <th className="hidden lg:table-cell">{s.earmark}</th>
              <th className="text-right">{s.dueToDate}</th>
              <th className="text-right">{s.delivered}</th>
              <th className="hidden text-right sm:table-cell">{t.supply.dispatches.dispatchedKg}</th>
              <th>{s.status}</th>
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
                <td className="text-right tabular-nums">{formatTonnes(p.totalKg, locale)}</td>
                <td className="hidden md:table-cell whitespace-nowrap">
                  {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)}
                </td>
                <td className="hidden lg:table-cell">{t.supply.earmarks[p.earmark]}</td>
                <td className="text-right tabular-nums">{formatTonnes(p.progress.dueToDateKg, locale)}</td>
                <td className="text-right tabular-nums">
                  <div>{formatTonnes(p.progress.deliveredKg, locale)}</div>
                  <ProgressBar pct={p.progress.deliveredPct} />
                </td>
                <td className="hidden text-right tabular-nums sm:table-cell" data-testid="pledge-dispatched">
                  {formatTonnes(p.dispatchedKg, locale)}
                </td>
                <td>
                  <PledgeStatusBadge status={p.progress.status} label={t.supply.status[p.progress.status]} />
                </td>
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="text-slate-500">
                  {t.supply.list.empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        path="/pledges"
        params={params}
        page={list.page}
        pages={list.pages}
        label={t.supply.list.pageOf(list.page, list.pages, list.total)}
        previous={t.supply.list.previous}
        next={t.supply.list.next}
      />
    </>
  );
}
