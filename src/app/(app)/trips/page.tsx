import { TripCard } from "@/components/fleet/trip-card";
import { getLocale, getTranslations } from "next-intl/server";
import { ARRIVING_WITHIN_HOURS, RECENT_HOURS, tripBoard, type BoardSection } from "@/server/queries/trips";
import { requireActor } from "@/server/session";

const SECTIONS: BoardSection[] = ["late", "arriving", "onRoad", "recent"];

export default async function TripsPage() {
  await requireActor("trip:read");
  const t = await getTranslations();
  const locale = await getLocale();
  const trips = await tripBoard();
  const title: Record<BoardSection, string> = {
    late: t("fleet.trips.late"),
    arriving: t("fleet.trips.arriving", { hours: ARRIVING_WITHIN_HOURS }),
    onRoad: t("fleet.trips.onRoad"),
    recent: t("fleet.trips.recent", { hours: RECENT_HOURS }),
  };
  return (
    <>
      <div>
        <h1>{t("fleet.trips.title")}</h1>
        <p className="text-sm text-slate-600">{t("fleet.trips.intro")}</p>
      </div>
      {SECTIONS.map((section) => {
        const rows = trips.filter((x) => x.section === section);
        if (section === "late" && rows.length === 0) return null;
        return (
          <section key={section} className="space-y-2" data-testid={`trips-${section}`} aria-labelledby={`trips-${section}-h`}>
            <h2 id={`trips-${section}-h`} className={section === "late" ? "text-red-800" : undefined}>
              {title[section]} <span className="text-base font-normal text-slate-500">({rows.length})</span>
            </h2>
            {rows.length === 0 ? (
              <p className="card text-sm text-slate-500">{t("fleet.trips.none")}</p>
            ) : (
              <ul className="grid gap-3 lg:grid-cols-2">
                {rows.map((trip) => (
                  <TripCard key={trip.id} trip={trip} t={t} locale={locale} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
