"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { createDriver, createVehicle, updateDriver, updateVehicle } from "@/server/use-cases/fleet";

export const createVehicleAction = formAction(async (form) => {
  const result = await createVehicle(await currentActor(), form.input);
  if (result.ok) revalidatePath("/fleet");
  return form.reply(result);
});

export const updateVehicleAction = formAction(async (form) => {
  const result = await updateVehicle(await currentActor(), form.input);
  if (result.ok) revalidatePath("/fleet");
  return form.reply(result);
});

export const createDriverAction = formAction(async (form) => {
  const result = await createDriver(await currentActor(), form.input);
  if (result.ok) revalidatePath("/fleet");
  return form.reply(result);
});

export const updateDriverAction = formAction(async (form) => {
  const result = await updateDriver(await currentActor(), form.input);
  if (result.ok) revalidatePath("/fleet");
  return form.reply(result);
});
