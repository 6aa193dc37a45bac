"use client";

import { useState } from "react";
import { useErrorText } from "@/components/forms/use-error-text";
import { AmountEcho, FormLanguage, type AmountKind } from "./amount-echo";
import type { FormState } from "./form-state";

type Props = {
  name: string;
  label: string;
  state: FormState;
  type?: string;
  defaultValue?: string | number;
  step?: string;
  hint?: string;
  required?: boolean;
  /** A typed amount: a text input read in the form's language, echoing what will be saved (decision 0017). */
  amount?: AmountKind;
  children?: React.ReactNode; // a <select> or <textarea> instead of an <input>
  /** Shown under the field's error: e.g. the amount as the server read it and the limit (DetailNote). */
  note?: React.ReactNode;
  /** Makes the input's id unique when one page holds several copies of the same form (e.g. a receipt per trip). */
  idPrefix?: string;
};

/** A labelled input with its translated field error; keeps what the user typed after a failed submit. */
export function Field({ name, label, state, type = "text", defaultValue, step, hint, required, amount, children, note, idPrefix }: Props) {
  const errorText = useErrorText();
  const error = errorText(state.fieldErrors?.[name]);
  const id = idPrefix ? `f-${idPrefix}-${name}` : `f-${name}`;
  const value = state.values?.[name] ?? (defaultValue === undefined ? undefined : String(defaultValue));
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children ??
        (amount ? (
          <AmountInput key={value} id={id} name={name} required={required} defaultValue={value} error={error} amount={amount} />
        ) : (
          <input
            id={id}
            name={name}
            type={type}
            step={step}
            required={required}
            defaultValue={value}
            className="input"
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            key={value}
          />
        ))}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
      {note}
    </div>
  );
}

/**
 * An amount as typed — `type="text" inputmode="decimal"`, so the browser sends exactly what was
 * typed — with the echo of what will be saved under it.
 */
export function AmountInput({
  id,
  name,
  defaultValue,
  error,
  amount,
  className = "input",
  ...rest
}: {
  id: string;
  name: string;
  defaultValue?: string;
  error?: string;
  amount: AmountKind;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "defaultValue" | "type" | "onChange">) {
  const [text, setText] = useState(defaultValue ?? "");
  return (
    <>
      <input
        {...rest}
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={defaultValue}
        className={className}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={`${error ? `${id}-error ` : ""}${id}-echo`}
      />
      <AmountEcho id={`${id}-echo`} text={text} kind={amount} />
    </>
  );
}

/** The form-level message: the first error, or "saved"; and the form's language for the server. */
export function FormMessage({ state, saved, fixErrors, language = true }: { state: FormState; saved: string; fixErrors: string; language?: boolean }) {
  return (
    <>
      {language && <FormLanguage />}
      <FormNotice state={state} saved={saved} fixErrors={fixErrors} />
    </>
  );
}

function FormNotice({ state, saved, fixErrors }: { state: FormState; saved: string; fixErrors: string }) {
  const errorText = useErrorText();
  if (state.ok)
    return (
      <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
        {saved}
      </p>
    );
  if (!state.error) return null;
  const text = state.error === "invalid" ? fixErrors : errorText(state.error);
  return (
    <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
      {text}
    </p>
  );
}
