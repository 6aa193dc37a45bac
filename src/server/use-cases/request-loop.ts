import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { allocationStatusOf, cancelRemainder, FINAL_REQUEST_STATUSES, requestStatusOf, type RequestFigures } from "@/domain/request";
import { recordAudit } from "../audit";
import type { Actor } from "../permissions";
import type { Tx } from "../use-case";

// The request loop's bookkeeping (decision 0016): after any write that changes a quantity
// (allocate, dispatch, receive, cancel a remainder, close short) the allocation's and the
// request's statuses are recomputed from the quantities by the domain (src/domain/request.ts)
// and written, with an audit event, when they changed. Callers hold the request's row lock.

/**
 * The request's quantities, read from its "RequestCommitted" row (kept by triggers on
 * "Allocation" and "Delivery", decision 0049) instead of summing its allocations and trips.
 * `lock`: that row is locked FOR UPDATE too (the allocation's over-allocation check).
 */
export async function requestFigures(tx: Tx, requestId: string, { lock = false } = {}): Promise<RequestFigures & { coveredKg: number }> {
  const [r] = await tx.$queryRaw<
    { status: RequestFigures["status"]; approvedKg: number | null; allocated: bigint; dispatched: bigint; received: bigint; awaiting: bigint }[]
  >`
    SELECT q.status::text AS status, q."approvedKg",
      COALESCE(c."allocatedKg", 0) AS allocated, COALESCE(c."dispatchedKg", 0) AS dispatched,
      COALESCE(c."receivedKg", 0) AS received, COALESCE(c."awaitingKg", 0) AS awaiting
    FROM "SupplyRequest" q
    LEFT JOIN LATERAL (
      SELECT k."allocatedKg", k."dispatchedKg", k."receivedKg", k."awaitingKg" FROM "RequestCommitted" k
      WHERE k."requestId" = q.id ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}
    ) c ON true
    WHERE q.id = ${requestId}`;
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
