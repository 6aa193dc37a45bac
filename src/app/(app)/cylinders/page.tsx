import { getLocale, getTranslations } from "next-intl/server";
import { CylinderTable } from "@/components/logistics/cylinder-table";
import { SimpleForm } from "@/components/logistics/simple-form";
import { formatDateTime, formatNumber } from "@/i18n/format";
import { can, isOwnScoped } from "@/server/permissions";
import {
  cylinderHospitalOptions,
  cylinderTypes,
  distributorCylinders,
  distributorOptions,
  hospitalCylinders,
  recentMovements,
} from "@/server/queries/cylinders";
import { requireActor } from "@/server/session";
import { moveCylindersAction, refillCylindersAction } from "./actions";

/** Cylinders by holder and type; staff record refills at distributors, deliveries and returns (decision 0039). */
export default async function CylindersPage() {
  const actor = await requireActor("cylinder:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const own = isOwnScoped(actor, "cylinder:read");
  const [types, distributors, hospitals, movements] = await Promise.all([
    cylinderTypes(),
    own ? Promise.resolve([]) : distributorCylinders(),
    hospitalCylinders(actor),
    recentMovements(actor),
  ]);
  const mayMove = can(actor, "cylinder:move");
  const [suppliers, cylinderHospitals] = mayMove ? await Promise.all([distributorOptions(), cylinderHospitalOptions()]) : [[], []];
  const typeName = new Map(types.map((ty) => [ty.id, ty.name]));
  const typeOptions = types.map((ty) => ({ value: ty.id, label: ty.name }));
  const common = { saved: t("logistics.cylinders.saved"), fixErrors: t("shell.common.fixErrors") };
  const signed = (n: number) => (n > 0 ? `+${formatNumber(n, locale)}` : formatNumber(n, locale));
  return (
    <>
      <h1>{t("logistics.cylinders.title")}</h1>
      <p className="text-sm text-slate-600">{t("logistics.cylinders.intro")}</p>
      {!own && (
        <section className="space-y-2">
          <h2>{t("logistics.cylinders.distributors")}</h2>
          <CylinderTable holders={distributors} types={types} t={t} locale={locale} testId="distributor-cylinders" />
        </section>
      )}
      <section className="space-y-2">
        <h2>{t("logistics.cylinders.hospitals")}</h2>
        <CylinderTable holders={hospitals} types={types} t={t} locale={locale} testId="hospital-cylinders" />
      </section>
      {mayMove && (
        <>
          <section className="space-y-2">
            <h2>{t("logistics.cylinders.refillTitle")}</h2>
            <SimpleForm
              action={refillCylindersAction}
              testId="refill-form"
              submit={t("logistics.cylinders.refill")}
              {...common}
              fields={[
                {
                  name: "supplierId",
                  label: t("logistics.cylinders.distributor"),
                  options: [{ value: "", label: "—" }, ...suppliers.map((s) => ({ value: s.id, label: s.name }))],
                },
                { name: "typeId", label: t("logistics.cylinders.type"), options: typeOptions, defaultValue: types.at(-1)?.id },
                { name: "count", label: t("logistics.cylinders.count"), whole: true },
              ]}
            />
          </section>
          <section className="space-y-2">
            <h2>{t("logistics.cylinders.moveTitle")}</h2>
            <SimpleForm
              action={moveCylindersAction}
              testId="move-form"
              submit={t("logistics.cylinders.move")}
              {...common}
              fields={[
                {
                  name: "kind",
                  label: t("logistics.cylinders.kind"),
                  options: (["delivery", "return"] as const).map((k) => ({ value: k, label: t(`logistics.cylinders.kinds.${k}`) })),
                },
                {
                  name: "supplierId",
                  label: t("logistics.cylinders.distributor"),
                  options: [{ value: "", label: "—" }, ...suppliers.map((s) => ({ value: s.id, label: s.name }))],
                },
                {
                  name: "hospitalId",
                  label: t("logistics.cylinders.hospital"),
                  options: [{ value: "", label: "—" }, ...cylinderHospitals.map((h) => ({ value: h.id, label: h.name }))],
                },
                { name: "typeId", label: t("logistics.cylinders.type"), options: typeOptions, defaultValue: types.at(-1)?.id },
                { name: "count", label: t("logistics.cylinders.count"), whole: true },
                { name: "note", label: t("logistics.cylinders.note") },
              ]}
            />
          </section>
        </>
      )}
      {movements.length > 0 && (
        <section className="space-y-2">
          <h2>{t("logistics.cylinders.recent")}</h2>
          <ul className="card divide-y divide-slate-100 p-0 text-sm" data-testid="cylinder-movements">
            {movements.map((m) => (
              <li key={m.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span>
                  {m.holder} · {typeName.get(m.typeId)} · {t(`logistics.cylinders.kinds.${m.kind as "count"}`)}: {t("logistics.cylinders.full")}{" "}
                  {signed(m.fullDelta)}, {t("logistics.cylinders.empty")} {signed(m.emptyDelta)}
                  {m.note && <span className="text-slate-500"> — {m.note}</span>}
                </span>
                <span className="whitespace-nowrap text-xs text-slate-600">{formatDateTime(m.at, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
