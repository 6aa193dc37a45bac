import Link from "next/link";
import { auditLine, type LinkKind } from "@/components/audit/audit-sentence";
import { Pager } from "@/components/supply/list-controls";
import { asLocale } from "@/i18n/locales";
import { getLocale, getTranslations } from "next-intl/server";
import { can, type Action, type Actor } from "@/server/permissions";
import { ACCOUNT_ENTITIES, auditEvents, auditNames, AUDITED_ENTITIES, readableEntities } from "@/server/queries/audit";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { loadAuditSearch } from "./search-params";

/** The page a link opens, and what the reader must be allowed to open it. */
const LINK_ACTION: Record<LinkKind, Action> = {
  hospital: "hospital:read",
  request: "request:read",
  supplier: "supplier:read",
  pledge: "supplier:read",
  capacity: "supplier:read",
  policy: "policy:write",
  forecast: "forecast:read",
  users: "user:manage",
  tokens: "token:manage",
  alerts: "alert:read",
  trip: "trip:read",
};

const mayOpen = (actor: Actor, kind: LinkKind) => can(actor, LINK_ACTION[kind]);

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("audit:read");
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const list = await auditEvents(actor, await loadAuditSearch(searchParams));
  const names = await auditNames(list.rows);
  const entities = readableEntities(actor) === "all" ? [...AUDITED_ENTITIES, ...ACCOUNT_ENTITIES, "Alert"] : AUDITED_ENTITIES;
  const { entity, id } = list.params;
  const lines = list.rows.map((e) => ({
    id: e.id,
    entity: e.entity,
    entityId: e.entityId,
    ...auditLine({ ...e, actor: e.actor ? { name: e.actor.name, role: e.actor.role } : null }, names, t, locale),
  }));
  const entityLabel = (e: string) => {
    const key = `audit.entities.${e}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : e;
  };
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="text-sm text-slate-600">{t("audit.intro")}</p>
      {entity && id ? (
        <p className="flex flex-wrap items-baseline gap-x-3 text-sm" data-testid="audit-subject">
          <span className="font-medium">{t("audit.of", { subject: lines[0]?.subject ?? entityLabel(entity) })}</span>
          <Link href="/audit" className="text-brand-700 hover:underline">
            {t("audit.showAll")}
          </Link>
        </p>
      ) : (
        <form method="get" className="card flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1 sm:flex-none">
            <label htmlFor="entity" className="label">
              {t("audit.entity")}
            </label>
            <select id="entity" name="entity" defaultValue={entity} className="input">
              <option value="">{t("audit.allEntities")}</option>
              {entities.map((e) => (
                <option key={e} value={e}>
                  {entityLabel(e)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t("audit.filter")}
          </button>
        </form>
      )}
      <ol className="space-y-3" data-testid="audit-events">
        {lines.map((e) => (
          <li key={e.id} className="card space-y-2" data-testid="audit-event">
            <p className="text-sm">{e.sentence}</p>
            {e.changes.length > 0 && (
              <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,max-content)_1fr]" aria-label={t("audit.changes")}>
                {e.changes.map((c) => (
                  <div key={c.field} className="contents" data-testid="audit-change">
                    <dt className="text-slate-600">{c.label}</dt>
                    <dd className="mb-1 break-words sm:mb-0">
                      <span className="text-red-800 line-through decoration-red-300">
                        <span className="sr-only">{t("audit.before")}: </span>
                        {c.before}
                      </span>
                      <span aria-hidden="true"> → </span>
                      <span className="text-green-800">
                        <span className="sr-only">{t("audit.after")}: </span>
                        {c.after}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {e.links
                .filter((l) => mayOpen(actor, l.kind))
                .map((l) => (
                  <Link key={l.kind} href={l.href} className="text-brand-700 hover:underline">
                    {l.label}
                  </Link>
                ))}
              {!id && (
                <Link href={`/audit?entity=${e.entity}&id=${encodeURIComponent(e.entityId)}`} className="text-slate-600 hover:underline">
                  {t("audit.links.history")}
                </Link>
              )}
            </p>
          </li>
        ))}
        {lines.length === 0 && <li className="card text-sm text-slate-500">{t("audit.empty")}</li>}
      </ol>
      <Pager
        path="/audit"
        params={{ entity, id }}
        page={list.page}
        pages={list.pages}
        label={t("supply.list.pageOf", { page: list.page, pages: list.pages, total: list.total })}
        previous={t("supply.list.previous")}
        next={t("supply.list.next")}
      />
    </>
  );
}
