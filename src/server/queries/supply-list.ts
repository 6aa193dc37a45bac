import "server-only";
// Paging, sorting and search parameters of the supply side's lists, read from the URL.
// Only whitelisted sort keys reach a query; everything else falls back to the default.

export const PAGE_SIZE = 20;

export type ListParams<S extends string> = { q: string; sort: S; dir: "asc" | "desc"; page: number; take: number; skip: number };

export type SearchParams = Record<string, string | string[] | undefined>;

export function one(sp: SearchParams, key: string): string {
  const v = sp[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export function listParams<S extends string>(sp: SearchParams, sorts: readonly S[], defaultSort: S, defaultDir: "asc" | "desc" = "asc"): ListParams<S> {
  const sortRaw = one(sp, "sort");
  const sort = (sorts as readonly string[]).includes(sortRaw) ? (sortRaw as S) : defaultSort;
  const dirRaw = one(sp, "dir");
  const dir = dirRaw === "asc" || dirRaw === "desc" ? dirRaw : defaultDir;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(sp, "page"), 10) || 1));
  return { q: one(sp, "q").trim().slice(0, 100), sort, dir, page, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE };
}

export type Page<T> = { rows: T[]; total: number; page: number; pages: number };

export function pageOf<T>(rows: T[], total: number, p: { page: number; take: number }): Page<T> {
  return { rows, total, page: p.page, pages: Math.max(1, Math.ceil(total / p.take)) };
}
