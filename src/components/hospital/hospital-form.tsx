"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

type Strings = {
  name: string;
  region: string;
  chooseRegion: string;
  address: string;
  isReferral: string;
  isAssociationMember: string;
  cylinderSupply: string;
  beds: string;
  covidBeds: string;
  icuBeds: string;
  tankCapacity: string;
  tankResidual: string;
  tankResidualHint: string;
  operatingMinimum: string;
  operatingMinimumHint: string;
  active: string;
  submit: string;
  saved: string;
  fixErrors: string;
};

export type HospitalInitial = {
  id?: string;
  name?: string;
  regionId?: string;
  address?: string;
  isReferral?: boolean;
  isAssociationMember?: boolean;
  cylinderSupply?: boolean;
  beds?: string;
  covidBeds?: string;
  icuBeds?: string;
  tankCapacityKg?: string;
  tankResidualKg?: string;
  operatingMinimumKg?: string;
  active?: boolean;
};

/** Register or edit a hospital. Tank figures are typed in tonnes; the server stores kilograms. */
export function HospitalForm({
  action,
  s,
  regions,
  initial,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  s: Strings;
  regions: { id: string; name: string; code: string }[];
  initial: HospitalInitial;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const regionId = state.values?.regionId ?? initial.regionId ?? "";
  const checked = (k: "isReferral" | "isAssociationMember" | "cylinderSupply" | "active") => (state.values ? state.values[k] === "on" : !!initial[k]);
  const regionError = !!state.fieldErrors?.regionId;
  return (
    <form action={formAction} className="card grid gap-4 sm:grid-cols-2" noValidate data-testid="hospital-form">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <Field name="name" label={s.name} state={state} defaultValue={initial.name} required />
      <Field name="regionId" label={s.region} state={state}>
        <select
          id="f-regionId"
          name="regionId"
          className="input"
          defaultValue={regionId}
          key={regionId}
          aria-invalid={regionError}
          aria-describedby={regionError ? "f-regionId-error" : undefined}
        >
          <option value="">{s.chooseRegion}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.code} {r.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Field name="address" label={s.address} state={state} defaultValue={initial.address} />
      </div>
      <fieldset className="flex flex-col gap-2 sm:col-span-2">
        {(["isReferral", "isAssociationMember", "cylinderSupply", ...(initial.id ? (["active"] as const) : [])] as const).map((k) => (
          <label key={`${k}-${checked(k)}`} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={k} defaultChecked={checked(k)} className="h-4 w-4" />
            {s[k]}
          </label>
        ))}
      </fieldset>
      <Field name="beds" label={s.beds} amount={{ unit: "NUMBER", decimals: 0 }} state={state} defaultValue={initial.beds ?? "0"} />
      <Field name="covidBeds" label={s.covidBeds} amount={{ unit: "NUMBER", decimals: 0 }} state={state} defaultValue={initial.covidBeds ?? "0"} />
      <Field name="icuBeds" label={s.icuBeds} amount={{ unit: "NUMBER", decimals: 0 }} state={state} defaultValue={initial.icuBeds ?? "0"} />
      <div className="hidden sm:block" />
      <Field name="tankCapacityKg" label={s.tankCapacity} amount={{}} state={state} defaultValue={initial.tankCapacityKg ?? "0"} />
      <Field name="tankResidualKg" label={s.tankResidual} amount={{}} hint={s.tankResidualHint} state={state} defaultValue={initial.tankResidualKg ?? "0"} />
      <Field
        name="operatingMinimumKg"
        label={s.operatingMinimum}
        amount={{}}
        hint={s.operatingMinimumHint}
        state={state}
        defaultValue={initial.operatingMinimumKg ?? ""}
      />
      <div className="sm:col-span-2">
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
