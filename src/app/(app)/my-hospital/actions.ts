"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import type { StockFormState } from "@/components/hospital/stock-form";
import { currentActor } from "@/server/session";
import { submitStockReport } from "@/server/use-cases/stock";
import { recordCylinderCount } from "@/server/use-cases/cylinders";

export const submitStockAction = formAction<StockFormState>(async (form) => {
  const result = await submitStockReport(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/my-hospital");
  return { ok: true, flagged: result.value.flaggedForReview };
});

/** A cylinder hospital's own count (decision 0039). */
export const recordCylinderCountAction = formAction(async (form) => {
  const result = await recordCylinderCount(await currentActor(), form.input);
  if (result.ok) revalidatePath("/my-hospital");
  return form.reply(result);
});
