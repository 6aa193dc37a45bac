import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDays } from "@/domain/day";
import { prisma } from "@/server/db";
import { allocate, cancelAllocation } from "@/server/use-cases/allocations";
import { createDispatch } from "@/server/use-cases/dispatches";
import { approvedRequest, prepareWorld, unique, writeAsAllowed, type World } from "./valid-inputs";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// The committed sums of decision 0049 against the rows they sum: each request's
// ("RequestCommitted": live allocated kg, what of it was dispatched, kg received and kg on the
// road), each supplier's supply day ("SupplyDayCommitted") and each pledge ("PledgeCommitted"),
// kept by triggers on "Allocation" and "Delivery". After each write made through the use cases —
// allocations (from a supply day and from a pledge), their cancels whole and in part, dispatches
// against an allocation and against a tranche, receipts short and whole, diversions, trip moves,
// a request fulfilled or closed short — every row equals its recomputation from the allocations
// and deliveries by the plain queries below (the sums the use case read before the rollup).

type Committed = { requests: string[]; days: string[]; pledges: string[] };

/** The rows that count (a row taken back to zero stays, and means nothing), as text for a readable diff. */
async function kept(): Promise<Committed> {
  const requests = await prisma.$queryRaw<{ r: string }[]>`
    SELECT concat_ws(' ', "requestId", "allocatedKg", "dispatchedKg", "receivedKg", "awaitingKg") AS r FROM "RequestCommitted"
    WHERE "allocatedKg" <> 0 OR "dispatchedKg" <> 0 OR "receivedKg" <> 0 OR "awaitingKg" <> 0 ORDER BY "requestId"`;
  const days = await prisma.$queryRaw<{ r: string }[]>`
    SELECT concat_ws(' ', "supplierId", day::text, "committedKg") AS r FROM "SupplyDayCommitted" WHERE "committedKg" <> 0 ORDER BY "supplierId", day`;
  const pledges = await prisma.$queryRaw<{ r: string }[]>`
    SELECT concat_ws(' ', "pledgeId", "committedKg") AS r FROM "PledgeCommitted" WHERE "committedKg" <> 0 ORDER BY "pledgeId"`;
  return { requests: requests.map((x) => x.r), days: days.map((x) => x.r), pledges: pledges.map((x) => x.r) };
}

/** The same recomputed from the base rows, written out apart from the migration's functions. */
async function recomputed(): Promise<Committed> {
  const requests = await prisma.$queryRaw<{ r: string }[]>`
    SELECT concat_ws(' ', q.id, s.allocated, s.dispatched, s.received, s.awaiting) AS r
    FROM "SupplyRequest" q
    CROSS JOIN LATERAL (SELECT
      COALESCE((SELECT sum(a.kg) FROM "Allocation" a WHERE a."requestId" = q.id AND a.status <> 'CANCELLED'), 0) AS allocated,
      COALESCE((SELECT sum(a."dispatchedKg") FROM "Allocation" a WHERE a."requestId" = q.id AND a.status <> 'CANCELLED'), 0) AS dispatched,
      COALESCE((SELECT sum(d."receivedKg") FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId" WHERE a."requestId" = q.id), 0) AS received,
      COALESCE((SELECT sum(d."dispatchedKg") FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId"
                WHERE a."requestId" = q.id AND d."receivedKg" IS NULL), 0) AS awaiting) s
    WHERE s.allocated <> 0 OR s.dispatched <> 0 OR s.received <> 0 OR s.awaiting <> 0
    ORDER BY q.id`;
  // capacityCommittedSql as it was: allocations of the day, and tranche trips of that WIB day without one
  const days = await prisma.$queryRaw<{ r: string }[]>`
    WITH keys AS (
      SELECT DISTINCT "supplierId", day FROM "Allocation"
      UNION SELECT DISTINCT "supplierId", (("dispatchedAt" + interval '7 hours')::date) FROM "Delivery" WHERE "trancheId" IS NOT NULL
    )
    SELECT concat_ws(' ', k."supplierId", k.day::text, s.kg) AS r
    FROM keys k
    CROSS JOIN LATERAL (SELECT
      COALESCE((SELECT sum(x.kg) FROM "Allocation" x WHERE x."supplierId" = k."supplierId" AND x.day = k.day AND x.status <> 'CANCELLED'), 0)
      + COALESCE((SELECT sum(y."dispatchedKg") FROM "Delivery" y
                  WHERE y."supplierId" = k."supplierId" AND y."trancheId" IS NOT NULL AND y."allocationId" IS NULL
                    AND y."dispatchedAt" >= (k.day::timestamp - interval '7 hours') AND y."dispatchedAt" < (k.day::timestamp + interval '17 hours')), 0) AS kg) s
    WHERE s.kg <> 0
    ORDER BY k."supplierId", k.day`;
  const pledges = await prisma.$queryRaw<{ r: string }[]>`
    SELECT concat_ws(' ', p.id, s.kg) AS r
    FROM "Pledge" p
    CROSS JOIN LATERAL (SELECT
      COALESCE((SELECT sum(kg) FROM "Allocation" a WHERE a."pledgeId" = p.id AND a.status <> 'CANCELLED'), 0)
      + COALESCE((SELECT sum(d."dispatchedKg") FROM "Delivery" d JOIN "PledgeTranche" t ON t.id = d."trancheId"
                  WHERE t."pledgeId" = p.id AND d."allocationId" IS NULL), 0) AS kg) s
    WHERE s.kg <> 0
    ORDER BY p.id`;
  return { requests: requests.map((x) => x.r), days: days.map((x) => x.r), pledges: pledges.map((x) => x.r) };
}

