import { now as clockNow } from "@/server/clock";
import type { Tx } from "./use-case";
import type { Actor } from "./permissions";

/** JSON-safe copy of a record: Dates as ISO strings, Decimals and bigints as strings. */
function snapshot(value: unknown): unknown {
  return value == null ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** Appends who did what to which record, with its state before and after, inside the write's transaction. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  await tx.auditEvent.create({
    data: { at: clockNow(), actorId: actor.id, action, entity, entityId, before: snapshot(before) ?? undefined, after: snapshot(after) ?? undefined },
  });
}
