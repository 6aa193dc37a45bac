"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Option = { id: string; name: string };

export type FleetFormStrings = {
  plate: string;
  kind: string;
  capacity: string;
  capacityHint: string;
  operator: string;
  chooseOperator: string;
  name: string;
  phone: string;
  active: string;
  kinds: Record<"ROAD_TANKER" | "ISO_CONTAINER" | "CYLINDER_TRUCK", string>;
  submit: string;
  saved: string;
  fixErrors: string;
};

function OperatorSelect({
  state,
  s,
  operators,
  initial,
  prefix,
}: {
  state: FormState;
  s: FleetFormStrings;
  operators: Option[];
  initial?: string;
  prefix: string;
}) {
  const value = state.values?.operatorId ?? initial ?? "";
  const invalid = !!state.fieldErrors?.operatorId;
  return (
    <Field name="operatorId" label={s.operator} state={state} idPrefix={prefix}>
      <select
        id={`f-${prefix}-operatorId`}
        name="operatorId"
        className="input"
        defaultValue={value}
        key={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `f-${prefix}-operatorId-error` : undefined}
      >
        <option value="">{s.chooseOperator}</option>
        {operators.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Registers a vehicle, or edits one (`initial.id`). */
export function VehicleForm({
  action,
  s,
  operators,
  initial = {},
}: {
  action: Action;
  s: FleetFormStrings;
  operators: Option[];
  initial?: { id?: string; plate?: string; kind?: string; capacity?: number; operatorId?: string; active?: boolean };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const prefix = initial.id ? `v-${initial.id}` : "v-new";
  const kind = state.values?.kind ?? initial.kind ?? "ROAD_TANKER";
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate data-testid={initial.id ? "vehicle-edit-form" : "vehicle-form"}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <Field name="plate" label={s.plate} state={state} defaultValue={initial.plate} idPrefix={prefix} required />
      <Field name="kind" label={s.kind} state={state} idPrefix={prefix}>
        <select id={`f-${prefix}-kind`} name="kind" className="input" defaultValue={kind} key={kind}>
          {(["ROAD_TANKER", "ISO_CONTAINER", "CYLINDER_TRUCK"] as const).map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="capacity" label={s.capacity} state={state} defaultValue={initial.capacity} idPrefix={prefix} hint={s.capacityHint} required />
      <OperatorSelect state={state} s={s} operators={operators} initial={initial.operatorId} prefix={prefix} />
      {initial.id && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={initial.active} /> {s.active}
        </label>
      )}
      <div className="sm:col-span-2">
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}

/** Registers a driver, or edits one (`initial.id`). */
export function DriverForm({
  action,
  s,
  operators,
  initial = {},
}: {
  action: Action;
  s: FleetFormStrings;
  operators: Option[];
  initial?: { id?: string; name?: string; phone?: string; operatorId?: string; active?: boolean };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const prefix = initial.id ? `d-${initial.id}` : "d-new";
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate data-testid={initial.id ? "driver-edit-form" : "driver-form"}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <Field name="name" label={s.name} state={state} defaultValue={initial.name} idPrefix={prefix} required />
      <Field name="phone" label={s.phone} type="tel" state={state} defaultValue={initial.phone} idPrefix={prefix} />
      <OperatorSelect state={state} s={s} operators={operators} initial={initial.operatorId} prefix={prefix} />
      {initial.id && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={initial.active} /> {s.active}
        </label>
      )}
      <div className="sm:col-span-2">
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
