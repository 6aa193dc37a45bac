import { DriverForm, VehicleForm, type FleetFormStrings } from "@/components/fleet/fleet-forms";
import { StatusBadge } from "@/components/supply/list-controls";
import { formatNumber } from "@/i18n/format";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { listDrivers, listVehicles, operatorOptions } from "@/server/queries/fleet";
import { requireActor } from "@/server/session";
import { createDriverAction, createVehicleAction, updateDriverAction, updateVehicleAction } from "./actions";

export default async function FleetPage() {
  const actor = await requireActor("fleet:read");
  const t = await getTranslations("fleet");
  const tShell = await getTranslations("shell");
  const locale = await getLocale();
  const messages = await getMessages();
  const mayManage = can(actor, "fleet:manage");
  const [vehicles, drivers, operators] = await Promise.all([listVehicles(), listDrivers(), mayManage ? operatorOptions() : Promise.resolve([])]);
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
                      <details className="mt-1 font-normal">
                        <summary className="cursor-pointer text-xs text-brand-700">{t("register.edit")}</summary>
                        <div className="mt-2 min-w-0 sm:min-w-96">
                          <VehicleForm
                            action={updateVehicleAction}
                            s={s(t("register.save"))}
                            operators={operators}
                            initial={{ id: v.id, plate: v.plate, kind: v.kind, capacity: v.capacity, operatorId: v.operatorId, active: v.active }}
                          />
                        </div>
                      </details>
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
                      <details className="mt-1 font-normal">
                        <summary className="cursor-pointer text-xs text-brand-700">{t("register.edit")}</summary>
                        <div className="mt-2 min-w-0 sm:min-w-96">
                          <DriverForm
                            action={updateDriverAction}
                            s={s(t("register.save"))}
                            operators={operators}
                            initial={{ id: d.id, name: d.name, phone: d.phone, operatorId: d.operatorId, active: d.active }}
                          />
                        </div>
                      </details>
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
