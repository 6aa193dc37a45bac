import "server-only";
import { today, now as clockNow } from "@/server/clock";
import { z } from "zod";
import { addDays, dateToDay, dayToDate, startOfWibDay, todayWib, type Day } from "@/domain/day";
import { checkRequestedKg, requestLimits, type RequestLimits } from "@/domain/plausible";
import { accepts, transition, type RequestEvent, type RequestStatus } from "@/domain/request";
import { BURN_RATE_WINDOW_REPORTS, hospitalSupplyPicture } from "@/domain/stock";
import type { Hospital } from "@/generated/prisma/client";
import type { Actor } from "../permissions";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { calendarDay as day, confirmUnusual, id, positiveTonnesKg, text } from "./inputs";
import { notify } from "./notifications";
import { cancelAllocationRemainder, settleRequest } from "./request-loop";

// A hospital's request for oxygen: the hospital admin submits and may cancel it while it is
// still SUBMITTED; staff approve it (in full or in part) or reject it with a reason. Every change
// of status goes through the domain's state machine (src/domain/request.ts), on the request row
// locked FOR UPDATE so that a cancel and an approval cannot cross.
//
// An amount beyond what the hospital could take in by its needed-by day is refused; one far
// above what it burns by then is asked to be confirmed, by the hospital when it asks and by
// staff when they approve (src/domain/plausible.ts, decision 0022).

/**
 * What the hospital can plausibly, and at most, take in by the end of `neededBy`, judged at
 * `at`: its tank's free room (the latest report projected as the dashboard does, decision
 * 0018) and its burn rate, read in the transaction.
 */
async function needLimits(tx: Tx, hospital: Hospital, neededBy: Day, at: Date): Promise<RequestLimits> {
  const day = dayToDate(todayWib(at));
  const latest = await tx.stockReport.findFirst({
    where: { hospitalId: hospital.id, day: { lte: day } },
    orderBy: { day: "desc" },
    select: { stockKg: true, reportedAt: true },
  });
  const counted = await tx.stockReport.findMany({
    where: { hospitalId: hospital.id, day: { lte: day }, flaggedForReview: false },
    orderBy: { day: "desc" },
    take: BURN_RATE_WINDOW_REPORTS,
    select: { usedKg: true },
  });
  const received = latest
    ? ((await tx.delivery.aggregate({ where: { hospitalId: hospital.id, receivedAt: { gt: latest.reportedAt, lte: at } }, _sum: { receivedKg: true } }))._sum
        .receivedKg ?? 0)
    : 0;
  const picture = hospitalSupplyPicture({ ...hospital, latest, recentUsedKg: counted.map((r) => r.usedKg), receivedSinceKg: received, asOf: at });
  return requestLimits({
    hospital,
    stockNowKg: latest ? picture.floorKg + picture.usableKg : null,
    burnKgPerDay: picture.burnKgPerDay,
    hoursToEndOfNeededBy: (startOfWibDay(addDays(neededBy, 1)).getTime() - at.getTime()) / 3_600_000,
  });
}

/** Locks a request row for the rest of the transaction and returns it. */
export async function lockRequest(tx: Tx, requestId: string) {
  await tx.$queryRaw`SELECT id FROM "SupplyRequest" WHERE id = ${requestId} FOR UPDATE`;
  const row = await tx.supplyRequest.findUnique({ where: { id: requestId }, include: { hospital: { select: { name: true } } } });
  if (!row) throw new RuleError("not_found");
  return row;
}

/** The state machine's verdict, or a RuleError carrying its code (on its field when it has one). */
export function nextStatus(status: RequestStatus, event: RequestEvent, fieldName?: string): RequestStatus {
  const r = transition(status, event);
  if (r.ok) return r.status;
  if (r.field) throw new RuleError("invalid", { [fieldName ?? r.field]: r.error });
  throw new RuleError(r.error);
}

