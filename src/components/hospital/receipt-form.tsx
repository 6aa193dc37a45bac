"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import type { ErrorMessages } from "@/i18n/errors";

type Strings = { received: string; receivedAt: string; confirm: string; confirmed: string; fixErrors: string };

/** The hospital confirms a delivery: tonnes received (prefilled with what was dispatched) and when. */
export function ReceiptForm({ action, id, dispatchedTonnes, now, s, errors }: {
  action: (prev: FormState, data: FormData) => Promise<FormState>; id: string; dispatchedTonnes: string; now: string; s: Strings; errors: ErrorMessages;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-3 sm:items-end" noValidate data-testid={`receipt-form-${id}`}>
      <input type="hidden" name="id" value={id} />
      <div className="sm:col-span-3"><FormMessage state={state} errors={errors} saved={s.confirmed} fixErrors={s.fixErrors} /></div>
      <Field name="receivedKg" label={s.received} amount={{}} state={state} errors={errors} defaultValue={dispatchedTonnes} />
      <Field name="receivedAt" label={s.receivedAt} type="datetime-local" state={state} errors={errors} defaultValue={now} />
      <div><button type="submit" className="btn w-full sm:w-auto" disabled={pending}>{s.confirm}</button></div>
    </form>
  );
}
