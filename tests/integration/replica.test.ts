import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplicaPair, type ReplicaPair } from "./replica-pair";

// DATABASE_REPLICA_URL against a real streaming replica set up here (decision 0046): the cached
// reads go to the replica, the use cases write to the primary, a write shows through the app's
// read path once the replica has replayed it — and while the replica lags (its replay paused), a
// refresh after a write reads the primary rather than the replica's old figures.

let pair: ReplicaPair | null = null;
const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL, wait: process.env.REPLICA_WAIT_MS };
let app: Awaited<ReturnType<typeof load>>;
let replicaAdmin: pg.Client | null = null;

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

function run(bin: string, args: string[]) {
  const r = spawnSync(bin, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
}

async function load() {
  const [{ prisma, writePrisma }, { fromReplica, replicaReads }, cached, stock, helpers, clock] = await Promise.all([
    import("@/server/db"),
    import("@/server/replica"),
    import("@/server/queries/cached"),
    import("@/server/use-cases/stock"),
    import("./supply-helpers"),
    import("@/server/clock"),
  ]);
  return { prisma, writePrisma, fromReplica, replicaReads, ...cached, ...stock, ...helpers, ...clock };
}

beforeAll(async () => {
  pair = await startReplicaPair();
  // the seeded test database, copied onto the throw-away primary (the replica streams it)
  const folder = mkdtempSync(join(tmpdir(), "oxy-replica-dump-"));
  const dump = join(folder, "db.dump");
  try {
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", dump, process.env.DATABASE_URL!]);
    run("psql", [pair.primaryUrl, "-qc", "CREATE DATABASE oxy"]);
    run("pg_restore", ["--no-owner", "--no-privileges", "--dbname", withDb(pair.primaryUrl, "oxy"), dump]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_URL = withDb(pair.primaryUrl, "oxy");
  process.env.DATABASE_REPLICA_URL = withDb(pair.replicaUrl, "oxy");
  process.env.REPLICA_WAIT_MS = "300";
  app = await load();
  replicaAdmin = new pg.Client({ connectionString: withDb(pair.replicaUrl, "oxy") });
  await replicaAdmin.connect();
}, 180_000);

afterAll(async () => {
  await replicaAdmin?.end().catch(() => {});
  await app?.prisma.$disconnect().catch(() => {});
  delete (globalThis as { prisma?: unknown }).prisma;
  await pair?.stop();
  for (const [k, v] of [
    ["DATABASE_URL", saved.url],
    ["DATABASE_REPLICA_URL", saved.replica],
    ["REPLICA_WAIT_MS", saved.wait],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

const inRecovery = async (client: { $queryRaw: (q: TemplateStringsArray) => Promise<unknown> }) =>
  ((await client.$queryRaw`SELECT pg_is_in_recovery() AS r`) as { r: boolean }[])[0].r;

/** A stock report through the use case; answers the hospital and when the primary says it was reported. */
async function report(stockKg: number) {
  const rs1 = await app.actor("rs1@satgas.test");
  const r = await app.submitStockReport(rs1, {
    day: app.today(),
    unit: "KG",
    stockKg: String(stockKg),
    usedKg: "100",
    severePatients: "2",
    criticalPatients: "1",
    bedsOccupied: "5",
    confirmUnusual: "1",
  });
  expect(r.ok).toBe(true);
  const hospitalId = rs1.hospitalId!;
  const latest = await app.writePrisma().stockReport.findFirstOrThrow({ where: { hospitalId, stockKg }, orderBy: { reportedAt: "desc" } });
  return { hospitalId, reportedAt: latest.reportedAt.toISOString() };
}

/** When the hospital last reported, as the app's cached read path answers it. */
const shown = async (hospitalId: string) => (await app.cachedHospitalSupply(app.today(), hospitalId, null))[0].lastReportedAt?.toISOString();

describe("reads from a streaming replica (DATABASE_REPLICA_URL)", () => {
  it("the cached reads query the replica; the use cases write to the primary", async () => {
    expect(await app.fromReplica(() => inRecovery(app.prisma))).toBe(true);
    expect(await inRecovery(app.prisma)).toBe(false); // outside the cached reads: the primary
    expect(await inRecovery(app.writePrisma())).toBe(false);
  });

  it("a write through a use case shows through the read path once the replica has replayed it", async () => {
    const first = await report(700);
    expect(await shown(first.hospitalId)).toBe(first.reportedAt);
    const before = { ...app.replicaReads };
    const second = await report(650); // commits on the primary, empties the cache
    expect(await shown(second.hospitalId)).toBe(second.reportedAt);
    expect(app.replicaReads.replica).toBe(before.replica + 1); // read on the replica, after its replay
    expect(app.replicaReads.primary).toBe(before.primary);
  });

  it("while the replica lags, a refresh after a write reads the primary, not the replica's old figures", async () => {
    const first = await report(600);
    expect(await shown(first.hospitalId)).toBe(first.reportedAt);
    await replicaAdmin!.query("SELECT pg_wal_replay_pause()");
    try {
      const second = await report(555);
      const before = { ...app.replicaReads };
      expect(await shown(second.hospitalId)).toBe(second.reportedAt);
      expect(app.replicaReads.primary).toBe(before.primary + 1);
      // the replica itself still has the old figures
      const { rows } = await replicaAdmin!.query(`SELECT count(*)::int AS n FROM "StockReport" WHERE "reportedAt" = $1::timestamptz AT TIME ZONE 'UTC'`, [
        second.reportedAt,
      ]);
      expect(rows[0].n).toBe(0);
    } finally {
      await replicaAdmin!.query("SELECT pg_wal_replay_resume()");
    }
  });
});
