import "server-only";
// Paging, sorting and search of the supply side's lists. Each route parses them from its URL
// (its search-params.ts, src/app/search-params.ts): only whitelisted sort keys reach a query.

export const PAGE_SIZE = 20;

/** What a list asks for: search text, a whitelisted sort, its direction, the page (from 1). */
export type ListQuery<S extends string> = { q: string; sort: S; dir: "asc" | "desc"; page: number };

export type ListParams<S extends string> = ListQuery<S> & { take: number; skip: number };

export function listParams<S extends string>(query: ListQuery<S>): ListParams<S> {
  return { ...query, take: PAGE_SIZE, skip: (query.page - 1) * PAGE_SIZE };
}

export type Page<T> = { rows: T[]; total: number; page: number; pages: number };

export function pageOf<T>(rows: T[], total: number, p: { page: number; take: number }): Page<T> {
  return { rows, total, page: p.page, pages: Math.max(1, Math.ceil(total / p.take)) };
}
