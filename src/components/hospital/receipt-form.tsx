"use client";

import { useActionState } from "react";
import { ConfirmUnusual } from "@/components/forms/confirm-unusual";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { DetailNote } from "@/components/forms/detail-note";
import type { Locale } from "@/i18n/locales";
import { OnBehalfFields, type OnBehalf } from "./on-behalf";

type Strings = {
  received: string;
  rejected: string;
  rejectedHint: string;
  shortReason: string;
  shortReasonHint: string;
  receivedAt: string;
  confirm: string;
  confirmed: string;
  fixErrors: string;
  confirmUnusual: string;
};

/**
 * The receiving side confirms a trip: tonnes accepted into stock (prefilled with what was
 * dispatched), tonnes rejected, the reason for a difference, and when. An unusual figure is
 * confirmed with a tick after the server asked for it.
 */
export function ReceiptForm({
  action,
  id,
  dispatchedTonnes,
  now,
  s,
  locale,
  onBehalf,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  id: string;
  dispatchedTonnes: string;
  now: string;
  s: Strings;
  locale: Locale;
  onBehalf?: OnBehalf;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 sm:items-start" noValidate data-testid={`receipt-form-${id}`}>
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} saved={s.confirmed} fixErrors={s.fixErrors} className="sm:col-span-2 lg:col-span-4" />
      {onBehalf && (
        <div className="sm:col-span-2 lg:col-span-4">
          <OnBehalfFields onBehalf={onBehalf} state={state} idPrefix={id} />
        </div>
      )}
      <Field idPrefix={id} name="receivedKg" label={s.received} amount={{}} state={state} defaultValue={dispatchedTonnes} />
      <Field idPrefix={id} name="rejectedKg" label={s.rejected} amount={{}} state={state} hint={s.rejectedHint} />
      <Field idPrefix={id} name="shortReason" label={s.shortReason} state={state} hint={s.shortReasonHint} />
      <Field idPrefix={id} name="receivedAt" label={s.receivedAt} type="datetime-local" state={state} defaultValue={now} />
      <div className="sm:col-span-2 lg:col-span-4 space-y-2">
        <DetailNote state={state} locale={locale} />
        <ConfirmUnusual state={state} label={s.confirmUnusual} />
        <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
          {s.confirm}
        </button>
      </div>
    </form>
  );
}
