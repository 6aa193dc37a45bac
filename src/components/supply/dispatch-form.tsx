"use client";

import { useActionState, useState } from "react";
import { ConfirmUnusual } from "@/components/forms/confirm-unusual";
import { useFormLanguage } from "@/components/forms/amount-echo";
import { readNumber } from "@/domain/number-input";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { DetailNote } from "@/components/forms/detail-note";
import type { Locale } from "@/i18n/locales";
import { useFormChoice } from "./use-form-choice";

type Unit = "TONNE_LIQUID" | "M3_GAS" | "CYLINDER" | "KG" | "LITRE_LIQUID";
type Strings = {
  source: string;
  allocation: string;
  tranche: string;
  chooseSource: string;
  hospital: string;
  chooseHospital: string;
  hospitalHint: string;
  hospitalsGroup: string;
  depotsGroup: string;
  vehiclePlate: string;
  driverName: string;
  amount: string;
  unit: string;
  cylinderSize: string;
  cylinderHint: string;
  conversionHint: string;
  dispatchedAt: string;
  submit: string;
  saved: string;
  fixErrors: string;
  units: Record<Unit, string>;
  confirmUnusual: string;
  /** the fleet register's pickers (decision 0038) */
  fleet: {
    vehicle: string;
    chooseVehicle: string;
    driver: string;
    chooseDriver: string;
    plateHint: string;
    trip: string;
    newTrip: string;
    loading: string;
    plannedArrival: string;
  };
};

/** A register entry; `group` (its operator) puts it under an <optgroup>, so its own label stays short enough for a phone's select. */
type Option = { id: string; label: string; group?: string };

/** Options under their group's heading, in the order the groups first appear; ungrouped ones first. */
function grouped(options: Option[]) {
  const groups = new Map<string, Option[]>();
  for (const o of options) groups.set(o.group ?? "", [...(groups.get(o.group ?? "") ?? []), o]);
  return [...groups];
}

/** A picker of the fleet register; blank means "not from the register". */
function Pick({ name, label, blank, options, state }: { name: string; label: string; blank: string; options: Option[]; state: FormState }) {
  const value = state.values?.[name] ?? "";
  const invalid = !!state.fieldErrors?.[name];
  return (
    <Field name={name} label={label} state={state}>
      <select
        id={`f-${name}`}
        name={name}
        className="input"
        defaultValue={value}
        key={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `f-${name}-error` : undefined}
      >
        <option value="">{blank}</option>
        {grouped(options).map(([group, list]) => {
          const items = list.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ));
          return group ? (
            <optgroup key={group} label={group}>
              {items}
            </optgroup>
          ) : (
            items
          );
        })}
      </select>
    </Field>
  );
}

/** Logs a dispatch; the idempotency key was made when the page rendered, so a double submit logs one. */
export function DispatchForm({
  action,
  s,
  idempotencyKey,
  allocations,
  tranches,
  hospitals,
  depots,
  initialSource,
  locale,
  vehicles,
  drivers,
  loadingTrips,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  s: Strings;
  idempotencyKey: string;
  initialSource: string;
  locale: Locale;
  allocations: { value: string; label: string }[];
  tranches: { value: string; label: string }[];
  hospitals: { id: string; name: string }[];
  /** distributors whose depots a tranche trip may go to */
  depots: { id: string; name: string }[];
  vehicles: Option[];
  drivers: Option[];
  /** trips still loading: a dispatch may be another leg of one */
  loadingTrips: Option[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const source = useFormChoice(state, "source", initialSource);
  const unit = useFormChoice(state, "unit", "TONNE_LIQUID");
  const isTranche = source.value.startsWith("tranche:");
  const chosenSource = [...allocations, ...tranches].find((o) => o.value === source.value)?.label;
  const language = useFormLanguage();
  const [sizeText, setSizeText] = useState(state.values?.cylinderSizeM3 ?? "6");
  const size = readNumber(sizeText, language ?? "id", 2);
  return (
    <form action={formAction} className="card grid gap-4 sm:grid-cols-2" noValidate data-testid="dispatch-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <Field name="source" label={s.source} state={state}>
          <select id="f-source" name="source" className="input" {...source.props} aria-invalid={!!state.fieldErrors?.source}>
            <option value="">{s.chooseSource}</option>
            {allocations.length > 0 && (
              <optgroup label={s.allocation}>
                {allocations.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
            {tranches.length > 0 && (
              <optgroup label={s.tranche}>
                {tranches.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        {/* a phone's select cuts a long choice short ("RSUD Kabupaten Tangerang ← PT Bala…"): the whole of it, wrapped, under the box
          (hidden from a screen reader, which reads the select's own value) */}
        {chosenSource && (
          <p className="mt-1 text-xs text-slate-600 sm:hidden" aria-hidden="true" data-testid="source-chosen">
            {chosenSource}
          </p>
        )}
      </div>
      {isTranche ? (
        <Field name="hospitalId" label={s.hospital} state={state}>
          <select
            id="f-hospitalId"
            name="hospitalId"
            className="input"
            defaultValue={state.values?.hospitalId ?? ""}
            key={state.values?.hospitalId}
            aria-invalid={!!state.fieldErrors?.hospitalId}
          >
            <option value="">{s.chooseHospital}</option>
            <optgroup label={s.hospitalsGroup}>
              {hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </optgroup>
            {depots.length > 0 && (
              <optgroup label={s.depotsGroup}>
                {depots.map((d) => (
                  <option key={d.id} value={`depot:${d.id}`}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
      ) : (
        <p className="self-end text-xs text-slate-500">{s.hospitalHint}</p>
      )}
      <Field name="dispatchedAt" label={s.dispatchedAt} type="datetime-local" state={state} />
      {loadingTrips.length > 0 && <Pick name="tripId" label={s.fleet.trip} blank={s.fleet.newTrip} options={loadingTrips} state={state} />}
      <Pick name="vehicleId" label={s.fleet.vehicle} blank={s.fleet.chooseVehicle} options={vehicles} state={state} />
      <Field name="vehiclePlate" label={s.vehiclePlate} state={state} hint={s.fleet.plateHint} />
      <Pick name="driverId" label={s.fleet.driver} blank={s.fleet.chooseDriver} options={drivers} state={state} />
      <Field name="driverName" label={s.driverName} state={state} />
      <Field name="plannedArrivalAt" label={s.fleet.plannedArrival} type="datetime-local" state={state} />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name="loading" defaultChecked={state.values?.loading === "on"} /> {s.fleet.loading}
      </label>
      <Field
        name="amount"
        label={s.amount}
        state={state}
        hint={s.conversionHint}
        amount={{ unit: unit.value as Unit, cylinderSizeM3: size.ok ? size.value : undefined }}
      />
      <Field name="unit" label={s.unit} state={state}>
        <select id="f-unit" name="unit" className="input" {...unit.props}>
          {(["TONNE_LIQUID", "M3_GAS", "LITRE_LIQUID", "CYLINDER", "KG"] as const).map((u) => (
            <option key={u} value={u}>
              {s.units[u]}
            </option>
          ))}
        </select>
      </Field>
      {unit.value === "CYLINDER" && (
        <Field name="cylinderSizeM3" label={s.cylinderSize} state={state} hint={s.cylinderHint}>
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
      )}
      <div className="sm:col-span-2 space-y-2">
        <DetailNote state={state} locale={locale} />
        <ConfirmUnusual state={state} label={s.confirmUnusual} />
        <button type="submit" className="btn" disabled={pending} data-testid="dispatch-submit">
          {s.submit}
        </button>
      </div>
    </form>
  );
}
