"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formPost } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { divertTrip, moveTrip } from "@/server/use-cases/trips";

/** A step button on the board (left, arrived, back with empties). */
export const moveTripAction = formPost(async (form) => {
  const result = await moveTrip(await currentActor(), form.input);
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  revalidatePath("/trips", "layout");
  const id = String(form.input.id ?? "");
  redirect(result.ok ? `/trips/${id}?moved=1` : `/trips/${id}?error=${encodeURIComponent(result.error)}`);
});

export const divertTripAction = formAction(async (form) => {
  const result = await divertTrip(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/trips", "layout");
  revalidatePath("/my-hospital");
  redirect(`/trips/${result.value.trip.id}?diverted=1`);
});
