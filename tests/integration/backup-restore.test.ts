import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createFreshDatabase, dropDatabase } from "../../scripts/lib/fresh-db";
import { embedded } from "./db-mode";

// The backup procedure of docs/operations.md, run for real: pg_dump -Fc of a seeded database,
// pg_restore into a new, empty database, and the dashboard must show the same figures on both.

const hasTools = ["pg_dump", "pg_restore"].every((bin) => spawnSync(bin, ["--version"]).status === 0);
const skipReason = embedded ? "embedded PGlite (no pg_dump over its socket)" : !hasTools ? "pg_dump/pg_restore not installed (apt-get install postgresql-client)" : "";
if (skipReason) console.warn(`[backup-restore] skipped: ${skipReason}`);

const DAYS = ["2021-07-26", "2021-08-25"] as const;
const NOW = new Date("2021-08-26T12:00:00+07:00");
const TABLES = ["Region", "Supplier", "DailyCapacity", "Pledge", "PledgeTranche", "Hospital", "StockReport", "SupplyRequest", "Allocation", "Delivery", "User", "AuditEvent", "Policy", "CaseStat"];

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

describe.skipIf(!!skipReason)("backup and restore (pg_dump -Fc / pg_restore)", () => {
  const dir = mkdtempSync(join(tmpdir(), "oxy-backup-"));
  let restored: string | null = null;

  afterAll(async () => {
    if (restored) await dropDatabase(restored).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores a dump into a fresh database with the same dashboard numbers", async () => {
    const source = process.env.DATABASE_URL!;
    const before = await figuresOf(source);
    // The seed has figures on both days (guards against comparing two empty dashboards).
    expect((before["summary:2021-07-26"] as { capacityKg: number }).capacityKg).toBeGreaterThan(0);
    expect(before["rows:AuditEvent"]).toBeGreaterThanOrEqual(0);

    const file = join(dir, "oxygen.dump");
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, libpqUrl(source)]);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    restored = await createFreshDatabase(source, "oxy_restore");
    run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", libpqUrl(restored), file]);

    const after = await figuresOf(restored);
    expect(after).toEqual(before);
  });

  it("keeps the hand-written constraints and the append-only audit trigger", async () => {
    expect(restored).not.toBeNull();
    const r = run("psql", [libpqUrl(restored!), "-At", "-c",
      `SELECT (SELECT count(*) FROM pg_constraint WHERE contype = 'c') || ',' || (SELECT count(*) FROM pg_trigger WHERE tgname = 'AuditEvent_append_only')`]);
    const [checks, triggers] = r.stdout.trim().split(",").map(Number);
    expect(checks).toBeGreaterThanOrEqual(15);
    expect(triggers).toBe(1);
  });
});
