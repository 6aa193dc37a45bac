import "server-only";
import { RECEIPT_TOLERANCE_MIN_KG, RECEIPT_TOLERANCE_PCT, receiptDiscrepancy } from "@/domain/delivery";
import { dateToDay } from "@/domain/day";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "../db";
import { listParams, pageOf, type ListQuery } from "./supply-list";

// Dispatches for staff: the list (sortable, paged, "differences only"), and the sources a new
// dispatch can go against: open allocations and pledge tranches not yet fully dispatched.

export const DISPATCH_SORTS = ["dispatchedAt", "dispatchedKg", "hospital", "supplier"] as const;

const ORDER: Record<(typeof DISPATCH_SORTS)[number], (dir: Prisma.SortOrder) => Prisma.DeliveryOrderByWithRelationInput> = {
  dispatchedAt: (dir) => ({ dispatchedAt: dir }),
  dispatchedKg: (dir) => ({ dispatchedKg: dir }),
  hospital: (dir) => ({ hospital: { name: dir } }),
  supplier: (dir) => ({ supplier: { name: dir } }),
};

/** Ids of deliveries whose receipt differs from the dispatch beyond the tolerance (src/domain/delivery). */
async function flaggedIds(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Delivery"
    WHERE "receivedKg" IS NOT NULL
      AND abs("receivedKg" - "dispatchedKg") > ${RECEIPT_TOLERANCE_MIN_KG}
      AND abs("receivedKg" - "dispatchedKg") * 100 > "dispatchedKg" * ${RECEIPT_TOLERANCE_PCT}`;
  return rows.map((r) => r.id);
}

/** Dispatches, limited to one hospital when the reader is that hospital's admin (scope). */
/** How many receipts differ from their dispatch beyond the tolerance (optionally for one hospital). */
export async function discrepancyCount(scope: string | null = null): Promise<number> {
  const ids = await flaggedIds();
  return scope ? prisma.delivery.count({ where: { id: { in: ids }, hospitalId: scope } }) : ids.length;
}

/** `diff`: only the dispatches whose receipt differs beyond the tolerance. */
export type DispatchListQuery = ListQuery<(typeof DISPATCH_SORTS)[number]> & { diff: boolean };

export async function listDispatches(query: DispatchListQuery, scope: string | null = null) {
  const p = listParams(query);
  const onlyDiff = query.diff;
  const where: Prisma.DeliveryWhereInput = {
    ...(scope ? { hospitalId: scope } : {}),
    ...(p.q
      ? {
          OR: [
            { vehiclePlate: { contains: p.q, mode: "insensitive" } },
            { hospital: { name: { contains: p.q, mode: "insensitive" } } },
            { depot: { name: { contains: p.q, mode: "insensitive" } } },
            { supplier: { name: { contains: p.q, mode: "insensitive" } } },
          ],
        }
      : {}),
    ...(onlyDiff ? { id: { in: await flaggedIds() } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.delivery.findMany({
      where,
      orderBy: [ORDER[p.sort](p.dir), { id: "asc" }],
      skip: p.skip,
      take: p.take,
      include: {
        hospital: { select: { name: true } },
        depot: { select: { name: true } },
        supplier: { select: { name: true } },
        tranche: { select: { pledgeId: true, dueOn: true } },
      },
    }),
    prisma.delivery.count({ where }),
  ]);
  return {
    ...pageOf(
      rows.map((d) => ({
        ...d,
        dispatchedAmount: d.dispatchedAmount.toString(),
        kgPerUnit: d.kgPerUnit.toString(),
        cylinderSizeM3: d.cylinderSizeM3?.toString() ?? null,
        discrepancy: d.receivedKg === null ? null : receiptDiscrepancy(d.dispatchedKg, d.receivedKg),
      })),
      total,
      p,
    ),
    params: { ...p, diff: onlyDiff ? "1" : "" },
  };
}

/** Allocations with kilograms still to dispatch (planned, or partly on the road), newest first. */
export async function openAllocations(includeId?: string) {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Allocation" a JOIN "SupplyRequest" r ON r.id = a."requestId"
    WHERE (a.status IN ('PLANNED', 'IN_TRANSIT') AND a."dispatchedKg" < a.kg AND r.status IN ('ALLOCATED', 'IN_TRANSIT')) OR a.id = ${includeId ?? ""}
    ORDER BY a."createdAt" DESC LIMIT 200`;
  const full = await prisma.allocation.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    orderBy: { createdAt: "desc" },
    include: { supplier: { select: { name: true } }, request: { select: { hospital: { select: { id: true, name: true } } } } },
  });
  return full.map((a) => ({
    id: a.id,
    kg: a.kg,
    dispatchedKg: a.dispatchedKg,
    day: dateToDay(a.day),
    supplier: a.supplier.name,
    hospital: a.request.hospital,
  }));
}

/** Pledge tranches with something left to dispatch (the whole schedule of each pledge), by due date. */
export async function openTranches(includeId?: string) {
  const rows = await prisma.$queryRaw<{ id: string; dueOn: Date; kg: number; dispatched: bigint | null; supplier: string; pledgeId: string }[]>`
    SELECT t.id, t."dueOn", t.kg, t."dispatchedKg"::bigint AS dispatched, s.name AS supplier, p.id AS "pledgeId"
    FROM "PledgeTranche" t
    JOIN "Pledge" p ON p.id = t."pledgeId"
    JOIN "Supplier" s ON s.id = p."supplierId"
    WHERE t."dispatchedKg" < t.kg OR t.id = ${includeId ?? ""}
    ORDER BY t."dueOn", s.name
    LIMIT 300`;
  return rows.map((r) => ({
    id: r.id,
    pledgeId: r.pledgeId,
    dueOn: dateToDay(r.dueOn),
    kg: r.kg,
    dispatchedKg: Number(r.dispatched ?? 0),
    supplier: r.supplier,
  }));
}

/** Trips to one hospital whose receipt is not yet confirmed, oldest first: request trips and pledge-tranche trips. */
export async function incomingDeliveries(hospitalId: string) {
  return prisma.delivery.findMany({
    where: { hospitalId, receivedKg: null },
    orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      dispatchedAt: true,
      dispatchedKg: true,
      vehiclePlate: true,
      driverName: true,
      supplier: { select: { name: true } },
      allocation: { select: { requestId: true } },
      tranche: { select: { dueOn: true, pledgeId: true } },
    },
  });
}