const requestOf = async (input: { id: string }, tx: Tx) => tx.supplyRequest.findUnique({ where: { id: input.id }, select: { hospitalId: true } });

export const createRequest = useCase({
  action: "request:create",
  input: z.object({
    requestedKg: positiveTonnesKg,
    neededBy: day,
    urgency: z.enum(["ROUTINE", "URGENT", "EMERGENCY"], { error: "invalid_choice" }),
    reason: text(3, 1000),
    /** A hidden field of the form: a double submit creates one request. */
    idempotencyKey: z.string().trim().min(8).max(100),
    /** The hospital ticked that an unusual amount is right (after the server asked). */
    confirmUnusual,
  }),
  run: async ({ tx, actor, input }) => {
    const hospitalId = actor.hospitalId;
    if (!hospitalId) throw new RuleError("no_hospital");
    if (input.neededBy < today()) throw new RuleError("invalid", { neededBy: "past_day" });
    const hospital = await tx.hospital.findUnique({ where: { id: hospitalId } });
    if (!hospital) throw new RuleError("not_found");
    // A resubmit of a request already made is answered below with that request, not judged again.
    if (!(await tx.supplyRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } }))) {
      const check = checkRequestedKg(input.requestedKg, await needLimits(tx, hospital, input.neededBy, clockNow()), { confirmed: input.confirmUnusual });
      if (!check.ok)
        throw new RuleError(
          check.hard ? "invalid" : "confirm",
          { requestedKg: check.error },
          { kg: input.requestedKg, limitKg: check.limitKg, field: "requestedKg" },
        );
    }
    // ON CONFLICT DO NOTHING: a second submit with the same key (even a concurrent one, which
    // waits on the unique index) inserts nothing and gets the first one's request back.
    const { count } = await tx.supplyRequest.createMany({
      data: [
        {
          hospitalId,
          requestedKg: input.requestedKg,
          neededBy: dayToDate(input.neededBy),
          urgency: input.urgency,
          reason: input.reason,
          idempotencyKey: input.idempotencyKey,
          createdById: actor.id,
          createdAt: clockNow(),
        },
      ],
      skipDuplicates: true,
    });
    const row = await tx.supplyRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (!row || row.hospitalId !== hospitalId) throw new RuleError("conflict");
    if (count === 1) {
      await recordAudit(tx, actor, "request.create", "SupplyRequest", row.id, null, row);
      if (row.urgency === "EMERGENCY" || row.urgency === "URGENT") {
        await notify(tx, { staff: true }, row.urgency === "EMERGENCY" ? "emergency_request" : "urgent_request", {
          requestId: row.id,
          hospitalId,
          hospital: hospital.name,
          requestedKg: row.requestedKg,
        });
      }
    }
    return row;
  },
});

/** A hospital withdraws its request before staff decide; it says why (kept on the request and in the audit). */
export const cancelRequest = useCase({
  action: "request:cancel",
  input: z.object({ id, reason: text(3, 1000) }),
  resource: requestOf,
  run: async ({ tx, actor, input }) => {
    const before = await lockRequest(tx, input.id);
    const status = nextStatus(before.status, { type: "cancel" });
    const after = await tx.supplyRequest.update({ where: { id: input.id }, data: { status, cancelReason: input.reason } });
    await recordAudit(tx, actor, "request.cancel", "SupplyRequest", input.id, before, after);
    return after;
  },
});

const approveInput = z.object({ id, approvedKg: positiveTonnesKg, note: z.string().trim().max(1000).default(""), confirmUnusual });

/**
 * The approval's rule and writes, inside the caller's transaction: approveRequest's, and the
 * first half of approving in full and allocating the proposal at once (allocations.ts).
 */
