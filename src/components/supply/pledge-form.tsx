"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { AmountEcho, useFormLanguage } from "@/components/forms/amount-echo";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/components/forms/form-state";
import { kgToTonnes, tonnesToKg } from "@/domain/mass";
import { readingErrorCode, readNumber, writeNumberPlain } from "@/domain/number-input";
import { planTranches } from "@/domain/pledge";
import { useErrorText } from "@/components/forms/use-error-text";
import { formatNumber } from "@/i18n/format";
import { useFormChoice } from "./use-form-choice";
import { DayInput } from "@/components/forms/day-input";

type Strings = {
  supplier: string;
  chooseSupplier: string;
  total: string;
  startsOn: string;
  endsOn: string;
  earmark: string;
  hospitals: string;
  hospitalsHint: string;
  note: string;
  tranches: string;
  trancheDue: string;
  trancheTonnes: string;
  addTranche: string;
  remove: string;
  generate: string;
  trancheCount: string;
  submit: string;
  saved: string;
  fixErrors: string;
  earmarks: Record<"NONE" | "ASSOCIATION" | "HOSPITALS", string>;
};

export type PledgeInitial = {
  id?: string;
  supplierId?: string;
  total?: string;
  startsOn?: string;
  endsOn?: string;
  earmark?: string;
  hospitalIds?: string[];
  note?: string;
  tranches?: { id?: string; dueOn: string; tonnes: string }[];
};

type Row = { key: number; id?: string; dueOn: string; tonnes: string };

let nextKey = 1;

