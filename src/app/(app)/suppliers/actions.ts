"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formPost } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { createSupplier, setSupplierActive, updateSupplier } from "@/server/use-cases/suppliers";

export const createSupplierAction = formAction(async (form) => {
  const result = await createSupplier(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/suppliers");
  redirect(`/suppliers/${result.value.id}?created=1`);
});

export const updateSupplierAction = formAction(async (form) => {
  const result = await updateSupplier(await currentActor(), form.input);
  if (result.ok) revalidatePath("/suppliers");
  return form.reply(result);
});

export const setSupplierActiveAction = formPost(async (form) => {
  const result = await setSupplierActive(await currentActor(), form.input);
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/suppliers");
  if (result.ok) revalidatePath(`/suppliers/${result.value.id}`);
});
