"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { SESSION_COOKIES } from "@/server/auth-config";
import { currentActor } from "@/server/session";
import { changeOwnPassword } from "@/server/use-cases/account";

export async function changePasswordAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await changeOwnPassword(await currentActor(), {
    current: String(data.get("current") ?? ""),
    password: String(data.get("password") ?? ""),
    confirm: String(data.get("confirm") ?? ""),
  });
  if (!result.ok) return formStateOf(result); // no values: a password is never echoed back
  // Every session of the account ended with the change (on the server); drop this browser's
  // cookie too, and sign in again with the new password.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name);
  redirect("/login?changed=1");
}
