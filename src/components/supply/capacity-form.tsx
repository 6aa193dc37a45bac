"use client";

import { useActionState } from "react";
import { AmountInput, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";

export type CapacityFormRow = {
  supplierId: string;
  name: string;
  region: string;
  produced: string;
  medical: string;
  industrial: string;
  share: string;
  compliance: { tone: "green" | "red" | "slate"; label: string };
  historyHref?: string;
};

type Strings = {
  history: string;
  producer: string;
  produced: string;
  medical: string;
  industrial: string;
  medicalShare: string;
  policy: string;
  save: string;
  saved: string;
  fixErrors: string;
  blankHint: string;
};

const TONES = { green: "bg-green-100 text-green-800", red: "bg-red-100 text-red-800", slate: "bg-slate-100 text-slate-700" };

export function CapacityForm({
  action,
  day,
  rows,
  s,
}: {
  action: (prev: FormState & { saved?: number }, data: FormData) => Promise<FormState & { saved?: number }>;
  day: string;
  rows: CapacityFormRow[];
  s: Strings;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const cell = (row: CapacityFormRow, f: "produced" | "medical" | "industrial", label: string) => {
    const name = `${f}.${row.supplierId}`;
    const error = errorText(state.fieldErrors?.[name]);
    const value = state.values?.[name] ?? row[f];
    return (
      <div>
        <label htmlFor={`f-${name}`} className="mb-1 block text-xs text-slate-500 md:sr-only">
          {label}
        </label>
        <AmountInput
          id={`f-${name}`}
          name={name}
          defaultValue={value}
          key={`${day}-${value}`}
          className="input text-right tabular-nums"
          aria-label={`${label} — ${row.name}`}
          error={error}
          amount={{}}
          data-testid={`cap-${f}-${row.supplierId}`}
        />
        {error && (
          <p id={`f-${name}-error`} className="field-error text-xs" data-testid={`error-${name}`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="capacity-form">
      <input type="hidden" name="day" value={day} />
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="card p-0">
        <div className="hidden grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_minmax(0,1.2fr)] gap-3 border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-600 md:grid">
          <span>{s.producer}</span>
          <span className="text-right">{s.produced}</span>
          <span className="text-right">{s.medical}</span>
          <span className="text-right">{s.industrial}</span>
          <span>{s.policy}</span>
        </div>
        <ul>
          {rows.map((row) => (
            <li
              key={row.supplierId}
              className="grid grid-cols-3 gap-3 border-b border-slate-100 px-4 py-3 md:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_minmax(0,1.2fr)] md:items-start"
              data-testid="capacity-row"
            >
              <div className="col-span-3 md:col-span-1">
                <p className="font-medium">{row.name}</p>
                <p className="text-xs text-slate-500">{row.region}</p>
              </div>
              {cell(row, "produced", s.produced)}
              {cell(row, "medical", s.medical)}
              {cell(row, "industrial", s.industrial)}
              <div className="col-span-3 flex items-center gap-2 text-sm md:col-span-1 md:flex-col md:items-start md:gap-1">
                <span
                  className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[row.compliance.tone]}`}
                  data-testid={`compliance-${row.supplierId}`}
                >
                  {row.compliance.label}
                </span>
                {row.share && (
                  <span className="text-xs text-slate-500">
                    {s.medicalShare}: {row.share}
                  </span>
                )}
                {row.historyHref && (
                  <a href={row.historyHref} className="text-xs text-brand-700 hover:underline">
                    {s.history}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn" disabled={pending} data-testid="capacity-save">
          {s.save}
        </button>
        <p className="text-xs text-slate-500">{s.blankHint}</p>
      </div>
    </form>
  );
}
