import Link from "next/link";
import { DispatchForm } from "@/components/supply/dispatch-form";
import { formatDay, formatTonnes } from "@/i18n/format";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { openAllocations, openTranches } from "@/server/queries/dispatches";
import { dispatchFleetOptions } from "@/server/queries/fleet";
import { depotOptions, hospitalOptions } from "@/server/queries/pledges";
import type { SearchParams } from "nuqs/server";
import { requireActor } from "@/server/session";
import { createDispatchAction } from "../actions";
import { loadNewDispatchSearch } from "./search-params";

export default async function NewDispatchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("dispatch:write");
  const t = await getTranslations();
  const messages = await getMessages();
  const locale = await getLocale();
  const { tranche: trancheId, allocation: allocationId } = await loadNewDispatchSearch(searchParams);
  const [allocations, tranches, hospitals, depots, fleet] = await Promise.all([
    openAllocations(allocationId ?? undefined),
    openTranches(trancheId ?? undefined),
    hospitalOptions(),
    depotOptions(),
    dispatchFleetOptions(),
  ]);
  return (
    <>
      <Link href="/dispatches" className="text-sm text-brand-700 hover:underline">
        ← {t("shell.common.back")}
      </Link>
      <h1>{t("supply.dispatches.new")}</h1>
      <DispatchForm
        action={createDispatchAction}
        idempotencyKey={crypto.randomUUID()}
        initialSource={trancheId ? `tranche:${trancheId}` : allocationId ? `allocation:${allocationId}` : ""}
        allocations={allocations.map((a) => ({
          value: `allocation:${a.id}`,
          label: t("supply.dispatches.allocationOption", {
            hospital: a.hospital.name,
            supplier: a.supplier,
            t: a.dispatchedKg > 0 ? `${formatTonnes(a.dispatchedKg, locale)} / ${formatTonnes(a.kg, locale)}` : formatTonnes(a.kg, locale),
            day: formatDay(a.day, locale),
          }),
        }))}
        locale={locale}
        tranches={tranches.map((x) => ({
          value: `tranche:${x.id}`,
          label: t("supply.dispatches.trancheOption", {
            supplier: x.supplier,
            due: formatDay(x.dueOn, locale),
            t: `${formatTonnes(x.dispatchedKg, locale)} / ${formatTonnes(x.kg, locale)}`,
          }),
        }))}
        hospitals={hospitals}
        depots={depots}
        vehicles={fleet.vehicles.map((v) => ({
          id: v.id,
          label: t("fleet.dispatch.vehicleOption", { plate: v.plate, kind: t(`fleet.kinds.${v.kind}`) }),
          group: v.operator.name,
        }))}
        drivers={fleet.drivers.map((d) => ({ id: d.id, label: d.name, group: d.operator.name }))}
        loadingTrips={fleet.loading.map((x) => ({ id: x.id, label: t("fleet.dispatch.tripOption", { plate: x.vehiclePlate, source: x.source.name }) }))}
        s={{
          source: t("supply.dispatches.source"),
          allocation: t("supply.dispatches.allocation"),
          tranche: t("supply.dispatches.tranche"),
          chooseSource: t("supply.dispatches.chooseSource"),
          hospital: t("supply.dispatches.hospital"),
          chooseHospital: t("supply.dispatches.chooseHospital"),
          hospitalsGroup: t("supply.dispatches.hospitalsGroup"),
          depotsGroup: t("supply.dispatches.depotsGroup"),
          hospitalHint: t("supply.dispatches.hospitalHint"),
          vehiclePlate: t("supply.dispatches.vehiclePlate"),
          driverName: t("supply.dispatches.driverName"),
          amount: t("supply.dispatches.amount"),
          unit: t("supply.dispatches.unit"),
          cylinderSize: t("supply.dispatches.cylinderSize"),
          cylinderHint: t("supply.dispatches.cylinderHint"),
          conversionHint: t("supply.dispatches.conversionHint"),
          dispatchedAt: t("supply.dispatches.dispatchedAt"),
          submit: t("supply.dispatches.submit"),
          saved: t("supply.dispatches.created"),
          fixErrors: t("shell.common.fixErrors"),
          units: messages.supply.units,
          confirmUnusual: t("hospital.receipts.confirmUnusual"),
          fleet: {
            vehicle: t("fleet.dispatch.vehicle"),
            chooseVehicle: t("fleet.dispatch.chooseVehicle"),
            driver: t("fleet.dispatch.driver"),
            chooseDriver: t("fleet.dispatch.chooseDriver"),
            plateHint: t("fleet.dispatch.plateHint"),
            trip: t("fleet.dispatch.trip"),
            newTrip: t("fleet.dispatch.newTrip"),
            loading: t("fleet.dispatch.loading"),
            plannedArrival: t("fleet.dispatch.plannedArrival"),
          },
        }}
      />
    </>
  );
}
