"use client";

import { useActionState, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

type Role = "ADMIN" | "STAFF" | "OFFICIAL" | "HOSPITAL";
type Strings = {
  email: string;
  name: string;
  role: string;
  hospital: string;
  chooseHospital: string;
  hospitalHint: string;
  password: string;
  passwordHint: string;
  submit: string;
  saved: string;
  fixErrors: string;
  roles: Record<Role, string>;
};

/** ADMIN creates an account; a hospital admin's account is bound to one hospital. */
export function UserForm({
  action,
  s,
  hospitals,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState & { savedId?: string }>;
  s: Strings;
  hospitals: { id: string; name: string }[];
}) {
  const router = useRouter();
  // Each success gets a new key, so the form is emptied for the next account.
  const created = useRef(0);
  const [state, formAction, pending] = useActionState(async (prev: FormState, data: FormData) => {
    const next = await action(prev, data);
    if (next.ok) created.current++;
    // the list below highlights the new account
    if (next.ok && next.savedId) router.replace(`/admin/users?saved=${encodeURIComponent(next.savedId)}`, { scroll: false });
    return next;
  }, {});
  const [role, setRole] = useState<string>(state.values?.role ?? "HOSPITAL");
  const hospitalId = state.values?.hospitalId ?? "";
  const err = (k: string) => !!state.fieldErrors?.[k];
  return (
    // eslint-disable-next-line react-hooks/refs -- the key changes when an account was created, to empty the form
    <form action={formAction} className="card grid gap-4 sm:grid-cols-2" noValidate data-testid="user-form" key={created.current}>
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <Field name="email" label={s.email} type="email" state={state} required />
      <Field name="name" label={s.name} state={state} required />
      <Field name="role" label={s.role} state={state}>
        <select id="f-role" name="role" className="input" value={role} onChange={(e) => setRole(e.target.value)} aria-invalid={err("role")}>
          {(["HOSPITAL", "STAFF", "OFFICIAL", "ADMIN"] as const).map((r) => (
            <option key={r} value={r}>
              {s.roles[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="hospitalId" label={s.hospital} state={state} hint={s.hospitalHint}>
        <select
          id="f-hospitalId"
          name="hospitalId"
          className="input"
          defaultValue={hospitalId}
          key={hospitalId}
          disabled={role !== "HOSPITAL"}
          aria-invalid={err("hospitalId")}
          aria-describedby={err("hospitalId") ? "f-hospitalId-error" : undefined}
        >
          <option value="">{s.chooseHospital}</option>
          {hospitals.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="password" label={s.password} type="password" hint={s.passwordHint} state={state} required />
      <div className="sm:col-span-2">
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
