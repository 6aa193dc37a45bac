"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { writeNumberPlain } from "@/domain/number-input";
import type { Locale } from "@/i18n/locales";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Strings = { isDefault: string; makeDefault: string; severe: string; critical: string; saveRates: string; saved: string; fixErrors: string };

/** ADMIN: one flow-rate set — its rates, and making it the default. */
export function RateSetForms({
  set,
  s,
  updateAction,
  defaultAction,
  locale,
}: {
  set: { key: string; name: string; severeLpm: number; criticalLpm: number; isDefault: boolean };
  s: Strings;
  updateAction: Action;
  defaultAction: Action;
  locale: Locale;
}) {
  const [state, formAction, pending] = useActionState(updateAction, {});
  const [dState, dAction, dPending] = useActionState(defaultAction, {});
  return (
    <div className="card space-y-3" data-testid={`rateset-${set.key}`}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold">{set.name}</h3>
        {set.isDefault && <span className="shrink-0 rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">{s.isDefault}</span>}
      </div>
      {!set.isDefault && (
        <form action={dAction}>
          <input type="hidden" name="key" value={set.key} />
          <button type="submit" className="btn-secondary" disabled={dPending}>
            {s.makeDefault}
          </button>
        </form>
      )}
      <FormMessage state={dState} saved={s.saved} fixErrors={s.fixErrors} />
      <form action={formAction} className="space-y-3" noValidate>
        <input type="hidden" name="key" value={set.key} />
        <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            name="severeLpm"
            label={s.severe}
            amount={{ unit: "NUMBER", decimals: 2 }}
            state={state}
            defaultValue={writeNumberPlain(set.severeLpm, locale, 2)}
          />
          <Field
            name="criticalLpm"
            label={s.critical}
            amount={{ unit: "NUMBER", decimals: 2 }}
            state={state}
            defaultValue={writeNumberPlain(set.criticalLpm, locale, 2)}
          />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          {s.saveRates}
        </button>
      </form>
    </div>
  );
}
