import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "@/domain/day";
import { serverCache } from "@/server/cache";
import { prisma } from "@/server/db";
import { cachedSummaryFor } from "@/server/queries/cached";
import { saveCapacityDay } from "@/server/use-cases/capacity";
import { actors } from "./supply-helpers";

// The read cache (src/server/cache.ts) against a real database: a write through a use case makes
// the next cached summary fresh; a write that bypasses the use cases is not seen until then.

const DAY = "2021-04-17"; // before the demo data: no figures yet
let a: Awaited<ReturnType<typeof actors>>;
let producers: { id: string }[];

beforeAll(async () => {
  serverCache.invalidate(); // an earlier file in this worker may have filled it from its own database
  a = await actors();
  producers = await prisma.supplier.findMany({ where: { kind: "PRODUCER", active: true }, orderBy: { name: "asc" }, select: { id: true } });
});

describe("cached summary", () => {
  it("serves the cached figures until a use case commits a write, then fresh ones", async () => {
    const [p1, p2] = producers;
    const before = await cachedSummaryFor(DAY, null);
    expect(before.capacityKg).toBeNull(); // no data that day

    // Written behind the use cases' back: the cache does not know, and still answers "no data".
    await prisma.dailyCapacity.create({ data: { supplierId: p2.id, day: dayToDate(DAY), producedKg: 50_000, medicalKg: 30_000, industrialKg: 20_000 } });
    expect((await cachedSummaryFor(DAY, null)).capacityKg).toBeNull();

    // A write through a use case clears the cache: the next read sees both rows.
    const r = await saveCapacityDay(a.staff, { day: DAY, rows: [{ supplierId: p1.id, produced: "100", medical: "60", industrial: "40" }] });
    expect(r.ok).toBe(true);
    const after = await cachedSummaryFor(DAY, null);
    expect(after.capacityKg).toBe(150_000);
    expect(after.medicalKg).toBe(90_000);
  });

  it("a refused write leaves the cache alone", async () => {
    const g = serverCache.generation;
    const r = await saveCapacityDay(a.official, { day: DAY, rows: [] });
    expect(r.ok).toBe(false);
    expect(serverCache.generation).toBe(g);
  });
});
