import { Pager } from "@/components/supply/list-controls";
import { formatDateTime } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { ACCOUNT_ENTITIES, auditEvents, AUDITED_ENTITIES, changedFields, readableEntities } from "@/server/queries/audit";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadAuditSearch } from "./search-params";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("audit:read");
  const { t, locale } = await getI18n();
  const s = t.supply.audit;
  const list = await auditEvents(actor, await loadAuditSearch(searchParams));
  const entities = readableEntities(actor) === "all" ? [...AUDITED_ENTITIES, ...ACCOUNT_ENTITIES] : AUDITED_ENTITIES;
  const { entity, id } = list.params;
  return (
    <>
      <h1>{s.title}</h1>
      {entity && id ? (
        <p className="text-sm text-slate-600" data-testid="audit-subject">
          {s.of(entity, id)}
        </p>
      ) : null}
      <form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="entity" className="label">
            {s.entity}
          </label>
          <select id="entity" name="entity" defaultValue={entity} className="input">
            <option value="">{t.supply.list.all}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="id" className="label">
            ID
          </label>
          <input id="id" name="id" defaultValue={id} className="input" />
        </div>
        <button type="submit" className="btn-secondary">
          {t.supply.list.filter}
        </button>
      </form>
      <ol className="space-y-3" data-testid="audit-events">
        {list.rows.map((e) => {
          const diff = changedFields(e.before, e.after);
          return (
            <li key={e.id} className="card space-y-2">
              <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                <span className="font-medium">{e.action}</span>
                <span className="text-slate-600">{formatDateTime(e.at, locale)}</span>
                <span className="text-slate-600">
                  {s.actor}: {e.actor ? `${e.actor.name} (${e.actor.email})` : s.system}
                </span>
                {!id && (
                  <span className="text-slate-500">
                    {e.entity} {e.entityId}
                  </span>
                )}
              </div>
              {diff.length > 0 && (
                <div className="overflow-x-auto">
                  <table className="table text-xs">
                    <thead>
                      <tr>
                        <th>{s.field}</th>
                        <th>{s.before}</th>
                        <th>{s.after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.map((d) => (
                        <tr key={d.field}>
                          <td className="font-mono">{d.field}</td>
                          <td className="break-all text-red-800">{d.before}</td>
                          <td className="break-all text-green-800">{d.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          );
        })}
        {list.rows.length === 0 && <li className="card text-sm text-slate-500">{t.supply.list.empty}</li>}
      </ol>
      <Pager
        path="/audit"
        params={{ entity, id }}
        page={list.page}
        pages={list.pages}
        label={t.supply.list.pageOf(list.page, list.pages, list.total)}
        previous={t.supply.list.previous}
        next={t.supply.list.next}
      />
    </>
  );
}
