import type { Translator } from "@/i18n/translator";

/** The plain strings the (client) pledge form needs. */
export function pledgeFormStrings(t: Translator, submit: string) {
  return {
    supplier: t("supply.pledges.supplier"),
    chooseSupplier: t("supply.pledges.chooseSupplier"),
    total: t("supply.pledges.total"),
    startsOn: t("supply.pledges.startsOn"),
    endsOn: t("supply.pledges.endsOn"),
    earmark: t("supply.pledges.earmark"),
    hospitals: t("supply.pledges.hospitals"),
    hospitalsHint: t("supply.pledges.hospitalsHint"),
    note: t("supply.pledges.note"),
    tranches: t("supply.pledges.tranches"),
    trancheDue: t("supply.pledges.trancheDue"),
    trancheTonnes: t("supply.pledges.trancheTonnes"),
    addTranche: t("supply.pledges.addTranche"),
    remove: t("supply.pledges.remove"),
    generate: t("supply.pledges.generate"),
    trancheCount: t("supply.pledges.trancheCount"),
    submit,
    saved: t("shell.common.saved"),
    fixErrors: t("shell.common.fixErrors"),
    earmarks: { NONE: t("supply.earmarks.NONE"), ASSOCIATION: t("supply.earmarks.ASSOCIATION"), HOSPITALS: t("supply.earmarks.HOSPITALS") },
  };
}
