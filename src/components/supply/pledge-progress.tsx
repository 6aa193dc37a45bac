import { StatusBadge } from "./list-controls";

export function PledgeStatusBadge({ status, label }: { status: "on_track" | "behind" | "complete"; label: string }) {
  return (
    <StatusBadge tone={status === "complete" ? "green" : status === "on_track" ? "slate" : "amber"} testId="pledge-status">
      {label}
    </StatusBadge>
  );
}

/** A thin bar: delivered as a share of the total (0–100). */
export function ProgressBar({ pct }: { pct: number }) {
  return (
    <div className="mt-1 h-1.5 w-full min-w-16 rounded bg-slate-200" role="presentation">
      <div className="h-1.5 rounded bg-brand-600" style={{ width: `${Math.max(0, Math.min(100, pct))}%` }} />
    </div>
  );
}
