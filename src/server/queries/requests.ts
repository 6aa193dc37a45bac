import { now as clockNow } from "@/server/clock";
import type { Prisma, RequestStatus } from "@/generated/prisma/client";
import { dateToDay } from "@/domain/day";
import { comparePriority } from "@/domain/priority";
import { prisma } from "../db";
import { hospitalScope, type Actor } from "../permissions";
import type { HospitalSupply } from "./dashboard-hospitals";
import { supplyByHospital } from "./stock";
import { PAGE_SIZE, pageOf } from "./supply-list";

// Reads of requests. A hospital admin sees only their own hospital's (hospitalScope); the
// figures per request (allocated, received) are summed by PostgreSQL.

export const REQUEST_STATUSES = ["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED", "CLOSED_SHORT", "REJECTED", "CANCELLED"] as const;
export const BOARD_COLUMNS = ["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED"] as const;

type Totals = { allocatedKg: number; receivedKg: number; dispatchedKg: number; awaitingKg: number };
const NO_TOTALS: Totals = { allocatedKg: 0, receivedKg: 0, dispatchedKg: 0, awaitingKg: 0 };

/**
 * Live allocated, dispatched, received (accepted) and awaiting-receipt kg per request, for the
 * given ids: their "RequestCommitted" rows (kept by triggers, decision 0049).
 */
async function totalsFor(ids: string[]): Promise<Map<string, Totals>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; allocated: bigint | null; dispatched: bigint | null; received: bigint | null; awaiting: bigint | null }[]>`
    SELECT "requestId" AS id, "allocatedKg" AS allocated, "dispatchedKg" AS dispatched, "receivedKg" AS received, "awaitingKg" AS awaiting
    FROM "RequestCommitted" WHERE "requestId" = ANY(${ids})`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        allocatedKg: Number(r.allocated ?? 0),
        receivedKg: Number(r.received ?? 0),
        dispatchedKg: Number(r.dispatched ?? 0),
        awaitingKg: Number(r.awaiting ?? 0),
      },
    ]),
  );
}

/** Requests the actor may see, newest first, optionally of one status. */
export async function listRequests(actor: Actor, opts: { status?: string; take?: number; skip?: number } = {}) {
  const rows = await prisma.supplyRequest.findMany({
    where: requestsWhere(actor, opts.status),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 100,
    skip: opts.skip ?? 0,
    include: { hospital: { select: { name: true } } },
  });
  const totals = await totalsFor(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, ...(totals.get(r.id) ?? NO_TOTALS) }));
}

