import { destinationName } from "@/components/supply/destination";
import Link from "next/link";
import { EmptyState } from "@/components/lists/empty-state";
import { Pager, SortHeader, StatusBadge } from "@/components/supply/list-controls";
import { formatDateTime, formatNumber, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can, hospitalScope } from "@/server/permissions";
import { discrepancyCount, listDispatches } from "@/server/queries/dispatches";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadDispatchesSearch } from "./search-params";

export default async function DispatchesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("delivery:read");
  const t = await getTranslations("supply");
  const empty = await getTranslations("feedback.empty");
  const locale = await getLocale();
  const search = await loadDispatchesSearch(searchParams);
  const scope = hospitalScope(actor, "delivery:read");
  const [list, differences] = await Promise.all([listDispatches(search, scope), discrepancyCount(scope)]);
  // a hospital admin reads its deliveries, not the trip board's pages
  const mayReadTrips = can(actor, "trip:read");
  const { q, sort, dir, diff } = list.params;
  const params = { q, sort, dir, diff };
  const { created } = search;
  const header = (column: string, label: string, className?: string) => (
    <SortHeader path="/dispatches" params={params} sort={sort} dir={dir} column={column} label={label} className={className} />
  );
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("dispatches.title")}</h1>
        {can(actor, "dispatch:write") && (
          <Link href="/dispatches/new" className="btn">
            {t("dispatches.new")}
          </Link>
        )}
      </div>
      {created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
          {t("dispatches.created")}
        </p>
      )}
      {differences > 0 && !diff && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="discrepancy-banner">
          {t("dispatches.discrepancies")}: <strong>{differences}</strong> ·{" "}
          <Link href="/dispatches?diff=1" className="underline">
            {t("dispatches.discrepanciesOnly")}
          </Link>
        </p>
      )}
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("list.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="diff" value="1" defaultChecked={diff === "1"} data-testid="diff-only" /> {t("dispatches.discrepanciesOnly")}
        </label>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="btn-secondary">
          {t("list.filter")}
        </button>
      </form>
      <div className="card p-0">
        <table className="table table-stack" data-testid="dispatches-table">
          <thead>
            <tr>
              {header("dispatchedAt", t("dispatches.dispatchedAt"))}
              {header("supplier", t("dispatches.supplier"), "hidden md:table-cell")}
              {header("hospital", t("dispatches.hospital"), "hidden sm:table-cell")}
              <th className="hidden lg:table-cell">{t("dispatches.vehiclePlate")}</th>
              <th className="hidden lg:table-cell">{t("dispatches.counted")}</th>
              {header("dispatchedKg", t("dispatches.dispatchedKg"), "text-right")}
              <th className="text-right">{t("dispatches.receivedKg")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((d) => (
              <tr key={d.id} data-testid={`dispatch-${d.id}`} className={d.id === created ? "bg-green-50" : undefined}>
                <td className="sm:whitespace-nowrap">
                  {formatDateTime(d.dispatchedAt, locale)}
                  {can(actor, "audit:read") && (
                    <Link href={`/audit?entity=Delivery&id=${d.id}`} className="block text-xs text-brand-700 hover:underline sm:ml-2 sm:inline">
                      {t("list.history")}
                    </Link>
                  )}
                  {d.tranche && (
                    <Link href={`/pledges/${d.tranche.pledgeId}`} className="block text-xs text-slate-500 hover:underline">
                      {t("dispatches.tranche")}
                    </Link>
                  )}
                  {d.allocationId && <span className="block text-xs text-slate-500">{t("dispatches.allocation")}</span>}
                  {d.tripId && mayReadTrips && (
                    <Link href={`/trips/${d.tripId}`} className="block text-xs text-brand-700 hover:underline" data-testid="dispatch-trip">
                      {t("dispatches.trip")}
                    </Link>
                  )}
                </td>
                <td className="hidden md:table-cell" data-label={t("dispatches.supplier")}>
                  {d.supplier.name}
                </td>
                <td className="hidden sm:table-cell" data-label={t("dispatches.hospital")}>
                  {destinationName(d, (name) => t("dispatches.toDepot", { name }))}
                </td>
                <td className="hidden whitespace-nowrap lg:table-cell" data-label={t("dispatches.vehiclePlate")}>
                  <div>
                    {d.vehiclePlate}
                    {d.driverName && <span className="block text-xs text-slate-500">{d.driverName}</span>}
                  </div>
                </td>
                <td className="stack-omit hidden text-xs text-slate-600 lg:table-cell" data-label={t("dispatches.counted")}>
                  <div>
                    {formatNumber(Number(d.dispatchedAmount), locale, 3)} × {t(`units.${d.dispatchedUnit}`)}
                    {d.cylinderSizeM3 ? ` (${formatNumber(Number(d.cylinderSizeM3), locale, 2)} m³)` : ""} · {formatNumber(Number(d.kgPerUnit), locale, 3)} kg
                  </div>
                </td>
                <td className="text-right tabular-nums" data-label={t("dispatches.dispatchedKg")}>
                  {formatTonnes(d.dispatchedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("dispatches.receivedKg")}>
                  <div>
                    {d.receivedKg === null ? <span className="text-xs text-slate-500">{t("dispatches.awaiting")}</span> : formatTonnes(d.receivedKg, locale)}
                    {d.discrepancy?.flagged && (
                      <span className="block">
                        <StatusBadge tone="red" testId="discrepancy">
                          {t("dispatches.difference")} {formatNumber(d.discrepancy.differenceKg, locale)} kg
                        </StatusBadge>
                      </span>
                    )}
                  </div>
                </td>
              </tr>
            ))}
            {list.rows.length === 0 &&
              (diff ? (
                <EmptyState colSpan={7} text={t("dispatches.noDiscrepancies")} action={{ href: "/dispatches", label: empty("clearFilter") }} />
              ) : q ? (
                <EmptyState colSpan={7} text={empty("filtered")} action={{ href: "/dispatches", label: empty("clearFilter") }} />
              ) : can(actor, "dispatch:write") ? (
                <EmptyState colSpan={7} text={empty("dispatches")} action={{ href: "/dispatches/new", label: empty("newDispatch") }} />
              ) : (
                <EmptyState colSpan={7} text={empty(actor.role === "HOSPITAL" ? "dispatchesHospital" : "dispatchesRead")} />
              ))}
          </tbody>
        </table>
      </div>
      <Pager
        path="/dispatches"
        params={params}
        page={list.page}
        pages={list.pages}
        label={t("list.pageOf", { page: list.page, pages: list.pages, total: list.total })}
        previous={t("list.previous")}
        next={t("list.next")}
      />
    </>
  );
}
