"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { createDispatch } from "@/server/use-cases/dispatches";

export const createDispatchAction = formAction(async (form) => {
  // One select picks the source ("allocation:<id>" or "tranche:<id>"); a tranche's destination
  // select holds hospitals and, prefixed "depot:", distributors' depots.
  const { source, hospitalId, ...input } = form.input;
  const [kind, sourceId] = String(source ?? "").split(":");
  const to = kind === "tranche" ? String(hospitalId ?? "") : "";
  const result = await createDispatch(await currentActor(), {
    ...input,
    allocationId: kind === "allocation" ? sourceId : undefined,
    trancheId: kind === "tranche" ? sourceId : undefined,
    hospitalId: to && !to.startsWith("depot:") ? to : undefined,
    depotId: to.startsWith("depot:") ? to.slice("depot:".length) : undefined,
  });
  if (!result.ok) return form.reply(result);
  revalidatePath("/dispatches");
  revalidatePath("/pledges", "layout");
  redirect(`/dispatches?created=${result.value.delivery.id}`);
});
