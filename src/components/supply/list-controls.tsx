import Link from "next/link";

// Server-rendered list controls: sortable column headers and a pager that keep the other
// URL parameters (search, filters). They work without JavaScript.

type Params = Record<string, string | number | undefined>;

function href(path: string, params: Params, change: Params): string {
  const merged = { ...params, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function SortHeader({
  path,
  params,
  sort,
  dir,
  column,
  label,
  className,
}: {
  path: string;
  params: Params;
  sort: string;
  dir: "asc" | "desc";
  column: string;
  label: string;
  className?: string;
}) {
  const active = sort === column;
  const nextDir = active && dir === "asc" ? "desc" : "asc";
  return (
    <th className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={href(path, params, { sort: column, dir: nextDir, page: undefined })}
        className="inline-flex items-center gap-1 hover:underline"
        data-testid={`sort-${column}`}
      >
        {label}
        <span aria-hidden="true" className="text-xs text-slate-400">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function Pager({
  path,
  params,
  page,
  pages,
  label,
  previous,
  next,
}: {
  path: string;
  params: Params;
  page: number;
  pages: number;
  label: string;
  previous: string;
  next: string;
}) {
  return (
    <nav aria-label="pagination" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span data-testid="pager-label">{label}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" href={href(path, params, { page: page - 1 })} rel="prev">
            {previous}
          </Link>
        ) : (
          <span className="btn-secondary opacity-40" aria-disabled="true">
            {previous}
          </span>
        )}
        {page < pages ? (
          <Link className="btn-secondary" href={href(path, params, { page: page + 1 })} rel="next">
            {next}
          </Link>
        ) : (
          <span className="btn-secondary opacity-40" aria-disabled="true">
            {next}
          </span>
        )}
      </span>
    </nav>
  );
}

export function StatusBadge({ tone, children, testId }: { tone: "green" | "amber" | "red" | "slate"; children: React.ReactNode; testId?: string }) {
  const cls = {
    green: "bg-green-100 text-green-800",
    amber: "bg-amber-100 text-amber-900",
    red: "bg-red-100 text-red-800",
    slate: "bg-slate-100 text-slate-700",
  }[tone];
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${cls}`} data-testid={testId}>
      {children}
    </span>
  );
}
