import type { SearchParams } from "nuqs/server";
import { today } from "@/server/clock";
import Link from "next/link";
import { EmptyState } from "@/components/lists/empty-state";
import { Pager } from "@/components/supply/list-controls";
import { randomUUID } from "node:crypto";
import { dateToDay } from "@/domain/day";
import { RequestForm } from "@/components/hospital/request-form";
import { StatusBadge, UrgencyBadge } from "@/components/hospital/status-badge";
import { formatDateTime, formatDay, formatTonnes } from "@/i18n/format";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { pageOfRequests, REQUEST_STATUSES } from "@/server/queries/requests";
import { requireActor } from "@/server/session";
import { createRequestAction } from "./actions";
import { loadRequestsSearch } from "./search-params";

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("request:read");
  const t = await getTranslations();
  const messages = await getMessages();
  const locale = await getLocale();
  const { status, page } = await loadRequestsSearch(searchParams);
  // a page at a time (newest first): every request since the first wave is a long scroll on a phone
  const list = await pageOfRequests(actor, { status: status ?? undefined, page });
  const requests = list.rows;
  const mayCreate = can(actor, "request:create");
  const own = actor.role === "HOSPITAL";
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{own ? t("hospital.requests.mine") : t("hospital.requests.all")}</h1>
        {can(actor, "request:decide") && (
          <Link href="/triage" className="btn-secondary">
            {t("hospital.triage.title")}
          </Link>
        )}
      </div>
      {mayCreate && (
        <section className="space-y-2" id="new-request">
          <h2>{t("hospital.requests.new")}</h2>
          <RequestForm
            action={createRequestAction}
            idempotencyKey={randomUUID()}
            minDay={today()}
            locale={locale}
            s={{
              confirmUnusual: t("hospital.receipts.confirmUnusual"),
              tonnes: t("hospital.requests.tonnes"),
              neededBy: t("hospital.requests.neededBy"),
              urgency: t("hospital.requests.urgency"),
              reason: t("hospital.requests.reason"),
              reasonHint: t("hospital.requests.reasonHint"),
              submit: t("hospital.requests.submit"),
              saved: t("hospital.requests.created"),
              fixErrors: t("shell.common.fixErrors"),
              urgencies: messages.hospital.urgency,
            }}
          />
        </section>
      )}
      <form className="flex flex-wrap items-end gap-2" method="get">
        <div>
          <label htmlFor="status" className="label">
            {t("hospital.requests.filterStatus")}
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className="input">
            <option value="">{t("hospital.requests.all_")}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`hospital.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("supply.list.filter")}
        </button>
      </form>
      <div className="card overflow-x-auto p-0">
        <table className="table table-stack" data-testid="requests-table">
          <thead>
            <tr>
              <th>{t("hospital.requests.createdAt")}</th>
              {!own && <th>{t("hospital.requests.hospital")}</th>}
              <th>{t("hospital.requests.urgency")}</th>
              <th className="text-right">{t("hospital.requests.requested")}</th>
              <th className="text-right">{t("hospital.requests.approved")}</th>
              <th className="text-right">{t("hospital.requests.allocated")}</th>
              <th className="text-right">{t("hospital.requests.received")}</th>
              <th>{t("hospital.requests.neededBy")}</th>
              <th>{t("hospital.requests.status")}</th>
            </tr>
          </thead>
          <tbody>
            {requests.length === 0 &&
              (status ? (
                <EmptyState colSpan={9} text={t("feedback.empty.filtered")} action={{ href: "/requests", label: t("feedback.empty.clearFilter") }} />
              ) : own ? (
                <EmptyState
                  colSpan={9}
                  text={t("feedback.empty.requestsHospital")}
                  action={mayCreate ? { href: "#new-request", label: t("feedback.empty.newRequest") } : null}
                />
              ) : (
                <EmptyState
                  colSpan={9}
                  text={t("feedback.empty.requestsStaff")}
                  action={can(actor, "request:decide") ? { href: "/triage", label: t("feedback.empty.toTriage") } : null}
                />
              ))}
            {requests.map((x) => (
              <tr key={x.id}>
                <td className="whitespace-nowrap" data-label={t("hospital.requests.createdAt")}>
                  <Link href={`/requests/${x.id}`} className="text-brand-700 hover:underline">
                    {formatDateTime(x.createdAt, locale)}
                  </Link>
                </td>
                {!own && <td data-label={t("hospital.requests.hospital")}>{x.hospital.name}</td>}
                <td data-label={t("hospital.requests.urgency")}>
                  <UrgencyBadge urgency={x.urgency} t={t} />
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.requests.requested")}>
                  {formatTonnes(x.requestedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.requests.approved")}>
                  {x.approvedKg === null ? "—" : formatTonnes(x.approvedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.requests.allocated")}>
                  {formatTonnes(x.allocatedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.requests.received")}>
                  {formatTonnes(x.receivedKg, locale)}
                </td>
                <td className="whitespace-nowrap" data-label={t("hospital.requests.neededBy")}>
                  {formatDay(dateToDay(x.neededBy), locale)}
                </td>
                <td data-label={t("hospital.requests.status")}>
                  <StatusBadge status={x.status} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.pages > 1 && (
        <Pager
          path="/requests"
          params={{ status: status ?? undefined }}
          page={list.page}
          pages={list.pages}
          label={t("supply.list.pageOf", { page: list.page, pages: list.pages, total: list.total })}
          previous={t("supply.list.previous")}
          next={t("supply.list.next")}
        />
      )}
    </>
  );
}
