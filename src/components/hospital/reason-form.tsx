"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";

type Strings = { title: string; hint?: string; reason: string; submit: string; saved: string; fixErrors: string };

/** A staff action on a record that needs a reason: cancel an allocation's remainder, close a request short. */
export function ReasonForm({
  action,
  id,
  s,
  testId,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  id: string;
  s: Strings;
  testId: string;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const fieldId = `f-${testId}-reason`;
  const reasonError = errorText(state.fieldErrors?.reason);
  return (
    <form action={formAction} className="space-y-2" noValidate data-testid={testId}>
      <input type="hidden" name="id" value={id} />
      <p className="text-sm font-medium">{s.title}</p>
      {s.hint && <p className="text-xs text-slate-500">{s.hint}</p>}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      <div>
        <label htmlFor={fieldId} className="label">
          {s.reason}
        </label>
        <input
          id={fieldId}
          name="reason"
          className="input"
          defaultValue={state.values?.reason ?? ""}
          key={state.values?.reason ?? ""}
          aria-invalid={!!reasonError}
          aria-describedby={reasonError ? `${fieldId}-error` : undefined}
        />
        {reasonError && (
          <p id={`${fieldId}-error`} className="field-error" data-testid="error-reason">
            {reasonError}
          </p>
        )}
      </div>
      <button type="submit" className="btn-secondary border-red-300 text-red-800 hover:bg-red-50" disabled={pending}>
        {s.submit}
      </button>
    </form>
  );
}
