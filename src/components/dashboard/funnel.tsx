import { formatNumber, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { RequestFunnel } from "@/server/queries/dashboard-trends";

/** Tonnes requested → approved → received, as bars relative to what was requested. */
export function Funnel({ f, t, locale }: { f: RequestFunnel; t: Translator; locale: Locale }) {
  const steps = [
    { key: "requested", label: t("dashboard.funnel.requested"), kg: f.requestedKg, n: f.requests },
    { key: "approved", label: t("dashboard.funnel.approved"), kg: f.approvedKg, n: f.approvedRequests },
    { key: "delivered", label: t("dashboard.funnel.delivered"), kg: f.deliveredKg, n: f.fulfilledRequests },
  ];
  const max = Math.max(1, f.requestedKg);
  return (
    <div className="space-y-3">
      <dl className="space-y-2" data-testid="funnel">
        {steps.map((s) => (
          <div key={s.key} className="grid grid-cols-[7rem_1fr] items-center gap-2">
            <dt className="text-sm font-medium">{s.label}</dt>
            <dd className="flex items-center gap-2">
              <span className="h-5 rounded bg-brand-600" style={{ width: `${(s.kg / max) * 70}%`, minWidth: "2px" }} aria-hidden="true" />
              <span className="text-sm tabular-nums" data-testid={`funnel-${s.key}`}>
                {formatTonnes(s.kg, locale)} · {t("dashboard.funnel.requests", { n: s.n })}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm">
        {t("dashboard.funnel.medianHours")}:{" "}
        <strong data-testid="funnel-median">
          {f.medianHoursToReceipt === null
            ? t("dashboard.funnel.none")
            : t("dashboard.funnel.hours", { hours: formatNumber(f.medianHoursToReceipt, locale, 1) })}
        </strong>
      </p>
    </div>
  );
}
