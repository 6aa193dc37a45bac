"use client";

import { useActionState } from "react";
import { ConfirmUnusual } from "@/components/forms/confirm-unusual";
import { DetailNote } from "@/components/forms/detail-note";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";
import type { Locale } from "@/i18n/locales";

type Urgency = "ROUTINE" | "URGENT" | "EMERGENCY";
type Strings = {
  tonnes: string;
  neededBy: string;
  urgency: string;
  reason: string;
  reasonHint: string;
  submit: string;
  saved: string;
  fixErrors: string;
  urgencies: Record<Urgency, string>;
  /** the tick for an unusual amount */
  confirmUnusual: string;
};

/**
 * A hospital's request. The hidden idempotency key comes with the page, so a double submit (or a
 * retry after a lost response) creates one request. An amount beyond what the hospital can take
 * in by the needed-by day is refused, one far above its use by then needs a tick (decision 0022),
 * with the amount as read and the limit under the field.
 */
export function RequestForm({
  action,
  s,
  idempotencyKey,
  minDay,
  locale,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  s: Strings;
  idempotencyKey: string;
  minDay: string;
  locale: Locale;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const urgency = state.values?.urgency ?? "URGENT";
  const reasonError = errorText(state.fieldErrors?.reason);
  return (
    <form action={formAction} className="card grid gap-4 sm:grid-cols-3" noValidate data-testid="request-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-3" />
      <Field name="requestedKg" label={s.tonnes} amount={{}} state={state} required note={<DetailNote state={state} locale={locale} field="requestedKg" />} />
      <Field name="neededBy" label={s.neededBy} type="date" state={state} defaultValue={minDay} required />
      <Field name="urgency" label={s.urgency} state={state}>
        <select id="f-urgency" name="urgency" className="input" defaultValue={urgency} key={urgency}>
          {(["ROUTINE", "URGENT", "EMERGENCY"] as const).map((u) => (
            <option key={u} value={u}>
              {s.urgencies[u]}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-3">
        <label htmlFor="f-reason" className="label">
          {s.reason}
        </label>
        <textarea
          id="f-reason"
          name="reason"
          rows={3}
          className="input"
          defaultValue={state.values?.reason ?? ""}
          key={state.values?.reason ?? ""}
          aria-invalid={!!reasonError}
          aria-describedby={reasonError ? "f-reason-error" : "f-reason-hint"}
        />
        {reasonError ? (
          <p id="f-reason-error" className="field-error" data-testid="error-reason">
            {reasonError}
          </p>
        ) : (
          <p id="f-reason-hint" className="mt-1 text-xs text-slate-500">
            {s.reasonHint}
          </p>
        )}
      </div>
      <div className="sm:col-span-3 space-y-2">
        <ConfirmUnusual state={state} label={s.confirmUnusual} />
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
