import { unusableFloorKg } from "@/domain/stock";
import { now, today } from "@/server/clock";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncomingDeliveries } from "@/components/hospital/incoming-deliveries";
import { StockForm } from "@/components/hospital/stock-form";
import { stockFormStrings } from "@/components/hospital/texts";
import { LiveSection, LiveSections } from "@/components/forms/live-sections";
import { StockHistory } from "@/components/hospital/stock-history";
import { getMessages, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { incomingDeliveries } from "@/server/queries/dispatches";
import { hospitalFor } from "@/server/queries/hospitals";
import { incomingTrips } from "@/server/queries/trips";
import { stockHistory, supplyOf } from "@/server/queries/stock";
import { requireActor } from "@/server/session";
import { confirmReceiptAction } from "../requests/actions";
import { recordCylinderCountAction, submitStockAction } from "./actions";
import { CurrentSupply } from "./sections";
import { setAlertThresholdsAction } from "../hospitals/actions";
import { cylinderCountForm, thresholdFields } from "@/components/logistics/cylinder-count-fields";
import { CylinderTable } from "@/components/logistics/cylinder-table";
import { SimpleForm } from "@/components/logistics/simple-form";
import { AMBER_BELOW_HOURS, RED_BELOW_HOURS, STALE_AFTER_HOURS } from "@/domain/stock";
import { cylinderTypes, cylindersOf } from "@/server/queries/cylinders";

export default async function MyHospitalPage() {
  const actor = await requireActor("stock:report");
  if (!actor.hospitalId) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const messages = await getMessages();
  const mayConfirm = can(actor, "receipt:confirm", { hospitalId: actor.hospitalId });
  const [hospital, supply, reports, incoming, trips] = await Promise.all([
    hospitalFor(actor, actor.hospitalId),
    supplyOf(actor.hospitalId),
    stockHistory(actor.hospitalId, 30),
    mayConfirm ? incomingDeliveries(actor.hospitalId) : Promise.resolve([]),
    mayConfirm ? incomingTrips(actor.hospitalId) : Promise.resolve(new Map()),
  ]);
  /** now as a WIB datetime-local value */
  const wibNow = new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
  if (!hospital) notFound();
  const [types, cylinders] = hospital.cylinderSupply ? await Promise.all([cylinderTypes(), cylindersOf(hospital.id)]) : [[], null];
  const countForm = cylinderCountForm(types, cylinders?.lines, t);
  // The stock form's action sends back the supply and the history only (decision 0047).
  return (
    <LiveSections>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 data-testid="hospital-name">{hospital.name}</h1>
          <p className="text-slate-600">{hospital.region.name}</p>
        </div>
        {/* the day's other job, one tap from home on a phone too (its menu would be two) */}
        {can(actor, "request:create") && (
          <Link href="/requests#new-request" className="btn" data-testid="new-request-link">
            {t("hospital.requests.new")}
          </Link>
        )}
      </div>
      <LiveSection name="supply">
        <CurrentSupply supply={supply} t={t} locale={locale} />
      </LiveSection>
      {mayConfirm && (
        <IncomingDeliveries
          deliveries={incoming.map((d) => ({ ...d, trip: trips.get(d.id) ?? null }))}
          action={confirmReceiptAction}
          now={wibNow}
          t={t}
          locale={locale}
        />
      )}
      {hospital.cylinderSupply && (
        <section className="space-y-2" data-testid="cylinder-section">
          <h2>{t("logistics.cylinders.countTitle")}</h2>
          <p className="text-sm text-slate-600">{t("logistics.cylinders.countIntro")}</p>
          <CylinderTable holders={cylinders ? [cylinders] : []} types={types} t={t} locale={locale} testId="my-cylinders" />
          <SimpleForm
            action={recordCylinderCountAction}
            testId="cylinder-count-form"
            hidden={countForm.hidden}
            fields={countForm.fields}
            submit={t("logistics.cylinders.countSubmit")}
            saved={t("logistics.cylinders.countSaved")}
            fixErrors={t("shell.common.fixErrors")}
          />
        </section>
      )}
      {/* a cylinder hospital reports by its count above: its stock is restated from it (decision 0039) */}
      {!hospital.cylinderSupply && (
        <section className="space-y-2">
          <h2>{t("hospital.stock.title")}</h2>
          <p className="text-sm text-slate-600">{t("hospital.stock.intro")}</p>
          <StockForm action={submitStockAction} today={today()} locale={locale} s={stockFormStrings(t, messages.hospital.stock.units)} />
        </section>
      )}
      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2>{t("hospital.stock.history")}</h2>
          <Link href="/requests" className="text-sm text-brand-700 hover:underline">
            {t("hospital.requests.mine")} →
          </Link>
        </div>
        <LiveSection name="history">
          <StockHistory reports={reports} floorKg={unusableFloorKg(hospital)} own t={t} locale={locale} />
        </LiveSection>
      </section>
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
    </LiveSections>
  );
}
