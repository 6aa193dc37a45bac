"use client";

import { useActionState, useState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

export type DivertStrings = {
  hospital: string;
  chooseHospital: string;
  request: string;
  newEmergency: string;
  reason: string;
  eta: string;
  submit: string;
  saved: string;
  fixErrors: string;
};

/** Staff send a trip in transit to another hospital; its open requests are offered once it is chosen. */
export function DivertForm({
  action,
  tripId,
  hospitals,
  requests,
  s,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  tripId: string;
  hospitals: { id: string; name: string }[];
  requests: { id: string; hospitalId: string; label: string }[];
  s: DivertStrings;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  // The hospital picked since the last answer, else the one the answer kept (React resets the
  // form's fields to their defaults after each submit: the select is uncontrolled for that).
  const [picked, setPicked] = useState<{ after: FormState; id: string } | null>(null);
  const typed = state.values?.hospitalId ?? "";
  const hospitalId = picked && picked.after === state ? picked.id : typed;
  const invalid = (k: string) => !!state.fieldErrors?.[k];
  const mine = requests.filter((r) => r.hospitalId === hospitalId);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="divert-form">
      <input type="hidden" name="id" value={tripId} />
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <Field name="hospitalId" label={s.hospital} state={state}>
        <select
          id="f-hospitalId"
          name="hospitalId"
          className="input"
          defaultValue={typed}
          key={typed}
          onChange={(e) => setPicked({ after: state, id: e.target.value })}
          aria-invalid={invalid("hospitalId")}
          aria-describedby={invalid("hospitalId") ? "f-hospitalId-error" : undefined}
        >
          <option value="">{s.chooseHospital}</option>
          {hospitals.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="requestId" label={s.request} state={state}>
        <select
          id="f-requestId"
          name="requestId"
          className="input"
          key={`${hospitalId}:${state.values?.requestId ?? ""}`}
          defaultValue={state.values?.requestId ?? ""}
          aria-invalid={invalid("requestId")}
          aria-describedby={invalid("requestId") ? "f-requestId-error" : undefined}
        >
          <option value="">{s.newEmergency}</option>
          {mine.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Field name="reason" label={s.reason} state={state} required />
      </div>
      <Field name="etaAt" label={s.eta} type="datetime-local" state={state} />
      <div className="sm:col-span-2">
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
