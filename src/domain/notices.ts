import { wibDayOf, type Day } from "./day";

// How the notices list reads: newest first by when each was raised; the "not reporting" notices
// of one WIB day, which come for many hospitals at once, read as one notice listing them; and
// each notice leads to the page where its job is done.

export type NoticeRow = { id: string; kind: string; createdAt: Date; readAt: Date | null; params: unknown };

export type NoticeItem<N extends NoticeRow> =
  | { type: "one"; notice: N }
  /** Two or more hospitals not reporting, raised the same WIB day: one entry, newest member's time. */
  | { type: "stale"; day: Day; notices: N[]; createdAt: Date; unread: boolean };

/** Newest first; equal times in a fixed order (the id), so the list does not reshuffle. */
export function newestFirst<N extends NoticeRow>(notices: N[]): N[] {
  return [...notices].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function groupNotices<N extends NoticeRow>(notices: N[]): NoticeItem<N>[] {
  const sorted = newestFirst(notices);
  const staleByDay = new Map<Day, N[]>();
  for (const n of sorted) {
    if (n.kind !== "hospital_stale") continue;
    const day = wibDayOf(n.createdAt);
    staleByDay.set(day, [...(staleByDay.get(day) ?? []), n]);
  }
  const items: NoticeItem<N>[] = [];
  const placed = new Set<Day>();
  for (const n of sorted) {
    const day = n.kind === "hospital_stale" ? wibDayOf(n.createdAt) : null;
    const group = day ? staleByDay.get(day)! : null;
    if (!day || !group || group.length < 2) {
      items.push({ type: "one", notice: n });
      continue;
    }
    if (placed.has(day)) continue;
    placed.add(day);
    items.push({ type: "stale", day, notices: group, createdAt: group[0].createdAt, unread: group.some((g) => !g.readAt) });
  }
  return items;
}

type Params = Record<string, unknown>;
const param = (p: unknown, k: string): string | null => {
  const v = p && typeof p === "object" ? (p as Params)[k] : undefined;
  return typeof v === "string" && v ? v : null;
};

/**
 * Where the reader acts on a notice: a hospital opens its request (decision, dispatch to receive)
 * or its own page; the task force opens the request to decide, or the hospital to call it or
 * review its report. Null: nothing to open.
 */
export function noticeTarget(kind: string, params: unknown, reader: "hospital" | "taskforce"): string | null {
  const requestId = param(params, "requestId");
  const hospitalId = param(params, "hospitalId");
  if (reader === "hospital") {
    if (requestId) return `/requests/${requestId}`;
    return kind === "request_dispatched" ? "/my-hospital" : null;
  }
  if (kind === "hospital_stale" || kind === "stock_flagged") return hospitalId ? `/hospitals/${hospitalId}` : "/hospitals";
  if (requestId) return `/requests/${requestId}`;
  return hospitalId ? `/hospitals/${hospitalId}` : null;
}
