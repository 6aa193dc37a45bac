"use client";

import { useActionState } from "react";
import { ConfirmUnusual } from "@/components/forms/confirm-unusual";
import { DetailNote } from "@/components/forms/detail-note";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";
import type { Locale } from "@/i18n/locales";

type Strings = {
  approve: string;
  approveTonnes: string;
  approveHint: string;
  approveNote: string;
  reject: string;
  rejectReason: string;
  approved: string;
  rejected: string;
  fixErrors: string;
  /** the tick for an amount far above the hospital's need */
  confirmUnusual: string;
};
type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/**
 * Staff decide on a submitted request: approve all or part of it, or reject it with a reason.
 * An approval far above the hospital's need by its needed-by day asks for a tick (decision 0022).
 */
export function DecisionForms({
  id,
  requestedTonnes,
  approveAction,
  rejectAction,
  s,
  locale,
}: {
  id: string;
  requestedTonnes: string;
  approveAction: Action;
  rejectAction: Action;
  s: Strings;
  locale: Locale;
}) {
  const errorText = useErrorText();
  const [approveState, approve, approving] = useActionState(approveAction, {});
  const [rejectState, reject, rejecting] = useActionState(rejectAction, {});
  const reasonError = errorText(rejectState.fieldErrors?.reason);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={approve} className="card space-y-3" noValidate data-testid="approve-form">
        <input type="hidden" name="id" value={id} />
        <FormMessage state={approveState} saved={s.approved} fixErrors={s.fixErrors} />
        <Field
          name="approvedKg"
          label={s.approveTonnes}
          amount={{}}
          hint={s.approveHint}
          state={approveState}
          defaultValue={requestedTonnes}
          note={<DetailNote state={approveState} locale={locale} field="approvedKg" />}
        />
        <Field name="note" label={s.approveNote} state={approveState} />
        <ConfirmUnusual state={approveState} label={s.confirmUnusual} />
        <button type="submit" className="btn" disabled={approving}>
          {s.approve}
        </button>
      </form>
      <form action={reject} className="card space-y-3" noValidate data-testid="reject-form">
        <input type="hidden" name="id" value={id} />
        <FormMessage state={rejectState} saved={s.rejected} fixErrors={s.fixErrors} />
        <div>
          <label htmlFor="f-reject-reason" className="label">
            {s.rejectReason}
          </label>
          <textarea
            id="f-reject-reason"
            name="reason"
            rows={2}
            className="input"
            defaultValue={rejectState.values?.reason ?? ""}
            key={rejectState.values?.reason ?? ""}
            aria-invalid={!!reasonError}
            aria-describedby={reasonError ? "f-reject-reason-error" : undefined}
          />
          {reasonError && (
            <p id="f-reject-reason-error" className="field-error" data-testid="error-reason">
              {reasonError}
            </p>
          )}
        </div>
        <button type="submit" className="btn-secondary border-red-300 text-red-800 hover:bg-red-50" disabled={rejecting}>
          {s.reject}
        </button>
      </form>
    </div>
  );
}
