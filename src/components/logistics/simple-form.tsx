"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

export type SimpleField = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  /** a whole number typed in the form's language */
  whole?: boolean;
  checkbox?: boolean;
  checked?: boolean;
  options?: { value: string; label: string }[];
};

/**
 * A small settings or movement form: its fields in a grid, per-field errors, typed values kept
 * (decision 0029). The fields' labels come translated from the server.
 */
export function SimpleForm({
  action,
  fields,
  hidden = {},
  submit,
  saved,
  fixErrors,
  testId,
  narrow = false,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  fields: SimpleField[];
  hidden?: Record<string, string>;
  submit: string;
  saved: string;
  fixErrors: string;
  testId: string;
  /** one column, for a narrow page */
  narrow?: boolean;
}) {
  const span = narrow ? "" : "sm:col-span-3";
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={narrow ? "grid gap-4" : "card grid gap-4 sm:grid-cols-3"} noValidate data-testid={testId}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormMessage state={state} saved={saved} fixErrors={fixErrors} className={span} />
      {fields.map((f) =>
        f.checkbox ? (
          <label
            key={`${f.name}-${String(state.values ? state.values[f.name] === "on" : f.checked)}`}
            className={narrow ? "flex items-center gap-2 text-sm" : "flex items-center gap-2 text-sm sm:pt-6"}
          >
            <input
              type="checkbox"
              name={f.name}
              defaultChecked={state.values ? state.values[f.name] === "on" : f.checked}
              className="h-4 w-4"
              data-testid={`check-${f.name}`}
            />
            {f.label}
          </label>
        ) : f.options ? (
          <Field key={f.name} idPrefix={testId} name={f.name} label={f.label} hint={f.hint} state={state}>
            <select
              id={`f-${testId}-${f.name}`}
              name={f.name}
              className="input"
              defaultValue={state.values?.[f.name] ?? f.defaultValue ?? ""}
              key={state.values?.[f.name] ?? f.defaultValue ?? ""}
              aria-invalid={!!state.fieldErrors?.[f.name]}
              aria-describedby={state.fieldErrors?.[f.name] ? `f-${testId}-${f.name}-error` : undefined}
            >
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field
            key={f.name}
            idPrefix={testId}
            name={f.name}
            label={f.label}
            hint={f.hint}
            state={state}
            defaultValue={f.defaultValue}
            amount={f.whole ? { unit: "NUMBER", decimals: 0 } : undefined}
          />
        ),
      )}
      <div className={span}>
        <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}
