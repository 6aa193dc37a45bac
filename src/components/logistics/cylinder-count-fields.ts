import { formatNumber } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { SimpleField } from "./simple-form";

export type CountReading = { stockKg: number; usedKg: number; use: "counted" | "kept" | "unknown"; flagged: boolean };

/** What a saved count made of the hospital's report: its stock, and its use and where that came from. */
export function countReadingText(r: CountReading | null, t: Translator, locale: Locale): string {
  if (!r) return t("logistics.cylinders.countSaved");
  return t("logistics.cylinders.countReading", {
    stockKg: formatNumber(r.stockKg, locale),
    usedKg: formatNumber(r.usedKg, locale),
    use: r.use,
    flagged: r.flagged ? "yes" : "no",
  });
}

/** The count form's fields: per type, full, empty and emptied in the last 24 h (`lines[i].…`). */
export function cylinderCountForm(types: { id: string; name: string }[], counts: { typeId: string; full: number; empty: number }[] | undefined, t: Translator) {
  const hidden: Record<string, string> = {};
  const fields: SimpleField[] = [];
  types.forEach((ty, i) => {
    const c = counts?.find((x) => x.typeId === ty.id);
    hidden[`lines[${i}].typeId`] = ty.id;
    fields.push(
      { name: `lines[${i}].full`, label: `${ty.name}: ${t("logistics.cylinders.full")}`, whole: true, defaultValue: String(c?.full ?? 0) },
      { name: `lines[${i}].empty`, label: `${ty.name}: ${t("logistics.cylinders.empty")}`, whole: true, defaultValue: String(c?.empty ?? 0) },
      { name: `lines[${i}].used`, label: `${ty.name}: ${t("logistics.cylinders.used")}`, hint: t("logistics.cylinders.usedHint"), whole: true },
    );
  });
  return { hidden, fields };
}

/** The thresholds form's fields, blank meaning the app's default. */
export function thresholdFields(
  h: { alertRedBelowHours: number | null; alertAmberBelowHours: number | null; alertMissedReportHours: number | null },
  defaults: { red: number; amber: number; missed: number },
  t: Translator,
): SimpleField[] {
  const v = (n: number | null) => (n === null ? "" : String(n));
  return [
    {
      name: "redBelowHours",
      label: t("logistics.thresholds.red"),
      whole: true,
      defaultValue: v(h.alertRedBelowHours),
      hint: t("logistics.thresholds.defaultHint", { hours: defaults.red }),
    },
    {
      name: "amberBelowHours",
      label: t("logistics.thresholds.amber"),
      whole: true,
      defaultValue: v(h.alertAmberBelowHours),
      hint: t("logistics.thresholds.defaultHint", { hours: defaults.amber }),
    },
    {
      name: "missedReportHours",
      label: t("logistics.thresholds.missed"),
      whole: true,
      defaultValue: v(h.alertMissedReportHours),
      hint: t("logistics.thresholds.defaultHint", { hours: defaults.missed }),
    },
  ];
}
