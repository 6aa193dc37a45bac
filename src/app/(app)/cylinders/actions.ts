"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { moveCylinders, refillCylinders } from "@/server/use-cases/cylinders";

export const refillCylindersAction = formAction(async (form) => {
  const result = await refillCylinders(await currentActor(), form.input);
  if (result.ok) revalidatePath("/cylinders");
  return form.reply(result);
});

export const moveCylindersAction = formAction(async (form) => {
  const result = await moveCylinders(await currentActor(), form.input);
  if (result.ok) revalidatePath("/cylinders");
  return form.reply(result);
});
