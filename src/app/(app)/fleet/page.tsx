import { DriverForm, VehicleForm, type FleetFormStrings } from "@/components/fleet/fleet-forms";
import { StatusBadge } from "@/components/supply/list-controls";
import { formatNumber } from "@/i18n/format";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { listDrivers, listVehicles, operatorOptions } from "@/server/queries/fleet";
import { requireActor } from "@/server/session";
import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { loadFleetSearch } from "./search-params";
import { createDriverAction, createVehicleAction, updateDriverAction, updateVehicleAction } from "./actions";

export default async function FleetPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("fleet:read");
  const edit = await loadFleetSearch(searchParams);
  const t = await getTranslations("fleet");
  const tShell = await getTranslations("shell");
  const locale = await getLocale();
  const messages = await getMessages();
  const mayManage = can(actor, "fleet:manage");
  const [vehicles, drivers, operators] = await Promise.all([listVehicles(), listDrivers(), mayManage ? operatorOptions() : Promise.resolve([])]);
  const editVehicle = mayManage && edit.vehicle ? vehicles.find((v) => v.id === edit.vehicle) : undefined;
  const editDriver = mayManage && edit.driver ? drivers.find((d) => d.id === edit.driver) : undefined;
  const s = (submit: string): FleetFormStrings => ({
    plate: t("register.plate"),
    kind: t("register.kind"),
    capacity: t("register.capacity"),
    capacityHint: t("register.capacityHint"),
    operator: t("register.operator"),
    chooseOperator: t("register.chooseOperator"),
    name: t("register.name"),
    phone: t("register.phone"),
    active: t("register.active"),
    kinds: messages.fleet.kinds,
    submit,
    saved: t("register.saved"),
    fixErrors: tShell("common.fixErrors"),
  });
  return (
    <>
      <div>
        <h1>{t("register.title")}</h1>
        <p className="text-sm text-slate-600">{t("register.intro")}</p>
      </div>
      <section className="space-y-2" aria-labelledby="vehicles-heading">
        <h2 id="vehicles-heading">{t("register.vehicles")}</h2>
        {mayManage && (
          <details className="card">
            <summary className="cursor-pointer font-medium text-brand-700">{t("register.newVehicle")}</summary>
            <div className="mt-3">
              <VehicleForm action={createVehicleAction} s={s(t("register.newVehicle"))} operators={operators} />
            </div>
          </details>
        )}
        {editVehicle && (
          <div className="card" id="edit-vehicle">
            <h3 className="mb-2 font-semibold">
              {t("register.edit")}: {editVehicle.plate}
            </h3>
            <VehicleForm
              action={updateVehicleAction}
              s={s(t("register.save"))}
              operators={operators}
              initial={{
                id: editVehicle.id,
                plate: editVehicle.plate,
                kind: editVehicle.kind,
                capacity: editVehicle.capacity,
                operatorId: editVehicle.operatorId,
                active: editVehicle.active,
              }}
            />
          </div>
        )}
        <div className="card overflow-x-auto p-0">
          <table className="table table-stack" data-testid="vehicles-table">
            <thead>
              <tr>
                <th>{t("register.plate")}</th>
                <th>{t("register.kind")}</th>
                <th className="text-right">{t("register.capacity")}</th>
                <th>{t("register.operator")}</th>
                <th>{t("register.status")}</th>
              </tr>
            </thead>
            <tbody>
              {vehicles.length === 0 && (
                <tr>
                  <td colSpan={5} className="text-slate-500">
                    {t("register.noVehicles")}
                  </td>
                </tr>
              )}
              {vehicles.map((v) => (
                <tr key={v.id} data-testid={`vehicle-${v.plate}`}>
                  <td className="whitespace-nowrap font-medium">
                    {v.plate}
                    {mayManage && (
                      <Link href={`/fleet?vehicle=${v.id}#edit-vehicle`} className="block text-xs font-normal text-brand-700 hover:underline">
                        {t("register.edit")}
                      </Link>
                    )}
                  </td>
                  <td data-label={t("register.kind")}>{t(`kinds.${v.kind}`)}</td>
                  <td data-label={t("register.capacity")} className="text-right tabular-nums">
                    {v.kind === "CYLINDER_TRUCK"
                      ? t("register.capacityCylinders", { n: v.capacity })
                      : t("register.capacityKg", { kg: formatNumber(v.capacity, locale) })}
                  </td>
                  <td data-label={t("register.operator")}>{v.operator.name}</td>
                  <td data-label={t("register.status")}>
                    <StatusBadge tone={v.active ? "green" : "slate"}>{v.active ? t("register.active") : t("register.retired")}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="space-y-2" aria-labelledby="drivers-heading">
        <h2 id="drivers-heading">{t("register.drivers")}</h2>
        {mayManage && (
          <details className="card">
            <summary className="cursor-pointer font-medium text-brand-700">{t("register.newDriver")}</summary>
            <div className="mt-3">
              <DriverForm action={createDriverAction} s={s(t("register.newDriver"))} operators={operators} />
            </div>
          </details>
        )}
        {editDriver && (
          <div className="card" id="edit-driver">
            <h3 className="mb-2 font-semibold">
              {t("register.edit")}: {editDriver.name}
            </h3>
            <DriverForm
              action={updateDriverAction}
              s={s(t("register.save"))}
              operators={operators}
              initial={{ id: editDriver.id, name: editDriver.name, phone: editDriver.phone, operatorId: editDriver.operatorId, active: editDriver.active }}
            />
          </div>
        )}
        <div className="card overflow-x-auto p-0">
          <table className="table table-stack" data-testid="drivers-table">
            <thead>
              <tr>
                <th>{t("register.name")}</th>
                <th>{t("register.phone")}</th>
                <th>{t("register.operator")}</th>
                <th>{t("register.status")}</th>
              </tr>
            </thead>
            <tbody>
              {drivers.length === 0 && (
                <tr>
                  <td colSpan={4} className="text-slate-500">
                    {t("register.noDrivers")}
                  </td>
                </tr>
              )}
              {drivers.map((d) => (
                <tr key={d.id}>
                  <td className="font-medium">
                    {d.name}
                    {mayManage && (
                      <Link href={`/fleet?driver=${d.id}#edit-driver`} className="block text-xs font-normal text-brand-700 hover:underline">
                        {t("register.edit")}
                      </Link>
                    )}
                  </td>
                  <td data-label={t("register.phone")}>{d.phone}</td>
                  <td data-label={t("register.operator")}>{d.operator.name}</td>
                  <td data-label={t("register.status")}>
                    <StatusBadge tone={d.active ? "green" : "slate"}>{d.active ? t("register.active") : t("register.retired")}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
