import type { Messages } from "@/i18n/messages";
import type { Translator } from "@/i18n/translator";

const COLOURS: Record<string, string> = {
  SUBMITTED: "bg-sky-100 text-sky-900",
  APPROVED: "bg-indigo-100 text-indigo-900",
  ALLOCATED: "bg-violet-100 text-violet-900",
  IN_TRANSIT: "bg-amber-100 text-amber-900",
  FULFILLED: "bg-green-100 text-green-900",
  CLOSED_SHORT: "bg-orange-100 text-orange-900",
  REJECTED: "bg-red-100 text-red-900",
  CANCELLED: "bg-slate-200 text-slate-700",
};

const URGENCY: Record<string, string> = {
  EMERGENCY: "bg-red-700 text-white",
  URGENT: "bg-amber-500 text-slate-950",
  ROUTINE: "bg-slate-200 text-slate-800",
};

export function StatusBadge({ status, t }: { status: keyof Messages["hospital"]["status"]; t: Translator }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${COLOURS[status]}`} data-testid="request-status" data-status={status}>
      {t(`hospital.status.${status}`)}
    </span>
  );
}

export function UrgencyBadge({ urgency, t }: { urgency: keyof Messages["hospital"]["urgency"]; t: Translator }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${URGENCY[urgency]}`}>{t(`hospital.urgency.${urgency}`)}</span>;
}
