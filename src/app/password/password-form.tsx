"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

type Strings = { current: string; newPassword: string; confirm: string; newHint: string; change: string; fixErrors: string };

export function PasswordForm({ action, s }: { action: (prev: FormState, data: FormData) => Promise<FormState>; s: Strings }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="password-form">
      <FormMessage state={state} saved="" fixErrors={s.fixErrors} />
      <Field name="current" label={s.current} type="password" state={state} required />
      <Field name="password" label={s.newPassword} type="password" hint={s.newHint} state={state} required />
      <Field name="confirm" label={s.confirm} type="password" state={state} required />
      <button type="submit" className="btn w-full" disabled={pending} data-testid="password-submit">
        {s.change}
      </button>
    </form>
  );
}
