"use server";

import { revalidatePath } from "next/cache";
import { formStateOf } from "@/components/forms/form-state";
import type { StockFormState } from "@/components/hospital/stock-form";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { submitStockReport } from "@/server/use-cases/stock";

export async function submitStockAction(_prev: StockFormState, data: FormData): Promise<StockFormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await submitStockReport(await currentActor(), {
    day: String(data.get("day") ?? ""),
    stockKg: String(data.get("stockKg") ?? ""),
    usedKg: String(data.get("usedKg") ?? ""),
    severePatients: String(data.get("severePatients") ?? ""),
    criticalPatients: String(data.get("criticalPatients") ?? ""),
    bedsOccupied: String(data.get("bedsOccupied") ?? ""),
    unit: String(data.get("unit") ?? "") || undefined,
    cylinderSizeM3: data.get("unit") === "CYLINDER" ? String(data.get("cylinderSizeM3") ?? "") : undefined,
    confirmUnusual: String(data.get("confirmUnusual") ?? ""),
    locale: formLocale(data),
  });
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/my-hospital");
  return { ok: true, flagged: result.value.flaggedForReview };
}
