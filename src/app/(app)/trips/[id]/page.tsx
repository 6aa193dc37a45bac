import Link from "next/link";
import { notFound } from "next/navigation";
import { DivertForm } from "@/components/fleet/divert-form";
import { StatusBadge } from "@/components/supply/list-controls";
import { isLate, tripActions, type TripStatus } from "@/domain/trip";
import { formatDateTime, formatTonnes } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { now } from "@/server/clock";
import { can } from "@/server/permissions";
import { divertOptions, tripById, userNames } from "@/server/queries/trips";
import { requireActor } from "@/server/session";
import type { SearchParams } from "nuqs/server";
import { divertTripAction, moveTripAction, returnTripAction } from "../actions";
import { SimpleForm } from "@/components/logistics/simple-form";
import { cylinderTypes } from "@/server/queries/cylinders";
import { loadTripSearch } from "./search-params";

export default async function TripPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("trip:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const { id } = await params;
  const { error, moved, diverted } = await loadTripSearch(searchParams);
  const trip = await tripById(id);
  if (!trip) notFound();
  const status = trip.status as TripStatus;
  const late = isLate(trip, now());
  const steps = can(actor, "trip:move") ? tripActions({ status, vehicleKind: trip.vehicle?.kind ?? null }).filter((a) => a !== "divert") : [];
  const mayDivert = can(actor, "trip:divert") && status === "IN_TRANSIT";
  // a cylinder truck's return says how many empties it brought from each hospital it served, when
  // a distributor (its source, or its operator) can take them into its cylinder counts
  const emptiesForm =
    steps.includes("return") && trip.vehicle?.kind === "CYLINDER_TRUCK" && (trip.source.kind === "DISTRIBUTOR" || trip.vehicle.operator.kind === "DISTRIBUTOR");
  const [names, options, types] = await Promise.all([
    userNames(trip.events.flatMap((e) => (e.byId ? [e.byId] : []))),
    mayDivert ? divertOptions() : Promise.resolve({ hospitals: [], requests: [] }),
    emptiesForm ? cylinderTypes() : Promise.resolve([]),
  ]);
  const served = [...new Map(trip.legs.flatMap((l) => (l.hospital ? [[l.hospital.id, l.hospital.name] as const] : []))).entries()];
  const empties = served.flatMap(([hospitalId, hospital]) => types.map((ty) => ({ hospitalId, hospital, typeId: ty.id, type: ty.name })));
  const knownError =
    error && ["trip_bad_transition", "trip_return_cylinders_only", "trip_not_all_received", "invalid", "not_found"].includes(error)
      ? error
      : error
        ? "invalid"
        : null;
  const eta = trip.etaAt ?? trip.plannedArrivalAt;
  return (
    <>
      <Link href="/trips" className="text-sm text-brand-700 hover:underline">
        ← {t("fleet.trips.backToBoard")}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1>{trip.vehiclePlate}</h1>
        {late && <StatusBadge tone="red">{t("fleet.trips.lateBadge")}</StatusBadge>}
        {trip.divertedAt && <StatusBadge tone="amber">{t("fleet.trips.diverted")}</StatusBadge>}
        <StatusBadge tone="slate" testId="trip-status">
          {t(`fleet.statuses.${status}`)}
        </StatusBadge>
      </div>
      {moved && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
          {t("fleet.trips.moved")}
        </p>
      )}
      {diverted && (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="form-ok">
          {t("fleet.trips.divertSaved")}
        </p>
      )}
      {knownError && (
        <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
          {t(`errors.${knownError as "invalid"}`)}
        </p>
      )}
      <section className="card">
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-slate-500">{t("fleet.trips.from")}: </dt>
            <dd className="inline">{trip.source.name}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t("fleet.trips.vehicle")}: </dt>
            <dd className="inline">
              {trip.vehiclePlate}
              {trip.vehicle && ` · ${t(`fleet.kinds.${trip.vehicle.kind}`)}`}
            </dd>
          </div>
          {trip.driverName && (
            <div>
              <dt className="inline text-slate-500">{t("fleet.trips.driver")}: </dt>
              <dd className="inline">{trip.driverName}</dd>
            </div>
          )}
          <div>
            <dt className="inline text-slate-500">{t("fleet.trips.eta")}: </dt>
            <dd className="inline tabular-nums">{eta ? formatDateTime(eta, locale) : t("fleet.trips.noEta")}</dd>
          </div>
          {trip.divertReason && (
            <div className="sm:col-span-2">
              <dt className="inline text-slate-500">{t("fleet.trips.diverted")}: </dt>
              <dd className="inline">{trip.divertReason}</dd>
            </div>
          )}
        </dl>
        {emptiesForm && (
          <div className="mt-3 space-y-2">
            <p className="text-sm text-slate-600">{t("fleet.trips.emptiesIntro")}</p>
            <SimpleForm
              action={returnTripAction}
              testId="trip-return-form"
              narrow
              hidden={Object.fromEntries([
                ["id", trip.id],
                ["step", "return"],
                ...empties.flatMap((e, i) => [
                  [`empties[${i}].hospitalId`, e.hospitalId],
                  [`empties[${i}].typeId`, e.typeId],
                ]),
              ])}
              fields={empties.map((e, i) => ({
                name: `empties[${i}].count`,
                label: t("fleet.trips.emptiesFrom", { hospital: e.hospital, type: e.type }),
                whole: true,
              }))}
              submit={t("fleet.trips.steps.return")}
              saved={t("fleet.trips.moved")}
              fixErrors={t("shell.common.fixErrors")}
            />
          </div>
        )}
        {steps.filter((s) => !(emptiesForm && s === "return")).length > 0 && (
          <div className="mt-3 flex flex-wrap gap-2">
            {steps
              .filter((s) => !(emptiesForm && s === "return"))
              .map((step) => (
                <form key={step} action={moveTripAction}>
                  <input type="hidden" name="id" value={trip.id} />
                  <input type="hidden" name="step" value={step} />
                  <button type="submit" className="btn" data-testid={`trip-${step}`}>
                    {t(`fleet.trips.steps.${step as "depart" | "arrive" | "return"}`)}
                  </button>
                </form>
              ))}
          </div>
        )}
      </section>
      <section className="space-y-2" aria-labelledby="legs-h">
        <h2 id="legs-h">{t("fleet.trips.legs")}</h2>
        <ul className="card divide-y divide-slate-100 p-0" data-testid="trip-legs">
          {trip.legs.map((l) => (
            <li key={l.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
              <span>
                {l.allocation ? (
                  <Link href={`/requests/${l.allocation.requestId}`} className="text-brand-700 hover:underline">
                    {l.hospital?.name ?? l.depot?.name}
                  </Link>
                ) : (
                  (l.hospital?.name ?? l.depot?.name)
                )}
              </span>
              <span className="tabular-nums">
                {formatTonnes(l.dispatchedKg, locale)} ·{" "}
                {l.receivedKg === null ? t("fleet.trips.awaiting") : t("fleet.trips.received", { t: formatTonnes(l.receivedKg, locale) })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-2" aria-labelledby="history-h">
        <h2 id="history-h">{t("fleet.trips.history")}</h2>
        <ol className="card space-y-1 text-sm" data-testid="trip-history">
          {trip.events.map((e) => (
            <li key={e.id}>
              <span className="tabular-nums text-slate-600">{formatDateTime(e.at, locale)}</span> ·{" "}
              <span className="font-medium">{t(`fleet.events.${e.kind}`, { hospital: e.hospital?.name ?? "" })}</span>
              {e.byId && names.get(e.byId) && <span className="text-slate-600"> {t("fleet.trips.by", { name: names.get(e.byId)! })}</span>}
              {e.note && <span className="block text-slate-600">{e.note}</span>}
            </li>
          ))}
        </ol>
        {can(actor, "audit:read") && (
          <Link href={`/audit?entity=Trip&id=${trip.id}`} className="text-sm text-brand-700 hover:underline">
            {t("supply.list.history")}
          </Link>
        )}
      </section>
      {mayDivert && (
        <section className="card space-y-2" aria-labelledby="divert-h">
          <h2 id="divert-h">{t("fleet.trips.divertTitle")}</h2>
          <p className="text-sm text-slate-600">{t("fleet.trips.divertIntro")}</p>
          <DivertForm
            action={divertTripAction}
            tripId={trip.id}
            hospitals={options.hospitals}
            requests={options.requests.map((r) => ({
              id: r.id,
              hospitalId: r.hospital.id,
              label: t("fleet.trips.requestOption", { urgency: t(`hospital.urgency.${r.urgency}`), t: formatTonnes(r.approvedKg ?? 0, locale) }),
            }))}
            s={{
              hospital: t("fleet.trips.divertHospital"),
              chooseHospital: t("fleet.trips.chooseHospital"),
              request: t("fleet.trips.divertRequest"),
              newEmergency: t("fleet.trips.newEmergency"),
              reason: t("fleet.trips.divertReason"),
              eta: t("fleet.trips.divertEta"),
              submit: t("fleet.trips.divertSubmit"),
              saved: t("fleet.trips.divertSaved"),
              fixErrors: t("shell.common.fixErrors"),
            }}
          />
        </section>
      )}
    </>
  );
}
