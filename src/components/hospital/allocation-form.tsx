"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { AskForSections, useSentSections, type Sections } from "@/components/forms/live-sections";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";

export type AllocationRow = {
  requestId: string;
  sourceId: string;
  /** what the row draws on (source), and for whom when several requests are listed */
  title: string;
  detail?: string;
  free: string;
  /** proposed tonnes, "" for none */
  tonnes: string;
  /** stored with the allocation (the recommender's sentence) */
  reason: string;
  /** shown to the reader, in their language */
  reasonShown?: string;
  disabled?: boolean;
  note?: string;
};

export type AllocationFormState = FormState & {
  /** parts of the page the allocation changed, rendered again by the action (decision 0049) */
  sections?: Sections;
};

type Strings = { source: string; free: string; kg: string; reason: string; submit: string; saved: string; fixErrors: string };

/**
 * Editable allocation lines (prefilled with the recommender's proposal); saving sends every
 * non-empty line in one transaction. Errors come back per line and typed values stay.
 */
export function AllocationForm({
  action,
  rows,
  day,
  s,
  testId = "allocation-form",
  formKey,
}: {
  action: (prev: AllocationFormState, data: FormData) => Promise<AllocationFormState>;
  rows: AllocationRow[];
  day: string;
  /** New at each rendering of the form on the server: sent twice, the same lines are saved once. */
  formKey: string;
  s: Strings;
  testId?: string;
}) {
  const errorText = useErrorText();
  // The action itself, not a wrapper: before the page's script runs the form still posts (decision 0050).
  const [state, formAction, pending] = useActionState(action, {});
  useSentSections(state.sections);
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="day" value={day} />
      <input type="hidden" name="formKey" value={formKey} />
      <AskForSections />
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      {state.fieldErrors?._form && <p className="field-error">{errorText(state.fieldErrors._form)}</p>}
      <div className="card p-0">
        <table className="table table-stack">
          <thead>
            <tr>
              <th>{s.source}</th>
              <th className="text-right">{s.free}</th>
              <th className="w-32">{s.kg}</th>
              <th className="hidden sm:table-cell">{s.reason}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const err = errorText(state.fieldErrors?.[`lines[${i}].kg`] ?? state.fieldErrors?.[`lines[${i}].sourceId`]);
              const value = state.values?.[`lines[${i}].kg`] ?? r.tonnes;
              return (
                <tr key={`${r.requestId}-${r.sourceId}`} className={r.disabled ? "text-slate-400" : ""} data-testid="allocation-row" data-source={r.sourceId}>
                  <td>
                    <div className="font-medium">{r.title}</div>
                    {r.detail && <div className="text-xs text-slate-500">{r.detail}</div>}
                    {r.note && <div className="text-xs text-amber-800">{r.note}</div>}
                    {r.reasonShown && <div className="mt-1 text-xs text-slate-600 sm:hidden">{r.reasonShown}</div>}
                  </td>
                  <td className="text-right tabular-nums" data-label={s.free}>
                    {r.free}
                  </td>
                  <td data-label={s.kg}>
                    <input type="hidden" name={`lines[${i}].requestId`} value={r.requestId} />
                    <input type="hidden" name={`lines[${i}].sourceId`} value={r.sourceId} />
                    <input type="hidden" name={`lines[${i}].reason`} value={r.reason} />
                    <div className="max-sm:w-36">
                      <input
                        name={`lines[${i}].kg`}
                        aria-label={`${s.kg}: ${r.title}`}
                        className="input"
                        inputMode="decimal"
                        defaultValue={value}
                        key={value}
                        disabled={r.disabled}
                        aria-invalid={!!err}
                      />
                      {err && (
                        <p className="field-error" data-testid={`error-kg-${i}`}>
                          {err}
                        </p>
                      )}
                    </div>
                  </td>
                  <td className="stack-omit hidden max-w-md text-xs text-slate-600 sm:table-cell">{r.reasonShown}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {s.submit}
      </button>
    </form>
  );
}
