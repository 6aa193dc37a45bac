import type { ReactNode } from "react";
import { DataDetails } from "./data-details";

/**
 * A chart with its text alternative: the picture is one image with a summary sentence for
 * screen readers; the same numbers follow in a table the reader can open (rendered when opened).
 */
export function ChartFigure({
  title,
  summary,
  tableLabel,
  table,
  height = "h-72",
  children,
}: {
  title: string;
  summary: string;
  tableLabel: string;
  table: ReactNode;
  height?: string;
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-700">{summary}</figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className={`${height} w-full`}>
        {children}
      </div>
      <DataDetails label={tableLabel}>{table}</DataDetails>
    </figure>
  );
}
