import Link from "next/link";
import { DispatchForm } from "@/components/supply/dispatch-form";
import { formatDay, formatTonnes } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { openAllocations, openTranches } from "@/server/queries/dispatches";
import { depotOptions, hospitalOptions } from "@/server/queries/pledges";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { createDispatchAction } from "../actions";
import { loadNewDispatchSearch } from "./search-params";

export default async function NewDispatchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("dispatch:write");
  const { t, locale } = await getI18n();
  const s = t.supply.dispatches;
  const { tranche: trancheId, allocation: allocationId } = await loadNewDispatchSearch(searchParams);
  const [allocations, tranches, hospitals, depots] = await Promise.all([
    openAllocations(allocationId ?? undefined),
    openTranches(trancheId ?? undefined),
    hospitalOptions(),
    depotOptions(),
  ]);
  return (
    <>
      <Link href="/dispatches" className="text-sm text-brand-700 hover:underline">
        ← {t.shell.common.back}
      </Link>
      <h1>{s.new}</h1>
      <DispatchForm
        action={createDispatchAction}
        errors={t.errors}
        idempotencyKey={crypto.randomUUID()}
        initialSource={trancheId ? `tranche:${trancheId}` : allocationId ? `allocation:${allocationId}` : ""}
        allocations={allocations.map((a) => ({
          value: `allocation:${a.id}`,
          label: s.allocationOption(
            a.hospital.name,
            a.supplier,
            a.dispatchedKg > 0 ? `${formatTonnes(a.dispatchedKg, locale)} / ${formatTonnes(a.kg, locale)}` : formatTonnes(a.kg, locale),
            formatDay(a.day, locale),
          ),
        }))}
        locale={locale}
        tranches={tranches.map((x) => ({
          value: `tranche:${x.id}`,
          label: s.trancheOption(x.supplier, formatDay(x.dueOn, locale), `${formatTonnes(x.dispatchedKg, locale)} / ${formatTonnes(x.kg, locale)}`),
        }))}
        hospitals={hospitals}
        depots={depots}
        s={{
          source: s.source,
          allocation: s.allocation,
          tranche: s.tranche,
          chooseSource: s.chooseSource,
          hospital: s.hospital,
          chooseHospital: s.chooseHospital,
          hospitalsGroup: s.hospitalsGroup,
          depotsGroup: s.depotsGroup,
          hospitalHint: s.hospitalHint,
          vehiclePlate: s.vehiclePlate,
          driverName: s.driverName,
          amount: s.amount,
          unit: s.unit,
          cylinderSize: s.cylinderSize,
          cylinderHint: s.cylinderHint,
          conversionHint: s.conversionHint,
          dispatchedAt: s.dispatchedAt,
          submit: s.submit,
          saved: s.created,
          fixErrors: t.shell.common.fixErrors,
          units: t.supply.units,
          confirmUnusual: t.hospital.receipts.confirmUnusual,
          interpreted: t.hospital.receipts.interpreted("{amount}"),
          limit: t.hospital.receipts.limit("{amount}"),
        }}
      />
    </>
  );
}
