import Link from "next/link";
import { EmptyState } from "@/components/lists/empty-state";
import { Pager, SortHeader, StatusBadge } from "@/components/supply/list-controls";
import { formatDateTime } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { listSuppliers, SUPPLIER_KINDS } from "@/server/queries/suppliers";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadSuppliersSearch } from "./search-params";

export default async function SuppliersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const list = await listSuppliers(await loadSuppliersSearch(searchParams));
  const { q, sort, dir, kind, status } = list.params;
  const params = { q, sort, dir, kind, status };
  const header = (column: string, label: string) => <SortHeader path="/suppliers" params={params} sort={sort} dir={dir} column={column} label={label} />;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("supply.suppliers.title")}</h1>
        {can(actor, "supplier:write") && (
          <Link href="/suppliers/new" className="btn">
            {t("supply.suppliers.new")}
          </Link>
        )}
      </div>
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("supply.list.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder={t("supply.list.searchPlaceholder")} className="input" />
        </div>
        <div>
          <label htmlFor="kind" className="label">
            {t("supply.suppliers.kind")}
          </label>
          <select id="kind" name="kind" defaultValue={kind} className="input">
            <option value="">{t("supply.list.all")}</option>
            {SUPPLIER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`supply.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            {t("supply.suppliers.status")}
          </label>
          <select id="status" name="status" defaultValue={status} className="input">
            <option value="active">{t("supply.suppliers.active")}</option>
            <option value="inactive">{t("supply.suppliers.inactive")}</option>
            <option value="all">{t("supply.list.all")}</option>
          </select>
        </div>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="btn-secondary">
          {t("supply.list.filter")}
        </button>
      </form>
      <div className="card p-0">
        <table className="table table-stack" data-testid="suppliers-table">
          <thead>
            <tr>
              {header("name", t("supply.suppliers.name"))}
              {header("kind", t("supply.suppliers.kind"))}
              {header("region", t("supply.suppliers.region"))}
              <th className="hidden md:table-cell">{t("supply.suppliers.contactName")}</th>
              <th>{t("supply.suppliers.status")}</th>
              <SortHeader
                path="/suppliers"
                params={params}
                sort={sort}
                dir={dir}
                column="updatedAt"
                label={t("supply.suppliers.updatedAt")}
                className="hidden lg:table-cell"
              />
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td className="break-words">
                  <Link href={`/suppliers/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                  {r.isSample && <span className="ml-1 text-xs text-slate-600">({t("shell.common.sample")})</span>}
                </td>
                <td data-label={t("supply.suppliers.kind")}>{t(`supply.kinds.${r.kind}`)}</td>
                <td data-label={t("supply.suppliers.region")}>{r.region.name}</td>
                <td className="hidden md:table-cell" data-label={t("supply.suppliers.contactName")}>
                  <div>
                    {r.contactName}
                    {r.contactPhone && <span className="block text-xs text-slate-500">{r.contactPhone}</span>}
                  </div>
                </td>
                <td data-label={t("supply.suppliers.status")}>
                  {r.active ? (
                    <StatusBadge tone="green">{t("supply.suppliers.active")}</StatusBadge>
                  ) : (
                    <StatusBadge tone="slate">{t("supply.suppliers.inactive")}</StatusBadge>
                  )}
                </td>
                <td className="hidden text-slate-500 lg:table-cell" data-label={t("supply.suppliers.updatedAt")}>
                  {formatDateTime(r.updatedAt, locale)}
                </td>
              </tr>
            ))}
            {list.rows.length === 0 &&
              (q || kind || status !== "active" ? (
                <EmptyState
                  colSpan={6}
                  text={t("feedback.empty.filtered")}
                  action={{ href: "/suppliers?status=all", label: t("feedback.empty.clearFilter") }}
                />
              ) : can(actor, "supplier:write") ? (
                <EmptyState colSpan={6} text={t("feedback.empty.suppliers")} action={{ href: "/suppliers/new", label: t("feedback.empty.newSupplier") }} />
              ) : (
                <EmptyState colSpan={6} text={t("feedback.empty.suppliersRead")} />
              ))}
          </tbody>
        </table>
      </div>
      <Pager
        path="/suppliers"
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
