import { formatTonnes, formatDay } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { headlineFor, latestCapacityDay } from "@/server/queries/headline";
import { requireActor } from "@/server/session";

export default async function DashboardPage() {
  await requireActor("dashboard:read");
  const { t, locale } = await getI18n();
  const day = await latestCapacityDay();
  if (!day) return <p>{t.shell.common.none}</p>;
  const h = await headlineFor(day);
  const shortfall = Math.max(0, h.targetKg - h.capacityKg);
  return (
    <>
      <h1>{t.shell.nav.dashboard} · {formatDay(day, locale)}</h1>
      <section className="grid gap-4 sm:grid-cols-3">
        <Stat label={locale === "en" ? "Capacity" : "Kapasitas"} value={formatTonnes(h.capacityKg, locale)} testId="capacity" />
        <Stat label={locale === "en" ? "Target" : "Target"} value={formatTonnes(h.targetKg, locale)} testId="target" />
        <Stat label={locale === "en" ? "Shortfall" : "Kekurangan"} value={formatTonnes(shortfall, locale)} testId="shortfall" />
      </section>
    </>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="card">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-semibold" data-testid={testId}>{value}</p>
    </div>
  );
}
