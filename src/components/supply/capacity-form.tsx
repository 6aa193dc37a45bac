"use client";

import { useActionState, useState } from "react";
import { useFormLanguage } from "@/components/forms/amount-echo";
import { AmountInput, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { useErrorText } from "@/components/forms/use-error-text";
import { kgToTonnes, tonnesToKg } from "@/domain/mass";
import { readNumber, writeNumber } from "@/domain/number-input";
import { industrialFrom } from "@/domain/supply";

export type CapacityFormRow = {
  supplierId: string;
  name: string;
  region: string;
  produced: string;
  medical: string;
  /** The producer's latest earlier figures, as typed into the boxes by "copy" (null: none). */
  previous: { produced: string; medical: string } | null;
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
  industrialRule: string;
  medicalOverProduced: string;
  medicalShare: string;
  policy: string;
  save: string;
  saved: string;
  fixErrors: string;
  blankHint: string;
  copy: string;
  copied: string;
  copyNothing: string;
};

export type CapacitySaveState = FormState & { saved?: number; savedIds?: string[] };

const TONES = { green: "bg-green-100 text-green-800", red: "bg-red-100 text-red-800", slate: "bg-slate-100 text-slate-700" };
const GRID = "md:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_minmax(0,1.2fr)]";

/**
 * A day's figures, one row per producer: production and its medical part are typed; industrial is
 * what is left (decision 0035), shown as it is typed and derived again by the server on save.
 * "Copy" fills the boxes from each producer's latest earlier day in the browser only: nothing is in
 * the address, so reloading the page shows what is saved, never the copied figures again.
 */
export function CapacityForm({
  action,
  day,
  rows,
  s,
}: {
  action: (prev: CapacitySaveState, data: FormData) => Promise<CapacitySaveState>;
  day: string;
  rows: CapacityFormRow[];
  s: Strings;
}) {
  const errorText = useErrorText();
  const locale = useFormLanguage();
  const [state, formAction, pending] = useActionState(action, {});
  // what each box holds now (for the computed industrial figure), and a generation that remounts
  // the boxes when "copy" replaces their contents
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [copies, setCopies] = useState(0);
  const [copied, setCopied] = useState<"yes" | "none" | null>(null);
  const valueOf = (row: CapacityFormRow, f: "produced" | "medical") => {
    const name = `${f}.${row.supplierId}`;
    return typed[name] ?? state.values?.[name] ?? row[f];
  };
  const copy = () => {
    const next: Record<string, string> = { ...typed };
    let any = false;
    for (const row of rows) {
      if (!row.previous) continue;
      any = true;
      next[`produced.${row.supplierId}`] = row.previous.produced;
      next[`medical.${row.supplierId}`] = row.previous.medical;
    }
    setTyped(next);
    setCopies((c) => c + 1);
    setCopied(any ? "yes" : "none");
  };
  const industrial = (row: CapacityFormRow): { text: string; bad: boolean } => {
    if (!locale) return { text: "", bad: false };
    const p = readNumber(valueOf(row, "produced"), locale);
    const m = readNumber(valueOf(row, "medical"), locale);
    if (!p.ok || !m.ok || p.value < 0 || m.value < 0) return { text: "—", bad: false };
    const kg = industrialFrom(tonnesToKg(p.value), tonnesToKg(m.value));
    return kg === null ? { text: s.medicalOverProduced, bad: true } : { text: writeNumber(kgToTonnes(kg), locale, 3), bad: false };
  };
  const saved = new Set(state.ok ? state.savedIds : []);
  const cell = (row: CapacityFormRow, f: "produced" | "medical", label: string) => {
    const name = `${f}.${row.supplierId}`;
    const error = errorText(state.fieldErrors?.[name]);
    const value = valueOf(row, f);
    return (
      <div className="min-w-0">
        <label htmlFor={`f-${name}`} className="mb-1 block text-xs text-slate-500 md:sr-only">
          {label}
        </label>
        <AmountInput
          id={`f-${name}`}
          name={name}
          defaultValue={value}
          key={`${day}-${copies}-${state.values?.[name] ?? ""}`}
          className="input text-right tabular-nums"
          aria-label={`${label} — ${row.name}`}
          error={error}
          amount={{}}
          onText={(text) => setTyped((t) => ({ ...t, [name]: text }))}
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
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary" onClick={copy} data-testid="copy-yesterday">
          {s.copy}
        </button>
        <p className="text-sm text-slate-600">{s.industrialRule}</p>
      </div>
      <div aria-live="polite">
        {copied && (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="copied">
            {copied === "yes" ? s.copied : s.copyNothing}
          </p>
        )}
      </div>
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="card p-0">
        <div className={`hidden gap-3 border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-600 md:grid ${GRID}`}>
          <span>{s.producer}</span>
          <span className="text-right">{s.produced}</span>
          <span className="text-right">{s.medical}</span>
          <span className="text-right">{s.industrial}</span>
          <span>{s.policy}</span>
        </div>
        <ul>
          {rows.map((row) => {
            const ind = industrial(row);
            const isSaved = saved.has(row.supplierId);
            return (
              <li
                key={row.supplierId}
                className={`grid grid-cols-3 gap-3 border-b border-slate-100 px-4 py-3 md:items-start ${GRID} ${isSaved ? "bg-green-50" : ""}`}
                data-testid="capacity-row"
                data-saved={isSaved || undefined}
              >
                <div className="col-span-3 min-w-0 md:col-span-1">
                  <p className="font-medium break-words">{row.name}</p>
                  <p className="text-xs text-slate-500">{row.region}</p>
                </div>
                {cell(row, "produced", s.produced)}
                {cell(row, "medical", s.medical)}
                <div className="min-w-0">
                  <p className="mb-1 text-xs text-slate-500 md:sr-only">{s.industrial}</p>
                  <output
                    className={`block py-2 text-right tabular-nums ${ind.bad ? "text-xs text-red-700" : ""}`}
                    aria-label={`${s.industrial} — ${row.name}`}
                    data-testid={`cap-industrial-${row.supplierId}`}
                  >
                    {ind.text}
                  </output>
                </div>
                <div className="col-span-3 flex flex-wrap items-center gap-2 text-sm md:col-span-1 md:flex-col md:items-start md:gap-1">
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
            );
          })}
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