/** Pledge header and its tranche schedule; "generate equal tranches" fills the schedule from the period. */
export function PledgeForm({
  action,
  s,
  suppliers,
  hospitals,
  initial,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  s: Strings;
  suppliers: { id: string; name: string }[];
  hospitals: { id: string; name: string; isAssociationMember: boolean }[];
  initial: PledgeInitial;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  const [total, setTotal] = useState(initial.total ?? "");
  const [startsOn, setStartsOn] = useState(initial.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(initial.endsOn ?? "");
  const earmark = useFormChoice(state, "earmark", initial.earmark ?? "NONE");
  const [picked, setPicked] = useState<string[]>(initial.hospitalIds ?? []);
  const [count, setCount] = useState("4");
  const [rows, setRows] = useState<Row[]>((initial.tranches ?? []).map((t) => ({ key: nextKey++, ...t })));
  const [genError, setGenError] = useState<string | undefined>();
  const language = useFormLanguage() ?? "id";
  // the running sum is known only here: its sentence is translated in the browser (supply.pledges)
  const t = useTranslations("supply.pledges");
  const fe = state.fieldErrors ?? {};
  const err = (k: string) => errorText(fe[k]);

  function generate() {
    const read = readNumber(total, language, 3);
    const t = read.ok ? read.value : Number.NaN;
    if (!read.ok && read.code !== "required") {
      setGenError(errorText(readingErrorCode(read)));
      return;
    }
    if (!(t > 0)) {
      setGenError(errorText("positive"));
      return;
    }
    const plan = planTranches({ totalKg: tonnesToKg(t), startsOn, endsOn, count: Number.parseInt(count, 10) });
    if (!plan.ok) {
      setGenError(errorText(Object.values(plan.errors)[0]));
      return;
    }
    setGenError(undefined);
    const existing = rows.map((r) => r.id);
    setRows(plan.tranches.map((x, i) => ({ key: nextKey++, id: existing[i], dueOn: x.dueOn, tonnes: writeNumberPlain(kgToTonnes(x.kg), language) })));
  }
  const sum = rows.reduce((a, r) => {
    const read = readNumber(r.tonnes, language, 3);
    return a + (read.ok ? read.value : 0);
  }, 0);

  return (
    <form action={formAction} className="card space-y-4" noValidate data-testid="pledge-form">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessage state={state} saved={s.saved} fixErrors={s.fixErrors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="supplierId" label={s.supplier} state={state}>
          <select
            id="f-supplierId"
            name="supplierId"
            className="input"
            defaultValue={state.values?.supplierId ?? initial.supplierId ?? ""}
            key={state.values?.supplierId}
            aria-invalid={!!fe.supplierId}
          >
            <option value="">{s.chooseSupplier}</option>
            {suppliers.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="total" label={s.total} state={state}>
          <input
            id="f-total"
            name="total"
            type="text"
            inputMode="decimal"
            className="input"
            value={total}
            onChange={(e) => setTotal(e.target.value)}
            aria-invalid={!!fe.total}
            aria-describedby="f-total-echo"
          />
          <AmountEcho id="f-total-echo" text={total} kind={{}} />
        </Field>
        <Field name="startsOn" label={s.startsOn} state={state}>
          <DayInput id="f-startsOn" name="startsOn" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} aria-invalid={!!fe.startsOn} />
        </Field>
        <Field name="endsOn" label={s.endsOn} state={state}>
          <DayInput id="f-endsOn" name="endsOn" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} aria-invalid={!!fe.endsOn} />
        </Field>
        <Field name="earmark" label={s.earmark} state={state}>
          <select id="f-earmark" name="earmark" className="input" {...earmark.props}>
            {(["NONE", "ASSOCIATION", "HOSPITALS"] as const).map((k) => (
              <option key={k} value={k}>
                {s.earmarks[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="note" label={s.note} state={state} defaultValue={initial.note} />
      </div>
      {earmark.value === "HOSPITALS" && (
        <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="hospitals-hint">
          <legend className="px-1 text-sm font-medium">{s.hospitals}</legend>
          <p id="hospitals-hint" className="mb-2 text-xs text-slate-500">
            {s.hospitalsHint}
          </p>
          <div className="grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2">
            {hospitals.map((h) => (
              <label key={h.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="hospitalIds[]"
                  value={h.id}
                  checked={picked.includes(h.id)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, h.id] : picked.filter((x) => x !== h.id))}
                />
                {h.name}
              </label>
            ))}
          </div>
          {err("hospitalIds") && (
            <p className="field-error" data-testid="error-hospitalIds">
              {err("hospitalIds")}
            </p>
          )}
        </fieldset>
      )}
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="tranches">
        <legend className="px-1 text-sm font-medium">{s.tranches}</legend>
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="tranche-count" className="label">
              {s.trancheCount}
            </label>
            <input
              id="tranche-count"
              type="number"
              inputMode="numeric"
              min={1}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              className="input w-24"
            />
          </div>
          <button type="button" className="btn-secondary" onClick={generate} data-testid="generate-tranches">
            {s.generate}
          </button>
          {genError && <p className="field-error">{genError}</p>}
        </div>
        {rows.length > 0 && (
          <div className="grid grid-cols-[1fr_1fr_auto] gap-2 text-xs font-medium text-slate-600" aria-hidden="true">
            <span>{s.trancheDue}</span>
            <span className="text-right">{s.trancheTonnes}</span>
            <span className="w-10" />
          </div>
        )}
        <ol className="space-y-2">
          {rows.map((r, i) => (
            <li key={r.key} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2" data-testid="tranche-row">
              {r.id && <input type="hidden" name={`tranches[${i}].id`} value={r.id} />}
              <div>
                <label htmlFor={`tr-${r.key}-due`} className="sr-only">
                  {s.trancheDue} {i + 1}
                </label>
                <DayInput
                  id={`tr-${r.key}-due`}
                  name={`tranches[${i}].dueOn`}
                  value={r.dueOn}
                  aria-invalid={!!fe[`tranches[${i}].dueOn`]}
                  onChange={(e) => setRows(rows.map((x) => (x.key === r.key ? { ...x, dueOn: e.target.value } : x)))}
                />
                {err(`tranches[${i}].dueOn`) && <p className="field-error text-xs">{err(`tranches[${i}].dueOn`)}</p>}
              </div>
              <div>
                <label htmlFor={`tr-${r.key}-t`} className="sr-only">
                  {s.trancheTonnes} {i + 1}
                </label>
                <input
                  id={`tr-${r.key}-t`}
                  name={`tranches[${i}].tonnes`}
                  type="text"
                  inputMode="decimal"
                  className="input text-right"
                  value={r.tonnes}
                  aria-invalid={!!fe[`tranches[${i}].tonnes`]}
                  onChange={(e) => setRows(rows.map((x) => (x.key === r.key ? { ...x, tonnes: e.target.value } : x)))}
                />
                {err(`tranches[${i}].tonnes`) && <p className="field-error text-xs">{err(`tranches[${i}].tonnes`)}</p>}
              </div>
              <button
                type="button"
                className="btn-secondary px-3"
                onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                aria-label={`${s.remove} ${i + 1}`}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <button type="button" className="btn-secondary" onClick={() => setRows([...rows, { key: nextKey++, dueOn: endsOn, tonnes: "" }])}>
            {s.addTranche}
          </button>
          <p className="text-sm text-slate-600" data-testid="tranche-sum">
            {t("trancheSum", { sum: formatNumber(Math.round(sum * 1000) / 1000, language, 3), total: total || "0" })}
          </p>
        </div>
        {err("tranches") && (
          <p className="field-error" data-testid="error-tranches">
            {err("tranches")}
          </p>
        )}
      </fieldset>
      <button type="submit" className="btn" disabled={pending} data-testid="pledge-submit">
        {s.submit}
      </button>
    </form>
  );
}
