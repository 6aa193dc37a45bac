"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import type { SaveState } from "@/components/forecast/forecast-explorer";
import { currentActor } from "@/server/session";
import { saveScenario, setDefaultRateSet, updateRateSet } from "@/server/use-cases/forecast";

export const saveScenarioAction = formAction<SaveState>(async (form) => {
  const result = await saveScenario(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/forecast");
  return { ok: true, id: result.value.id };
});

export const setDefaultRateSetAction = formAction(async (form) => {
  const result = await setDefaultRateSet(await currentActor(), form.input);
  if (result.ok) revalidatePath("/forecast");
  return form.reply(result);
});

export const updateRateSetAction = formAction(async (form) => {
  const result = await updateRateSet(await currentActor(), form.input);
  if (result.ok) revalidatePath("/forecast");
  return form.reply(result);
});
