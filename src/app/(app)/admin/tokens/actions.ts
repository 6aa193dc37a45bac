"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formPost } from "@/app/form-action";
import type { FormState } from "@/components/forms/form-state";
import { currentActor } from "@/server/session";
import { issueToken, revokeToken } from "@/server/use-cases/tokens";

export type IssueState = FormState & { token?: string };

export const issueTokenAction = formAction<IssueState>(async (form) => {
  const result = await issueToken(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/admin/tokens");
  return { ok: true, token: result.value.token };
});

export const revokeTokenAction = formPost(async (form) => {
  const result = await revokeToken(await currentActor(), form.input);
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/admin/tokens");
});
