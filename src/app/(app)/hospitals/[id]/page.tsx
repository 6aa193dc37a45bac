import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HospitalForm } from "@/components/hospital/hospital-form";
import { StockHistory } from "@/components/hospital/stock-history";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { hospitalFormStrings, kgToTonnesInput } from "@/components/hospital/strings";
import { getI18n } from "@/i18n/server";
import { can } from "@/server/permissions";
import { hospitalFor } from "@/server/queries/hospitals";
import { stockHistory, supplyOf } from "@/server/queries/stock";
import { regionOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { unusableFloorKg } from "@/domain/stock";
import { confirmStockReviewAction, updateHospitalAction } from "../actions";
import { loadCreatedNotice } from "../../../search-params";

export default async function HospitalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("hospital:read");
  const { id } = await params;
  const hospital = await hospitalFor(actor, id);
  if (!hospital) notFound();
  const { t, locale } = await getI18n();
  const h = t.hospital.hospitals;
  const [regions, supply, reports] = await Promise.all([
    regionOptions(),
    supplyOf(hospital.id),
    can(actor, "stock:read", { hospitalId: hospital.id }) ? stockHistory(hospital.id, 14) : Promise.resolve([]),
  ]);
  const { created } = await loadCreatedNotice(searchParams);
  return (
    <>
      <p>
        <Link href="/hospitals" className="text-sm text-brand-700 hover:underline">
          ← {h.title}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 data-testid="hospital-name">{hospital.name}</h1>
        <SupplyBadge supply={supply} t={t.hospital.supply} locale={locale} />
      </div>
      {created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="created">
          {h.created}
        </p>
      )}
      {can(actor, "hospital:write") ? (
        <>
          <h2>{h.editTitle}</h2>
          <HospitalForm
            action={updateHospitalAction}
            s={hospitalFormStrings(t, t.shell.common.save)}
            errors={t.errors}
            regions={regions}
            initial={{
              id: hospital.id,
              name: hospital.name,
              regionId: hospital.regionId,
              address: hospital.address,
              isReferral: hospital.isReferral,
              isAssociationMember: hospital.isAssociationMember,
              beds: String(hospital.beds),
              covidBeds: String(hospital.covidBeds),
              icuBeds: String(hospital.icuBeds),
              tankCapacityKg: kgToTonnesInput(hospital.tankCapacityKg, locale),
              tankResidualKg: kgToTonnesInput(hospital.tankResidualKg, locale),
              operatingMinimumKg: hospital.operatingMinimumKg === null ? "" : kgToTonnesInput(hospital.operatingMinimumKg, locale),
              active: hospital.active,
            }}
          />
        </>
      ) : (
        <p className="text-slate-600">
          {hospital.region.name} · {hospital.address}
        </p>
      )}
      <section className="space-y-2">
        <h2>{h.reports}</h2>
        <StockHistory
          reports={reports}
          floorKg={unusableFloorKg(hospital)}
          t={t}
          locale={locale}
          confirm={can(actor, "stock:review", { hospitalId: hospital.id }) ? confirmStockReviewAction : undefined}
        />
      </section>
    </>
  );
}
