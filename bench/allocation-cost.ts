// `npm run bench:allocation`: the cost of one allocation, called as the use case directly on a
// bench database (no server): wall time, this process's CPU and the PostgreSQL backends' CPU
// (bench/lib/cpu.ts) per allocation, one at a time; and, apart, the reads the request page ran
// again when the allocation form's action revalidated it (the request, the day's sources and the
// recommender's proposal). Decision 0049. Run it with the react-server condition (the script in
// package.json does), so that the server modules load outside Next.
//
//   BENCH_DATABASE_URL  the bench database (its name must contain "bench")
//   BENCH_ALLOCATIONS   how many allocations (default 30)
import pg from "pg";
import { benchDatabaseUrl, BENCH_EMAILS } from "./constants";
import { backendPids, cpuSnapshot, cpuSpentMs } from "./lib/cpu";

const url = benchDatabaseUrl();
process.env.DATABASE_URL = url;
const n = Number(process.env.BENCH_ALLOCATIONS ?? 30);
const KG = 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

async function main() {
  const { allocate } = await import("../src/server/use-cases/allocations");
  const { recommendationFor } = await import("../src/server/queries/allocations");
  const { requestFor } = await import("../src/server/queries/requests");
  const { dateToDay } = await import("../src/domain/day");
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const database = new URL(url).pathname.slice(1);
  const staff = (await db.query(`SELECT id, name, email, role::text AS role FROM "User" WHERE email = $1`, [BENCH_EMAILS.staff])).rows[0];
  const actor = { id: staff.id, name: staff.name, email: staff.email, role: staff.role, hospitalId: null };
  const [{ day }] = (await db.query(`SELECT max(day)::text AS day FROM "DailyCapacity"`)).rows;
  const requests = (
    await db.query<{ id: string }>(
      `SELECT r.id FROM "SupplyRequest" r
        WHERE r.status IN ('APPROVED', 'ALLOCATED') AND r."approvedKg" IS NOT NULL
          AND r."approvedKg" - COALESCE((SELECT sum(a.kg) FROM "Allocation" a WHERE a."requestId" = r.id AND a.status <> 'CANCELLED'), 0) >= $2
        ORDER BY r.id LIMIT $1`,
      [2 * n + 2, 2 * KG],
    )
  ).rows.map((r) => r.id);
  const sources = (
    await db.query<{ supplierId: string }>(
      `SELECT c."supplierId" FROM "DailyCapacity" c JOIN "Supplier" s ON s.id = c."supplierId"
        WHERE c.day = $1::date AND s.active AND s.kind IN ('PRODUCER', 'DISTRIBUTOR') ORDER BY c."medicalKg" DESC LIMIT 20`,
      [day],
    )
  ).rows.map((s) => s.supplierId);
  if (requests.length < 2 * n + 2 || sources.length === 0) throw new Error(`not enough open requests or supply on ${day}`);

  const one = async (requestId: string, i: number) => {
    const r = await allocate(actor as never, { day, lines: [{ requestId, sourceId: `supply:${sources[i % sources.length]}`, kg: String(KG / 1000) }] });
    if (!r.ok) throw new Error(`allocation refused: ${JSON.stringify(r)}`);
  };
  const render = async (requestId: string) => {
    await requestFor(actor as never, requestId);
    await recommendationFor(dateToDay(new Date(`${day}T00:00:00Z`)));
  };
  // warm up: a connection's first call compiles the PL/pgSQL and Prisma's queries
  await one(requests[0], 0);
  await render(requests[1]);

  const measure = async (label: string, fn: (id: string, i: number) => Promise<void>, ids: string[]) => {
    const wall: number[] = [];
    const appCpu: number[] = [];
    const dbCpu: number[] = [];
    for (const [i, id] of ids.entries()) {
      const pids = await backendPids(db, database);
      const before = cpuSnapshot(pids);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fn(id, i);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      appCpu.push((c.user + c.system) / 1000);
      dbCpu.push(cpuSpentMs(before, cpuSnapshot(pids)));
    }
    console.log(
      `${label}: ${ids.length} one at a time — wall median ${median(wall).toFixed(1)} ms (mean ${mean(wall).toFixed(1)}), ` +
        `app CPU mean ${mean(appCpu).toFixed(1)} ms, PostgreSQL CPU mean ${mean(dbCpu).toFixed(1)} ms`,
    );
  };
  const ids = requests.slice(2, 2 + n);
  await measure("allocate (use case)", one, ids);
  await measure("request page's reads after it", render, ids);
  await db.end();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
