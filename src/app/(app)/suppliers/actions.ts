"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { currentActor } from "@/server/session";
import { createSupplier, setSupplierActive, updateSupplier } from "@/server/use-cases/suppliers";

const fields = (data: FormData) => ({
  name: String(data.get("name") ?? ""),
  kind: String(data.get("kind") ?? ""),
  regionId: String(data.get("regionId") ?? ""),
  address: String(data.get("address") ?? ""),
  contactName: String(data.get("contactName") ?? ""),
  contactPhone: String(data.get("contactPhone") ?? ""),
});

export async function createSupplierAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await createSupplier(await currentActor(), fields(data));
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/suppliers");
  redirect(`/suppliers/${result.value.id}?created=1`);
}

export async function updateSupplierAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await updateSupplier(await currentActor(), { id: String(data.get("id") ?? ""), ...fields(data) });
  if (result.ok) revalidatePath("/suppliers");
  return formStateOf(result, data);
}

export async function setSupplierActiveAction(data: FormData): Promise<void> {
  if (!(data instanceof FormData)) return; // a hand-made request, not a form (docs/security.md)
  const id = String(data.get("id") ?? "");
  const result = await setSupplierActive(await currentActor(), { id, active: data.get("active") === "true" });
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/suppliers");
  revalidatePath(`/suppliers/${id}`);
}
