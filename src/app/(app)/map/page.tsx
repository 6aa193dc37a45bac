import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { chooseView, type Position } from "@/domain/map";
import { SupplyBadge } from "@/components/hospital/supply-badge";
import { MapLegend, SupplyMap, type MarkerStatus } from "@/components/map/supply-map";
import { StatusBadge } from "@/components/supply/list-controls";
import { formatDateTime, formatNumber, formatTonnes } from "@/i18n/format";
import { cachedMapData } from "@/server/queries/cached";
import { requireActor } from "@/server/session";

/** Hospital rows in the table, the most at risk first; nationally there are thousands. */
const TABLE_ROWS = 200;

const placed = <T extends { position: Position | null }>(rows: readonly T[]) => rows.filter((r): r is T & { position: Position } => r.position !== null);

export default async function MapPage() {
  await requireActor("dashboard:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const data = await cachedMapData();

  // a hospital that never reported is "no report yet", as its badge says
  const statusOf = (h: (typeof data.hospitals)[number]): MarkerStatus => (h.lastReportDay ? h.status : "unknown");
  const statusText = (s: MarkerStatus) => t(`hospital.supply.${s}`);
  const hoursText = (h: (typeof data.hospitals)[number]) =>
    h.hoursLeft === null ? "" : ` · ${t("hospital.supply.hours", { h: formatNumber(h.hoursLeft, locale, 0) })}`;

  const hospitals = placed(data.hospitals).map((h) => ({
    id: h.id,
    name: h.name,
    status: statusOf(h),
    title: `${h.name}: ${statusText(statusOf(h))}${hoursText(h)}`,
    position: h.position,
  }));
  const suppliers = placed(data.suppliers).map((s) => ({ id: s.id, title: `${s.name} (${t(`supply.kinds.${s.kind}`)})`, position: s.position }));
  // one line per place a trip goes to; a trip whose source has no position is listed, not drawn
  const road = data.onTheRoad.flatMap((r) =>
    r.stops.flatMap((stop, i) =>
      r.from && stop.position
        ? [
            {
              id: `${r.id}-${i}`,
              title: `${r.supplierName} → ${stop.name}: ${formatTonnes(r.dispatchedKg, locale)}${r.late ? ` (${t("map.road.late")})` : ""}`,
              from: r.from,
              to: stop.position,
              late: r.late,
            },
          ]
        : [],
    ),
  );
  const { name: view, view: box } = chooseView(
    [...hospitals, ...suppliers].map((m) => m.position),
    data.hospitals.map((h) => h.regionCode),
  );
  const unplaced = data.hospitals.length - hospitals.length + (data.suppliers.length - suppliers.length);
  const count = (s: MarkerStatus) => data.hospitals.filter((h) => statusOf(h) === s).length;
  const asOf = formatDateTime(data.asOf, locale);

  return (
    <div className="space-y-4" data-testid="map-page">
      <div>
        <h1>{t("map.title")}</h1>
        <p className="text-sm text-slate-700">{t("map.intro")}</p>
        <p className="text-xs text-slate-600" data-testid="map-as-of">
          {t("hospital.supply.asOf", { t: asOf })}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <figure className="space-y-2">
          <SupplyMap
            view={box}
            detailed={view === "banten"}
            label={t("map.figure", {
              view,
              red: count("red"),
              amber: count("amber"),
              green: count("green"),
              stale: count("stale") + count("unknown"),
              suppliers: data.suppliers.length,
              road: data.onTheRoadTotal,
            })}
            hospitals={hospitals}
            suppliers={suppliers}
            road={road}
          />
          <figcaption className="space-y-1 text-xs text-slate-600">
            <span className="block font-medium text-slate-700">{t("map.view", { view })}</span>
            {unplaced > 0 && (
              <span className="block" data-testid="map-unplaced">
                {t("map.unplaced", { n: unplaced })}
              </span>
            )}
            <span className="block">{t("map.source")}</span>
          </figcaption>
          <MapLegend
            title={t("map.legend.title")}
            statuses={{
              red: statusText("red"),
              amber: statusText("amber"),
              green: statusText("green"),
              stale: statusText("stale"),
              unknown: statusText("unknown"),
            }}
            supplier={t("map.legend.supplier")}
            road={t("map.legend.road")}
            late={t("map.legend.late")}
          />
          <p className="text-xs text-slate-600">{t("hospital.supply.legend")}</p>
        </figure>

        <section className="card overflow-hidden p-0" aria-labelledby="map-hospitals">
          <h2 id="map-hospitals" className="px-3 pt-3">
            {t("map.hospitals.title")}
          </h2>
          {/* not a <caption>: a phone's stacked table squeezes it into a narrow column */}
          <p id="map-hospitals-caption" className="px-3 pb-2 text-xs text-slate-600">
            {t("map.hospitals.caption", { t: asOf })}
          </p>
          <table className="table table-stack" data-testid="map-hospitals" aria-labelledby="map-hospitals" aria-describedby="map-hospitals-caption">
            <thead>
              <tr>
                <th scope="col">{t("map.hospitals.name")}</th>
                <th scope="col">{t("map.hospitals.region")}</th>
                <th scope="col">{t("map.hospitals.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.hospitals.slice(0, TABLE_ROWS).map((h) => (
                <tr
                  key={h.id}
                  id={`hospital-${h.id}`}
                  className="scroll-mt-20 target:bg-yellow-50"
                  data-status={statusOf(h)}
                  data-placed={h.position ? "yes" : "no"}
                >
                  <td>
                    <Link href={`/hospitals/${h.id}`} className="font-medium text-brand-700 hover:underline">
                      {h.name}
                    </Link>
                  </td>
                  <td data-label={t("map.hospitals.region")}>{h.regionName}</td>
                  <td data-label={t("map.hospitals.status")}>
                    <SupplyBadge supply={h} t={t} locale={locale} withAsOf={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.hospitals.length > TABLE_ROWS && (
            <p className="px-3 py-2 text-sm text-slate-600">{t("map.hospitals.more", { n: data.hospitals.length - TABLE_ROWS })}</p>
          )}
        </section>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card overflow-hidden p-0" aria-labelledby="map-road">
          <h2 id="map-road" className="px-3 pt-3">
            {t("map.road.title")}
          </h2>
          {data.onTheRoad.length === 0 ? (
            <p className="px-3 pb-3 text-sm text-slate-600">{t("map.road.empty")}</p>
          ) : (
            <table className="table table-stack" data-testid="map-road-table" aria-labelledby="map-road">
              <thead>
                <tr>
                  <th scope="col">{t("map.road.to")}</th>
                  <th scope="col">{t("map.road.from")}</th>
                  <th scope="col" className="text-right">
                    {t("map.road.amount")}
                  </th>
                  <th scope="col">{t("map.road.expected")}</th>
                  <th scope="col">{t("map.road.plate")}</th>
                </tr>
              </thead>
              <tbody>
                {data.onTheRoad.map((r) => (
                  <tr key={r.id} data-testid="map-road-trip" data-late={r.late ? "true" : undefined}>
                    <td className="font-medium">
                      <Link href={`/trips/${r.id}`} className="text-brand-700 hover:underline">
                        {r.destinationName}
                      </Link>
                    </td>
                    <td data-label={t("map.road.from")}>{r.supplierName}</td>
                    <td data-label={t("map.road.amount")} className="text-right tabular-nums">
                      {formatTonnes(r.dispatchedKg, locale)}
                    </td>
                    <td data-label={t("map.road.expected")}>
                      {r.expectedAt ? formatDateTime(r.expectedAt, locale) : "—"}
                      {r.late && (
                        <span className="ml-1">
                          <StatusBadge tone="red">{t("map.road.late")}</StatusBadge>
                        </span>
                      )}
                    </td>
                    <td data-label={t("map.road.plate")}>
                      {r.vehiclePlate}
                      {r.status === "LOADING" && <span className="ml-1 text-xs text-slate-500">({t("map.road.loading")})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.onTheRoadTotal > data.onTheRoad.length && (
            <p className="px-3 py-2 text-sm text-slate-600">
              <Link href="/trips" className="text-brand-700 hover:underline">
                {t("map.road.more", { n: data.onTheRoadTotal - data.onTheRoad.length })}
              </Link>
            </p>
          )}
        </section>

        <section className="card overflow-hidden p-0" aria-labelledby="map-suppliers">
          <h2 id="map-suppliers" className="px-3 pt-3">
            {t("map.suppliers.title")}
          </h2>
          <table className="table table-stack" data-testid="map-suppliers" aria-labelledby="map-suppliers">
            <thead>
              <tr>
                <th scope="col">{t("map.suppliers.name")}</th>
                <th scope="col">{t("map.suppliers.kind")}</th>
                <th scope="col">{t("map.suppliers.region")}</th>
              </tr>
            </thead>
            <tbody>
              {data.suppliers.map((s) => (
                <tr key={s.id}>
                  <td className="font-medium">{s.name}</td>
                  <td data-label={t("map.suppliers.kind")}>{t(`supply.kinds.${s.kind}`)}</td>
                  <td data-label={t("map.suppliers.region")}>{s.regionName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
