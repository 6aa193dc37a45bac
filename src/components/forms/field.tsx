"use client";

import { errorText, type ErrorMessages } from "@/i18n/errors";
import type { FormState } from "./form-state";

type Props = {
  name: string;
  label: string;
  state: FormState;
  errors: ErrorMessages;
  type?: string;
  defaultValue?: string | number;
  step?: string;
  hint?: string;
  required?: boolean;
  children?: React.ReactNode; // a <select> or <textarea> instead of an <input>
};

/** A labelled input with its translated field error; keeps what the user typed after a failed submit. */
export function Field({ name, label, state, errors, type = "text", defaultValue, step, hint, required, children }: Props) {
  const error = errorText(errors, state.fieldErrors?.[name]);
  const id = `f-${name}`;
  const value = state.values?.[name] ?? (defaultValue === undefined ? undefined : String(defaultValue));
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children ?? (
        <input id={id} name={name} type={type} step={step} required={required} defaultValue={value} className="input"
          aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} key={value} />
      )}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The form-level message: the first error, or "saved". */
export function FormMessage({ state, errors, saved, fixErrors }: { state: FormState; errors: ErrorMessages; saved: string; fixErrors: string }) {
  if (state.ok) return <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">{saved}</p>;
  if (!state.error) return null;
  const text = state.error === "invalid" ? fixErrors : errorText(errors, state.error);
  return <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">{text}</p>;
}
