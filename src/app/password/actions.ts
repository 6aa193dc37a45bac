"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/form-action";
import { SESSION_COOKIES } from "@/server/auth-config";
import { currentActor } from "@/server/session";
import { changeOwnPassword } from "@/server/use-cases/account";
import { setOwnAlertChannels } from "@/server/use-cases/alert-settings";
import { setOwnDuty } from "@/server/use-cases/duty";

export const changePasswordAction = formAction(
  async (form) => {
    const result = await changeOwnPassword(await currentActor(), form.input);
    if (!result.ok) return form.reply(result);
    // Every session of the account ended with the change (on the server); drop this browser's
    // cookie too, and sign in again with the new password.
    const jar = await cookies();
    for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name);
    redirect("/login?changed=1");
  },
  { secret: ["current", "password", "confirm"] }, // a password is never echoed back
);

/** How alerts reach the signed-in user (decision 0033). */
export const setAlertChannelsAction = formAction(async (form) => {
  const result = await setOwnAlertChannels(await currentActor(), form.input);
  return form.reply(result);
});

/** A staff member goes on duty for some hours, or off (decision 0033). */
export const setOwnDutyAction = formAction(async (form) => {
  const result = await setOwnDuty(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/password");
  return { ok: true };
});
