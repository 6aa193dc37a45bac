import { formatNumber, formatPercent, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import type { Summary } from "@/server/queries/dashboard";
import { SUPPLY_STATUSES } from "@/server/queries/dashboard-rules";
import { StatusBadge } from "./status-badge";

type T = Messages["dashboard"];

export function Headline({ s, t, locale }: { s: Summary; t: T; locale: Locale }) {
  const capacityShare = s.targetKg > 0 ? Math.min(1, s.capacityKg / s.targetKg) : 0;
  const shortShare = s.targetKg > 0 ? s.shortfallKg / s.targetKg : 0;
  // four counts side by side: thousands (a national view) need a smaller figure to fit
  const countSize = Math.max(...SUPPLY_STATUSES.map((st) => s.hospitals[st])) >= 1000 ? "text-xl" : "text-3xl";
  return (
    <section aria-labelledby="headline-title" className="space-y-3">
      <h2 id="headline-title" className="sr-only">{t.headline.title}</h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <div className="card">
          <p className="text-sm text-slate-600">{t.headline.capacity}</p>
          <p className="mt-1 text-3xl font-semibold" data-testid="capacity">{formatTonnes(s.capacityKg, locale)}</p>
          <p className="text-sm text-slate-600">
            {t.headline.target}: <span data-testid="target">{formatTonnes(s.targetKg, locale)}</span> {t.headline.perDay}
          </p>
          <div className="mt-2 h-2 rounded bg-slate-200" aria-hidden="true">
            <div className="h-2 rounded bg-brand-600" style={{ width: `${capacityShare * 100}%` }} />
          </div>
        </div>
        <div className="card border-l-4 border-l-red-700">
          <p className="text-sm text-slate-600">{t.headline.shortfall}</p>
          <p className="mt-1 text-3xl font-semibold text-red-800" data-testid="shortfall">{formatTonnes(s.shortfallKg, locale)}</p>
          <p className="text-sm text-slate-600" data-testid="shortfall-pct">
            {s.shortfallKg > 0 ? t.headline.shortfallOf(formatPercent(shortShare, locale)) : t.headline.noShortfall}
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600">{t.headline.medicalSupply}</p>
          <p className="mt-1 text-3xl font-semibold" data-testid="medical-supply">{formatTonnes(s.medicalKg, locale)}</p>
          <p className="text-sm text-slate-600">
            {t.headline.medicalDemand}: <span data-testid="medical-demand">{formatTonnes(s.medicalDemandKg, locale)}</span>
          </p>
        </div>
        <div className="card min-w-0">
          <p className="text-sm text-slate-600">{t.headline.hospitals}</p>
          <ul className="mt-2 grid grid-cols-4 gap-2 text-center" data-testid="status-counts">
            {SUPPLY_STATUSES.map((st) => (
              <li key={st} className="flex flex-col items-center gap-1">
                <span className={`${countSize} font-semibold tabular-nums`} data-testid={`count-${st}`}>{formatNumber(s.hospitals[st], locale)}</span>
                <StatusBadge status={st} label={t.status[st]} />
                <span className="text-xs text-slate-600">{t.status[`${st}Hint`]}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