export async function approveIn(tx: Tx, actor: Actor, input: z.output<typeof approveInput>) {
  const before = await lockRequest(tx, input.id);
  const status = nextStatus(before.status, { type: "approve", approvedKg: input.approvedKg, requestedKg: before.requestedKg, note: input.note });
  // Judged now, on the figures staff see: only ever a warning (the hospital's own request passed the hard limit).
  const hospital = await tx.hospital.findUniqueOrThrow({ where: { id: before.hospitalId } });
  const check = checkRequestedKg(input.approvedKg, await needLimits(tx, hospital, dateToDay(before.neededBy), clockNow()), {
    confirmed: input.confirmUnusual,
    hardLimit: false,
  });
  if (!check.ok) throw new RuleError("confirm", { approvedKg: "approval_unusual" }, { kg: input.approvedKg, limitKg: check.limitKg, field: "approvedKg" });
  const after = await tx.supplyRequest.update({
    where: { id: input.id },
    data: { status, approvedKg: input.approvedKg, approvalNote: input.note || null, decidedById: actor.id, decidedAt: clockNow() },
  });
  await recordAudit(tx, actor, "request.approve", "SupplyRequest", input.id, before, after);
  await notify(tx, { hospitalId: before.hospitalId }, "request_approved", {
    requestId: input.id,
    requestedKg: before.requestedKg,
    approvedKg: input.approvedKg,
    ...(input.note ? { reason: input.note } : {}),
  });
  return after;
}

export const approveRequest = useCase({
  action: "request:decide",
  /**
   * note: why less than requested was approved (required then; the hospital sees it).
   * confirmUnusual: staff ticked that an amount far above the hospital's need by then is right.
   */
  input: approveInput,
  run: ({ tx, actor, input }) => approveIn(tx, actor, input),
});

export const rejectRequest = useCase({
  action: "request:decide",
  input: z.object({ id, reason: text(3, 1000) }),
  run: async ({ tx, actor, input }) => {
    const before = await lockRequest(tx, input.id);
    const status = nextStatus(before.status, { type: "reject", reason: input.reason });
    const after = await tx.supplyRequest.update({
      where: { id: input.id },
      data: { status, rejectionReason: input.reason, decidedById: actor.id, decidedAt: clockNow() },
    });
    await recordAudit(tx, actor, "request.reject", "SupplyRequest", input.id, before, after);
    await notify(tx, { hospitalId: before.hospitalId }, "request_rejected", { requestId: input.id, requestedKg: before.requestedKg, reason: input.reason });
    return after;
  },
});

/**
 * Staff close an approved request short: no more will be sent for it. The undispatched
 * remainders of its allocations are released (trucks already on the road are still received).
 */
export const closeRequestShort = useCase({
  action: "request:close",
  input: z.object({ id, reason: text(3, 1000) }),
  run: async ({ tx, actor, input }) => {
    const before = await lockRequest(tx, input.id);
    if (!accepts(before.status, "closeShort")) throw new RuleError("bad_transition");
    const open = await tx.allocation.findMany({ where: { requestId: input.id, status: { not: "CANCELLED" } }, select: { id: true }, orderBy: { id: "asc" } });
    let releasedKg = 0;
    for (const a of open) {
      await tx.$queryRaw`SELECT id FROM "Allocation" WHERE id = ${a.id} FOR UPDATE`;
      releasedKg += await cancelAllocationRemainder(tx, actor, a.id, input.reason);
    }
    const { hospital: _h, ...plain } = before;
    const after = await tx.supplyRequest.update({
      where: { id: input.id },
      data: { status: "CLOSED_SHORT", closedShortReason: input.reason, closedAt: clockNow() },
    });
    await recordAudit(tx, actor, "request.close_short", "SupplyRequest", input.id, plain, { ...after, releasedKg });
    // a receipt landing later can still fulfil it: the derived status decides
    const settled = await settleRequest(tx, actor, input.id, clockNow());
    await notify(tx, { hospitalId: before.hospitalId }, "request_closed_short", {
      requestId: input.id,
      approvedKg: before.approvedKg ?? 0,
      reason: input.reason,
    });
    return { ...settled, releasedKg };
  },
});
