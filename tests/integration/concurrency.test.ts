import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/domain/day";
import { today } from "@/server/clock";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { allocate } from "@/server/use-cases/allocations";
import { createDispatch } from "@/server/use-cases/dispatches";
import { approveRequest, cancelRequest, createRequest, rejectRequest } from "@/server/use-cases/requests";
import { submitStockReport } from "@/server/use-cases/stock";
import { actor } from "./supply-helpers";

// Concurrency against the real PostgreSQL (PGlite is one session: skipped there). Each test
// fires 50 (or 10) calls of a use case at once and checks the end state. The app's pool is
// DB_POOL_SIZE (10) connections, so most calls also queue for a connection — as in production.

const N = 50;
let staff: Actor, admin: Actor, rs1: Actor;
let seq = 0;
const uniq = () => `conc-${process.pid}-${Date.now().toString(36)}-${seq++}`;

beforeAll(async () => {
  [staff, admin, rs1] = await Promise.all(["staff@satgas.test", "admin@satgas.test", "rs1@satgas.test"].map(actor));
});

async function producerWith(day: string, medicalKg: number) {
  const region = await prisma.region.findFirstOrThrow({ where: { parentId: null } });
  const s = await prisma.supplier.create({ data: { name: `PT ${uniq()}`, kind: "PRODUCER", regionId: region.id } });
  await prisma.dailyCapacity.create({
    data: { supplierId: s.id, day: new Date(day), producedKg: medicalKg + 5000, medicalKg, industrialKg: 5000, updatedById: staff.id },
  });
  return s.id;
}

async function approvedRequest(approvedKg: number) {
  return prisma.supplyRequest.create({
    data: {
      hospitalId: rs1.hospitalId!,
      requestedKg: approvedKg,
      approvedKg,
      status: "APPROVED",
      neededBy: new Date("2099-01-01"),
      urgency: "URGENT",
      reason: "concurrency",
      idempotencyKey: uniq(),
      createdById: rs1.id,
    },
  });
}

