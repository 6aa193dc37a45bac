import Link from "next/link";
import { dateToDay } from "@/domain/day";
import { tonnesInput } from "@/components/supply/tonnes-input";
import { formatDateTime, formatDay, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { FormState } from "@/components/forms/form-state";
import { StatusBadge } from "@/components/supply/list-controls";
import type { TripStatus } from "@/domain/trip";
import type { OnBehalf } from "./on-behalf";
import { ReceiptForm } from "./receipt-form";
import { receiptFormStrings } from "./texts";

export type IncomingDelivery = {
  id: string;
  dispatchedAt: Date;
  dispatchedKg: number;
  vehiclePlate: string;
  driverName: string;
  supplier: { name: string };
  allocation: { requestId: string } | null;
  tranche: { dueOn: Date; pledgeId: string } | null;
  /** its trip's state and expected arrival (decision 0038); none for trips before the fleet register */
  trip?: { status: TripStatus; eta: Date | null; late: boolean; divertedAt: Date | null } | null;
};

/**
 * The receiving hospital's list of trips not yet confirmed — for its requests and from pledge
 * tranches alike — each with the receipt form (accepted, rejected with a reason, when).
 */
export function IncomingDeliveries({
  deliveries,
  action,
  now,
  t,
  locale,
  onBehalf,
}: {
  deliveries: IncomingDelivery[];
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  now: string;
  t: Translator;
  locale: Locale;
  /** staff recording the receipts for the hospital (war room) */
  onBehalf?: OnBehalf;
}) {
  const strings = receiptFormStrings(t);
  return (
    <section className="space-y-2" data-testid="incoming-deliveries">
      <h2>{t("hospital.receipts.incoming")}</h2>
      <p className="text-sm text-slate-600">{t("hospital.receipts.incomingIntro")}</p>
      {deliveries.length === 0 ? (
        <p className="card text-sm text-slate-500" data-testid="incoming-none">
          {t("hospital.receipts.incomingNone")}
        </p>
      ) : (
        <ul className="space-y-3">
          {deliveries.map((d) => (
            <li key={d.id} className="card space-y-3" data-testid="incoming-delivery" data-kind={d.tranche ? "tranche" : "request"}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="text-lg font-semibold tabular-nums">{formatTonnes(d.dispatchedKg, locale)}</span>
                  {d.trip && (
                    <StatusBadge tone={d.trip.late ? "red" : "slate"} testId="incoming-trip-status">
                      {t(`fleet.statuses.${d.trip.status}`)}
                      {d.trip.late ? ` · ${t("fleet.trips.lateBadge")}` : ""}
                    </StatusBadge>
                  )}
                  {d.trip?.divertedAt && (
                    <StatusBadge tone="amber" testId="incoming-diverted">
                      {t("fleet.trips.divertedHere")}
                    </StatusBadge>
                  )}
                </p>
                <p className="text-sm">
                  {d.allocation ? (
                    <Link href={`/requests/${d.allocation.requestId}`} className="text-brand-700 hover:underline">
                      {t("hospital.receipts.forRequest")} →
                    </Link>
                  ) : d.tranche ? (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                      {t("hospital.receipts.forTranche", { due: formatDay(dateToDay(d.tranche.dueOn), locale) })}
                    </span>
                  ) : null}
                </p>
              </div>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
                <div>
                  <dt className="inline text-slate-500">{t("hospital.receipts.from")}: </dt>
                  <dd className="inline">{d.supplier.name}</dd>
                </div>
                <div>
                  <dt className="inline text-slate-500">{t("hospital.receipts.dispatchedAt")}: </dt>
                  <dd className="inline">{formatDateTime(d.dispatchedAt, locale)}</dd>
                </div>
                {d.trip && (
                  <div>
                    <dt className="inline text-slate-500">{t("fleet.trips.eta")}: </dt>
                    <dd className={`inline tabular-nums ${d.trip.late ? "font-semibold text-red-800" : ""}`} data-testid="incoming-eta">
                      {d.trip.eta ? formatDateTime(d.trip.eta, locale) : t("fleet.trips.noEta")}
                    </dd>
                  </div>
                )}
                <div>
                  <dt className="inline text-slate-500">{t("hospital.receipts.vehicle")}: </dt>
                  <dd className="inline">{d.vehiclePlate}</dd>
                </div>
                {d.driverName && (
                  <div>
                    <dt className="inline text-slate-500">{t("hospital.receipts.driver")}: </dt>
                    <dd className="inline">{d.driverName}</dd>
                  </div>
                )}
              </dl>
              <ReceiptForm
                action={action}
                id={d.id}
                dispatchedTonnes={tonnesInput(d.dispatchedKg, locale)}
                now={now}
                locale={locale}
                s={strings}
                onBehalf={onBehalf}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
