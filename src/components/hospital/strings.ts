import { tonnesInput } from "@/components/supply/tonnes-input";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";

/** The strings the hospital form needs, picked from the messages. */
export function hospitalFormStrings(t: Messages, submit: string) {
  const h = t.hospital.hospitals;
  return {
    name: h.name,
    region: h.region,
    chooseRegion: h.chooseRegion,
    address: h.address,
    isReferral: h.isReferral,
    isAssociationMember: h.isAssociationMember,
    beds: h.beds,
    covidBeds: h.covidBeds,
    icuBeds: h.icuBeds,
    tankCapacity: h.tankCapacity,
    tankResidual: h.tankResidual,
    tankResidualHint: h.tankResidualHint,
    operatingMinimum: h.operatingMinimum,
    operatingMinimumHint: h.operatingMinimumHint,
    active: h.active,
    submit,
    saved: t.shell.common.saved,
    fixErrors: t.shell.common.fixErrors,
  };
}

/** Kilograms as a plain tonnes string for a form's initial value ("12.5"). */
export const kgToTonnesInput = (kg: number, locale: Locale) => tonnesInput(kg, locale);
