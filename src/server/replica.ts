import "server-only";
import { env } from "./env";
import { primaryPrisma, readingFrom, replicaPrisma, routedClient } from "./db";

// Cached reads from a streaming replica (DATABASE_REPLICA_URL, decision 0046). A replica lags the
// primary, and a refresh that a write's NOTIFY triggers could read it before it has replayed that
// write — the page would then hold the old figures as fresh until the next write. So a refresh
// first asks the primary where its WAL ends (pg_current_wal_lsn(): past every commit that has
// returned, hence past every write announced so far) and waits until the replica has replayed
// that far (pg_last_wal_replay_lsn()), for at most REPLICA_WAIT_MS; if it has not by then, or the
// replica fails, the refresh reads the primary. Either way the figures hold every write
// committed before the refresh began, which is what the dashboard's "Figures read at" says.

/** "16/B374D848" as a number, to compare positions in the WAL. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** Where the refreshes were read, since the process started (diagnostics and tests). */
export const replicaReads = { replica: 0, primary: 0 };

let replayed = 0n; // the furthest replay position seen on the replica: no need to ask again below it
let warnedAt = -Infinity; // monotonic time (performance.now): these are intervals, not the app's clock

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function primaryPosition(): Promise<bigint> {
  const [row] = await primaryPrisma().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return lsnValue(row.lsn);
}

/** Whether the replica has replayed the primary's WAL as far as it went when this was called, within `waitMs`. */
async function caughtUp(replica: NonNullable<ReturnType<typeof replicaPrisma>>, waitMs: number): Promise<boolean> {
  const target = await primaryPosition();
  const until = performance.now() + waitMs;
  for (;;) {
    if (replayed >= target) return true;
    const [row] = await replica.$queryRaw<{ lsn: string | null }[]>`SELECT pg_last_wal_replay_lsn()::text AS lsn`;
    if (row.lsn === null) return true; // not in recovery: the "replica" is a primary, as current as it gets
    const at = lsnValue(row.lsn);
    if (at > replayed) replayed = at;
    if (replayed >= target) return true;
    if (performance.now() >= until) return false;
    await pause(10);
  }
}

/** `fn`'s reads on the replica once it has caught up with the primary, else on the primary; `fn` as is without a replica. */
export async function fromReplica<T>(fn: () => Promise<T>): Promise<T> {
  const replica = replicaPrisma();
  if (!replica || routedClient()) return fn(); // no replica, or already routed (a cached read inside another)
  let ready = false;
  try {
    ready = await caughtUp(replica, env().REPLICA_WAIT_MS);
    if (ready) {
      const value = await readingFrom(replica, fn);
      replicaReads.replica++;
      return value;
    }
  } catch (e) {
    // The replica is down, or cancelled the query to replay the primary's changes (a recovery
    // conflict): the primary answers instead — said in the log, at most once a minute.
    if (performance.now() - warnedAt > 60_000) {
      warnedAt = performance.now();
      console.error(`The replica failed; reading the primary. ${e instanceof Error ? e.message : e}`);
    }
  }
  replicaReads.primary++;
  return readingFrom(primaryPrisma(), fn);
}
