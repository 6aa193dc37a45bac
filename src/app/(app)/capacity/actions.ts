"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import type { FormState } from "@/components/forms/form-state";
import { currentActor } from "@/server/session";
import { MAX_CSV_BYTES } from "@/server/limits";
import { importCapacityCsv, isBlankRow, saveCapacityDay } from "@/server/use-cases/capacity";
import type { CapacitySaveState } from "@/components/supply/capacity-form";

/**
 * The form is a table (`produced.<supplierId>`, `medical.…`; industrial is left to the use case, which
 * derives it); the use case takes its rows. The saved rows' producers come back to be highlighted.
 */
export const saveCapacityAction = formAction<CapacitySaveState>(async (form) => {
  const { day, locale, produced, medical, industrial } = form.input;
  const cells = { produced: column(produced), medical: column(medical), industrial: column(industrial) };
  const suppliers = new Set(Object.values(cells).flatMap((c) => Object.keys(c)));
  const rows = [...suppliers].map((supplierId) => ({
    supplierId,
    produced: cells.produced[supplierId],
    medical: cells.medical[supplierId],
    industrial: cells.industrial[supplierId],
  }));
  const result = await saveCapacityDay(await currentActor(), { day, locale, rows });
  if (!result.ok) return form.reply(result);
  revalidatePath("/capacity");
  const savedIds = rows.filter((r) => !isBlankRow(r)).map((r) => r.supplierId);
  return { ok: true, saved: result.value.saved, savedIds, values: form.values };
});

const column = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export type ImportState = FormState & { imported?: number };

export const importCapacityAction = formAction<ImportState>(async (form) => {
  const { file, csv } = form.input;
  const upload = file instanceof Blob && file.size > 0 ? file : null;
  if (upload && upload.size > MAX_CSV_BYTES) return { ok: false, error: "csv_invalid", fieldErrors: { "line.1": "tooBig" } };
  const result = await importCapacityCsv(await currentActor(), { csv: upload ? await upload.text() : (csv ?? "") });
  if (!result.ok) return form.reply(result);
  revalidatePath("/capacity");
  return { ok: true, imported: result.value.imported };
});
