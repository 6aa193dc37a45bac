import type { SearchParams } from "nuqs/server";
import { destinationName } from "@/components/supply/destination";
import { today as clockToday } from "@/server/clock";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntlProvider } from "@/components/intl-provider";
import { PledgeForm } from "@/components/supply/pledge-form";
import { PledgeStatusBadge, ProgressBar } from "@/components/supply/pledge-progress";
import { tonnesInput } from "@/components/supply/tonnes-input";
import { formatDateTime, formatDay, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { hospitalOptions, pledgeDetail } from "@/server/queries/pledges";
import { supplierOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { updatePledgeAction } from "../actions";
import { recordTrancheReceiptAction } from "../../requests/actions";
import { ReceiptForm } from "@/components/hospital/receipt-form";
import { receiptFormStrings } from "@/components/hospital/texts";
import { now as clockNow } from "@/server/clock";
import { pledgeFormStrings } from "../strings";
import { loadCreatedNotice } from "../../../search-params";

export default async function PledgePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("supplier:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const today = clockToday();
  const p = await pledgeDetail((await params).id, today);
  if (!p) notFound();
  const { created } = await loadCreatedNotice(searchParams);
  const writer = can(actor, "pledge:write");
  const dispatcher = can(actor, "dispatch:write");
  // staff record a tranche trip's receipt (the hospital may also confirm its own from its pages)
  const recorder = can(actor, "receipt:record");
  const receiptStrings = receiptFormStrings(t);
  const wibNow = new Date(clockNow().getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
  const stat = (label: string, value: string, testId: string) => (
    <div className="card">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="text-xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
  return (
    <>
      <Link href="/pledges" className="text-sm text-brand-700 hover:underline">
        ← {t("shell.common.back")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1>
            {t("supply.pledges.detail")}: {p.supplier}
          </h1>
          <p className="text-sm text-slate-600">
            {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)} · {t(`supply.earmarks.${p.earmark}`)}
            {p.hospitals.length ? `: ${p.hospitals.map((h) => h.name).join(", ")}` : ""}
          </p>
          {p.note && (
            <p className="text-sm text-slate-600" translate="no">
              {p.note}
            </p>
          )}
        </div>
        <div className="flex items-center gap-3">
          <PledgeStatusBadge status={p.progress.status} label={t(`supply.status.${p.progress.status}`)} />
          {can(actor, "audit:read") && (
            <Link href={`/audit?entity=Pledge&id=${p.id}`} className="text-sm text-brand-700 hover:underline">
              {t("supply.list.history")}
            </Link>
          )}
        </div>
      </div>
      {created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
          {t("supply.pledges.created")}
        </p>
      )}
      <section className="grid grid-cols-2 gap-3 lg:grid-cols-5" aria-label={t("supply.pledges.progress")}>
        {stat(t("supply.pledges.total"), formatTonnes(p.totalKg, locale), "pledge-total")}
        {stat(t("supply.pledges.dueToDate"), formatTonnes(p.progress.dueToDateKg, locale), "pledge-due")}
        {stat(t("supply.pledges.delivered"), formatTonnes(p.progress.deliveredKg, locale), "pledge-delivered")}
        {stat(t("supply.dispatches.dispatchedKg"), formatTonnes(p.dispatchedKg, locale), "pledge-dispatched")}
        {stat(t("supply.pledges.onTheRoad"), formatTonnes(p.awaitingKg, locale), "pledge-on-the-road")}
      </section>
      <div>
        <ProgressBar pct={p.progress.deliveredPct} />
        <p className="mt-1 text-xs text-slate-500">{t("supply.pledges.deliveredHint")}</p>
      </div>

      <section className="card p-0">
        <h2 className="px-4 pt-4">{t("supply.pledges.tranches")}</h2>
        <table className="table table-stack" data-testid="tranche-table">
          <thead>
            <tr>
              <th>{t("supply.pledges.trancheDue")}</th>
              <th className="text-right">{t("supply.pledges.trancheTonnes")}</th>
              <th className="text-right">{t("supply.dispatches.dispatchedKg")}</th>
              <th className="text-right">{t("supply.dispatches.receivedKg")}</th>
              <th>
                <span className="sr-only">{t("shell.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.tranches.map((tr) => (
              <tr key={tr.id}>
                <td>{formatDay(tr.dueOn, locale)}</td>
                <td className="text-right tabular-nums" data-label={t("supply.pledges.trancheTonnes")}>
                  {formatTonnes(tr.kg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("supply.dispatches.dispatchedKg")}>
                  {formatTonnes(tr.dispatchedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("supply.dispatches.receivedKg")}>
                  {formatTonnes(tr.receivedKg, locale)}
                </td>
                <td className="text-right">
                  {dispatcher && tr.dispatchedKg < tr.kg && (
                    <Link href={`/dispatches/new?tranche=${tr.id}`} className="text-brand-700 hover:underline" data-testid="dispatch-tranche">
                      {t("supply.pledges.dispatch")}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card p-0">
        <h2 className="px-4 pt-4">{t("supply.pledges.deliveries")}</h2>
        <table className="table table-stack" data-testid="pledge-deliveries">
          <thead>
            <tr>
              <th>{t("supply.dispatches.dispatchedAt")}</th>
              <th>{t("supply.dispatches.hospital")}</th>
              <th className="text-right">{t("supply.dispatches.dispatchedKg")}</th>
              <th className="text-right">{t("supply.dispatches.receivedKg")}</th>
            </tr>
          </thead>
          <tbody>
            {p.deliveries.flatMap((d) => [
              <tr key={d.id} data-testid={`pledge-delivery-${d.id}`}>
                <td className="whitespace-nowrap">{formatDateTime(d.dispatchedAt, locale)}</td>
                <td data-label={t("supply.dispatches.hospital")}>{destinationName(d, (name) => t("supply.dispatches.toDepot", { name }))}</td>
                <td className="text-right tabular-nums" data-label={t("supply.dispatches.dispatchedKg")}>
                  {formatTonnes(d.dispatchedKg, locale)}
                </td>
                <td className="text-right tabular-nums" data-label={t("supply.dispatches.receivedKg")}>
                  <div>
                    {d.receivedKg === null ? <span className="text-slate-500">{t("supply.dispatches.awaiting")}</span> : formatTonnes(d.receivedKg, locale)}
                    {d.rejectedKg > 0 && (
                      <span className="block text-xs">
                        {t("hospital.receipts.rejected")}: {formatTonnes(d.rejectedKg, locale)}
                      </span>
                    )}
                    {d.shortReason && <span className="block text-xs text-slate-500">{d.shortReason}</span>}
                  </div>
                </td>
              </tr>,
              ...(recorder && d.receivedKg === null && d.trancheId && !d.allocationId
                ? [
                    <tr key={`${d.id}-receipt`}>
                      <td colSpan={4}>
                        <ReceiptForm
                          action={recordTrancheReceiptAction}
                          id={d.id}
                          dispatchedTonnes={String(d.dispatchedKg / 1000)}
                          now={wibNow}
                          locale={locale}
                          s={receiptStrings}
                        />
                      </td>
                    </tr>,
                  ]
                : []),
            ])}
            {p.deliveries.length === 0 && (
              <tr>
                <td colSpan={4} className="text-slate-500">
                  {t("shell.common.none")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      {writer && (
        <section className="space-y-2">
          <h2>{t("supply.list.edit")}</h2>
          <IntlProvider namespaces={["supply.pledges"]}>
            <PledgeForm
              action={updatePledgeAction}
              suppliers={await supplierOptions()}
              hospitals={await hospitalOptions()}
              s={pledgeFormStrings(t, t("supply.pledges.saveTranches"))}
              initial={{
                id: p.id,
                supplierId: p.supplierId,
                total: tonnesInput(p.totalKg, locale),
                startsOn: p.startsOn,
                endsOn: p.endsOn,
                earmark: p.earmark,
                hospitalIds: p.hospitals.map((h) => h.id),
                note: p.note,
                tranches: p.tranches.map((tr) => ({ id: tr.id, dueOn: tr.dueOn, tonnes: tonnesInput(tr.kg, locale) })),
              }}
            />
          </IntlProvider>
        </section>
      )}
    </>
  );
}