describe("concurrency on the real PostgreSQL", () => {
  it(`${N} parallel allocations against one source never exceed its free supply`, { timeout: 120_000 }, async () => {
    const day = "2021-09-30";
    const freeKg = 20_000; // room for 20 of the 50 lines of 1 t
    const producer = await producerWith(day, freeKg);
    const requests = await Promise.all(Array.from({ length: N }, () => approvedRequest(1000)));
    // Half the savers are staff, half admin; every line draws 1 t from the same producer-day.
    const results = await Promise.all(
      requests.map((r, i) => allocate(i % 2 ? staff : admin, { day, lines: [{ requestId: r.id, sourceId: `supply:${producer}`, kg: "1" }] })),
    );
    const ok = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok);
    const [{ sum }] = await prisma.$queryRaw<
      { sum: bigint | null }[]
    >`SELECT sum(kg) AS sum FROM "Allocation" WHERE "supplierId" = ${producer} AND status <> 'CANCELLED'`;
    expect(Number(sum)).toBe(freeKg);
    expect(ok).toBe(20);
    // Every refusal is the business rule, never a crash or a serialization error.
    expect(new Set(refused.map((r) => !r.ok && JSON.stringify(r.fieldErrors)))).toEqual(new Set([JSON.stringify({ "lines.0.kg": "over_source" })]));
    const allocated = await prisma.supplyRequest.count({ where: { id: { in: requests.map((r) => r.id) }, status: "ALLOCATED" } });
    expect(allocated).toBe(20);
  });

  it(`${N} parallel allocations to one request never exceed its approval`, { timeout: 120_000 }, async () => {
    const day = "2021-09-29";
    const producer = await producerWith(day, 1_000_000);
    const request = await approvedRequest(7000);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        allocate(i % 2 ? staff : admin, { day, lines: [{ requestId: request.id, sourceId: `supply:${producer}`, kg: "0,5" }] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(14);
    const [{ sum }] = await prisma.$queryRaw<{ sum: bigint | null }[]>`SELECT sum(kg) AS sum FROM "Allocation" WHERE "requestId" = ${request.id}`;
    expect(Number(sum)).toBe(7000);
  });

  it("allocations from a pledge racing its tranche trips never exceed the producer's day, and never deadlock", { timeout: 120_000 }, async () => {
    // Both draw on the producer's supply of today (decision 0016); the allocations lock the pledge,
    // the day and their rollup rows (decision 0049), a tranche trip holds the day and its trigger
    // then updates the day's and the pledge's rollup rows.
    const day = today();
    const producer = await producerWith(day, 12_000); // room for 12 of the 20 tonnes asked
    const pledge = await prisma.pledge.create({
      data: {
        supplierId: producer,
        totalKg: 50_000,
        startsOn: new Date(addDays(day, -1)),
        endsOn: new Date(addDays(day, 7)),
        earmark: "NONE",
        tranches: { create: [{ dueOn: new Date(day), kg: 20_000 }] },
      },
      include: { tranches: true },
    });
    const requests = await Promise.all(Array.from({ length: 10 }, () => approvedRequest(1000)));
    const results = await Promise.all([
      ...requests.map((r, i) =>
        allocate(i % 2 ? staff : admin, { day, lines: [{ requestId: r.id, sourceId: `pledge:${pledge.id}`, kg: "1" }] }).then((x) => ({
          kind: "allocation",
          x,
        })),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        createDispatch(i % 2 ? staff : admin, {
          idempotencyKey: uniq(),
          trancheId: pledge.tranches[0].id,
          hospitalId: rs1.hospitalId!,
          vehiclePlate: `B ${100 + i} TR`,
          amount: "1",
          unit: "TONNE_LIQUID",
        }).then((x) => ({ kind: "trip", x })),
      ),
    ]);
    // every refusal is a business rule (no deadlock, no serialization failure), and exactly the day's 12 t went out
    for (const { x } of results) if (!x.ok) expect(JSON.stringify(x.fieldErrors ?? x.error)).toMatch(/over_source|over_capacity|capacity/);
    expect(results.filter((r) => r.x.ok)).toHaveLength(12);
    const [{ committed }] = await prisma.$queryRaw<
      { committed: bigint }[]
    >`SELECT "committedKg" AS committed FROM "SupplyDayCommitted" WHERE "supplierId" = ${producer}`;
    expect(Number(committed)).toBe(12_000);
    const [{ pledged }] = await prisma.$queryRaw<{ pledged: bigint }[]>`SELECT "committedKg" AS pledged FROM "PledgeCommitted" WHERE "pledgeId" = ${pledge.id}`;
    expect(Number(pledged)).toBe(12_000);
  });

  it(`${N} parallel approvals, rejections and cancels of one request end in one consistent state`, { timeout: 120_000 }, async () => {
    const created = await createRequest(rs1, { requestedKg: "40", neededBy: "2099-01-01", urgency: "URGENT", reason: "race", idempotencyKey: uniq() });
    if (!created.ok) throw new Error(created.error);
    const id = created.value.id;
    const ops = Array.from({ length: N }, (_, i) => {
      if (i % 5 === 0) return () => cancelRequest(rs1, { id, reason: "tidak jadi" });
      if (i % 5 === 1) return () => rejectRequest(i % 2 ? staff : admin, { id, reason: `no ${i}` });
      return () => approveRequest(i % 2 ? staff : admin, { id, approvedKg: String(1 + (i % 40)), note: "sebagian" });
    });
    const results = await Promise.all(ops.map((op) => op()));
    const winners = results.flatMap((r, i) => (r.ok ? [{ i, value: r.value }] : []));
    expect(winners).toHaveLength(1);
    // The losers were told the request had moved on; nobody crashed.
    for (const r of results) if (!r.ok) expect(r.error).toMatch(/bad_transition|invalid/);
    const row = await prisma.supplyRequest.findUniqueOrThrow({ where: { id } });
    const w = winners[0];
    expect(row.status).toBe(w.value.status);
    if (row.status === "APPROVED") expect(row.approvedKg).toBe(w.value.approvedKg);
    else expect(row.approvedKg).toBeNull();
    if (row.status === "REJECTED") expect(row.rejectionReason).toBe(w.value.rejectionReason);
    // Exactly one decision in the audit trail and at most one notice to the hospital.
    const audit = await prisma.auditEvent.findMany({ where: { entity: "SupplyRequest", entityId: id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["request.create", `request.${{ APPROVED: "approve", REJECTED: "reject", CANCELLED: "cancel" }[row.status as "APPROVED"]}`].sort(),
    );
    const notices = await prisma.notification.count({ where: { params: { path: ["requestId"], equals: id }, role: "HOSPITAL" } });
    expect(notices).toBe(row.status === "CANCELLED" ? 0 : 1);
  });

  it("a dispatch submitted 10 times at once creates one delivery, and each submit gets it back", { timeout: 120_000 }, async () => {
    const day = "2021-09-28";
    const producer = await producerWith(day, 100_000);
    const request = await approvedRequest(5000);
    const a = await allocate(staff, { day, lines: [{ requestId: request.id, sourceId: `supply:${producer}`, kg: "5" }] });
    if (!a.ok) throw new Error(a.error);
    const allocationId = a.value[0].id;
    const form = { idempotencyKey: uniq(), allocationId, vehiclePlate: "B 9001 XY", amount: "5", unit: "TONNE_LIQUID" };
    const results = await Promise.all(Array.from({ length: 10 }, () => createDispatch(staff, form)));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => r.ok && r.value.delivery.id));
    expect(ids.size).toBe(1);
    expect(await prisma.delivery.count({ where: { allocationId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "dispatch.create", entityId: [...ids][0] as string } })).toBe(1);
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("IN_TRANSIT");
  });

  it("a stock report submitted 10 times at once leaves one row for the hospital-day", { timeout: 120_000 }, async () => {
    const day = "2021-06-15";
    const form = { day, stockKg: "2", usedKg: "1", severePatients: "3", criticalPatients: "1", bedsOccupied: "10" };
    const results = await Promise.all(Array.from({ length: 10 }, () => submitStockReport(rs1, form)));
    const failures = results.filter((r) => !r.ok);
    expect(await prisma.stockReport.count({ where: { hospitalId: rs1.hospitalId!, day: new Date(day) } })).toBe(1);
    // No submit may fail: the second one is an update of the same day (documented upsert).
    expect(failures).toEqual([]);
    // The audit trail tells the truth: one creation, then updates (not ten creations of one row).
    const row = await prisma.stockReport.findUniqueOrThrow({ where: { hospitalId_day: { hospitalId: rs1.hospitalId!, day: new Date(day) } } });
    const audit = await prisma.auditEvent.findMany({ where: { entity: "StockReport", entityId: row.id }, select: { action: true } });
    expect(audit.filter((a) => a.action === "stock.report")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "stock.update").length).toBeLessThanOrEqual(9);
  });

  it("a request submitted 10 times at once with one key creates one request", { timeout: 60_000 }, async () => {
    const form = { requestedKg: "3", neededBy: "2099-01-01", urgency: "ROUTINE", reason: "double click", idempotencyKey: uniq() };
    const results = await Promise.all(Array.from({ length: 10 }, () => createRequest(rs1, form)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await prisma.supplyRequest.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });
});
