import "server-only";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AllocationForm, type AllocationRow } from "@/components/hospital/allocation-form";
import type { ProposedLine } from "@/components/hospital/approve-allocate-form";
import { ReasonForm } from "@/components/hospital/reason-form";
import { ReceiptForm } from "@/components/hospital/receipt-form";
import { StatusBadge } from "@/components/hospital/status-badge";
import { reasonText, receiptFormStrings } from "@/components/hospital/texts";
import { DayPicker } from "@/components/forms/day-picker";
import { tonnesInput } from "@/components/supply/tonnes-input";
import { dateToDay, type Day } from "@/domain/day";
import { receiptDiscrepancy } from "@/domain/delivery";
import { isEligible, recommendAllocations, type OpenRequest } from "@/domain/recommender";
import { accepts, gapKg, undispatchedKg } from "@/domain/request";
import { formatDateTime, formatDay, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import { now as clockNow } from "@/server/clock";
import { can, type Actor } from "@/server/permissions";
import { sourcesForDay } from "@/server/queries/allocations";
import { cachedRecommendationFor, cachedSupplyByHospital } from "@/server/queries/cached";
import { requestFor } from "@/server/queries/requests";
import { allocateAction, cancelAllocationAction, closeRequestShortAction, confirmReceiptAction } from "../actions";

// The parts of /requests/<id> an allocation changes — the status, the figures, the allocation
// form (what is left to allocate, the sources' free kilograms), the allocations and their trips,
// closing short, the history — rendered for the page and again by the allocation form's action,
// which sends only these back (decision 0049) instead of re-rendering the whole page.

export type RequestRecord = NonNullable<Awaited<ReturnType<typeof requestFor>>>;

/** Now as a WIB datetime-local value. */
const wibNow = () => new Date(clockNow().getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

/** What the actor may do with the request now, and the approved kg neither received nor still expected. */
export function requestState(actor: Actor, request: RequestRecord) {
  // the gap: approved kg neither received nor still expected (a shortfall at receipt opens it again)
  const remainingKg = gapKg({
    approvedKg: request.approvedKg ?? 0,
    allocatedKg: request.allocatedKg,
    dispatchedKg: request.dispatchedKg,
    receivedKg: request.receivedKg,
    awaitingKg: request.awaitingKg,
  });
  return {
    remainingKg,
    mayAllocate: can(actor, "allocation:write") && accepts(request.status, "allocate") && remainingKg > 0,
    mayCancelAllocation: can(actor, "allocation:cancel") && accepts(request.status, "cancelAllocation"),
    mayClose: can(actor, "request:close") && accepts(request.status, "closeShort"),
    mayConfirm: can(actor, "receipt:confirm", { hospitalId: request.hospitalId }),
    mayDispatch: can(actor, "dispatch:write"),
  };
}

export type RequestState = ReturnType<typeof requestState>;
export type AllocationPanel = { day: Day; rows: AllocationRow[]; shortage: boolean };

/**
 * The allocation form's rows for the day: every source with its free kilograms, prefilled with
 * the recommender's proposal for this request when `recommend` (the page). The allocation's
 * answer does not run the recommender again (it weighs every open request of the country): its
 * rows read the sources' free kilograms afresh and propose nothing; the next view proposes again.
 */
export async function allocationPanel(
  request: RequestRecord,
  day: Day,
  t: Translator,
  locale: Locale,
  { recommend }: { recommend: boolean },
): Promise<AllocationPanel> {
  const { requests, sources, recommendation } = recommend
    ? await cachedRecommendationFor(day)
    : { requests: [], sources: await sourcesForDay(day), recommendation: null };
  const me = requests.find((x) => x.requestId === request.id) ?? {
    hospitalId: request.hospitalId,
    isAssociationMember: request.hospital.isAssociationMember,
  };
  const mine = recommendation?.lines.filter((l) => l.requestId === request.id) ?? [];
  const rows = sources.map((s): AllocationRow => {
    const proposed = mine.filter((l) => l.sourceId === s.sourceId);
    const kg = proposed.reduce((sum, l) => sum + l.kg, 0);
    const eligible = isEligible(me, s);
    return {
      requestId: request.id,
      sourceId: s.sourceId,
      title: s.label,
      detail:
        s.kind === "supply"
          ? t("hospital.allocation.supply")
          : `${t("hospital.allocation.pledge")}${s.earmark === "ASSOCIATION" ? ` · ${t("hospital.allocation.earmarkAssociation")}` : s.earmark === "HOSPITALS" ? ` · ${t("hospital.allocation.earmarkHospitals")}` : ""}`,
      free: formatTonnes(s.freeKg, locale),
      tonnes: kg > 0 ? tonnesInput(kg, locale) : "",
      reason: proposed[0]?.reason.text ?? "",
      reasonShown: proposed[0] ? reasonText(proposed[0].reason, t, locale) : undefined,
      disabled: !eligible,
      note: eligible ? undefined : t("hospital.allocation.notEligible"),
    };
  });
  rows.sort((x, y) => Number(!!x.disabled) - Number(!!y.disabled) || Number(y.tonnes !== "") - Number(x.tonnes !== ""));
  return { day, rows, shortage: recommendation?.summary.isShortage ?? false };
}

/**
 * The recommender's proposal for a submitted request as if it were approved in full now (the
 * day's sources shared with every open approved request, in the one priority order), for the
 * one-step "approve in full and allocate": null unless it covers the whole request. The use case
 * checks it again under its locks; this only decides whether to offer the step.
 */
export async function approvalProposal(request: RequestRecord, day: Day, t: Translator, locale: Locale): Promise<ProposedLine[] | null> {
  const [{ requests, sources }, supply] = await Promise.all([cachedRecommendationFor(day), cachedSupplyByHospital()]);
  const figures = supply.get(request.hospitalId);
  const me: OpenRequest = {
    requestId: request.id,
    hospitalId: request.hospitalId,
    hospitalName: request.hospital.name,
    approvedKg: request.requestedKg,
    alreadyAllocatedKg: 0,
    urgency: request.urgency,
    hoursLeft: figures?.hoursLeft ?? null,
    stale: figures?.stale ?? true,
    neededBy: dateToDay(request.neededBy),
    isReferral: request.hospital.isReferral,
    isAssociationMember: request.hospital.isAssociationMember,
    createdAt: request.createdAt,
  };
  const mine = recommendAllocations([...requests.filter((r) => r.requestId !== request.id), me], sources).lines.filter((l) => l.requestId === request.id);
  if (mine.reduce((sum, l) => sum + l.kg, 0) !== request.requestedKg) return null;
  return mine.map((l) => {
    const src = sources.find((x) => x.sourceId === l.sourceId);
    return {
      requestId: request.id,
      sourceId: l.sourceId,
      tonnes: tonnesInput(l.kg, locale),
      reason: l.reason.text,
      reasonShown: reasonText(l.reason, t, locale),
      title: src?.label ?? l.sourceId,
      detail: src?.kind === "pledge" ? t("hospital.allocation.pledge") : t("hospital.allocation.supply"),
    };
  });
}

type Props = { request: RequestRecord; s: RequestState; t: Translator; locale: Locale };

/** The request's figures: requested, approved, allocated, dispatched, received, and its notes. */
export function RequestSummary({ request, t, locale }: Omit<Props, "s">) {
  return (
    <dl className="card grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="request-summary">
      <Fact label={t("hospital.requests.requested")} value={formatTonnes(request.requestedKg, locale)} />
      <Fact label={t("hospital.requests.approved")} value={request.approvedKg === null ? "—" : formatTonnes(request.approvedKg, locale)} testId="approved" />
      <Fact label={t("hospital.requests.allocated")} value={formatTonnes(request.allocatedKg, locale)} testId="allocated" />
      <Fact label={t("hospital.requests.dispatched")} value={formatTonnes(request.dispatchedKg, locale)} testId="dispatched" />
      <Fact label={t("hospital.requests.received")} value={formatTonnes(request.receivedKg, locale)} testId="received" />
      <Fact label={t("hospital.requests.neededBy")} value={formatDay(dateToDay(request.neededBy), locale)} />
      <Fact label={t("hospital.requests.createdAt")} value={formatDateTime(request.createdAt, locale)} />
      <div className="sm:col-span-3 lg:col-span-6">
        <dt className="text-slate-500">{t("hospital.requests.reason")}</dt>
        <dd translate="no">{request.reason}</dd>
      </div>
      {request.rejectionReason && (
        <div className="sm:col-span-3 lg:col-span-6" data-testid="rejection-reason">
          <dt className="text-slate-500">{t("hospital.requests.rejectionReason")}</dt>
          <dd className="text-red-800">{request.rejectionReason}</dd>
        </div>
      )}
      {request.fulfilledAt && <Fact label={t("hospital.requests.fulfilledAt")} value={formatDateTime(request.fulfilledAt, locale)} />}
      {request.approvalNote && (
        <div className="sm:col-span-3 lg:col-span-6" data-testid="approval-note">
          <dt className="text-slate-500">{t("hospital.requests.approvalNote")}</dt>
          <dd>{request.approvalNote}</dd>
        </div>
      )}
      {request.cancelReason && (
        <div className="sm:col-span-3 lg:col-span-6" data-testid="cancel-reason">
          <dt className="text-slate-500">{t("hospital.requests.cancelReason")}</dt>
          <dd>{request.cancelReason}</dd>
        </div>
      )}
      {request.closedShortReason && (
        <div className="sm:col-span-3 lg:col-span-6" data-testid="closed-short-reason">
          <dt className="text-slate-500">{t("hospital.requests.closedShortReason")}</dt>
          <dd className="text-amber-900">{request.closedShortReason}</dd>
        </div>
      )}
    </dl>
  );
}

/** What is left to allocate and the form to allocate it (nothing when nothing is left or allowed). */
export function AllocationSection({ s, t, locale, panel }: Props & { panel: AllocationPanel | null }) {
  if (!panel || !s.mayAllocate) return null;
  return (
    <section className="space-y-3" data-testid="allocation-section">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2>{t("hospital.allocation.title")}</h2>
          <p className="text-sm text-slate-600">
            {t("hospital.allocation.remaining")}: <strong data-testid="remaining">{formatTonnes(s.remainingKg, locale)}</strong>
          </p>
        </div>
        <DayPicker day={panel.day} label={t("hospital.allocation.day")} submit={t("hospital.allocation.show")} />
      </div>
      <p className="text-sm text-slate-600">{t("hospital.allocation.recommendationIntro")}</p>
      {panel.shortage && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">{t("hospital.allocation.shortage")}</p>}
      {panel.rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("hospital.allocation.noSources")}</p>
      ) : (
        <AllocationForm
          action={allocateAction}
          rows={panel.rows}
          day={panel.day}
          formKey={randomUUID()}
          s={{
            source: t("hospital.allocation.source"),
            free: t("hospital.allocation.free"),
            kg: t("hospital.allocation.kg"),
            reason: t("hospital.allocation.reason"),
            submit: t("hospital.allocation.accept"),
            saved: t("hospital.allocation.saved"),
            fixErrors: t("shell.common.fixErrors"),
          }}
        />
      )}
    </section>
  );
}

/** The request's allocations, each with its trips, their receipts and what may be done with them. */
export function ExistingAllocations({ request, s, t, locale }: Props) {
  if (request.allocations.length === 0) return null;
  const receiptStrings = receiptFormStrings(t);
  return (
    <section className="space-y-2">
      <h2>{t("hospital.allocation.existing")}</h2>
      <div className="space-y-3">
        {request.allocations.map((al) => (
          <div key={al.id} className="card space-y-2" data-testid="allocation">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <div>
                <strong>{al.supplier.name}</strong> · {al.pledgeId ? t("hospital.allocation.pledge") : t("hospital.allocation.supply")} ·{" "}
                {formatDay(dateToDay(al.day), locale)}
              </div>
              <div className="flex items-center gap-2">
                <span className="tabular-nums font-semibold">{formatTonnes(al.kg, locale)}</span>
                {al.cancelledKg > 0 && (
                  <span className="text-xs text-slate-500" data-testid="allocation-cancelled">
                    {t("hospital.allocation.cancelled", { t: formatTonnes(al.cancelledKg, locale) })}
                    {al.cancelReason ? ` · ${al.cancelReason}` : ""}
                  </span>
                )}
                {undispatchedKg({ kg: al.kg, dispatchedKg: al.dispatchedKg, cancelled: al.status === "CANCELLED" }) > 0 && al.dispatchedKg > 0 && (
                  <span className="text-xs text-slate-600">
                    {t("hospital.allocation.toDispatch")}: {formatTonnes(al.kg - al.dispatchedKg, locale)}
                  </span>
                )}
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs" data-testid="allocation-status">
                  {t(`hospital.allocationStatus.${al.status}`)}
                </span>
                {s.mayDispatch &&
                  accepts(request.status, "dispatch") &&
                  undispatchedKg({ kg: al.kg, dispatchedKg: al.dispatchedKg, cancelled: al.status === "CANCELLED" }) > 0 && (
                    <Link href={`/dispatches/new?allocation=${al.id}`} className="btn-secondary px-2 py-1 text-xs" data-testid="dispatch-link">
                      {t("hospital.allocation.dispatch")}
                    </Link>
                  )}
              </div>
            </div>
            {al.deliveries.length > 0 && (
              <ul className="divide-y divide-slate-100 text-sm">
                {al.deliveries.map((d) => {
                  const diff = d.receivedKg === null ? null : receiptDiscrepancy(d.dispatchedKg, d.receivedKg);
                  return (
                    <li key={d.id} className="space-y-2 py-2" data-testid="delivery">
                      <div className="flex flex-wrap gap-x-4 gap-y-1">
                        <span>
                          {t("hospital.receipts.dispatched")}: <strong className="tabular-nums">{formatTonnes(d.dispatchedKg, locale)}</strong>
                        </span>
                        <span>{formatDateTime(d.dispatchedAt, locale)}</span>
                        <span>
                          {t("hospital.receipts.vehicle")}: {d.vehiclePlate}
                        </span>
                        {d.receivedKg === null ? (
                          <span className="text-amber-800">{t("hospital.receipts.awaiting")}</span>
                        ) : (
                          <span>
                            {t("hospital.receipts.received")}:{" "}
                            <strong className="tabular-nums" data-testid="received-kg">
                              {formatTonnes(d.receivedKg, locale)}
                            </strong>
                            {d.receivedAt && ` · ${formatDateTime(d.receivedAt, locale)}`}
                            {d.rejectedKg > 0 && (
                              <span className="ml-2" data-testid="rejected-kg">
                                {t("hospital.receipts.rejected")}: {formatTonnes(d.rejectedKg, locale)}
                              </span>
                            )}
                            {d.shortReason && (
                              <span className="ml-2 text-slate-600" data-testid="short-reason">
                                “{d.shortReason}”
                              </span>
                            )}
                            {diff && diff.differenceKg !== 0 && (
                              <span
                                className={`ml-2 rounded px-1 text-xs ${diff.flagged ? "bg-red-100 text-red-900" : "bg-slate-100"}`}
                                data-testid="difference"
                              >
                                {t("hospital.receipts.difference")}: {diff.differenceKg > 0 ? "+" : "−"}
                                {formatTonnes(Math.abs(diff.differenceKg), locale)}
                              </span>
                            )}
                          </span>
                        )}
                      </div>
                      {d.receivedKg === null && s.mayConfirm && (
                        <ReceiptForm
                          action={confirmReceiptAction}
                          id={d.id}
                          dispatchedTonnes={tonnesInput(d.dispatchedKg, locale)}
                          now={wibNow()}
                          locale={locale}
                          s={receiptStrings}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {s.mayCancelAllocation && undispatchedKg({ kg: al.kg, dispatchedKg: al.dispatchedKg, cancelled: al.status === "CANCELLED" }) > 0 && (
              <ReasonForm
                action={cancelAllocationAction}
                id={al.id}
                testId={`cancel-allocation-${al.id}`}
                fold={{ summary: t("hospital.allocation.cancelTitle"), className: "text-sm" }}
                s={{
                  title: t("hospital.allocation.cancelTitle"),
                  reason: t("hospital.allocation.cancelReason"),
                  submit: t("hospital.allocation.cancelSubmit"),
                  saved: t("hospital.allocation.cancelledMsg"),
                  fixErrors: t("shell.common.fixErrors"),
                }}
              />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Closing the request short (staff), when its status allows it. */
export function CloseShort({ request, s, t }: Omit<Props, "locale">) {
  if (!s.mayClose) return null;
  return (
    <section className="card space-y-2" data-testid="close-short-section">
      <ReasonForm
        action={closeRequestShortAction}
        id={request.id}
        testId="close-short-form"
        s={{
          title: t("hospital.requests.closeShortTitle"),
          hint: t("hospital.requests.closeShortHint"),
          reason: t("hospital.requests.closeShortReason"),
          submit: t("hospital.requests.closeShort"),
          saved: t("hospital.requests.closedShortMsg"),
          fixErrors: t("shell.common.fixErrors"),
        }}
      />
    </section>
  );
}

/** The request's history: every event of it, its allocations and their trips. */
export function RequestHistory({ request, t, locale }: Omit<Props, "s">) {
  // An audit action ("request.approve") names its label: hospital.requests.events.request.approve.
  const eventLabel = (action: string) => {
    const key = `hospital.requests.events.${action}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : action;
  };
  return (
    <section className="space-y-2">
      <h2>{t("hospital.requests.history")}</h2>
      <ol className="card space-y-1 text-sm" data-testid="history">
        {request.history.length === 0 && <li className="text-slate-500">{t("shell.common.none")}</li>}
        {request.history.map((e) => (
          <li key={e.id} className="flex flex-wrap gap-x-3">
            <span className="text-slate-500">{formatDateTime(e.at, locale)}</span>
            <span className="font-medium">{eventLabel(e.action)}</span>
            {e.actorName && <span className="text-slate-600">{e.actorName}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Every part an allocation changes, read and rendered afresh for the allocation's answer (null
 * for a part now gone: <LiveSection> then shows nothing there).
 */
export async function requestSections(actor: Actor, id: string, day: Day) {
  const [t, locale, request] = await Promise.all([getTranslations(), getLocale(), requestFor(actor, id)]);
  if (!request) return undefined;
  const s = requestState(actor, request);
  const panel = s.mayAllocate ? await allocationPanel(request, day, t, locale, { recommend: false }) : null;
  const props = { request, s, t, locale };
  return {
    status: <StatusBadge status={request.status} t={t} />,
    summary: <RequestSummary {...props} />,
    allocate: AllocationSection({ ...props, panel }),
    allocations: ExistingAllocations(props),
    close: CloseShort(props),
    history: <RequestHistory {...props} />,
  };
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
