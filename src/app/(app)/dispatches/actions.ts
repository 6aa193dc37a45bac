"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { createDispatch } from "@/server/use-cases/dispatches";

export async function createDispatchAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const str = (k: string) => String(data.get(k) ?? "");
  const [kind, sourceId] = str("source").split(":");
  const result = await createDispatch(await currentActor(), {
    idempotencyKey: str("idempotencyKey"),
    allocationId: kind === "allocation" ? sourceId : undefined,
    trancheId: kind === "tranche" ? sourceId : undefined,
    // the destination select holds hospitals and, prefixed "depot:", distributors' depots
    hospitalId: kind === "tranche" && !str("hospitalId").startsWith("depot:") ? str("hospitalId") : undefined,
    depotId: kind === "tranche" && str("hospitalId").startsWith("depot:") ? str("hospitalId").slice("depot:".length) : undefined,
    vehiclePlate: str("vehiclePlate"),
    driverName: str("driverName"),
    amount: str("amount"),
    unit: str("unit"),
    cylinderSizeM3: str("unit") === "CYLINDER" ? str("cylinderSizeM3") : undefined,
    dispatchedAt: str("dispatchedAt") || undefined,
    confirmUnusual: str("confirmUnusual"),
    locale: formLocale(data),
  });
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/dispatches");
  revalidatePath("/pledges", "layout");
  redirect(`/dispatches?created=${result.value.delivery.id}`);
}
