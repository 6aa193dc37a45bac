import { today, now as clockNow } from "@/server/clock";
import { z } from "zod";
import { dayToDate } from "@/domain/day";
import { transition, type RequestEvent, type RequestStatus } from "@/domain/request";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { day, id, positiveTonnesKg, text } from "./hospital-inputs";
import { notify } from "./notifications";

// A hospital's request for oxygen: the hospital admin submits and may cancel it while it is
// still SUBMITTED; staff approve it (in full or in part) or reject it with a reason. Every change
// of status goes through the domain's state machine (src/domain/request.ts), on the request row
// locked FOR UPDATE so that a cancel and an approval cannot cross.

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
  }),
  run: async ({ tx, actor, input }) => {
    const hospitalId = actor.hospitalId;
    if (!hospitalId) throw new RuleError("no_hospital");
    if (input.neededBy < today()) throw new RuleError("invalid", { neededBy: "past_day" });
    const hospital = await tx.hospital.findUnique({ where: { id: hospitalId } });
    if (!hospital) throw new RuleError("not_found");
    // ON CONFLICT DO NOTHING: a second submit with the same key (even a concurrent one, which
    // waits on the unique index) inserts nothing and gets the first one's request back.
    const { count } = await tx.supplyRequest.createMany({
      data: [{
        hospitalId,
        requestedKg: input.requestedKg,
        neededBy: dayToDate(input.neededBy),
        urgency: input.urgency,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
        createdById: actor.id,
        createdAt: clockNow(),
      }],
      skipDuplicates: true,
    });
    const row = await tx.supplyRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (!row || row.hospitalId !== hospitalId) throw new RuleError("conflict");
    if (count === 1) {
      await recordAudit(tx, actor, "request.create", "SupplyRequest", row.id, null, row);
      if (row.urgency === "EMERGENCY") {
        await notify(tx, { staff: true }, "emergency_request", { requestId: row.id, hospitalId, hospital: hospital.name, requestedKg: row.requestedKg });
      }
    }
    return row;
  },
});

export const cancelRequest = useCase({
  action: "request:cancel",
  input: z.object({ id }),
  resource: requestOf,
  run: async ({ tx, actor, input }) => {
    const before = await lockRequest(tx, input.id);
    const status = nextStatus(before.status, { type: "cancel" });
    const after = await tx.supplyRequest.update({ where: { id: input.id }, data: { status } });
    await recordAudit(tx, actor, "request.cancel", "SupplyRequest", input.id, before, after);
    return after;
  },
});

export const approveRequest = useCase({
  action: "request:decide",
  input: z.object({ id, approvedKg: positiveTonnesKg }),
  run: async ({ tx, actor, input }) => {
    const before = await lockRequest(tx, input.id);
    const status = nextStatus(before.status, { type: "approve", approvedKg: input.approvedKg, requestedKg: before.requestedKg });
    const after = await tx.supplyRequest.update({
      where: { id: input.id },
      data: { status, approvedKg: input.approvedKg, decidedById: actor.id, decidedAt: clockNow() },
    });
    await recordAudit(tx, actor, "request.approve", "SupplyRequest", input.id, before, after);
    await notify(tx, { hospitalId: before.hospitalId }, "request_approved", {
      requestId: input.id, requestedKg: before.requestedKg, approvedKg: input.approvedKg,
    });
    return after;
  },
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

