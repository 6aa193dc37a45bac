"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/field";
import { CONFIRMED_FIELD, type FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";

type Strings = { title: string; hint?: string; reason: string; submit: string; saved: string; fixErrors: string };

/**
 * An action on a record that cannot be undone and needs a reason: cancel a request or an
 * allocation's remainder, close a request short. The first press asks "are you sure?" with the
 * reason repeated; only "yes" sends it. The server still requires the reason (the use case's
 * input), this only spares a slip of the thumb.
 *
 * Without the page's script (a slow phone, JavaScript off) the form posts the server action
 * itself: the first press comes back with the question from the server (its action is made with
 * confirmedFormAction, which changes nothing until "yes" sends CONFIRMED_FIELD), "yes" does it,
 * and "no" reloads the page. `fold` puts the form in a <details> that comes back open when the
 * server answered something, so the question or the error is not hidden in a closed fold.
 */
export function ReasonForm({
  action,
  id,
  s,
  testId,
  fold,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  id: string;
  s: Strings;
  testId: string;
  fold?: { summary: string; className?: string; testId?: string };
}) {
  const errorText = useErrorText();
  const t = useTranslations("feedback.confirm");
  const [state, formAction, pending] = useActionState(action, {});
  // Asked (or answered "no") on this page, for the state it was asked on: a new answer from the
  // server ends the question, and the server's own question (state.asking) holds until then.
  const [asked, setAsked] = useState<{ on: FormState; asking: boolean } | null>(null);
  const asking = asked?.on === state ? asked.asking : !!state.asking;
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
    setAsked({ on: state, asking: true });
    // the question takes the focus, so a keyboard or screen reader lands on the answer
    requestAnimationFrame(() => yes.current?.focus());
  };
  const form = (
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
          <input type="hidden" name={CONFIRMED_FIELD} value="1" />
          <p id={`${fieldId}-ask`} className="text-sm text-red-900">
            {s.title}: {t("question")}
          </p>
          <div className="flex flex-wrap gap-2">
            <button ref={yes} type="submit" className="btn bg-red-700 hover:bg-red-800" disabled={pending} data-testid="confirm-yes">
              {t("yes")}
            </button>
            {/* without the script, "no" is the page again, unasked */}
            <a
              href="?"
              role="button"
              className="btn-secondary"
              aria-disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                if (!pending) setAsked({ on: state, asking: false });
              }}
              data-testid="confirm-no"
            >
              {t("no")}
            </a>
          </div>
        </div>
      ) : (
        // a submit button, so that without the script the server asks instead (state.asking)
        <button
          type="submit"
          className="btn-secondary border-red-300 text-red-800 hover:bg-red-50"
          disabled={pending}
          onClick={(e) => {
            e.preventDefault();
            ask();
          }}
          data-testid={`${testId}-submit`}
        >
          {s.submit}
        </button>
      )}
    </form>
  );
  if (!fold) return form;
  const answered = state.asking || state.ok === false || state.ok === true;
  return (
    <details className={fold.className} data-testid={fold.testId} open={answered || undefined}>
      <summary className="cursor-pointer text-red-800">{fold.summary}</summary>
      <div className="pt-2">{form}</div>
    </details>
  );
}
