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

/** A cylinder truck back with the empties it collected, counted per hospital and size. */
export const returnTripAction = formAction(async (form) => {
  const result = await moveTrip(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/trips", "layout");
  revalidatePath("/cylinders");
  redirect(`/trips/${result.value.id}?moved=1`);
});

export const divertTripAction = formAction(async (form) => {
  const result = await divertTrip(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/trips", "layout");
  revalidatePath("/my-hospital");
  redirect(`/trips/${result.value.trip.id}?diverted=1`);
});
