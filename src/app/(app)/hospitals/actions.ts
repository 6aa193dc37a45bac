"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formStateOf, type FormState } from "@/components/forms/form-state";
import { formLocale } from "@/server/input-locale";
import { currentActor } from "@/server/session";
import { createHospital, updateHospital } from "@/server/use-cases/hospitals";
import { confirmStockReview } from "@/server/use-cases/stock";

const fields = (data: FormData) => ({
  name: String(data.get("name") ?? ""),
  regionId: String(data.get("regionId") ?? ""),
  address: String(data.get("address") ?? ""),
  isReferral: data.get("isReferral") === "on",
  isAssociationMember: data.get("isAssociationMember") === "on",
  beds: String(data.get("beds") ?? ""),
  covidBeds: String(data.get("covidBeds") ?? ""),
  icuBeds: String(data.get("icuBeds") ?? ""),
  tankCapacityKg: String(data.get("tankCapacityKg") ?? ""),
  tankResidualKg: String(data.get("tankResidualKg") ?? ""),
  operatingMinimumKg: String(data.get("operatingMinimumKg") ?? ""),
  locale: formLocale(data),
});

export async function createHospitalAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await createHospital(await currentActor(), fields(data));
  if (!result.ok) return formStateOf(result, data);
  revalidatePath("/hospitals");
  redirect(`/hospitals/${result.value.id}?created=1`);
}

export async function updateHospitalAction(_prev: FormState, data: FormData): Promise<FormState> {
  if (!(data instanceof FormData)) return _prev; // a hand-made request, not a form (docs/security.md)
  const result = await updateHospital(await currentActor(), { id: String(data.get("id") ?? ""), ...fields(data), active: data.get("active") === "on" });
  if (result.ok) revalidatePath("/hospitals");
  return formStateOf(result, data);
}

/** Staff confirm a stock report held for review; a report confirmed meanwhile just shows as confirmed. */
export async function confirmStockReviewAction(data: FormData): Promise<void> {
  if (!(data instanceof FormData)) return; // a hand-made request, not a form (docs/security.md)
  const result = await confirmStockReview(await currentActor(), { id: String(data.get("id") ?? "") });
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  if (result.ok) revalidatePath(`/hospitals/${result.value.hospitalId}`);
}
