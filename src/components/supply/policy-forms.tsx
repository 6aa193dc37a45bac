"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import type { ErrorMessages } from "@/i18n/errors";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Common = { saved: string; fixErrors: string };

export function TargetForm({
  action,
  regionId,
  s,
  errors,
  initial,
}: {
  action: Action;
  regionId: string;
  errors: ErrorMessages;
  initial: { validFrom: string; dailyTarget: string };
  s: Common & { dailyTarget: string; validFrom: string; setTarget: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="target-form">
      <input type="hidden" name="regionId" value={regionId} />
      <FormMessage state={state} errors={errors} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="dailyTarget" label={s.dailyTarget} amount={{}} state={state} errors={errors} defaultValue={initial.dailyTarget} />
        <Field name="validFrom" label={s.validFrom} type="date" state={state} errors={errors} defaultValue={initial.validFrom} />
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
  errors,
  initial,
  testId,
}: {
  action: Action;
  regionId: string;
  errors: ErrorMessages;
  testId: string;
  initial: { id?: string; startsOn?: string; endsOn?: string; minMedicalSharePct?: number; note?: string };
  s: Common & { startsOn: string; endsOn: string; minShare: string; note: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="regionId" value={regionId} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} errors={errors} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="startsOn" label={s.startsOn} type="date" state={state} errors={errors} defaultValue={initial.startsOn} />
        <Field name="endsOn" label={s.endsOn} type="date" state={state} errors={errors} defaultValue={initial.endsOn} />
        <Field
          name="minMedicalSharePct"
          label={s.minShare}
          amount={{ unit: "NUMBER", decimals: 0 }}
          state={state}
          errors={errors}
          defaultValue={initial.minMedicalSharePct}
        />
      </div>
      <Field name="note" label={s.note} state={state} errors={errors} defaultValue={initial.note} />
      <button type="submit" className="btn" disabled={pending}>
        {s.submit}
      </button>
    </form>
  );
}
