import Link from "next/link";
import { Pager, SortHeader, StatusBadge } from "@/components/supply/list-controls";
import { formatDateTime } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { can } from "@/server/permissions";
import { listSuppliers, SUPPLIER_KINDS } from "@/server/queries/suppliers";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadSuppliersSearch } from "./search-params";

export default async function SuppliersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const { t, locale } = await getI18n();
  const s = t.supply;
  const list = await listSuppliers(await loadSuppliersSearch(searchParams));
  const { q, sort, dir, kind, status } = list.params;
  const params = { q, sort, dir, kind, status };
  const header = (column: string, label: string) => <SortHeader path="/suppliers" params={params} sort={sort} dir={dir} column={column} label={label} />;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{s.suppliers.title}</h1>
        {can(actor, "supplier:write") && (
          <Link href="/suppliers/new" className="btn">
            {s.suppliers.new}
          </Link>
        )}
      </div>
      <form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {s.list.search}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder={s.list.searchPlaceholder} className="input" />
        </div>
        <div>
          <label htmlFor="kind" className="label">
            {s.suppliers.kind}
          </label>
          <select id="kind" name="kind" defaultValue={kind} className="input">
            <option value="">{s.list.all}</option>
            {SUPPLIER_KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            {s.suppliers.status}
          </label>
          <select id="status" name="status" defaultValue={status} className="input">
            <option value="active">{s.suppliers.active}</option>
            <option value="inactive">{s.suppliers.inactive}</option>
            <option value="all">{s.list.all}</option>
          </select>
        </div>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="btn-secondary">
          {s.list.filter}
        </button>
      </form>
      <div className="card overflow-x-auto p-0">
        <table className="table" data-testid="suppliers-table">
          <thead>
            <tr>
              {header("name", s.suppliers.name)}
              {header("kind", s.suppliers.kind)}
              {header("region", s.suppliers.region)}
              <th className="hidden md:table-cell">{s.suppliers.contactName}</th>
              <th>{s.suppliers.status}</th>
              <SortHeader
                path="/suppliers"
                params={params}
                sort={sort}
                dir={dir}
                column="updatedAt"
                label={s.suppliers.updatedAt}
                className="hidden lg:table-cell"
              />
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/suppliers/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                  {r.isSample && <span className="ml-1 text-xs text-slate-400">({t.shell.common.sample})</span>}
                </td>
                <td>{s.kinds[r.kind]}</td>
                <td>{r.region.name}</td>
                <td className="hidden md:table-cell">
                  {r.contactName}
                  {r.contactPhone && <span className="block text-xs text-slate-500">{r.contactPhone}</span>}
                </td>
                <td>
                  {r.active ? <StatusBadge tone="green">{s.suppliers.active}</StatusBadge> : <StatusBadge tone="slate">{s.suppliers.inactive}</StatusBadge>}
                </td>
                <td className="hidden lg:table-cell text-slate-500">{formatDateTime(r.updatedAt, locale)}</td>
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={6} className="text-slate-500">
                  {s.list.empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager
        path="/suppliers"
        params={params}
        page={list.page}
        pages={list.pages}
        label={s.list.pageOf(list.page, list.pages, list.total)}
        previous={s.list.previous}
        next={s.list.next}
      />
    </>
  );
}
