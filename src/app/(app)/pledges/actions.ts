"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { createPledge, updatePledge } from "@/server/use-cases/pledges";

export const createPledgeAction = formAction(async (form) => {
  const result = await createPledge(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/pledges");
  redirect(`/pledges/${result.value.id}?created=1`);
});

export const updatePledgeAction = formAction(async (form) => {
  const result = await updatePledge(await currentActor(), form.input);
  if (result.ok) {
    revalidatePath("/pledges");
    revalidatePath(`/pledges/${result.value.id}`);
  }
  return form.reply(result);
});
