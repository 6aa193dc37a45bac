"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import type { StockFormState } from "@/components/hospital/stock-form";
import { currentActor } from "@/server/session";
import { submitStockReport } from "@/server/use-cases/stock";

export const submitStockAction = formAction<StockFormState>(async (form) => {
  const result = await submitStockReport(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/my-hospital");
  return { ok: true, flagged: result.value.flaggedForReview };
});
