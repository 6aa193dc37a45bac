"use client";

import { useState, type ReactNode } from "react";

/**
 * A chart's numbers behind a "show data" toggle, put on the page only once opened: the closed
 * tables were a third of the dashboard's HTML and of the work to hydrate it (Lighthouse's total
 * blocking time), for numbers most readers never open.
 */
export function DataDetails({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="no-print text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-brand-700 underline">{label}</summary>
      {open && <div className="mt-2 max-h-80 overflow-auto">{children}</div>}
    </details>
  );
}
