"use client";

import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/use-error-text";
import { AmountEcho, FormLanguage, type AmountKind } from "./amount-echo";
import { DayInput } from "./day-input";
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
        ) : type === "date" || type === "datetime-local" ? (
          <DayInput
            key={value}
            withTime={type === "datetime-local"}
            id={id}
            name={name}
            required={required}
            defaultValue={value}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        ) : (
          <input
            id={id}
            name={name}
            type={type}
            // a phone shows digits for a number (a whole one without the decimal mark)
            inputMode={type === "number" ? (step && step !== "1" ? "decimal" : "numeric") : undefined}
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
 * An amount as typed — `type="text" inputmode="decimal"` ("numeric" for a whole number), so the
 * browser sends exactly what was typed and a phone shows its number keys — with the echo of what
 * will be saved under it. onText hears every keystroke (a figure computed from it, as on /capacity).
 */
export function AmountInput({
  id,
  name,
  defaultValue,
  error,
  amount,
  className = "input",
  onText,
  ...rest
}: {
  id: string;
  name: string;
  defaultValue?: string;
  error?: string;
  amount: AmountKind;
  onText?: (text: string) => void;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "defaultValue" | "type" | "onChange">) {
  const [text, setText] = useState(defaultValue ?? "");
  const input = useRef<HTMLInputElement>(null);
  const heard = useRef(onText);
  useEffect(() => {
    heard.current = onText;
  });
  useEffect(() => {
    const box = input.current;
    const form = box?.form;
    if (!box || !form) return;
    // React empties a form once its action has saved it (form.reset(), which types nothing): the
    // echo must not go on saying what the box held. "reset" fires before the values go back.
    const onReset = () =>
      setTimeout(() => {
        setText(box.value);
        heard.current?.(box.value);
      });
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);
  return (
    <>
      <input
        {...rest}
        ref={input}
        id={id}
        name={name}
        type="text"
        inputMode={amount.decimals === 0 ? "numeric" : "decimal"}
        autoComplete="off"
        defaultValue={defaultValue}
        className={className}
        onChange={(e) => {
          setText(e.target.value);
          onText?.(e.target.value);
        }}
        aria-invalid={!!error}
        aria-describedby={`${error ? `${id}-error ` : ""}${id}-echo`}
      />
      <AmountEcho id={`${id}-echo`} text={text} kind={amount} />
    </>
  );
}

/**
 * The form-level message: the first error, or "saved"; and the form's language for the server.
 * `className` places the message in its form's grid (a column span): with nothing to say it is
 * not displayed, so it takes no row and leaves no gap — a wrapper of its own would (issue 16).
 */
export function FormMessage({
  state,
  saved,
  fixErrors,
  language = true,
  className,
}: {
  state: FormState;
  saved: string;
  fixErrors: string;
  language?: boolean;
  className?: string;
}) {
  return (
    <>
      {language && <FormLanguage />}
      <FormNotice state={state} saved={saved} fixErrors={fixErrors} className={className} />
    </>
  );
}

/**
 * The outcome of the last submit, in a live region a screen reader announces. While the form is
 * being sent it says so instead, and the previous error is gone: an old error next to a disabled
 * button reads as if the new attempt had failed too.
 */
function FormNotice({ state, saved, fixErrors, className }: { state: FormState; saved: string; fixErrors: string; className?: string }) {
  const errorText = useErrorText();
  const t = useTranslations("feedback");
  const { pending } = useFormStatus();
  let notice: React.ReactNode = null;
  if (pending)
    notice = (
      <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700" data-testid="form-pending">
        <span className="mr-2 inline-block size-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent align-[-1px]" aria-hidden="true" />
        {t("pending")}
      </p>
    );
  else if (state.ok)
    notice = (
      <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
        {state.notice ?? saved}
      </p>
    );
  else if (state.error)
    notice = (
      <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
        {state.error === "invalid" ? fixErrors : errorText(state.error)}
      </p>
    );
  return (
    <div role="status" aria-live="polite" className={`empty:hidden ${className ?? ""}`}>
      {notice}
    </div>
  );
}
