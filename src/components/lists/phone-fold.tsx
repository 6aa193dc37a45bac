import type { ReactNode } from "react";

// A long list on a phone: its first rows, and a disclosure after them that shows the rest. CSS
// alone folds it (globals.css, .phone-fold), so it works without JavaScript; wider screens show
// every row and no disclosure. The rows to fold carry data-fold (foldAt).

/** The attribute that folds a row past the first `shown` on a phone. */
export const foldAt = (index: number, shown: number | undefined) => (shown !== undefined && index >= shown ? { "data-fold": "" } : {});

export function PhoneFold({
  total,
  shown,
  more,
  fewer,
  children,
}: {
  total: number;
  shown: number;
  /** e.g. "Show all 30" */
  more: string;
  fewer: string;
  children: ReactNode;
}) {
  if (total <= shown) return <>{children}</>;
  return (
    <div className="phone-fold">
      {children}
      <details className="group sm:hidden" data-testid="phone-fold">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700">
          <span className="group-open:hidden">{more}</span>
          <span className="hidden group-open:inline">{fewer}</span>
        </summary>
      </details>
    </div>
  );
}
