"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { currentActor } from "@/server/session";
import { issueToken, revokeToken } from "@/server/use-cases/tokens";

export type IssueState = FormState & { token?: string };

export async function issueTokenAction(_prev: IssueState, data: FormData): Promise<IssueState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await issueToken(await currentActor(), { name: String(data.get("name") ?? ""), userId: String(data.get("userId") ?? "") });
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/admin/tokens");
  return { ok: true, token: result.value.token };
}

export async function revokeTokenAction(data: FormData): Promise<void> {
  if (!(data instanceof FormData)) return; // a hand-made request, not a form (docs/security.md)
  const result = await revokeToken(await currentActor(), { id: String(data.get("id") ?? "") });
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/admin/tokens");
}
