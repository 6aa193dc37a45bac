import type { Messages } from "@/i18n/messages";

/** The plain strings the (client) pledge form needs. */
export function pledgeFormStrings(t: Messages, submit: string) {
  const s = t.supply.pledges;
  return {
    supplier: s.supplier,
    chooseSupplier: s.chooseSupplier,
    total: s.total,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    earmark: s.earmark,
    hospitals: s.hospitals,
    hospitalsHint: s.hospitalsHint,
    note: s.note,
    tranches: s.tranches,
    trancheDue: s.trancheDue,
    trancheTonnes: s.trancheTonnes,
    addTranche: s.addTranche,
    remove: s.remove,
    generate: s.generate,
    trancheCount: s.trancheCount,
    trancheSumLabel: s.trancheSum("{sum}", "{total}"),
    submit,
    saved: t.shell.common.saved,
    fixErrors: t.shell.common.fixErrors,
    earmarks: t.supply.earmarks,
  };
}
