import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { invalidateReads, type WriteScope } from "./cache";
import { databaseUrl } from "./db";
import type { Tx } from "./use-case";

// Several app servers share one PostgreSQL (issue #17, decision 0034): a write committed through
// one must empty the others' caches too. A write announces itself with NOTIFY inside its own
// transaction — PostgreSQL delivers it at commit and drops it on rollback, so there is no
// announcement without a write nor a write without one — and every server LISTENs on a
// connection of its own and empties its caches when another server's write arrives.

export const CHANNEL = "oxygen_reads_changed";

/** This process, as it signs its announcements (its own writes empty its caches directly). */
export const INSTANCE = randomUUID();

/**
 * Called inside a write's transaction (useCase does it for every write). The payload is this
 * server's id and what the write touches ("<instance>:figures" or "<instance>:all", decision
 * 0040); anything else heard on the channel counts as "all".
 */
export async function announceWrite(tx: Pick<Tx, "$executeRaw">, scope: WriteScope = "all"): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${`${INSTANCE}:${scope}`})`;
}

/** Who announced a write and what it touches, from a notification's payload. */
export function announcement(payload: string | undefined): { from: string; scope: WriteScope } {
  const text = payload ?? "";
  const at = text.lastIndexOf(":");
  const scope = at >= 0 ? text.slice(at + 1) : "";
  return scope === "figures" || scope === "all" ? { from: text.slice(0, at), scope } : { from: text, scope: "all" };
}

export type Listener = { stop(): Promise<void>; ready: Promise<void> };

/**
 * Listens for other servers' writes and empties this server's caches on each. A lost connection
 * is re-opened (after 1 s, then up to 30 s apart), and on re-opening everything cached is dropped,
 * since announcements made meanwhile were missed.
 */
export function listenForWrites(opts: { url?: string; instance?: string; onWrite?: (scope: WriteScope) => void } = {}): Listener {
  const instance = opts.instance ?? INSTANCE;
  const onWrite = opts.onWrite ?? invalidateReads;
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 1_000;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));

  let missed = false; // a connection was lost: announcements may have been missed
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.url ?? databaseUrl(), application_name: "oxygen-invalidation" });
    let retried = false;
    const retry = () => {
      if (retried || stopped) return;
      retried = true;
      if (client === c) client = null;
      missed = true;
      setTimeout(connect, delay).unref();
      delay = Math.min(30_000, delay * 2);
    };
    c.on("notification", (n) => {
      const heard = announcement(n.payload);
      if (n.channel === CHANNEL && heard.from !== instance) onWrite(heard.scope);
    });
    c.on("error", retry);
    c.on("end", retry);
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      if (missed) onWrite("all");
      missed = false;
      delay = 1_000;
      markReady();
    } catch {
      retry();
      await c.end().catch(() => {});
    }
  };
  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
