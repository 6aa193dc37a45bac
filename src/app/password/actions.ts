"use server";

import { formStateOf, type FormState } from "@/components/forms/form-state";
import { signOut } from "@/server/auth";
import { currentActor } from "@/server/session";
import { changeOwnPassword } from "@/server/use-cases/account";

export async function changePasswordAction(_prev: FormState, data: FormData): Promise<FormState> {
  const result = await changeOwnPassword(await currentActor(), {
    current: String(data.get("current") ?? ""),
    password: String(data.get("password") ?? ""),
    confirm: String(data.get("confirm") ?? ""),
  });
  if (!result.ok) {
    const state = formStateOf(result);
    return state; // no values: a password is never echoed back
  }
  // Every session of the account ended with the change: sign in again with the new password.
  await signOut({ redirectTo: "/login?changed=1" });
  return { ok: true };
}
