import "server-only";
import { z } from "zod";
import { DUTY_HOURS, dutyUntil } from "@/domain/alerts";
import { now as clockNow } from "@/server/clock";
import { recordAudit } from "../audit";
import type { Actor } from "../permissions";
import { RuleError, useCase, type Tx } from "../use-case";
import { id } from "./inputs";

// Who of the task-force staff is on duty (decision 0033): the first escalation past a hospital
// goes to them. A staff member takes a duty for some hours on their account page, or an admin
// sets it on the users page; either is audited. A duty ends by itself at its hour.

/** "On duty for the next … hours", one of DUTY_HOURS (0: off duty now). */
const hours = z
  .enum(
    DUTY_HOURS.map((h) => String(h)),
    { error: "invalid_choice" },
  )
  .transform(Number);

async function setDuty(tx: Tx, actor: Actor, userId: string, hours: number) {
  const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true, onDutyUntil: true } });
  if (!before) throw new RuleError("not_found");
  if (before.role !== "STAFF" || !before.active) throw new RuleError("invalid", { hours: "duty_staff_only" });
  const after = await tx.user.update({ where: { id: userId }, data: { onDutyUntil: dutyUntil(hours, clockNow()) }, select: { onDutyUntil: true } });
  await recordAudit(tx, actor, "user.duty", "User", userId, { onDutyUntil: before.onDutyUntil }, after);
  return after;
}

/** A staff member goes on duty for some hours, or off duty (0). */
export const setOwnDuty = useCase({
  action: "duty:own",
  input: z.object({ hours }),
  run: ({ tx, actor, input }) => setDuty(tx, actor, actor.id, input.hours),
});

/** An admin puts a staff member on duty, or off. */
export const setUserDuty = useCase({
  action: "user:manage",
  input: z.object({ id, hours }),
  run: ({ tx, actor, input }) => setDuty(tx, actor, input.id, input.hours),
});
