"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/session";
import { markNotificationsRead, refreshNoticesFor } from "@/server/use-cases/notifications";

export async function markAllReadAction(): Promise<void> {
  const result = await markNotificationsRead(await currentActor(), {});
  if (!result.ok) redirect("/forbidden");
  revalidatePath("/", "layout");
}

/**
 * Called by the notices list once it is on screen (never while rendering): the notices it showed
 * (`ids`) are read now, the periodic notices (hospitals not reporting, dispatches on their way)
 * are brought up to date, and the header's badge is rendered again.
 */
export async function markSeenAction(form: FormData): Promise<void> {
  const actor = await currentActor();
  const ids = form.getAll("ids").filter((x): x is string => typeof x === "string");
  const result = await markNotificationsRead(actor, { ids });
  if (!result.ok) redirect("/forbidden");
  if (actor) await refreshNoticesFor(actor);
  revalidatePath("/", "layout");
}
