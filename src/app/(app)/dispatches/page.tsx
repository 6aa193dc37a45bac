import { destinationName } from "@/components/supply/destination";
import Link from "next/link";
import { Pager, SortHeader, StatusBadge } from "@/components/supply/list-controls";
import { formatDateTime, formatNumber, formatTonnes } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { can, hospitalScope } from "@/server/permissions";
import { discrepancyCount, listDispatches } from "@/server/queries/dispatches";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadDispatchesSearch } from "./search-params";

export default async function DispatchesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("delivery:read");
  const { t, locale } = await getI18n();
  const s = t.supply.dispatches;
  const search = await loadDispatchesSearch(searchParams);
  const scope = hospitalScope(actor, "delivery:read");
  const [list, differences] = await Promise.all([listDispatches(search, scope), discrepancyCount(scope)]);
  const { q, sort, dir, diff } = list.params;
  const params = { q, sort, dir, diff };
  const { created } = search;
  const header = (column: string, label: string, className?: string) => (
    <SortHeader path="/dispatches" params={params} sort={sort} dir={dir} column={column} label={label} className={className} />
  );
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{s.title}</h1>
        {can(actor, "dispatch:write") && (
          <Link href="/dispatches/new" className="btn">
            {s.new}
          </Link>
        )}
      </div>
      {created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
          {s.created}
        </p>
      )}
      {differences > 0 && !diff && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="discrepancy-banner">
          {s.discrepancies}: <strong>{differences}</strong> ·{" "}
          <Link href="/dispatches?diff=1" className="underline">
            {s.discrepanciesOnly}
          </Link>
        </p>
      )}
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t.supply.list.search}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="diff" value="1" defaultChecked={diff === "1"} data-testid="diff-only" /> {s.discrepanciesOnly}
        </label>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="btn-secondary">
          {t.supply.list.filter}
        </button>
      </form>
      <div className="card overflow-x-auto p-0">
        <table className="table" data-testid="dispatches-table">
          <thead>
            <tr>
              {header("dispatchedAt", s.dispatchedAt)}
              {header("supplier", s.supplier, "hidden md:table-cell")}
              {header("hospital", s.hospital, "hidden sm:table-cell")}
              <th className="hidden lg:table-cell">{s.vehiclePlate}</th>
              <th className="hidden lg:table-cell">{s.counted}</th>
              {header("dispatchedKg", s.dispatchedKg, "text-right")}
              <th className="text-right">{s.receivedKg}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((d) => (
              <tr key={d.id} data-testid={`dispatch-${d.id}`} className={d.id === created ? "bg-green-50" : undefined}>
                <td className="sm:whitespace-nowrap">
                  {formatDateTime(d.dispatchedAt, locale)}
                  <span className="block font-medium sm:hidden">{destinationName(d, s.toDepot)}</span>
                  {can(actor, "audit:read") && (
                    <Link href={`/audit?entity=Delivery&id=${d.id}`} className="block text-xs text-brand-700 hover:underline sm:ml-2 sm:inline">
                      {t.supply.list.history}
                    </Link>
                  )}
                  {d.tranche && (
                    <Link href={`/pledges/${d.tranche.pledgeId}`} className="block text-xs text-slate-500 hover:underline">
                      {s.tranche}
                    </Link>
                  )}
                  {d.allocationId && <span className="block text-xs text-slate-500">{s.allocation}</span>}
                </td>
                <td className="hidden md:table-cell">{d.supplier.name}</td>
                <td className="hidden sm:table-cell">{destinationName(d, s.toDepot)}</td>
                <td className="hidden lg:table-cell whitespace-nowrap">
                  {d.vehiclePlate}
                  {d.driverName && <span className="block text-xs text-slate-500">{d.driverName}</span>}
                </td>
                <td className="hidden lg:table-cell text-xs text-slate-600">
                  {formatNumber(Number(d.dispatchedAmount), locale, 3)} × {t.supply.units[d.dispatchedUnit]}
                  {d.cylinderSizeM3 ? ` (${formatNumber(Number(d.cylinderSizeM3), locale, 2)} m³)` : ""} · {formatNumber(Number(d.kgPerUnit), locale, 3)} kg
                </td>
                <td className="text-right tabular-nums">{formatTonnes(d.dispatchedKg, locale)}</td>
                <td className="text-right tabular-nums">
                  {d.receivedKg === null ? <span className="text-xs text-slate-500">{s.awaiting}</span> : formatTonnes(d.receivedKg, locale)}
                  {d.discrepancy?.flagged && (
                    <span className="block">
                      <StatusBadge tone="red" testId="discrepancy">
                        {s.difference} {formatNumber(d.discrepancy.differenceKg, locale)} kg
                      </StatusBadge>
                    </span>
                  )}
                </td>
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={7} className="text-slate-500">
                  {diff ? s.noDiscrepancies : t.supply.list.empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        path="/dispatches"
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
