"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { countReadingText } from "@/components/logistics/cylinder-count-fields";
import type { Locale } from "@/i18n/locales";
import { formAction } from "@/app/form-action";
import { LIVE_SECTIONS_FIELD } from "@/components/forms/live-sections-field";
import type { StockFormState } from "@/components/hospital/stock-form";
import { currentActor } from "@/server/session";
import { submitStockReport } from "@/server/use-cases/stock";
import { recordCylinderCount } from "@/server/use-cases/cylinders";
import { stockSections } from "./sections";

/**
 * The hospital's daily stock report. It answers with the two parts of the page a report changes,
 * rendered afresh (the supply and the history), not with the whole page re-rendered as
 * revalidatePath would have it: that re-ran every query of the page and its layout, and the
 * layout's notices job, on each report (decision 0047).
 */
export const submitStockAction = formAction<StockFormState>(async (form) => {
  const result = await submitStockReport(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  const flagged = result.value.flaggedForReview;
  // A form posted without the page's script gets the whole page back, rendered afresh (decision 0050).
  if (!form.values[LIVE_SECTIONS_FIELD]) return { ok: true, flagged };
  return { ok: true, flagged, sections: await stockSections(result.value.hospitalId) };
});

/** A cylinder hospital's own count (decision 0039). */
export const recordCylinderCountAction = formAction(async (form) => {
  const result = await recordCylinderCount(await currentActor(), form.input);
  if (!result.ok) return form.reply(result);
  revalidatePath("/my-hospital");
  return { ...form.reply(result), notice: countReadingText(result.value.reading, await getTranslations(), (await getLocale()) as Locale) };
});
