"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { IssueState } from "./actions";

type S = { name: string; user: string; issue: string; issued: string; fixErrors: string };

/** Issue a token; the new value is shown once, here, and is gone on the next page load. */
export function IssueTokenForm(props: { action: (prev: IssueState, data: FormData) => Promise<IssueState>; users: { id: string; label: string }[]; s: S }) {
  const { action, users, s } = props;
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="card grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end">
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
      <button type="submit" className="btn" disabled={pending}>
        {s.issue}
      </button>
      <div className="md:col-span-3">
        {state.ok && state.token ? (
          <div className="rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="new-token">
            <p>{s.issued}</p>
            <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-base select-all">{state.token}</code>
          </div>
        ) : (
          <FormMessage state={state} saved={s.issued} fixErrors={s.fixErrors} />
        )}
      </div>
    </form>
  );
}
