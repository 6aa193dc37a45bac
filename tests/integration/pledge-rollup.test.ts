import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dayToDate, startOfWibDay } from "@/domain/day";
import { prisma } from "@/server/db";
import { pledgeProgress } from "@/server/queries/dashboard-supply";

// The pledge rollup ("PledgeDeliveryDay", kept by a trigger on "Delivery"; migration
// pledge_delivery_rollup) against the deliveries themselves: after every kind of write the rows
// equal a recomputation from scratch, and pledge progress equals the join over every delivery
// that the rollup replaced.

type Row = { pledgeId: string; day: string; dispatchedKg: number; receivedKg: number };

/** The rollup's rows that count (a row taken back to 0/0 stays, and means nothing). */
async function rollup(): Promise<Row[]> {
  return prisma.$queryRaw<Row[]>`
    SELECT "pledgeId", day::text AS day, "dispatchedKg", "receivedKg" FROM "PledgeDeliveryDay"
    WHERE "dispatchedKg" <> 0 OR "receivedKg" <> 0 ORDER BY 1, 2`;
}

/** The rollup as the trigger keeps it, then as recomputed from every delivery: they must agree. */
async function expectRollupConsistent() {
  const kept = await rollup();
  // the totals over every day (decision 0044) equal the day rows summed
  const totals = await prisma.$queryRaw<{ pledgeId: string; dispatched: string; received: string }[]>`
    SELECT "pledgeId", "dispatchedKg"::text AS dispatched, "receivedKg"::text AS received FROM "PledgeDeliveryTotal"
    WHERE "dispatchedKg" <> 0 OR "receivedKg" <> 0 ORDER BY 1`;
  const summed = await prisma.$queryRaw<{ pledgeId: string; dispatched: string; received: string }[]>`
    SELECT "pledgeId", sum("dispatchedKg")::text AS dispatched, sum("receivedKg")::text AS received FROM "PledgeDeliveryDay"
    GROUP BY 1 HAVING sum("dispatchedKg") <> 0 OR sum("receivedKg") <> 0 ORDER BY 1`;
  expect(totals).toEqual(summed);
  await prisma.$executeRaw`SELECT pledge_delivery_day_rebuild()`;
  expect(kept).toEqual(await rollup());
  return kept;
}

/** What pledgeProgress read before the rollup: every delivery joined to its tranche or allocation. */
async function progressFromDeliveries(day: string) {
  const end = startOfWibDay(addDays(day, 1));
  const rows = await prisma.$queryRaw<{ pledgeId: string; delivered: bigint | null; dispatched: bigint | null }[]>`
    SELECT COALESCE(t."pledgeId", a."pledgeId") AS "pledgeId",
           sum(d."receivedKg") FILTER (WHERE d."receivedAt" < ${end}) AS delivered, sum(d."dispatchedKg") AS dispatched
    FROM "Delivery" d
    LEFT JOIN "PledgeTranche" t ON t.id = d."trancheId"
    LEFT JOIN "Allocation" a ON a.id = d."allocationId"
    WHERE d."dispatchedAt" < ${end} AND COALESCE(t."pledgeId", a."pledgeId") IS NOT NULL
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.pledgeId, { delivered: Number(r.delivered ?? 0), dispatched: Number(r.dispatched ?? 0) }]));
}

async function expectProgressMatches(days: string[]) {
  for (const day of days) {
    const expected = await progressFromDeliveries(day);
    for (const p of await pledgeProgress(day)) {
      const e = expected.get(p.id) ?? { delivered: 0, dispatched: 0 };
      expect([day, p.id, p.deliveredKg, p.dispatchedKg]).toEqual([day, p.id, e.delivered, e.dispatched]);
    }
  }
}

const DAYS = ["2021-07-10", "2021-07-26", "2021-08-05", "2021-08-25", "2021-09-30"];
let base: { supplierId: string; hospitalId: string; pledgeId: string; trancheId: string; requestId: string };

beforeAll(async () => {
  // a tranche with room for the trips below (the database holds trips within a tranche's kg)
  const [{ id }] = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "PledgeTranche" WHERE kg - "dispatchedKg" >= 2000 ORDER BY "dueOn", id LIMIT 1`;
  const tranche = await prisma.pledgeTranche.findUniqueOrThrow({ where: { id }, include: { pledge: true } });
  const request = await prisma.supplyRequest.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  base = { supplierId: tranche.pledge.supplierId, hospitalId: request.hospitalId, pledgeId: tranche.pledgeId, trancheId: tranche.id, requestId: request.id };
});

const delivery = (over: Record<string, unknown>) => ({
  supplierId: base.supplierId,
  hospitalId: base.hospitalId,
  vehiclePlate: "A 1234 BC",
  dispatchedAmount: 1,
  dispatchedUnit: "TONNE_LIQUID" as const,
  kgPerUnit: 1000,
  dispatchedKg: 1000,
  ...over,
});

describe("pledge rollup", () => {
  it("holds the seed's deliveries as they were loaded", async () => {
    expect((await expectRollupConsistent()).length).toBeGreaterThan(0);
    await expectProgressMatches(DAYS);
  });

  it("follows dispatches, receipts, corrections and deletions, by tranche and by allocation", async () => {
    const allocation = await prisma.allocation.create({
      data: { requestId: base.requestId, supplierId: base.supplierId, pledgeId: base.pledgeId, day: dayToDate("2021-08-01"), kg: 6000, status: "IN_TRANSIT" },
    });
    // By allocation: dispatched 1 Aug 23:30 WIB (still 1 Aug), received 2 Aug.
    const a = await prisma.delivery.create({
      data: delivery({ allocationId: allocation.id, dispatchedAt: new Date("2021-08-01T16:30:00Z"), dispatchedKg: 5000 }),
    });
    await expectRollupConsistent();
    await prisma.delivery.update({ where: { id: a.id }, data: { receivedKg: 4990, receivedAt: new Date("2021-08-01T17:30:00Z") } });
    await expectRollupConsistent();
    await prisma.delivery.update({ where: { id: a.id }, data: { receivedKg: 5000 } }); // a corrected receipt
    await expectRollupConsistent();
    await prisma.delivery.update({ where: { id: a.id }, data: { dispatchedAt: new Date("2021-07-31T10:00:00Z"), dispatchedKg: 5200 } });
    await expectRollupConsistent();

    // By tranche, received in the same write (a bulk load does that).
    const b = await prisma.delivery.create({
      data: delivery({
        trancheId: base.trancheId,
        dispatchedAt: new Date("2021-08-20T01:00:00Z"),
        receivedKg: 1000,
        receivedAt: new Date("2021-08-20T05:00:00Z"),
      }),
    });
    await expectRollupConsistent();
    await expectProgressMatches(DAYS);

    await prisma.delivery.delete({ where: { id: b.id } });
    await prisma.delivery.update({ where: { id: a.id }, data: { receivedKg: null, receivedAt: null } });
    await expectRollupConsistent();
    await expectProgressMatches(DAYS);
  });

  it("is undone with the write that failed", async () => {
    const before = await rollup();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.delivery.create({ data: delivery({ trancheId: base.trancheId, dispatchedAt: new Date("2021-08-10T01:00:00Z") }) });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rollup()).toEqual(before);
  });
});
