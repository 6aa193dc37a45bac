import "server-only";
import { allocationStatusOf, cancelRemainder, FINAL_REQUEST_STATUSES, requestStatusOf, type RequestFigures } from "@/domain/request";
import { recordAudit } from "../audit";
import type { Actor } from "../permissions";
import type { Tx } from "../use-case";

// The request loop's bookkeeping (decision 0016): after any write that changes a quantity
// (allocate, dispatch, receive, cancel a remainder, close short) the allocation's and the
// request's statuses are recomputed from the quantities by the domain (src/domain/request.ts)
// and written, with an audit event, when they changed. Callers hold the request's row lock.

/** The request's quantities, summed by the database. */
export async function requestFigures(tx: Tx, requestId: string): Promise<RequestFigures & { coveredKg: number }> {
  const [r] = await tx.$queryRaw<
    { status: RequestFigures["status"]; approvedKg: number | null; allocated: bigint; dispatched: bigint; received: bigint; awaiting: bigint }[]
  >`
    SELECT q.status::text AS status, q."approvedKg",
      COALESCE((SELECT sum(a.kg) FROM "Allocation" a WHERE a."requestId" = q.id AND a.status <> 'CANCELLED'), 0) AS allocated,
      COALESCE((SELECT sum(a."dispatchedKg") FROM "Allocation" a WHERE a."requestId" = q.id AND a.status <> 'CANCELLED'), 0) AS dispatched,
      COALESCE((SELECT sum(d."receivedKg") FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId" WHERE a."requestId" = q.id), 0) AS received,
      COALESCE((SELECT sum(d."dispatchedKg") FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId" WHERE a."requestId" = q.id AND d."receivedKg" IS NULL), 0) AS awaiting
    FROM "SupplyRequest" q WHERE q.id = ${requestId}`;
  const f = {
    status: r.status,
    approvedKg: r.approvedKg ?? 0,
    allocatedKg: Number(r.allocated),
    dispatchedKg: Number(r.dispatched),
    receivedKg: Number(r.received),
    awaitingKg: Number(r.awaiting),
  };
  return { ...f, coveredKg: f.receivedKg + f.awaitingKg + Math.max(0, f.allocatedKg - f.dispatchedKg) };
}

/** Recomputes one allocation's status from its trips; writes it (audited) when it changed. */
export async function settleAllocation(tx: Tx, actor: Actor, allocationId: string, action = "allocation.status") {
  const before = await tx.allocation.findUniqueOrThrow({ where: { id: allocationId } });
  const [{ awaiting }] = await tx.$queryRaw<{ awaiting: bigint | null }[]>`
    SELECT sum("dispatchedKg") AS awaiting FROM "Delivery" WHERE "allocationId" = ${allocationId} AND "receivedKg" IS NULL`;
  const status = allocationStatusOf({
    kg: before.kg,
    dispatchedKg: before.dispatchedKg,
    awaitingKg: Number(awaiting ?? 0),
    cancelled: before.status === "CANCELLED",
  });
  if (status === before.status) return before;
  const after = await tx.allocation.update({ where: { id: allocationId }, data: { status } });
  await recordAudit(tx, actor, action, "Allocation", allocationId, before, after);
  return after;
}

/**
 * Takes an allocation's undispatched remainder off (all of it when nothing was dispatched),
 * recording what was cancelled and why. Returns the kg cancelled (0: nothing left to cancel).
 */
export async function cancelAllocationRemainder(tx: Tx, actor: Actor, allocationId: string, reason: string): Promise<number> {
  const before = await tx.allocation.findUniqueOrThrow({ where: { id: allocationId } });
  const outcome = cancelRemainder({ kg: before.kg, dispatchedKg: before.dispatchedKg, cancelled: before.status === "CANCELLED" });
  if (!outcome.ok) return 0;
  const after = await tx.allocation.update({
    where: { id: allocationId },
    data: {
      kg: outcome.kg,
      cancelledKg: before.cancelledKg + outcome.cancelledKg,
      cancelReason: reason,
      ...(outcome.cancelled ? { status: "CANCELLED" } : {}),
    },
  });
  await recordAudit(tx, actor, outcome.cancelled ? "allocation.cancel" : "allocation.cancel_remainder", "Allocation", allocationId, before, {
    ...after,
    cancelledNowKg: outcome.cancelledKg,
  });
  if (!outcome.cancelled) await settleAllocation(tx, actor, allocationId);
  return outcome.cancelledKg;
}

/**
 * Recomputes the request's status from its quantities and writes it (audited) when it changed.
 * A request that becomes FULFILLED releases its allocations' undispatched remainders (they are
 * no longer needed, and the supply is free again). `at`: when it happened (a receipt's time).
 */
export async function settleRequest(tx: Tx, actor: Actor, requestId: string, at: Date) {
  const before = await tx.supplyRequest.findUniqueOrThrow({ where: { id: requestId } });
  const figures = await requestFigures(tx, requestId);
  const status = requestStatusOf(figures);
  if (status === before.status) return before;
  if (status === "FULFILLED") {
    const open = await tx.allocation.findMany({ where: { requestId, status: { not: "CANCELLED" } }, select: { id: true, kg: true, dispatchedKg: true } });
    for (const a of open) if (a.kg > a.dispatchedKg) await cancelAllocationRemainder(tx, actor, a.id, "fulfilled");
  }
  const after = await tx.supplyRequest.update({
    where: { id: requestId },
    data: { status, fulfilledAt: status === "FULFILLED" ? at : FINAL_REQUEST_STATUSES.includes(status) ? before.fulfilledAt : null },
  });
  const action =
    status === "FULFILLED"
      ? "request.fulfil"
      : status === "IN_TRANSIT"
        ? before.status === "ALLOCATED"
          ? "request.dispatch"
          : "request.receive"
        : status === "ALLOCATED"
          ? "request.allocate"
          : "request.status";
  await recordAudit(tx, actor, action, "SupplyRequest", requestId, before, after);
  return after;
}
