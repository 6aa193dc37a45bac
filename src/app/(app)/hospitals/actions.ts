"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { countReadingText } from "@/components/logistics/cylinder-count-fields";
import type { Locale } from "@/i18n/locales";
import { formAction, formPost } from "@/app/form-action";
import { currentActor } from "@/server/session";
import { createHospital, updateHospital } from "@/server/use-cases/hospitals";
import type { StockFormState } from "@/components/hospital/stock-form";
import { setAlertThresholds } from "@/server/use-cases/alert-settings";
import { recordCylinderCountOnBehalf } from "@/server/use-cases/cylinders";
import { recordReceiptOnBehalf } from "@/server/use-cases/receipts";
import { confirmStockReview, submitStockReportOnBehalf } from "@/server/use-cases/stock";

export const createHospitalAction = formAction(async (form) => {
  const result = await createHospital(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/hospitals");
  redirect(`/hospitals/${result.value.id}?created=1`);
});

export const updateHospitalAction = formAction(async (form) => {
  const result = await updateHospital(await currentActor(), form.input);
  if (result.ok) revalidatePath("/hospitals");
  return form.reply(result);
});

/** Staff confirm a stock report held for review; a report confirmed meanwhile just shows as confirmed. */
export const confirmStockReviewAction = formPost(async (form) => {
  const result = await confirmStockReview(await currentActor(), form.input);
  if (!result.ok && result.error === "forbidden") redirect("/forbidden");
  if (result.ok) revalidatePath(`/hospitals/${result.value.hospitalId}`);
});

/** War room (decision 0039): staff enter a hospital's stock report for it. */
export const submitStockOnBehalfAction = formAction<StockFormState>(async (form) => {
  const result = await submitStockReportOnBehalf(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath(`/hospitals/${result.value.hospitalId}`);
  return { ok: true, flagged: result.value.flaggedForReview };
});

/** War room: staff record a hospital's receipt for it. */
export const recordReceiptOnBehalfAction = formAction(async (form) => {
  const result = await recordReceiptOnBehalf(await currentActor(), form.input);
  if (result.ok && result.value.hospitalId) revalidatePath(`/hospitals/${result.value.hospitalId}`);
  return form.reply(result);
});

/** War room: staff enter a cylinder hospital's count for it. */
export const recordCylinderCountOnBehalfAction = formAction(async (form) => {
  const result = await recordCylinderCountOnBehalf(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath(`/hospitals/${result.value.hospitalId}`);
  return { ...form.reply(result), notice: countReadingText(result.value.reading, await getTranslations(), (await getLocale()) as Locale) };
});

/** A hospital's alert thresholds (staff on its page, its admin on /my-hospital). */
export const setAlertThresholdsAction = formAction(async (form) => {
  const result = await setAlertThresholds(await currentActor(), form.input);
  if (result.ok) revalidatePath(`/hospitals/${result.value.id}`);
  return form.reply(result);
});
