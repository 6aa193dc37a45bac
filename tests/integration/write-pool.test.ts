import { afterAll, describe, expect, it, vi } from "vitest";

// Writes never wait behind reads (decision 0046): the read pool is filled with slow queries,
// and a use case's write and a sign-in's session still commit at once, on the write pool —
// before any of the reads ends, where one shared pool would have queued them behind the reads.

const saved = vi.hoisted(() => {
  const before = { reads: process.env.DB_POOL_SIZE, writes: process.env.DB_WRITE_POOL_SIZE };
  process.env.DB_POOL_SIZE = "2";
  process.env.DB_WRITE_POOL_SIZE = "2";
  return before;
});

import { prisma, writePrisma } from "@/server/db";
import { today } from "@/server/clock";
import { startSession } from "@/server/sessions";
import { submitStockReport } from "@/server/use-cases/stock";
import { actor } from "./supply-helpers";

afterAll(() => {
  for (const [k, v] of [
    ["DB_POOL_SIZE", saved.reads],
    ["DB_WRITE_POOL_SIZE", saved.writes],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe("the write pool", () => {
  it("a write commits while every read connection is busy, before the reads end", async () => {
    const rs1 = await actor("rs1@satgas.test");
    await prisma.$queryRaw`SELECT 1`; // the read pool is open
    const done: string[] = [];
    // Three 4-second reads on a pool of two: two run, one waits 4 s for a connection (under the
    // pool's 5 s connection timeout). Long, so that a busy machine cannot make the write lose.
    const reads = Array.from({ length: 3 }, (_, i) =>
      prisma.$queryRaw`SELECT pg_sleep(4)::text`.then(() => {
        done.push(`read ${i}`);
      }),
    );
    await new Promise((r) => setTimeout(r, 200)); // the reads hold their connections
    const report = {
      day: today(),
      unit: "KG",
      stockKg: "800",
      usedKg: "90",
      severePatients: "1",
      criticalPatients: "1",
      bedsOccupied: "4",
      confirmUnusual: "1",
    };
    const write = submitStockReport(rs1, report).then((r) => {
      done.push("write");
      return r;
    });
    const session = startSession(rs1.id).then((s) => {
      done.push("session");
      return s;
    });
    const [written, started] = await Promise.all([write, session]);
    expect(written.ok).toBe(true);
    expect(started.sid).toBeTruthy();
    expect(done.slice(0, 2).sort()).toEqual(["session", "write"]); // neither waited for a read
    await Promise.all(reads);
    expect(done).toHaveLength(5);
  });

  it("a write that finds no write connection in time is told the system is busy, not a 500, and saves nothing", { timeout: 60_000 }, async () => {
    const rs2 = await actor("rs2@satgas.test");
    const before = await prisma.auditEvent.count();
    // both write connections held longer than a write waits for one (10 s)
    const held = Array.from({ length: 2 }, () => writePrisma().$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(15)::text`, { timeout: 25_000 }));
    // until both hold their connection (a busy machine may take a while to open them)
    await expect
      .poll(
        async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(15)%'`)[0].n),
        { timeout: 10_000 },
      )
      .toBe(2);
    const report = {
      day: today(),
      unit: "KG",
      stockKg: "700",
      usedKg: "80",
      severePatients: "1",
      criticalPatients: "1",
      bedsOccupied: "4",
      confirmUnusual: "1",
    };
    expect(await submitStockReport(rs2, report)).toMatchObject({ ok: false, error: "busy" });
    await Promise.all(held);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
