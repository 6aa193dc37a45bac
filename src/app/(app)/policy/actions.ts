"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { savePriorityPeriod, setDailyTarget } from "@/server/use-cases/policy";

export const setTargetAction = formAction(async (form) => {
  const result = await setDailyTarget(await currentActor(), form.input);
  if (result.ok) revalidatePath("/policy");
  return form.reply(result);
});

export const savePeriodAction = formAction(async (form) => {
  const result = await savePriorityPeriod(await currentActor(), form.input);
  if (result.ok) revalidatePath("/policy");
  return form.reply(result);
});
