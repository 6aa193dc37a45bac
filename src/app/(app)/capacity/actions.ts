"use server";

import { revalidatePath } from "next/cache";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { MAX_CSV_BYTES } from "@/server/limits";
import { importCapacityCsv, saveCapacityDay } from "@/server/use-cases/capacity";

export type CapacityFormState = FormState & { saved?: number };

export async function saveCapacityAction(_prev: CapacityFormState, data: FormData): Promise<CapacityFormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const rows = new Map<string, { supplierId: string; produced?: string; medical?: string; industrial?: string }>();
  for (const [key, value] of data.entries()) {
    const m = /^(produced|medical|industrial)\.(.+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const row = rows.get(m[2]) ?? { supplierId: m[2] };
    row[m[1] as "produced" | "medical" | "industrial"] = value;
    rows.set(m[2], row);
  }
  const result = await saveCapacityDay(await currentActor(), { day: String(data.get("day") ?? ""), rows: [...rows.values()], locale: formLocale(data) });
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/capacity");
  return {
    ok: true,
    saved: result.value.saved,
    values: Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)])),
  };
}

export type ImportState = FormState & { imported?: number };

export async function importCapacityAction(_prev: ImportState, data: FormData): Promise<ImportState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const file = data.get("file");
  let csv = String(data.get("csv") ?? "");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { ok: false, error: "csv_invalid", fieldErrors: { "line.1": "tooBig" } };
    csv = await file.text();
  }
  const result = await importCapacityCsv(await currentActor(), { csv });
  if (!result.ok) return { ...formStateOf(result), values: { csv: String(data.get("csv") ?? "") } };
  revalidatePath("/capacity");
  return { ok: true, imported: result.value.imported };
}
