import type { SupplyStatus } from "@/domain/dashboard-rules";

const STYLE: Record<SupplyStatus, string> = {
  red: "bg-red-700 text-white",
  amber: "bg-amber-300 text-amber-950",
  green: "bg-green-700 text-white",
  stale: "bg-slate-200 text-slate-900 border border-dashed border-slate-600",
};

/** The colour and the word: status is never told by colour alone. */
export function StatusBadge({ status, label }: { status: SupplyStatus; label: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`}>{label}</span>;
}
