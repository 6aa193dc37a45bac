"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

type Strings = {
  name: string;
  kind: string;
  region: string;
  address: string;
  contactName: string;
  contactPhone: string;
  chooseRegion: string;
  kinds: Record<"PRODUCER" | "DISTRIBUTOR" | "VENDOR", string>;
  submit: string;
  saved: string;
  fixErrors: string;
};

type Initial = { id?: string; name?: string; kind?: string; regionId?: string; address?: string; contactName?: string; contactPhone?: string };

export function SupplierForm({
  action,
  s,
  regions,
  initial,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  s: Strings;
  regions: { id: string; name: string; code: string }[];
  initial: Initial;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = (k: keyof Initial) => state.values?.[k] ?? initial[k] ?? "";
  const err = (k: string) => !!state.fieldErrors?.[k];
  return (
    <form action={formAction} className="card grid gap-4 sm:grid-cols-2" noValidate data-testid="supplier-form">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <Field name="name" label={s.name} state={state} defaultValue={initial.name} required />
      <Field name="kind" label={s.kind} state={state}>
        <select id="f-kind" name="kind" className="input" defaultValue={v("kind") || "PRODUCER"} key={v("kind")} aria-invalid={err("kind")}>
          {(["PRODUCER", "DISTRIBUTOR", "VENDOR"] as const).map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="regionId" label={s.region} state={state}>
        <select
          id="f-regionId"
          name="regionId"
          className="input"
          defaultValue={v("regionId")}
          key={v("regionId")}
          aria-invalid={err("regionId")}
          aria-describedby={err("regionId") ? "f-regionId-error" : undefined}
        >
          <option value="">{s.chooseRegion}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.code} {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="address" label={s.address} state={state} defaultValue={initial.address} />
      <Field name="contactName" label={s.contactName} state={state} defaultValue={initial.contactName} />
      <Field name="contactPhone" label={s.contactPhone} type="tel" state={state} defaultValue={initial.contactPhone} />
      <div className="sm:col-span-2">
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