async function expectConsistent() {
  const rows = await kept();
  expect(rows).toEqual(await recomputed());
  return rows;
}

let w: World;
beforeAll(async () => {
  w = await prepareWorld();
});

/** A use case called with its valid input as an actor allowed to make it. */
const write = (key: string) => writeAsAllowed(w, key);

const WRITES = [
  "allocations.allocate",
  "allocations.cancelAllocation",
  "dispatches.createDispatch",
  "receipts.confirmReceipt",
  "receipts.recordReceiptOnBehalf",
  "receipts.recordTrancheReceipt",
  "trips.divertTrip",
  "trips.moveTrip",
  "requests.closeRequestShort",
  "requests.cancelRequest",
  "pledges.updatePledge",
  "capacity.saveCapacityDay",
];

const must = <T>(r: { ok: true; value: T } | { ok: false; error: string; fieldErrors?: unknown }): T => {
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.value;
};

describe("committed sums of requests, supply days and pledges", () => {
  it("holds the seed's allocations and trips as they were loaded", async () => {
    const rows = await expectConsistent();
    expect(rows.requests.length).toBeGreaterThan(0);
    expect(rows.days.length).toBeGreaterThan(0);
  });

  for (const key of WRITES)
    it(`follows ${key}`, async () => {
      await write(key);
      await expectConsistent();
    });

  it("follows an allocation from a pledge, its producer's supply day included, and its cancel", async () => {
    // inserted directly: the pledge form takes no start before today, and the world's supply day is in 2021
    const p = await prisma.pledge.create({
      data: { supplierId: w.producer, totalKg: 9000, startsOn: new Date(addDays(w.day, -1)), endsOn: new Date(addDays(w.day, 30)), earmark: "NONE" },
    });
    const requestId = await approvedRequest(w);
    const [a] = must(await allocate(w.admin, { day: w.day, lines: [{ requestId, sourceId: `pledge:${p.id}`, kg: "3" }] }));
    const rows = await expectConsistent();
    expect(rows.pledges).toContain(`${p.id} 3000`);
    must(await cancelAllocation(w.admin, { id: a.id, reason: "not needed after all" }));
    expect((await expectConsistent()).pledges.some((r) => r.startsWith(p.id))).toBe(false);
  });

  it("follows a part dispatched, the remainder cancelled, and the rest received short", async () => {
    const requestId = await approvedRequest(w);
    const [a] = must(await allocate(w.admin, { day: w.day, lines: [{ requestId, sourceId: `supply:${w.producer}`, kg: "4" }] }));
    const d = must(
      await createDispatch(w.admin, { idempotencyKey: unique("part"), allocationId: a.id, vehiclePlate: "B 1 PA", amount: "1,5", unit: "TONNE_LIQUID" }),
    );
    await expectConsistent();
    must(await cancelAllocation(w.admin, { id: a.id, reason: "the rest is not coming" }));
    await expectConsistent();
    const { confirmReceipt } = await import("@/server/use-cases/receipts");
    must(await confirmReceipt(w.rs1, { id: d.delivery.id, receivedKg: "1", receivedAt: new Date().toISOString(), shortReason: "leaked on the road" }));
    const rows = await expectConsistent();
    expect(rows.requests).toContain(`${requestId} 1500 1500 1000 0`);
  });

  it("follows what psql may do: an allocation pointed at another request, a trip deleted, an allocation deleted", async () => {
    const [from, to] = [await approvedRequest(w), await approvedRequest(w)];
    const [a] = must(await allocate(w.admin, { day: w.day, lines: [{ requestId: from, sourceId: `supply:${w.producer}`, kg: "2" }] }));
    const d = must(
      await createDispatch(w.admin, { idempotencyKey: unique("psql"), allocationId: a.id, vehiclePlate: "B 2 PS", amount: "1", unit: "TONNE_LIQUID" }),
    );
    await prisma.allocation.update({ where: { id: a.id }, data: { requestId: to } });
    await expectConsistent();
    await prisma.allocation.update({ where: { id: a.id }, data: { day: new Date(addDays(w.day, -1)) } });
    await expectConsistent();
    await prisma.delivery.delete({ where: { id: d.delivery.id } });
    await expectConsistent();
    await prisma.allocation.delete({ where: { id: a.id } });
    await expectConsistent();
  });

  it("is undone with the write that failed", async () => {
    const before = await kept();
    const requestId = await approvedRequest(w);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.allocation.create({ data: { requestId, supplierId: w.producer, day: new Date(w.day), kg: 1000 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await kept()).toEqual(before);
  });

  it("refuses a sum taken below zero (a rollup gone wrong fails the write)", async () => {
    const requestId = await approvedRequest(w);
    await expect(prisma.$executeRaw`INSERT INTO "RequestCommitted" ("requestId", "allocatedKg") VALUES (${requestId}, -1)`).rejects.toThrow(
      /RequestCommitted_non_negative/,
    );
  });
});
