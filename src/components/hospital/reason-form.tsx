"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";

type Strings = { title: string; hint?: string; reason: string; submit: string; saved: string; fixErrors: string };

/**
 * An action on a record that cannot be undone and needs a reason: cancel a request or an
 * allocation's remainder, close a request short. The first press asks "are you sure?" with the
 * reason repeated; only "yes" sends it. The server still requires the reason (the use case's
 * input), this only spares a slip of the thumb.
 */
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
  const t = useTranslations("feedback.confirm");
  const [asking, setAsking] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: FormState, data: FormData) => {
    const next = await action(prev, data);
    setAsking(false);
    return next;
  }, {});
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const fieldId = `f-${testId}-reason`;
  const reasonError = missing ? t("reasonFirst") : errorText(state.fieldErrors?.reason);
  const ask = () => {
    if (!input.current?.value.trim()) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    setAsking(true);
    // the question takes the focus, so a keyboard or screen reader lands on the answer
    requestAnimationFrame(() => yes.current?.focus());
  };
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
          ref={input}
          id={fieldId}
          name="reason"
          className="input"
          readOnly={asking}
          defaultValue={state.values?.reason ?? ""}
          key={state.values?.reason ?? ""}
          onKeyDown={(e) => {
            // Enter asks first, like the button
            if (e.key === "Enter" && !asking) {
              e.preventDefault();
              ask();
            }
          }}
          aria-invalid={!!reasonError}
          aria-describedby={reasonError ? `${fieldId}-error` : undefined}
        />
        {reasonError && (
          <p id={`${fieldId}-error`} className="field-error" data-testid="error-reason">
            {reasonError}
          </p>
        )}
      </div>
      {asking ? (
        <div role="alertdialog" aria-labelledby={`${fieldId}-ask`} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3" data-testid="confirm">
          <p id={`${fieldId}-ask`} className="text-sm text-red-900">
            {s.title}: {t("question")}
          </p>
          <div className="flex flex-wrap gap-2">
            <button ref={yes} type="submit" className="btn bg-red-700 hover:bg-red-800" disabled={pending} data-testid="confirm-yes">
              {t("yes")}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setAsking(false)} data-testid="confirm-no">
              {t("no")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="btn-secondary border-red-300 text-red-800 hover:bg-red-50"
          disabled={pending}
          onClick={ask}
          data-testid={`${testId}-submit`}
        >
          {s.submit}
        </button>
      )}
    </form>
  );
}
