"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formPost } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { acknowledgeAlert } from "@/server/use-cases/alerts";

/** Someone takes the alert on; one acknowledged meanwhile by someone else just shows as theirs. */
export const acknowledgeAlertAction = formPost(async (form) => {
  const result = await acknowledgeAlert(await currentActor(), form.input);
  if (!result.ok && (result.error === "forbidden" || result.error === "not_found")) redirect("/forbidden");
  revalidatePath("/alerts");
});
