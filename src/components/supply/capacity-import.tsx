"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/components/forms/form-state";

/** CSV import with a per-row error report; nothing is imported when any row is invalid. */
/** `maxBytes`: the largest file the server takes (MAX_CSV_BYTES); a bigger one is refused before upload. */
/** Its messages: supply.capacity and supply.csvErrors (the page's IntlProvider). */
export function CapacityImport({
  action,
  maxBytes,
}: {
  action: (prev: FormState & { imported?: number }, data: FormData) => Promise<FormState & { imported?: number }>;
  maxBytes: number;
}) {
  const t = useTranslations("supply.capacity");
  const csv = useTranslations("supply.csvErrors");
  const csvError = (code: string) => (csv.has(code as Parameters<typeof csv>[0]) ? csv(code as Parameters<typeof csv>[0]) : code);
  const [state, formAction, pending] = useActionState(action, {});
  // A file over the limit is refused here, before it is sent (the server refuses it too: 413).
  const [tooBig, setTooBig] = useState(false);
  const report = Object.entries(tooBig ? { "line.1": "tooBig" } : (state.fieldErrors ?? {}))
    .filter(([k]) => k.startsWith("line."))
    .map(([k, codes]) => ({ line: Number(k.slice(5)), messages: codes.split(",").map(csvError) }))
    .sort((a, b) => a.line - b.line);
  return (
    <form
      action={formAction}
      className="card space-y-3"
      data-testid="capacity-import"
      onSubmit={(e) => {
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        const big = !!file && file.size > maxBytes;
        setTooBig(big);
        if (big) e.preventDefault();
      }}
    >
      <h2>{t("importTitle")}</h2>
      <p className="text-sm text-slate-600">{t("importHint")}</p>
      {state.ok && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="import-ok">
          {t("imported", { n: state.imported ?? 0 })}
        </p>
      )}
      {report.length > 0 && (
        <div className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="import-errors">
          <p className="font-medium">{t("importErrors")}</p>
          <ul className="mt-1 list-disc pl-5">
            {report.map((r) => (
              <li key={r.line}>
                {t("line")} {r.line}: {r.messages.join(" ")}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="csv-file" className="label">
          {t("importFile")}
        </label>
        <input id="csv-file" name="file" type="file" accept=".csv,text/csv" className="block text-sm" onChange={() => setTooBig(false)} />
      </div>
      <div>
        <label htmlFor="csv-text" className="label">
          {t("importText")}
        </label>
        <textarea
          id="csv-text"
          name="csv"
          rows={4}
          defaultValue={state.values?.csv ?? ""}
          key={state.values?.csv ?? ""}
          className="input font-mono text-xs"
          placeholder="day,supplier,produced_t,medical_t,industrial_t"
        />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("importSubmit")}
      </button>
    </form>
  );
}
