import Link from "next/link";
import { EmptyState } from "@/components/lists/empty-state";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { formatDateTime, formatNumber, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import { listHospitals } from "@/server/queries/hospitals";
import { requireActor } from "@/server/session";

export default async function HospitalsPage() {
  const actor = await requireActor("hospital:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const hospitals = await listHospitals(actor);
  const canWrite = can(actor, "hospital:write");
  const supplyAsOf = hospitals.find((x) => x.supply)?.supply?.asOf ?? null;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("hospital.hospitals.title")}</h1>
        {canWrite && (
          <Link href="/hospitals/new" className="btn">
            {t("hospital.hospitals.new")}
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-600">{t("hospital.supply.legend")}</p>
      {supplyAsOf && (
        <p className="text-xs text-slate-600" data-testid="hospitals-as-of">
          {t("hospital.supply.asOf", { t: formatDateTime(supplyAsOf, locale) })}
        </p>
      )}
      <div className="card overflow-x-auto p-0">
        <table className="table table-stack" data-testid="hospitals-table">
          <thead>
            <tr>
              <th>{t("hospital.hospitals.name")}</th>
              <th>{t("hospital.hospitals.region")}</th>
              <th className="text-right">
                {t("hospital.hospitals.beds")} <span className="font-normal text-slate-500">/ COVID / ICU</span>
              </th>
              <th className="text-right">{t("hospital.hospitals.tank")}</th>
              <th>{t("hospital.supply.hoursLeft")}</th>
            </tr>
          </thead>
          <tbody>
            {hospitals.length === 0 && (
              <EmptyState
                colSpan={5}
                text={t(canWrite ? "feedback.empty.hospitals" : "feedback.empty.hospitalsRead")}
                action={canWrite ? { href: "/hospitals/new", label: t("feedback.empty.newHospital") } : null}
              />
            )}
            {hospitals.map((x) => (
              <tr key={x.id} className={x.active ? "" : "opacity-60"}>
                <td>
                  <Link href={`/hospitals/${x.id}`} className="font-medium text-brand-700 hover:underline">
                    {x.name}
                  </Link>
                  <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-600">
                    {x.isReferral && <span className="rounded bg-brand-50 px-1">{t("hospital.hospitals.referral")}</span>}
                    {x.isAssociationMember && <span className="rounded bg-slate-100 px-1">{t("hospital.hospitals.member")}</span>}
                    {!x.active && <span className="rounded bg-slate-200 px-1">{t("supply.suppliers.inactive")}</span>}
                    {x.isSample && <span className="rounded bg-yellow-50 px-1">{t("shell.common.sample")}</span>}
                  </div>
                </td>
                <td data-label={t("hospital.hospitals.region")}>
                  {x.region.code} {x.region.name}
                </td>
                <td className="text-right tabular-nums" data-label={`${t("hospital.hospitals.beds")} / COVID / ICU`}>
                  <span>
                    {formatNumber(x.beds, locale)}{" "}
                    <span className="text-xs text-slate-500">
                      / {formatNumber(x.covidBeds, locale)} / {formatNumber(x.icuBeds, locale)}
                    </span>
                  </span>
                </td>
                <td className="text-right tabular-nums" data-label={t("hospital.hospitals.tank")}>
                  {formatTonnes(x.tankCapacityKg, locale)}
                </td>
                <td data-label={t("hospital.supply.hoursLeft")}>
                  <SupplyBadge supply={x.supply} t={t} locale={locale} withAsOf={false} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
