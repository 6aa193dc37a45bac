import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HospitalForm } from "@/components/hospital/hospital-form";
import { StockHistory } from "@/components/hospital/stock-history";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { hospitalFormStrings, kgToTonnesInput } from "@/components/hospital/strings";
import { stockFormStrings } from "@/components/hospital/texts";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { hospitalFor } from "@/server/queries/hospitals";
import { stockHistory, supplyOf } from "@/server/queries/stock";
import { regionOptions } from "@/server/queries/suppliers";
import { requireActor } from "@/server/session";
import { unusableFloorKg } from "@/domain/stock";
import { IncomingDeliveries } from "@/components/hospital/incoming-deliveries";
import { StockForm } from "@/components/hospital/stock-form";
import { cylinderCountForm, thresholdFields } from "@/components/logistics/cylinder-count-fields";
import { CylinderTable } from "@/components/logistics/cylinder-table";
import { SimpleForm } from "@/components/logistics/simple-form";
import { AMBER_BELOW_HOURS, RED_BELOW_HOURS, STALE_AFTER_HOURS } from "@/domain/stock";
import { getMessages } from "next-intl/server";
import { now, today } from "@/server/clock";
import { cylinderTypes, cylindersOf } from "@/server/queries/cylinders";
import { incomingDeliveries } from "@/server/queries/dispatches";
import {
  confirmStockReviewAction,
  recordCylinderCountOnBehalfAction,
  recordReceiptOnBehalfAction,
  setAlertThresholdsAction,
  submitStockOnBehalfAction,
  updateHospitalAction,
} from "../actions";
import { loadCreatedNotice } from "../../../search-params";

export default async function HospitalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("hospital:read");
  const { id } = await params;
  const hospital = await hospitalFor(actor, id);
  if (!hospital) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const [regions, supply, reports] = await Promise.all([
    regionOptions(),
    supplyOf(hospital.id),
    can(actor, "stock:read", { hospitalId: hospital.id }) ? stockHistory(hospital.id, 14) : Promise.resolve([]),
  ]);
  const { created } = await loadCreatedNotice(searchParams);
  const warRoom = can(actor, "stock:report-on-behalf", { hospitalId: hospital.id });
  const messages = await getMessages();
  const [incoming, types, cylinders] = await Promise.all([
    warRoom ? incomingDeliveries(hospital.id) : Promise.resolve([]),
    hospital.cylinderSupply ? cylinderTypes() : Promise.resolve([]),
    hospital.cylinderSupply ? cylindersOf(hospital.id) : Promise.resolve(null),
  ]);
  const wibNow = new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
  const onBehalf = { hospitalId: hospital.id, noteLabel: t("logistics.warRoom.noteLabel"), noteHint: t("logistics.warRoom.noteHint") };
  return (
    <>
      <p>
        <Link href="/hospitals" className="text-sm text-brand-700 hover:underline">
          ← {t("hospital.hospitals.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 data-testid="hospital-name">{hospital.name}</h1>
        <SupplyBadge supply={supply} t={t} locale={locale} />
      </div>
      {created && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="created">
          {t("hospital.hospitals.created")}
        </p>
      )}
      {can(actor, "hospital:write") ? (
        <>
          <h2>{t("hospital.hospitals.editTitle")}</h2>
          <HospitalForm
            action={updateHospitalAction}
            s={hospitalFormStrings(t, t("shell.common.save"))}
            regions={regions}
            initial={{
              id: hospital.id,
              name: hospital.name,
              regionId: hospital.regionId,
              address: hospital.address,
              isReferral: hospital.isReferral,
              isAssociationMember: hospital.isAssociationMember,
              cylinderSupply: hospital.cylinderSupply,
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
      {hospital.cylinderSupply && (
        <section className="space-y-2">
          <h2>{t("logistics.cylinders.countTitle")}</h2>
          <CylinderTable holders={cylinders ? [cylinders] : []} types={types} t={t} locale={locale} testId="hospital-cylinders" />
        </section>
      )}
      {can(actor, "alert:configure", { hospitalId: hospital.id }) && (
        <section className="space-y-2">
          <h2>{t("logistics.thresholds.title")}</h2>
          <p className="text-sm text-slate-600">{t("logistics.thresholds.intro")}</p>
          <SimpleForm
            action={setAlertThresholdsAction}
            testId="thresholds-form"
            hidden={{ hospitalId: hospital.id }}
            fields={thresholdFields(hospital, { red: RED_BELOW_HOURS, amber: AMBER_BELOW_HOURS, missed: STALE_AFTER_HOURS }, t)}
            submit={t("logistics.thresholds.submit")}
            saved={t("logistics.thresholds.saved")}
            fixErrors={t("shell.common.fixErrors")}
          />
        </section>
      )}
      {warRoom && (
        <section className="space-y-3 rounded-lg border-2 border-dashed border-amber-400 p-3" data-testid="war-room">
          <h2>{t("logistics.warRoom.title")}</h2>
          <p className="text-sm text-slate-600">{t("logistics.warRoom.intro")}</p>
          {hospital.cylinderSupply ? (
            <>
              <h3 className="font-semibold">{t("logistics.cylinders.countTitle")}</h3>
              <SimpleForm
                action={recordCylinderCountOnBehalfAction}
                testId="cylinder-count-on-behalf"
                {...(() => {
                  const f = cylinderCountForm(types, cylinders?.lines, t);
                  return {
                    hidden: { ...f.hidden, hospitalId: hospital.id },
                    fields: [{ name: "onBehalfNote", label: onBehalf.noteLabel, hint: onBehalf.noteHint }, ...f.fields],
                  };
                })()}
                submit={t("logistics.cylinders.countSubmit")}
                saved={t("logistics.cylinders.countSaved")}
                fixErrors={t("shell.common.fixErrors")}
              />
            </>
          ) : (
            <>
              <h3 className="font-semibold">{t("logistics.warRoom.stockTitle")}</h3>
              <StockForm
                action={submitStockOnBehalfAction}
                today={today()}
                locale={locale}
                onBehalf={onBehalf}
                s={stockFormStrings(t, messages.hospital.stock.units)}
              />
            </>
          )}
          {incoming.length > 0 && (
            <IncomingDeliveries deliveries={incoming} action={recordReceiptOnBehalfAction} now={wibNow} t={t} locale={locale} onBehalf={onBehalf} />
          )}
        </section>
      )}
      <section className="space-y-2">
        <h2>{t("hospital.hospitals.reports")}</h2>
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
