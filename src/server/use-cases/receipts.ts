import { now as clockNow } from "@/server/clock";
import { z } from "zod";
import { receiptDiscrepancy } from "@/domain/delivery";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { id, tonnesKg } from "./hospital-inputs";
import { nextStatus } from "./requests";

// The hospital confirms what arrived. Both figures stay on the delivery (dispatched and
// received); a difference is shown, never merged. The allocation becomes DELIVERED, and the
// request FULFILLED once everything received against it covers what was approved.

/** "YYYY-MM-DDTHH:MM" typed in WIB (datetime-local), or an ISO instant. */
const wibDateTime = z
  .string({ error: "required" })
  .trim()
  .refine((s) => s !== "", "required")
  .transform((s, ctx) => {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(s);
    const d = m ? new Date(`${m[1]}T${m[2]}:${m[3]}:00+07:00`) : new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "invalid_format" });
      return z.NEVER;
    }
    return d;
  });

const deliveryOf = async (input: { id: string }, tx: Tx) => tx.delivery.findUnique({ where: { id: input.id }, select: { hospitalId: true } });

export const confirmReceipt = useCase({
  action: "receipt:confirm",
  input: z.object({ id, receivedKg: tonnesKg, receivedAt: wibDateTime }),
  resource: deliveryOf,
  run: async ({ tx, actor, input }) => {
    await tx.$queryRaw`SELECT id FROM "Delivery" WHERE id = ${input.id} FOR UPDATE`;
    const before = await tx.delivery.findUniqueOrThrow({ where: { id: input.id } });
    if (before.receivedKg !== null) throw new RuleError("already_received");
    if (input.receivedAt.getTime() > clockNow().getTime() + 5 * 60_000) throw new RuleError("invalid", { receivedAt: "future_day" });
    // datetime-local has minute precision: a receipt in the dispatch's own minute is fine
    if (input.receivedAt.getTime() < Math.floor(before.dispatchedAt.getTime() / 60_000) * 60_000) throw new RuleError("invalid", { receivedAt: "before_dispatch" });
    const after = await tx.delivery.update({
      where: { id: input.id },
      data: { receivedKg: input.receivedKg, receivedAt: input.receivedAt, receivedById: actor.id },
    });
    const discrepancy = receiptDiscrepancy(before.dispatchedKg, input.receivedKg);
    await recordAudit(tx, actor, "receipt.confirm", "Delivery", input.id, before, { ...after, discrepancy });

    if (before.allocationId) {
      const allocation = await tx.allocation.update({ where: { id: before.allocationId }, data: { status: "DELIVERED" } });
      // The request row is locked before its totals are read (another receipt may be landing).
      await tx.$queryRaw`SELECT id FROM "SupplyRequest" WHERE id = ${allocation.requestId} FOR UPDATE`;
      const request = await tx.supplyRequest.findUniqueOrThrow({ where: { id: allocation.requestId } });
      const [{ received }] = await tx.$queryRaw<{ received: bigint | null }[]>`
        SELECT sum(d."receivedKg") AS received FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId"
        WHERE a."requestId" = ${request.id} AND d."receivedKg" IS NOT NULL`;
      // A delivery exists, so the request is at least in transit (should dispatch not have said so).
      const current = request.status === "ALLOCATED" ? nextStatus(request.status, { type: "dispatch" }) : request.status;
      const status = nextStatus(current, { type: "receive", totalReceivedKg: Number(received ?? 0), approvedKg: request.approvedKg ?? 0 });
      if (status !== request.status) {
        const updated = await tx.supplyRequest.update({
          where: { id: request.id },
          data: { status, fulfilledAt: status === "FULFILLED" ? input.receivedAt : null },
        });
        await recordAudit(tx, actor, status === "FULFILLED" ? "request.fulfil" : "request.receive", "SupplyRequest", request.id, request, updated);
      }
    }
    return { ...after, discrepancy };
  },
});
