"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Common = { saved: string; fixErrors: string };

export function TargetForm({
  action,
  regionId,
  s,
  initial,
}: {
  action: Action;
  regionId: string;
  initial: { validFrom: string; dailyTarget: string };
  s: Common & { dailyTarget: string; validFrom: string; setTarget: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="target-form">
      <input type="hidden" name="regionId" value={regionId} />
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="dailyTarget" label={s.dailyTarget} amount={{}} state={state} defaultValue={initial.dailyTarget} />
        <Field name="validFrom" label={s.validFrom} type="date" state={state} defaultValue={initial.validFrom} />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {s.setTarget}
      </button>
    </form>
  );
}

export function PeriodForm({
  action,
  regionId,
  s,
  initial,
  testId,
}: {
  action: Action;
  regionId: string;
  testId: string;
  initial: { id?: string; startsOn?: string; endsOn?: string; minMedicalSharePct?: number; note?: string };
  s: Common & { startsOn: string; endsOn: string; minShare: string; note: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="regionId" value={regionId} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="startsOn" label={s.startsOn} type="date" state={state} defaultValue={initial.startsOn} />
        <Field name="endsOn" label={s.endsOn} type="date" state={state} defaultValue={initial.endsOn} />
        <Field name="minMedicalSharePct" label={s.minShare} amount={{ unit: "NUMBER", decimals: 0 }} state={state} defaultValue={initial.minMedicalSharePct} />
      </div>
      <Field name="note" label={s.note} state={state} defaultValue={initial.note} />
      <button type="submit" className="btn" disabled={pending}>
        {s.submit}
      </button>
    </form>
  );
}
