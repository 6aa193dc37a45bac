import "server-only";
import { z } from "zod";
import { now as clockNow } from "@/server/clock";
import { recordAudit } from "../audit";
import { RuleError, useCase } from "../use-case";

/** Someone takes an alert on: it stops climbing to the next level (decision 0033). */
export const acknowledgeAlert = useCase({
  action: "alert:acknowledge",
  input: z.object({ id: z.string().min(1).max(64) }),
  resource: async (input, tx) => tx.alert.findUnique({ where: { id: input.id }, select: { hospitalId: true } }),
  run: async ({ tx, actor, input }) => {
    const alert = await tx.alert.findUniqueOrThrow({ where: { id: input.id } });
    if (alert.acknowledgedAt) throw new RuleError("already_acknowledged");
    const at = clockNow();
    const after = await tx.alert.update({ where: { id: alert.id }, data: { acknowledgedAt: at, acknowledgedById: actor.id } });
    await recordAudit(tx, actor, "alert.acknowledge", "Alert", alert.id, alert, after);
    return after;
  },
});
