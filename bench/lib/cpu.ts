// CPU time of processes from /proc (user + system, in ms): the app server's process tree, and
// the PostgreSQL backends serving one database (found through pg_stat_activity; readable in
// /proc by anyone on Linux). Clock ticks are 100 per second on Linux (USER_HZ).
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

const TICK_MS = 10;

/** utime + stime of one process in ms, or null when it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Every descendant of `root`, `root` included. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** CPU ms per pid for the given processes (gone ones left out). */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/** CPU spent between two snapshots, by the processes of `after` (a process new since `before` counts from 0). */
export function cpuSpentMs(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** The backends (and their parallel workers) connected to `database`, except the asking connection. */
export async function backendPids(db: pg.Client, database: string): Promise<number[]> {
  const r = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  return r.rows.map((x) => x.pid);
}
