import type { SearchParams } from "nuqs/server";
import { today } from "@/server/clock";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { dateToDay } from "@/domain/day";
import { RequestForm } from "@/components/hospital/request-form";
import { StatusBadge, UrgencyBadge } from "@/components/hospital/status-badge";
import { formatDateTime, formatDay, formatTonnes } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { can } from "@/server/permissions";
import { listRequests, REQUEST_STATUSES } from "@/server/queries/requests";
import { requireActor } from "@/server/session";
import { createRequestAction } from "./actions";
import { loadRequestsSearch } from "./search-params";

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("request:read");
  const { t, locale } = await getI18n();
  const r = t.hospital.requests;
  const { status } = await loadRequestsSearch(searchParams);
  const requests = await listRequests(actor, { status: status ?? undefined });
  const mayCreate = can(actor, "request:create");
  const own = actor.role === "HOSPITAL";
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{own ? r.mine : r.all}</h1>
        {can(actor, "request:decide") && (
          <Link href="/triage" className="btn-secondary">
            {t.hospital.triage.title}
          </Link>
        )}
      </div>
      {mayCreate && (
        <section className="space-y-2">
          <h2>{r.new}</h2>
          <RequestForm
            action={createRequestAction}
            errors={t.errors}
            idempotencyKey={randomUUID()}
            minDay={today()}
            locale={locale}
            s={{
              confirmUnusual: t.hospital.receipts.confirmUnusual,
              interpreted: t.hospital.receipts.interpreted("{amount}"),
              limit: t.hospital.receipts.limit("{amount}"),
              tonnes: r.tonnes,
              neededBy: r.neededBy,
              urgency: r.urgency,
              reason: r.reason,
              reasonHint: r.reasonHint,
              submit: r.submit,
              saved: r.created,
              fixErrors: t.shell.common.fixErrors,
              urgencies: t.hospital.urgency,
            }}
          />
        </section>
      )}
      <form className="flex flex-wrap items-end gap-2" method="get">
        <div>
          <label htmlFor="status" className="label">
            {r.filterStatus}
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className="input">
            <option value="">{r.all_}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.hospital.status[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t.supply.list.filter}
        </button>
      </form>
      <div className="card overflow-x-auto p-0">
        <table className="table" data-testid="requests-table">
          <thead>
            <tr>
              <th>{r.createdAt}</th>
              {!own && <th>{r.hospital}</th>}
              <th>{r.urgency}</th>
              <th className="text-right">{r.requested}</th>
              <th className="text-right">{r.approved}</th>
              <th className="text-right">{r.allocated}</th>
              <th className="text-right">{r.received}</th>
              <th>{r.neededBy}</th>
              <th>{r.status}</th>
            </tr>
          </thead>
          <tbody>
            {requests.length === 0 && (
              <tr>
                <td colSpan={9} className="text-slate-500">
                  {r.empty}
                </td>
              </tr>
            )}
            {requests.map((x) => (
              <tr key={x.id}>
                <td className="whitespace-nowrap">
                  <Link href={`/requests/${x.id}`} className="text-brand-700 hover:underline">
                    {formatDateTime(x.createdAt, locale)}
                  </Link>
                </td>
                {!own && <td>{x.hospital.name}</td>}
                <td>
                  <UrgencyBadge urgency={x.urgency} t={t.hospital} />
                </td>
                <td className="text-right tabular-nums">{formatTonnes(x.requestedKg, locale)}</td>
                <td className="text-right tabular-nums">{x.approvedKg === null ? "—" : formatTonnes(x.approvedKg, locale)}</td>
                <td className="text-right tabular-nums">{formatTonnes(x.allocatedKg, locale)}</td>
                <td className="text-right tabular-nums">{formatTonnes(x.receivedKg, locale)}</td>
                <td className="whitespace-nowrap">{formatDay(dateToDay(x.neededBy), locale)}</td>
                <td>
                  <StatusBadge status={x.status} t={t.hospital} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
