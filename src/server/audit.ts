import "server-only";
import { now as clockNow } from "@/server/clock";
import type { Tx } from "./use-case";
import type { Actor } from "./permissions";

/** JSON-safe copy of a record: Dates as ISO strings, Decimals and bigints as strings. */
function snapshot(value: unknown): unknown {
  return value == null ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * Appends who did what to which record, with its state before and after, inside the write's
 * transaction. `actor` null: nobody signed in (a failed sign-in, a periodic job).
 */
export async function recordAudit(
  tx: Pick<Tx, "auditEvent">,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  await tx.auditEvent.create({
    data: { at: clockNow(), actorId: actor?.id ?? null, action, entity, entityId, before: snapshot(before) ?? undefined, after: snapshot(after) ?? undefined },
  });
}
