"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { currentActor } from "@/server/session";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/use-cases/users";

export async function createUserAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await createUser(await currentActor(), {
    email: String(data.get("email") ?? ""),
    name: String(data.get("name") ?? ""),
    role: String(data.get("role") ?? ""),
    hospitalId: String(data.get("hospitalId") ?? ""),
    password: String(data.get("password") ?? ""),
  });
  if (!result.ok) {
    const state = formStateOf(result, data);
    if (state.values) delete state.values.password; // never echo a password back
    return state;
  }
  revalidatePath("/admin/users");
  return { ok: true };
}

export async function setUserActiveAction(data: FormData): Promise<void> {
  if (!(data instanceof FormData)) return; // a hand-made request, not a form (docs/security.md)
  const result = await setUserActive(await currentActor(), { id: String(data.get("id") ?? ""), active: data.get("active") === "true" });
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/admin/users");
}

export async function updateUserAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await updateUser(await currentActor(), {
    id: String(data.get("id") ?? ""),
    name: String(data.get("name") ?? ""),
    role: String(data.get("role") ?? ""),
    hospitalId: String(data.get("hospitalId") ?? ""),
  });
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/admin/users");
  return { ok: true };
}

export type ResetState = { ok?: boolean; error?: string; oneTimePassword?: string };

/** The one-time password is in this answer only: it is stored as a hash and never shown again. */
export async function resetPasswordAction(_prev: ResetState, data: FormData): Promise<ResetState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await resetUserPassword(await currentActor(), { id: String(data.get("id") ?? "") });
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/admin/users");
  return { ok: true, oneTimePassword: result.value.oneTimePassword };
}
