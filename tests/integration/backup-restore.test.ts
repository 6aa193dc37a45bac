import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createFreshDatabase, dropDatabase } from "../../scripts/lib/fresh-db";

// The backup procedure of docs/operations.md, run for real: pg_dump -Fc of a seeded database,
// pg_restore into a new, empty database, and the dashboard must show the same figures on both.

// The procedure needs PostgreSQL's client tools; the test fails (never skips) without them.
const missingTools = ["pg_dump", "pg_restore", "psql"].filter((bin) => spawnSync(bin, ["--version"]).status !== 0);

const DAYS = ["2021-07-26", "2021-08-25"] as const;
const NOW = new Date("2021-08-26T12:00:00+07:00");
const TABLES = [
  "Region",
  "Supplier",
  "DailyCapacity",
  "Pledge",
  "PledgeTranche",
  "Hospital",
  "StockReport",
  "SupplyRequest",
  "Allocation",
  "Delivery",
  "User",
  "AuditEvent",
  "Policy",
  "CaseStat",
];

/** The dashboard module bound to one database (the Prisma client is created at import). */
async function figuresOf(url: string) {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    const { dashboardData, summaryFor } = await import("@/server/queries/dashboard");
    const { prisma } = await import("@/server/db");
    const out: Record<string, unknown> = {};
    for (const d of DAYS) {
      out[`summary:${d}`] = await summaryFor(d, { now: NOW });
      out[`dashboard:${d}`] = await dashboardData(d, 90, { now: NOW });
    }
    for (const t of TABLES) {
      const [{ n }] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`);
      out[`rows:${t}`] = Number(n);
    }
    await prisma.$disconnect();
    return out;
  } finally {
    delete (globalThis as { prisma?: unknown }).prisma;
    process.env.DATABASE_URL = saved;
  }
}

function run(bin: string, args: string[]) {
  const r = spawnSync(bin, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r;
}

/** libpq tools take the URL without Prisma-only parameters. */
const libpqUrl = (url: string) => {
  const u = new URL(url);
  u.searchParams.delete("schema");
  return u.toString();
};

describe("backup and restore (pg_dump -Fc / pg_restore)", () => {
  const dir = mkdtempSync(join(tmpdir(), "oxy-backup-"));
  let restored: string | null = null;
  let dumped: Promise<string> | null = null;

  /** The dump of this file's database restored into a fresh one (made once, whichever test asks first). */
  function restoredCopy(): Promise<string> {
    dumped ??= (async () => {
      const source = process.env.DATABASE_URL!;
      const file = join(dir, "oxygen.dump");
      run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, libpqUrl(source)]);
      expect(statSync(file).size).toBeGreaterThan(10_000);
      restored = await createFreshDatabase(source, "oxy_restore");
      run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", libpqUrl(restored), file]);
      return restored;
    })();
    return dumped;
  }

  afterAll(async () => {
    if (restored) await dropDatabase(restored).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it("has PostgreSQL's client tools (Debian: apt-get install postgresql-client)", () => {
    expect(missingTools).toEqual([]);
  });

  it("restores a dump into a fresh database with the same dashboard numbers and row counts", async () => {
    const before = await figuresOf(process.env.DATABASE_URL!);
    // The seed has figures on both days and rows in every table (guards against comparing two empty databases).
    expect((before["summary:2021-07-26"] as { capacityKg: number }).capacityKg).toBeGreaterThan(0);
    for (const t of TABLES.filter((t) => t !== "AuditEvent")) expect(before[`rows:${t}`], t).toBeGreaterThan(0);
    const after = await figuresOf(await restoredCopy());
    expect(after).toEqual(before);
  });

  it("keeps every constraint, index and trigger of the source", async () => {
    const copy = await restoredCopy();
    const catalog = (url: string) =>
      run("psql", [
        libpqUrl(url),
        "-At",
        "-c",
        `SELECT x FROM (
           SELECT contype::text || ':' || conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid) AS x FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace
           UNION ALL SELECT 'index:' || indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = 'public'
           UNION ALL SELECT 'trigger:' || tgrelid::regclass || ':' || tgname FROM pg_trigger WHERE NOT tgisinternal) s ORDER BY x`,
      ])
        .stdout.trim()
        .split("\n");
    const source = catalog(process.env.DATABASE_URL!);
    // the hand-written ones are there to compare (prisma/migrations/*_constraints, *_audit_truncate)
    expect(source).toContainEqual(expect.stringMatching(/^trigger:"AuditEvent":AuditEvent_append_only$/));
    expect(source.filter((x) => x.startsWith("c:")).length).toBeGreaterThan(10);
    expect(catalog(copy)).toEqual(source);
  });
});
