// The floor: the dashboard's aggregate SQL run directly with `pg`, no app in between.
//
// The SQL lives inside the query functions of src/server/queries/dashboard*.ts (tagged
// templates, not exported strings), so it is captured rather than copied: each function is
// called once through the app's own Prisma client with `$queryRaw` wrapped, and the exact text
// and parameters it sends are kept. They are then replayed with `pg` at the same concurrency.
// The triage board reads through Prisma's query builder (findMany), not raw SQL: its floor is
// its query functions called through a Prisma client directly.
import pg from "pg";
import { stats, type LatencyStats } from "./http";

export type Stmt = { text: string; values: unknown[]; appRows?: number };
export type Plan = { sql: Stmt } | { seq: Plan[] } | { par: Plan[] };

export type FloorResult = {
  name: string;
  kind: "raw SQL (pg)" | "query functions (Prisma)";
  statements: number;
  connections: number;
  seconds: number;
  runs: number;
  runsPerSecond: number;
  latencyMs: LatencyStats;
  rows: number;
  errors: number;
};

type Client = { $queryRaw: (...args: never[]) => Promise<unknown> };

/** Wraps client.$queryRaw so that `capture(fn)` returns the statements fn sends, in order. */
export function sqlRecorder(client: Client, sqlTag: (strings: TemplateStringsArray, ...values: unknown[]) => { text: string; values: unknown[] }) {
  const original = (client.$queryRaw as (...a: unknown[]) => Promise<unknown>).bind(client);
  let sink: Stmt[] | null = null;
  (client as unknown as { $queryRaw: unknown }).$queryRaw = (strings: TemplateStringsArray, ...values: unknown[]) => {
    if (!sink) return original(strings, ...values);
    const s = sqlTag(strings, ...values);
    const entry: Stmt = { text: s.text, values: s.values };
    sink.push(entry);
    return original(strings, ...values).then((rows) => {
      entry.appRows = Array.isArray(rows) ? rows.length : 0;
      return rows;
    });
  };
  return {
    async capture<T>(fn: () => Promise<T>): Promise<{ result: T; plan: Plan; stmts: Stmt[] }> {
      sink = [];
      try {
        const result = await fn();
        const stmts = sink;
        return { result, stmts, plan: { seq: stmts.map((sql) => ({ sql })) } };
      } finally {
        sink = null;
      }
    },
  };
}

export function countStatements(plan: Plan): number {
  if ("sql" in plan) return 1;
  return ("seq" in plan ? plan.seq : plan.par).reduce((s, p) => s + countStatements(p), 0);
}

async function execute(pool: pg.Pool, plan: Plan): Promise<number> {
  if ("sql" in plan) return (await pool.query(plan.sql.text, plan.sql.values as unknown[])).rowCount ?? 0;
  if ("seq" in plan) {
    let rows = 0;
    for (const p of plan.seq) rows += await execute(pool, p);
    return rows;
  }
  return (await Promise.all(plan.par.map((p) => execute(pool, p)))).reduce((a, b) => a + b, 0);
}

/** Runs `unit` from `connections` concurrent workers for `seconds`; per-run latency. */
export async function closedLoop(connections: number, seconds: number, unit: () => Promise<number>) {
  const latencies: number[] = [];
  let errors = 0;
  let rows = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const maxRuns = 1_000_000; // bound the loop whatever happens
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until && latencies.length + errors < maxRuns) {
        const t = performance.now();
        try {
          rows = await unit();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, errors, rows, elapsed };
}

export async function measurePlan(pool: pg.Pool, name: string, plan: Plan, connections: number, seconds: number): Promise<FloorResult> {
  await closedLoop(Math.min(4, connections), Math.min(1, seconds), () => execute(pool, plan)); // warm-up
  const r = await closedLoop(connections, seconds, () => execute(pool, plan));
  return {
    name,
    kind: "raw SQL (pg)",
    statements: countStatements(plan),
    connections,
    seconds: Math.round(r.elapsed * 10) / 10,
    runs: r.latencies.length,
    runsPerSecond: Math.round((r.latencies.length / r.elapsed) * 10) / 10,
    latencyMs: stats(r.latencies),
    rows: r.rows,
    errors: r.errors,
  };
}

export async function measureFunction(name: string, fn: () => Promise<unknown>, connections: number, seconds: number): Promise<FloorResult> {
  const unit = async () => {
    await fn();
    return 0;
  };
  await closedLoop(Math.min(4, connections), Math.min(1, seconds), unit);
  const r = await closedLoop(connections, seconds, unit);
  return {
    name,
    kind: "query functions (Prisma)",
    statements: 0,
    connections,
    seconds: Math.round(r.elapsed * 10) / 10,
    runs: r.latencies.length,
    runsPerSecond: Math.round((r.latencies.length / r.elapsed) * 10) / 10,
    latencyMs: stats(r.latencies),
    rows: 0,
    errors: r.errors,
  };
}

/** Replays statements once with pg and checks each returns as many rows as the app's client did. */
export async function verifyStatements(pool: pg.Pool, stmts: Stmt[]): Promise<string | null> {
  for (let i = 0; i < stmts.length; i++) {
    const got = (await pool.query(stmts[i].text, stmts[i].values as unknown[])).rowCount ?? 0;
    if (got !== stmts[i].appRows) return `statement ${i + 1}: pg returned ${got} rows, the app's client ${stmts[i].appRows}`;
  }
  return null;
}
