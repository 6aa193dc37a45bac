import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BadDayNotice } from "@/components/forms/bad-day";
import { LiveSection, LiveSections } from "@/components/forms/live-sections";
import { loadRequestSearch } from "./search-params";
import { ApproveAllocateForm } from "@/components/hospital/approve-allocate-form";
import { DecisionForms } from "@/components/hospital/decision-forms";
import { formatTonnes } from "@/i18n/format";
import { ReasonForm } from "@/components/hospital/reason-form";
import { StatusBadge, UrgencyBadge } from "@/components/hospital/status-badge";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { errorText } from "@/i18n/error-text";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { defaultSupplyDay } from "@/server/queries/allocations";
import { requestFor } from "@/server/queries/requests";
import { supplyOf } from "@/server/queries/stock";
import { requireActor } from "@/server/session";
import { approveAndAllocateAction, approveRequestAction, cancelRequestAction, rejectRequestAction } from "../actions";
import { tonnesInput } from "@/components/supply/tonnes-input";
import {
  AllocationSection,
  allocationPanel,
  approvalProposal,
  CloseShort,
  ExistingAllocations,
  requestState,
  RequestHistory,
  RequestSummary,
} from "./sections";

// The parts an allocation changes are in ./sections.tsx: the allocation form's action renders
// them again and sends them back in place of these (decision 0049).

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("request:read");
  const { id } = await params;
  const sp = await loadRequestSearch(searchParams);
  const request = await requestFor(actor, id);
  if (!request) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const askedDay = sp.day;
  if (askedDay.error) return <BadDayNotice param="day" raw={askedDay.raw} code={askedDay.error} href={`/requests/${id}`} />;
  const own = { hospitalId: request.hospitalId };
  const s = requestState(actor, request);
  const supply = actor.role === "HOSPITAL" ? null : await supplyOf(request.hospitalId);
  const panel = s.mayAllocate ? await allocationPanel(request, askedDay.day ?? (await defaultSupplyDay()), t, locale, { recommend: true }) : null;
  // A submitted request the proposal covers: approve in full and allocate in one step.
  const quickDay =
    request.status === "SUBMITTED" && can(actor, "request:decide") && can(actor, "allocation:write") ? (askedDay.day ?? (await defaultSupplyDay())) : null;
  const proposal = quickDay ? await approvalProposal(request, quickDay, t, locale) : null;
  const props = { request, s, t, locale };

  return (
    <LiveSections>
      <p>
        <Link href={actor.role === "HOSPITAL" ? "/requests" : "/triage"} className="text-sm text-brand-700 hover:underline">
          ← {actor.role === "HOSPITAL" ? t("hospital.requests.mine") : t("hospital.triage.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1>
          {t("hospital.requests.detail")} · {request.hospital.name}
        </h1>
        <LiveSection name="status">
          <StatusBadge status={request.status} t={t} />
        </LiveSection>
        <UrgencyBadge urgency={request.urgency} t={t} />
        {supply && <SupplyBadge supply={supply} t={t} locale={locale} />}
      </div>
      {sp.created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="created">
          {t("hospital.requests.created")}
        </p>
      )}
      {sp.cancelled && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="cancelled">
          {t("hospital.requests.cancelled")}
        </p>
      )}
      {sp.error && (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
          {errorText(await getTranslations("errors"), locale, sp.error)}
        </p>
      )}

      <LiveSection name="summary">
        <RequestSummary {...props} />
      </LiveSection>

      {request.status === "SUBMITTED" && can(actor, "request:cancel", own) && (
        <ReasonForm
          action={cancelRequestAction}
          id={request.id}
          testId="cancel-request-form"
          fold={{ summary: t("hospital.requests.cancel"), className: "card text-sm", testId: "cancel-request" }}
          s={{
            title: t("hospital.requests.cancel"),
            hint: t("hospital.requests.cancelHint"),
            reason: t("hospital.requests.cancelReason"),
            submit: t("hospital.requests.cancel"),
            saved: t("hospital.requests.cancelled"),
            fixErrors: t("shell.common.fixErrors"),
          }}
        />
      )}

      {request.status === "SUBMITTED" && can(actor, "request:decide") && (
        <section className="space-y-2">
          <h2>{t("hospital.triage.decide")}</h2>
          {quickDay && proposal && (
            <>
              <ApproveAllocateForm
                id={request.id}
                day={quickDay}
                lines={proposal}
                action={approveAndAllocateAction}
                locale={locale}
                s={{
                  title: t("hospital.triage.quickTitle"),
                  intro: t("hospital.triage.quickIntro", { t: formatTonnes(request.requestedKg, locale) }),
                  submit: t("hospital.triage.quickSubmit"),
                  done: t("hospital.triage.quickDone"),
                  fixErrors: t("shell.common.fixErrors"),
                  confirmUnusual: t("hospital.receipts.confirmUnusual"),
                }}
              />
              <p className="text-sm text-slate-600">{t("hospital.triage.quickOther")}</p>
            </>
          )}
          <DecisionForms
            id={request.id}
            requestedTonnes={tonnesInput(request.requestedKg, locale)}
            approveAction={approveRequestAction}
            rejectAction={rejectRequestAction}
            locale={locale}
            s={{
              confirmUnusual: t("hospital.receipts.confirmUnusual"),
              approve: t("hospital.triage.approve"),
              approveTonnes: t("hospital.triage.approveTonnes"),
              approveHint: t("hospital.triage.approveHint"),
              approveNote: t("hospital.triage.approveNote"),
              reject: t("hospital.triage.reject"),
              rejectReason: t("hospital.triage.rejectReason"),
              approved: t("hospital.triage.approvedMsg"),
              rejected: t("hospital.triage.rejectedMsg"),
              fixErrors: t("shell.common.fixErrors"),
            }}
          />
        </section>
      )}

      <LiveSection name="allocate">
        <AllocationSection {...props} panel={panel} />
      </LiveSection>
      <LiveSection name="allocations">
        <ExistingAllocations {...props} />
      </LiveSection>
      <LiveSection name="close">
        <CloseShort {...props} />
      </LiveSection>
      <LiveSection name="history">
        <RequestHistory {...props} />
      </LiveSection>
    </LiveSections>
  );
}
