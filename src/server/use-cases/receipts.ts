import "server-only";
import { now as clockNow } from "@/server/clock";
import { z } from "zod";
import { checkReceipt } from "@/domain/delivery";
import { recordAudit } from "../audit";
import type { Action, Actor } from "../permissions";
import { RuleError, useCase, type Tx } from "../use-case";
import { confirmUnusual, id, text, tonnesKg, wibDateTime } from "./inputs";
import { receiveDispatchedCylinders } from "./cylinders";
import { notify } from "./notifications";
import { lockTripForReceipt, receiveTripLeg } from "./trips";
import { settleAllocation, settleRequest } from "./request-loop";
import { lockRequest } from "./requests";

// A receipt: the hospital confirms what arrived — kilograms accepted into its stock (receivedKg,
// what the stock projection sums) and kilograms rejected at the door, with a reason when the
// receipt differs from the dispatch beyond the tolerance or anything was rejected. Both figures
// stay on the delivery beside what was dispatched; a difference is shown, never merged, and the
// task force is told of it. The allocation's and the request's statuses then follow from the
// quantities (decision 0016): a shortfall becomes a gap that can be allocated again.
// Trips against a pledge tranche are confirmed by the receiving hospital, or recorded by staff
// (receipt:record) for a hospital without an account or for a distributor's depot.

const input = z.object({
  id,
  receivedKg: tonnesKg,
  /** Optional: blank means nothing rejected. */
  rejectedKg: z.preprocess((v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? "0" : v), tonnesKg),
  shortReason: z.string().trim().max(500).default(""),
  receivedAt: wibDateTime,
  confirmUnusual,
});
type Input = z.output<typeof input>;

const deliveryOf = async (input: { id: string }, tx: Tx) => tx.delivery.findUnique({ where: { id: input.id }, select: { hospitalId: true } });

async function receive(tx: Tx, actor: Actor, input: Input, by: Action, onBehalfNote: string | null = null) {
  const peek = await tx.delivery.findUnique({ where: { id: input.id }, select: { allocationId: true, hospitalId: true } });
  if (!peek) throw new RuleError("not_found");
  if (by === "receipt:record" && peek.allocationId) throw new RuleError("forbidden_receipt");
  if (by === "stock:report-on-behalf" && !peek.hospitalId) throw new RuleError("forbidden_receipt"); // a depot's receipt is receipt:record's
  // Lock order: the request (when the trip is for one), then the delivery.
  const allocation = peek.allocationId ? await tx.allocation.findUniqueOrThrow({ where: { id: peek.allocationId }, select: { requestId: true } }) : null;
  if (allocation) await lockRequest(tx, allocation.requestId);
  await tx.$queryRaw`SELECT id FROM "Delivery" WHERE id = ${input.id} FOR UPDATE`;
  const before = await tx.delivery.findUniqueOrThrow({
    where: { id: input.id },
    include: { hospital: { select: { name: true } }, depot: { select: { name: true } } },
  });
  if (before.receivedKg !== null) throw new RuleError("already_received");
  // Then its trip (decision 0038): one still loading has not left and cannot be received.
  const trip = before.tripId ? await lockTripForReceipt(tx, before.tripId) : null;
  if (input.receivedAt.getTime() > clockNow().getTime() + 5 * 60_000) throw new RuleError("invalid", { receivedAt: "future_day" });
  // datetime-local has minute precision: a receipt in the dispatch's own minute is fine
  if (input.receivedAt.getTime() < Math.floor(before.dispatchedAt.getTime() / 60_000) * 60_000)
    throw new RuleError("invalid", { receivedAt: "before_dispatch" });
  const check = checkReceipt({
    dispatchedKg: before.dispatchedKg,
    acceptedKg: input.receivedKg,
    rejectedKg: input.rejectedKg,
    reason: input.shortReason,
    confirmed: input.confirmUnusual,
  });
  if (!check.ok) {
    const kg = check.field === "rejectedKg" ? input.rejectedKg : input.receivedKg + input.rejectedKg;
    throw new RuleError(check.error === "unusual_receipt" ? "confirm" : "invalid", { [check.field]: check.error }, { kg, limitKg: check.limitKg });
  }
  const after = await tx.delivery.update({
    where: { id: input.id },
    data: {
      receivedKg: input.receivedKg,
      rejectedKg: input.rejectedKg,
      shortReason: input.shortReason || null,
      receivedAt: input.receivedAt,
      receivedById: actor.id,
      receivedOnBehalf: onBehalfNote !== null,
      onBehalfNote,
    },
  });
  const { hospital, depot, ...plain } = before;
  await recordAudit(tx, actor, onBehalfNote !== null ? "receipt.confirm_on_behalf" : "receipt.confirm", "Delivery", input.id, plain, {
    ...after,
    discrepancy: check.discrepancy,
  });
  if (check.discrepancy.flagged || input.rejectedKg > 0) {
    await notify(tx, { staff: true }, "receipt_difference", {
      deliveryId: input.id,
      requestId: allocation?.requestId,
      hospitalId: before.hospitalId ?? undefined,
      hospital: hospital?.name ?? depot?.name,
      dispatchedKg: before.dispatchedKg,
      receivedKg: input.receivedKg,
      rejectedKg: input.rejectedKg,
      kg: before.dispatchedKg - input.receivedKg,
      reason: input.shortReason,
    });
  }
  // cylinders dispatched as such join the hospital's full counts as they are accepted (decision 0039)
  if (before.dispatchedUnit === "CYLINDER" && before.cylinderSizeM3 !== null && before.hospitalId) {
    await receiveDispatchedCylinders(tx, actor, {
      deliveryId: before.id,
      supplierId: before.supplierId,
      hospitalId: before.hospitalId,
      sizeM3: Number(before.cylinderSizeM3),
      count: Math.round(input.receivedKg / Number(before.kgPerUnit)),
    });
  }
  if (trip) await receiveTripLeg(tx, actor, trip, input.receivedAt);
  if (peek.allocationId && allocation) {
    await settleAllocation(tx, actor, peek.allocationId, "allocation.deliver");
    await settleRequest(tx, actor, allocation.requestId, input.receivedAt);
  }
  return { ...after, discrepancy: check.discrepancy };
}

/** The receiving hospital confirms a trip to it (against its request or a pledge tranche). */
export const confirmReceipt = useCase({
  action: "receipt:confirm",
  input,
  resource: deliveryOf,
  run: ({ tx, actor, input }) => receive(tx, actor, input, "receipt:confirm"),
});

/** Staff record the receipt of a tranche trip (not one for a request: that is the hospital's). */
export const recordTrancheReceipt = useCase({
  action: "receipt:record",
  input,
  run: ({ tx, actor, input }) => receive(tx, actor, input, "receipt:record"),
});

/**
 * War room (decision 0039): staff record a hospital's receipt for it, as the hospital told them
 * (a phone call); any trip to a hospital, for a request or a tranche. Marked on the delivery with
 * how it was taken, and audited as such.
 */
export const recordReceiptOnBehalf = useCase({
  action: "stock:report-on-behalf",
  input: z.intersection(input, z.object({ onBehalfNote: text(3, 300) })),
  run: ({ tx, actor, input }) => receive(tx, actor, input, "stock:report-on-behalf", input.onBehalfNote),
});
