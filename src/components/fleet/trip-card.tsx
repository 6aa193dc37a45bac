import Link from "next/link";
import { StatusBadge } from "@/components/supply/list-controls";
import { formatDateTime, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { TripStatus } from "@/domain/trip";

export type TripCardData = {
  id: string;
  status: TripStatus;
  vehiclePlate: string;
  driverName: string;
  source: string;
  destinations: string;
  kg: number;
  eta: Date | null;
  departedAt: Date | null;
  arrivedAt: Date | null;
  late: boolean;
  divertedAt: Date | null;
};

const TONE: Record<TripStatus, "green" | "amber" | "red" | "slate"> = {
  LOADING: "slate",
  IN_TRANSIT: "amber",
  ARRIVED: "green",
  RECEIVED: "green",
  RETURNED: "slate",
};

/** One trip on the board: a card that reads on a phone; a late one stands out in red. */
export function TripCard({ trip, t, locale }: { trip: TripCardData; t: Translator; locale: Locale }) {
  return (
    <li
      className={`card space-y-2 ${trip.late ? "border-2 border-red-500 bg-red-50" : ""}`}
      data-testid="trip-card"
      data-trip={trip.id}
      data-late={trip.late ? "1" : "0"}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-semibold">
          <Link href={`/trips/${trip.id}`} className="text-brand-700 hover:underline">
            {trip.vehiclePlate}
          </Link>
          <span className="ml-2 tabular-nums">{formatTonnes(trip.kg, locale)}</span>
        </p>
        <p className="flex flex-wrap gap-1">
          {trip.late && (
            <StatusBadge tone="red" testId="trip-late">
              {t("fleet.trips.lateBadge")}
            </StatusBadge>
          )}
          {trip.divertedAt && <StatusBadge tone="amber">{t("fleet.trips.diverted")}</StatusBadge>}
          <StatusBadge tone={TONE[trip.status]} testId="trip-status">
            {t(`fleet.statuses.${trip.status}`)}
          </StatusBadge>
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-600">{t("fleet.trips.from")}: </dt>
          <dd className="inline">{trip.source}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("fleet.trips.to")}: </dt>
          <dd className="inline">{trip.destinations}</dd>
        </div>
        {trip.driverName && (
          <div>
            <dt className="inline text-slate-600">{t("fleet.trips.driver")}: </dt>
            <dd className="inline">{trip.driverName}</dd>
          </div>
        )}
        <div>
          <dt className="inline text-slate-600">{trip.arrivedAt ? t("fleet.trips.arrivedAt") : t("fleet.trips.eta")}: </dt>
          <dd className={`inline tabular-nums ${trip.late ? "font-semibold text-red-800" : ""}`}>
            {trip.arrivedAt ? formatDateTime(trip.arrivedAt, locale) : trip.eta ? formatDateTime(trip.eta, locale) : t("fleet.trips.noEta")}
          </dd>
        </div>
      </dl>
    </li>
  );
}
