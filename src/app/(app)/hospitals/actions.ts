"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formPost } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { createHospital, updateHospital } from "@/server/use-cases/hospitals";
import { confirmStockReview } from "@/server/use-cases/stock";

export const createHospitalAction = formAction(async (form) => {
  const result = await createHospital(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/hospitals");
  redirect(`/hospitals/${result.value.id}?created=1`);
});

export const updateHospitalAction = formAction(async (form) => {
  const result = await updateHospital(await currentActor(), form.input);
  if (result.ok) revalidatePath("/hospitals");
  return form.reply(result);
});

/** Staff confirm a stock report held for review; a report confirmed meanwhile just shows as confirmed. */
export const confirmStockReviewAction = formPost(async (form) => {
  const result = await confirmStockReview(await currentActor(), form.input);
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  if (result.ok) revalidatePath(`/hospitals/${result.value.hospitalId}`);
});
