"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { createPledge, updatePledge } from "@/server/use-cases/pledges";

function fields(data: FormData) {
  const tranches: { id?: string; dueOn: string; tonnes: string }[] = [];
  for (const [key, value] of data.entries()) {
    const m = /^tranches\.(\d+)\.(id|dueOn|tonnes)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    tranches[i] ??= { dueOn: "", tonnes: "" };
    tranches[i][m[2] as "id" | "dueOn" | "tonnes"] = value;
  }
  return {
    supplierId: String(data.get("supplierId") ?? ""),
    total: String(data.get("total") ?? ""),
    startsOn: String(data.get("startsOn") ?? ""),
    endsOn: String(data.get("endsOn") ?? ""),
    earmark: String(data.get("earmark") ?? ""),
    hospitalIds: data.getAll("hospitalIds").map(String),
    note: String(data.get("note") ?? ""),
    tranches: tranches.filter(Boolean),
    locale: formLocale(data),
  };
}

export async function createPledgeAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await createPledge(await currentActor(), fields(data));
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/pledges");
  redirect(`/pledges/${result.value.id}?created=1`);
}

export async function updatePledgeAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const id = String(data.get("id") ?? "");
  const result = await updatePledge(await currentActor(), { id, ...fields(data) });
  if (result.ok) {
    revalidatePath("/pledges");
    revalidatePath(`/pledges/${id}`);
  }
  return formStateOf(result, data);
}
