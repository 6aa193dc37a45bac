import { tonnesInput } from "@/components/supply/tonnes-input";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";

/** The strings the hospital form needs, picked from the messages. */
export function hospitalFormStrings(t: Translator, submit: string) {
  return {
    name: t("hospital.hospitals.name"),
    region: t("hospital.hospitals.region"),
    chooseRegion: t("hospital.hospitals.chooseRegion"),
    address: t("hospital.hospitals.address"),
    isReferral: t("hospital.hospitals.isReferral"),
    isAssociationMember: t("hospital.hospitals.isAssociationMember"),
    cylinderSupply: t("logistics.cylinders.supplyMode"),
    beds: t("hospital.hospitals.beds"),
    covidBeds: t("hospital.hospitals.covidBeds"),
    icuBeds: t("hospital.hospitals.icuBeds"),
    tankCapacity: t("hospital.hospitals.tankCapacity"),
    tankResidual: t("hospital.hospitals.tankResidual"),
    tankResidualHint: t("hospital.hospitals.tankResidualHint"),
    operatingMinimum: t("hospital.hospitals.operatingMinimum"),
    operatingMinimumHint: t("hospital.hospitals.operatingMinimumHint"),
    active: t("hospital.hospitals.active"),
    submit,
    saved: t("shell.common.saved"),
    fixErrors: t("shell.common.fixErrors"),
  };
}

/** Kilograms as a plain tonnes string for a form's initial value ("12.5"). */
export const kgToTonnesInput = (kg: number, locale: Locale) => tonnesInput(kg, locale);
