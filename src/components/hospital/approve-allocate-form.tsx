"use client";

import { useActionState } from "react";
import { ConfirmUnusual } from "@/components/forms/confirm-unusual";
import { DetailNote } from "@/components/forms/detail-note";
import { FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";
import type { Locale } from "@/i18n/locales";

/** One line of the proposal: what the form sends, and what the reader sees of it. */
export type ProposedLine = { requestId: string; sourceId: string; tonnes: string; reason: string; title: string; detail?: string; reasonShown?: string };

type Strings = { title: string; intro: string; submit: string; done: string; fixErrors: string; confirmUnusual: string };

/**
 * Approve a submitted request in full and allocate the recommender's proposal for it, in one
 * step (shown only when the proposal covers it). The lines are the proposal as shown, not
 * editable here: to change them, staff approve and allocate in two steps below. A refusal —
 * a source that has less free now, an unusual amount to confirm — comes back on its line.
 */
export function ApproveAllocateForm({
  id,
  day,
  lines,
  action,
  s,
  locale,
}: {
  id: string;
  day: string;
  lines: ProposedLine[];
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  s: Strings;
  locale: Locale;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const whole = state.fieldErrors?.lines ?? state.fieldErrors?._form;
  return (
    <form action={formAction} className="card space-y-3 border-brand-300" noValidate data-testid="approve-allocate-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="day" value={day} />
      <h3 className="font-semibold">{s.title}</h3>
      <FormMessage state={state} saved={s.done} fixErrors={s.fixErrors} />
      <p className="text-sm text-slate-700">{s.intro}</p>
      <ul className="space-y-1 text-sm" data-testid="proposed-lines">
        {lines.map((l, i) => {
          const err = errorText(
            state.fieldErrors?.[`lines[${i}].kg`] ?? state.fieldErrors?.[`lines[${i}].sourceId`] ?? state.fieldErrors?.[`lines[${i}].requestId`],
          );
          return (
            <li key={l.sourceId} data-testid="proposed-line" data-source={l.sourceId}>
              <input type="hidden" name={`lines[${i}].requestId`} value={l.requestId} />
              <input type="hidden" name={`lines[${i}].sourceId`} value={l.sourceId} />
              <input type="hidden" name={`lines[${i}].kg`} value={l.tonnes} />
              <input type="hidden" name={`lines[${i}].reason`} value={l.reason} />
              <span className="font-semibold tabular-nums">{l.tonnes} t</span> · {l.title}
              {l.detail && <span className="text-slate-500"> · {l.detail}</span>}
              {l.reasonShown && <div className="text-xs text-slate-600">{l.reasonShown}</div>}
              {err && (
                <p className="field-error" data-testid={`error-line-${i}`}>
                  {err}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {whole && (
        <p className="field-error" data-testid="error-lines">
          {errorText(whole)}
        </p>
      )}
      <DetailNote state={state} locale={locale} />
      {state.fieldErrors?.approvedKg && (
        <p className="text-sm text-amber-900" data-testid="error-approvedKg">
          {errorText(state.fieldErrors.approvedKg)}
        </p>
      )}
      <ConfirmUnusual state={state} label={s.confirmUnusual} />
      <button type="submit" className="btn" disabled={pending}>
        {s.submit}
      </button>
    </form>
  );
}
