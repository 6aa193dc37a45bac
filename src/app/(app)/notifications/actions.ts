"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/session";
import { markNotificationsRead } from "@/server/use-cases/notifications";

export async function markAllReadAction(): Promise<void> {
  const result = await markNotificationsRead(await currentActor(), {});
  if (!result.ok) redirect("/forbidden");
  revalidatePath("/", "layout");
}