/** One page of the request list (newest first), the page clamped to the last one there is. */
export async function pageOfRequests(actor: Actor, opts: { status?: string; page: number }) {
  const total = await prisma.supplyRequest.count({ where: requestsWhere(actor, opts.status) });
  const page = Math.min(opts.page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const rows = await listRequests(actor, { status: opts.status, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  return pageOf(rows, total, { page, take: PAGE_SIZE });
}

function requestsWhere(actor: Actor, asked: string | undefined): Prisma.SupplyRequestWhereInput {
  const scope = hospitalScope(actor, "request:read");
  const status = (REQUEST_STATUSES as readonly string[]).includes(asked ?? "") ? (asked as RequestStatus) : undefined;
  return { ...(scope ? { hospitalId: scope } : {}), ...(status ? { status } : {}) };
}

/** One request with its allocations, deliveries and history — if the actor may see it. */
export async function requestFor(actor: Actor, id: string) {
  const scope = hospitalScope(actor, "request:read");
  const request = await prisma.supplyRequest.findFirst({
    where: { id, ...(scope ? { hospitalId: scope } : {}) },
    include: {
      hospital: { include: { region: { select: { name: true } } } },
      allocations: {
        orderBy: { createdAt: "asc" },
        include: {
          supplier: { select: { name: true } },
          pledge: { select: { id: true, note: true } },
          deliveries: { orderBy: { dispatchedAt: "asc" } },
        },
      },
    },
  });
  if (!request) return null;
  const entityIds = [request.id, ...request.allocations.map((a) => a.id), ...request.allocations.flatMap((a) => a.deliveries.map((d) => d.id))];
  const history = await prisma.auditEvent.findMany({
    where: { entityId: { in: entityIds }, entity: { in: ["SupplyRequest", "Allocation", "Delivery"] } },
    orderBy: { at: "asc" },
    select: { id: true, at: true, action: true, actorId: true, entity: true },
  });
  const actorIds = [...new Set(history.map((h) => h.actorId).filter((x): x is string => !!x))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const totals = (await totalsFor([request.id])).get(request.id) ?? NO_TOTALS;
  return { ...request, ...totals, history: history.map((h) => ({ ...h, id: String(h.id), actorName: h.actorId ? (names.get(h.actorId) ?? null) : null })) };
}

export type TriageCard = Awaited<ReturnType<typeof triageBoard>>["columns"][number]["cards"][number];

/** Cards shown per open column; the column's `total` counts the rest. */
export const BOARD_COLUMN_LIMIT = 50;

/**
 * The staff triage board: a column per open status (and fulfilled), each in the one priority
 * order the recommender uses too (src/domain/priority.ts: projected hours less an urgency boost,
 * then needed-by day); closed short, rejected and cancelled aside.
 * Each open column shows its first `columnLimit` cards and counts all of them (`total`): at
 * national scale there are thousands of open requests. `supply`: supplyByHospital's map when
 * the caller has it already (the triage page shares it with the recommender).
 */
export async function triageBoard(
  now: Date = clockNow(),
  fulfilledLimit = 10,
  asideLimit = 20,
  opts: { columnLimit?: number; supply?: Promise<Map<string, HospitalSupply>> } = {},
) {
  const columnLimit = opts.columnLimit ?? BOARD_COLUMN_LIMIT;
  const [open, fulfilled, aside, supply] = await Promise.all([
    prisma.supplyRequest.findMany({
      where: { status: { in: ["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT"] } },
      include: { hospital: { select: { name: true, isReferral: true } } },
    }),
    prisma.supplyRequest.findMany({
      where: { status: "FULFILLED" },
      orderBy: { fulfilledAt: { sort: "desc", nulls: "last" } },
      take: fulfilledLimit,
      include: { hospital: { select: { name: true, isReferral: true } } },
    }),
    prisma.supplyRequest.findMany({
      where: { status: { in: ["CLOSED_SHORT", "REJECTED", "CANCELLED"] } },
      orderBy: { updatedAt: "desc" },
      take: asideLimit,
      include: { hospital: { select: { name: true, isReferral: true } } },
    }),
    opts.supply ?? supplyByHospital(now),
  ]);
  // Sort every open request (cheap: in memory), keep each column's first cards, and sum the
  // allocations and deliveries of the kept cards only.
  const ranked = open.map((r) => {
    const s = supply.get(r.hospitalId);
    return {
      r,
      requestId: r.id,
      urgency: r.urgency,
      createdAt: r.createdAt,
      neededBy: dateToDay(r.neededBy),
      isReferral: r.hospital.isReferral,
      hoursLeft: s?.hoursLeft ?? null,
      stale: s?.stale ?? true,
    };
  });
  const openColumns = new Map<string, { kept: (typeof open)[number][]; total: number }>();
  for (const status of BOARD_COLUMNS) {
    if (status === "FULFILLED") continue;
    const inColumn = ranked.filter((x) => x.r.status === status).sort(comparePriority);
    openColumns.set(status, { kept: inColumn.slice(0, columnLimit).map((x) => x.r), total: inColumn.length });
  }
  const kept = [...openColumns.values()].flatMap((c) => c.kept);
  const all = [...kept, ...fulfilled, ...aside];
  const totals = await totalsFor(all.map((r) => r.id));
  const card = (r: (typeof all)[number]) => {
    const s = supply.get(r.hospitalId) ?? null;
    return { ...r, ...(totals.get(r.id) ?? NO_TOTALS), supply: s, hoursLeft: s?.hoursLeft ?? null };
  };
  const columns = BOARD_COLUMNS.map((status) => {
    if (status === "FULFILLED") return { status, cards: fulfilled.map(card), total: fulfilled.length };
    const c = openColumns.get(status)!;
    return { status, cards: c.kept.map(card), total: c.total };
  });
  return { columns, aside: aside.map(card) };
}
