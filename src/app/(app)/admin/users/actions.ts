"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formPost } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { setUserDuty } from "@/server/use-cases/duty";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/use-cases/users";

export const createUserAction = formAction(
  async (form) => {
    const result = await createUser(await currentActor(), form.input);
    if (!result.ok) return form.reply(result);
    revalidatePath("/admin/users");
    // the form then shows the list with the new account highlighted (?saved=<id>, decision 0035)
    return { ok: true, savedId: result.value.id };
  },
  { secret: ["password"] }, // never echo a password back
);

export const setUserActiveAction = formPost(async (form) => {
  const result = await setUserActive(await currentActor(), form.input);
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/admin/users");
});

export const updateUserAction = formAction(async (form) => {
  const result = await updateUser(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/admin/users");
  return { ok: true };
});

export type ResetState = { ok?: boolean; error?: string; oneTimePassword?: string };

/** The one-time password is in this answer only: it is stored as a hash and never shown again. */
export const resetPasswordAction = formAction<ResetState>(async (form) => {
  const result = await resetUserPassword(await currentActor(), form.input);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/admin/users");
  return { ok: true, oneTimePassword: result.value.oneTimePassword };
});

/** An admin puts a staff member on duty for some hours, or off (decision 0033). */
export const setUserDutyAction = formAction(async (form) => {
  const result = await setUserDuty(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/admin/users");
  return { ok: true };
});
