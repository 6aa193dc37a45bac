"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";

type Role = "ADMIN" | "STAFF" | "OFFICIAL" | "HOSPITAL";
type EditStrings = {
  name: string;
  role: string;
  hospital: string;
  chooseHospital: string;
  save: string;
  saved: string;
  fixErrors: string;
  roles: Record<Role, string>;
};

/** ADMIN edits an account's name, role and hospital (a new role or hospital ends its sessions). */
export function EditUserForm({
  action,
  user,
  s,
  hospitals,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  user: { id: string; name: string; role: Role; hospitalId: string | null };
  s: EditStrings;
  hospitals: { id: string; name: string }[];
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const [role, setRole] = useState<string>(state.values?.role ?? user.role);
  const p = `u-${user.id}`;
  return (
    <form action={formAction} className="mt-2 grid grid-cols-1 gap-2" noValidate data-testid="edit-user-form">
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} language={false} />
      <input type="hidden" name="id" value={user.id} />
      <div>
        <label htmlFor={`${p}-name`} className="label">
          {s.name}
        </label>
        <input
          id={`${p}-name`}
          name="name"
          className="input"
          defaultValue={state.values?.name ?? user.name}
          required
          aria-invalid={!!state.fieldErrors?.name}
        />
        {state.fieldErrors?.name && <p className="field-error">{errorText(state.fieldErrors.name)}</p>}
      </div>
      <div>
        <label htmlFor={`${p}-role`} className="label">
          {s.role}
        </label>
        <select id={`${p}-role`} name="role" className="input" value={role} onChange={(e) => setRole(e.target.value)}>
          {(["HOSPITAL", "STAFF", "OFFICIAL", "ADMIN"] as const).map((r) => (
            <option key={r} value={r}>
              {s.roles[r]}
            </option>
          ))}
        </select>
        {state.fieldErrors?.role && <p className="field-error">{errorText(state.fieldErrors.role)}</p>}
      </div>
      <div>
        <label htmlFor={`${p}-hospital`} className="label">
          {s.hospital}
        </label>
        <select
          id={`${p}-hospital`}
          name="hospitalId"
          className="input"
          defaultValue={state.values?.hospitalId ?? user.hospitalId ?? ""}
          disabled={role !== "HOSPITAL"}
        >
          <option value="">{s.chooseHospital}</option>
          {hospitals.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
        {state.fieldErrors?.hospitalId && <p className="field-error">{errorText(state.fieldErrors.hospitalId)}</p>}
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {s.save}
      </button>
    </form>
  );
}

type ResetState = { ok?: boolean; error?: string; oneTimePassword?: string };

/** ADMIN resets a password: the one-time password is shown here once, and exists nowhere else in clear. */
export function ResetPasswordButton({
  action,
  id,
  text,
  label,
  confirm,
  shown,
}: {
  action: (prev: ResetState, data: FormData) => Promise<ResetState>;
  id: string;
  text: string;
  label: string;
  confirm: string;
  shown: string;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="space-y-1"
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="btn-secondary px-2 py-1 text-xs" disabled={pending} aria-label={label}>
        {text}
      </button>
      {state.oneTimePassword && (
        <p className="text-xs" data-testid="one-time-password">
          {shown} <code className="select-all rounded bg-slate-100 px-1 font-mono">{state.oneTimePassword}</code>
        </p>
      )}
      {state.error && <p className="field-error">{errorText(state.error)}</p>}
    </form>
  );
}
