"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { IssueState } from "./actions";
import { CopyButton } from "./copy-button";
import { DayInput } from "@/components/forms/day-input";

type S = {
  name: string;
  user: string;
  lastDay: string;
  lastDayHint: string;
  issue: string;
  issued: string;
  fixErrors: string;
  copy: string;
  copied: string;
  copyFailed: string;
};

/** Issue a token; the new value is shown once, here, and is gone on the next page load. */
export function IssueTokenForm(props: {
  action: (prev: IssueState, data: FormData) => Promise<IssueState>;
  users: { id: string; label: string }[];
  /** Today (WIB, the app's clock): the earliest last day. */
  today: string;
  s: S;
}) {
  const { action, users, today, s } = props;
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="card grid gap-4 md:grid-cols-[1fr_1fr_1fr_auto] md:items-start">
      <Field name="name" label={s.name} state={state} required />
      <Field name="userId" label={s.user} state={state}>
        <select id="f-userId" name="userId" className="input" defaultValue={state.values?.userId ?? ""} required>
          <option value="" disabled>
            —
          </option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="lastDay" label={s.lastDay} state={state} hint={s.lastDayHint}>
        <DayInput key={state.values?.lastDay ?? ""} id="f-lastDay" name="lastDay" min={today} defaultValue={state.values?.lastDay ?? ""} />
      </Field>
      <button type="submit" className="btn md:mt-6" disabled={pending}>
        {s.issue}
      </button>
      {state.ok && state.token ? (
        <div className="rounded-md bg-green-50 p-3 text-sm text-green-900 md:col-span-4" data-testid="new-token">
          <p>{s.issued}</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-base select-all">{state.token}</code>
          <CopyButton value={state.token} s={{ copy: s.copy, copied: s.copied, failed: s.copyFailed }} />
        </div>
      ) : (
        <FormMessage state={state} saved={s.issued} fixErrors={s.fixErrors} className="md:col-span-4" />
      )}
    </form>
  );
}
