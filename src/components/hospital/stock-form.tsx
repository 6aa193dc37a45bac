"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import type { ErrorMessages } from "@/i18n/errors";

type Strings = {
  day: string; stock: string; used: string; severe: string; critical: string; bedsOccupied: string; submit: string;
  saved: string; savedFlagged: string; fixErrors: string;
};

export type StockFormState = FormState & { flagged?: boolean };

/** The daily stock report. Amounts in tonnes (decimal comma or point); patients and beds as counts. */
export function StockForm({ action, s, errors, today }: {
  action: (prev: StockFormState, data: FormData) => Promise<StockFormState>; s: Strings; errors: ErrorMessages; today: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="card grid gap-4 sm:grid-cols-3" noValidate data-testid="stock-form">
      <div className="sm:col-span-3">
        {state.ok && state.flagged ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="form-flagged">{s.savedFlagged}</p>
        ) : (
          <FormMessage state={state} errors={errors} saved={s.saved} fixErrors={s.fixErrors} />
        )}
      </div>
      <Field name="day" label={s.day} type="date" state={state} errors={errors} defaultValue={today} required />
      <Field name="stockKg" label={s.stock} state={state} errors={errors} required />
      <Field name="usedKg" label={s.used} state={state} errors={errors} required />
      <Field name="severePatients" label={s.severe} type="number" state={state} errors={errors} defaultValue="0" />
      <Field name="criticalPatients" label={s.critical} type="number" state={state} errors={errors} defaultValue="0" />
      <Field name="bedsOccupied" label={s.bedsOccupied} type="number" state={state} errors={errors} defaultValue="0" />
      <div className="sm:col-span-3">
        <button type="submit" className="btn" disabled={pending}>{s.submit}</button>
      </div>
    </form>
  );
}
