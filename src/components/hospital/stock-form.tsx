"use client";

import { usePathname } from "next/navigation";
import { useActionState, useState } from "react";
import { ConfirmUnusual } from "@/components/forms/confirm-unusual";
import { FormLanguage, useFormLanguage } from "@/components/forms/amount-echo";
import { AskForSections, useSentSections, type Sections } from "@/components/forms/live-sections";
import { DetailNote } from "@/components/forms/detail-note";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useFormChoice } from "@/components/supply/use-form-choice";
import { MASS_UNITS, STANDARD_CYLINDER_M3, type MassUnit } from "@/domain/mass";
import { readNumber } from "@/domain/number-input";
import type { Locale } from "@/i18n/locales";
import { OnBehalfFields, type OnBehalf } from "./on-behalf";

type Strings = {
  day: string;
  stock: string;
  used: string;
  severe: string;
  critical: string;
  bedsOccupied: string;
  submit: string;
  saved: string;
  savedFlagged: string;
  fixErrors: string;
  unit: string;
  units: Record<MassUnit, string>;
  cylinderSize: string;
  unitHint: string;
  /** the tick for an unusual use */
  confirmUnusual: string;
};

const FORM_ID = "stock-report";

const UNIT_ORDER: readonly MassUnit[] = ["TONNE_LIQUID", "KG", "M3_GAS", "LITRE_LIQUID", "CYLINDER"];

export type StockFormState = FormState & {
  flagged?: boolean;
  /** parts of the page the report changed, rendered again by the action for a hydrated form (decisions 0047, 0050) */
  sections?: Sections;
};

/**
 * The daily stock report. Stock and use in the unit the hospital counts in (tonnes by default),
 * typed the form's language's way, each echoing what will be saved; patients and beds as counts.
 * A stock above the tank or a use above what the tank or beds allow is refused, with the amount
 * as read and the limit under the field; a use far above the hospital's history is saved only
 * once the user ticks that it is right (decision 0022).
 */
export function StockForm({
  action,
  s,
  today,
  locale,
  onBehalf,
}: {
  action: (prev: StockFormState, data: FormData) => Promise<StockFormState>;
  s: Strings;
  today: string;
  locale: Locale;
  /** staff entering the report for a hospital (war room) */
  onBehalf?: OnBehalf;
}) {
  // The server action itself, not a function around it: React then renders the form so that it
  // posts as a plain HTML form before the page's script has run, and the page comes back with the
  // answer (decision 0050). The sections in the state go back with the next submit as React's
  // temporary references (opaque to the server, never serialised).
  // Posted without the script, the browser lands on the form again (its answer, its errors)
  // rather than at the top of the page: the permalink is this page at the form.
  const [state, formAction, pending] = useActionState(action, {}, `${usePathname()}#${FORM_ID}`);
  useSentSections(state.sections);
  const unitChoice = useFormChoice(state, "unit", "TONNE_LIQUID");
  const unit = (MASS_UNITS as readonly string[]).includes(unitChoice.value) ? (unitChoice.value as MassUnit) : "TONNE_LIQUID";
  const [sizeText, setSizeText] = useState(state.values?.cylinderSizeM3 ?? String(STANDARD_CYLINDER_M3));
  const language = useFormLanguage();
  const size = readNumber(sizeText, language ?? "id", 2);
  const amount = { unit, cylinderSizeM3: size.ok ? size.value : undefined };
  return (
    <form id={FORM_ID} action={formAction} className="card grid gap-4 sm:grid-cols-3" noValidate data-testid="stock-form">
      <FormLanguage />
      <AskForSections />
      {state.ok && state.flagged ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 sm:col-span-3" data-testid="form-flagged">
          {s.savedFlagged}
        </p>
      ) : (
        <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} language={false} className="sm:col-span-3" />
      )}
      {onBehalf && (
        <div className="sm:col-span-3">
          <OnBehalfFields onBehalf={onBehalf} state={state} />
        </div>
      )}
      <Field name="day" label={s.day} type="date" state={state} defaultValue={today} required />
      <Field name="unit" label={s.unit} state={state} hint={s.unitHint}>
        <select id="f-unit" name="unit" className="input" {...unitChoice.props}>
          {UNIT_ORDER.map((u) => (
            <option key={u} value={u}>
              {s.units[u]}
            </option>
          ))}
        </select>
      </Field>
      {unit === "CYLINDER" ? (
        <Field name="cylinderSizeM3" label={s.cylinderSize} state={state}>
          <input
            id="f-cylinderSizeM3"
            name="cylinderSizeM3"
            type="text"
            inputMode="decimal"
            className="input"
            value={sizeText}
            onChange={(e) => setSizeText(e.target.value)}
            aria-invalid={!!state.fieldErrors?.cylinderSizeM3}
          />
        </Field>
      ) : (
        <div className="hidden sm:block" />
      )}
      <Field
        name="stockKg"
        label={`${s.stock}, ${s.units[unit]}`}
        state={state}
        required
        amount={amount}
        note={<DetailNote state={state} locale={locale} field="stockKg" />}
      />
      <Field
        name="usedKg"
        label={`${s.used}, ${s.units[unit]}`}
        state={state}
        required
        amount={amount}
        note={<DetailNote state={state} locale={locale} field="usedKg" />}
      />
      <Field name="severePatients" label={s.severe} state={state} defaultValue="0" amount={{ unit: "NUMBER", decimals: 0 }} />
      <Field name="criticalPatients" label={s.critical} state={state} defaultValue="0" amount={{ unit: "NUMBER", decimals: 0 }} />
      <Field name="bedsOccupied" label={s.bedsOccupied} state={state} defaultValue="0" amount={{ unit: "NUMBER", decimals: 0 }} />
      <div className="sm:col-span-3 space-y-2">
        <ConfirmUnusual state={state} label={s.confirmUnusual} />
        <button type="submit" className="btn" disabled={pending}>
          {s.submit}
        </button>
      </div>
    </form>
  );
}
