import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "@/domain/day";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { sourcesForDay } from "@/server/queries/allocations";
import { allocate, cancelAllocation } from "@/server/use-cases/allocations";
import { createDispatch } from "@/server/use-cases/dispatches";
import { confirmReceipt, recordTrancheReceipt } from "@/server/use-cases/receipts";
import { approveRequest, closeRequestShort, createRequest } from "@/server/use-cases/requests";
import { actor } from "./supply-helpers";

// The request loop on the real database (decision 0016): trips within their allocation or
// tranche (the database's own CHECK, also under concurrent writers), several trips per
// allocation, cancelling a remainder, closing short, tranche receipts by staff, and one pool
// for a producer's tranche trips and its day supply.

let staff: Actor, rs1: Actor;
let producer: string;
let n = 0;
const DAY = "2042-03-01";
const wib = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
const trip = (over: Record<string, unknown>) => ({
  idempotencyKey: randomUUID(),
  vehiclePlate: "A 1 BC",
  unit: "TONNE_LIQUID",
  dispatchedAt: wib(new Date(Date.now() - 3_600_000)),
  ...over,
});

beforeAll(async () => {
  [staff, rs1] = await Promise.all(["staff@satgas.test", "rs1@satgas.test"].map(actor));
  producer = (await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true }, orderBy: { name: "desc" } })).id;
  await prisma.dailyCapacity.create({ data: { supplierId: producer, day: dayToDate(DAY), producedKg: 400_000, medicalKg: 200_000, industrialKg: 200_000 } });
});

/** rs1's request approved for `t` tonnes with one allocation of all of it from the producer. */
async function allocated(t: string) {
  const r = await createRequest(rs1, {
    requestedKg: t,
    neededBy: "2099-01-01",
    urgency: "ROUTINE",
    reason: "uji siklus",
    idempotencyKey: `loop-${n++}-${Date.now()}`,
  });
  if (!r.ok) throw new Error("create");
  await approveRequest(staff, { id: r.value.id, approvedKg: t });
  const a = await allocate(staff, { day: DAY, lines: [{ requestId: r.value.id, sourceId: `supply:${producer}`, kg: t }] });
  if (!a.ok) throw new Error(`allocate ${a.error}`);
  return { requestId: r.value.id, allocationId: a.value[0].id };
}

describe("trips against an allocation", () => {
  it("go in several trips up to its kg; one more is refused on its field, with the amount understood and the limit", async () => {
    const { requestId, allocationId } = await allocated("20");
    expect(await createDispatch(staff, trip({ allocationId, amount: "12" }))).toMatchObject({ ok: true });
    expect(await prisma.allocation.findUniqueOrThrow({ where: { id: allocationId } })).toMatchObject({ status: "IN_TRANSIT", dispatchedKg: 12_000 });
    expect(await createDispatch(staff, trip({ allocationId, amount: "8,5" }))).toMatchObject({
      ok: false,
      fieldErrors: { amount: "over_remaining" },
      detail: { kg: 8500, limitKg: 8000 },
    });
    expect(await createDispatch(staff, trip({ allocationId, amount: "8" }))).toMatchObject({ ok: true });
    expect(await createDispatch(staff, trip({ allocationId, amount: "1" }))).toMatchObject({ ok: false, fieldErrors: { source: "fully_dispatched" } });
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "IN_TRANSIT" });
  });

  it("an unusually large trip is asked to be confirmed, then accepted", async () => {
    const { allocationId } = await allocated("40");
    expect(await createDispatch(staff, trip({ allocationId, amount: "30" }))).toMatchObject({
      ok: false,
      error: "confirm",
      fieldErrors: { amount: "unusual_trip" },
      detail: { kg: 30_000 },
    });
    expect(await createDispatch(staff, trip({ allocationId, amount: "30", confirmUnusual: "1" }))).toMatchObject({ ok: true });
  });

  it("the database refuses SQL that sends more than the allocation or the tranche holds, or shrinks them below what left", async () => {
    const { allocationId } = await allocated("2");
    const row = (over: Record<string, unknown>) => ({
      supplierId: producer,
      hospitalId: rs1.hospitalId!,
      vehiclePlate: "A 1 BC",
      dispatchedAmount: "1",
      dispatchedUnit: "TONNE_LIQUID" as const,
      kgPerUnit: "1000",
      dispatchedKg: 1000,
      ...over,
    });
    await prisma.delivery.create({ data: row({ allocationId, dispatchedKg: 1500 }) });
    await expect(prisma.delivery.create({ data: row({ allocationId, dispatchedKg: 501 }) })).rejects.toThrow(/Allocation_dispatched_within_kg/);
    await expect(prisma.$executeRaw`UPDATE "Allocation" SET kg = 1000 WHERE id = ${allocationId}`).rejects.toThrow(/Allocation_dispatched_within_kg/);
    await expect(prisma.$executeRaw`UPDATE "Allocation" SET "dispatchedKg" = 0 WHERE id = ${allocationId}`).resolves.toBe(1); // the counter itself is not the guard…
    await prisma.$executeRaw`SELECT delivery_trip_totals_rebuild()`; // …the rebuild puts it back from the trips
    expect((await prisma.allocation.findUniqueOrThrow({ where: { id: allocationId } })).dispatchedKg).toBe(1500);
    const pledge = await prisma.pledge.create({
      data: {
        supplierId: producer,
        totalKg: 3000,
        startsOn: dayToDate("2042-01-01"),
        endsOn: dayToDate("2042-12-31"),
        tranches: { create: [{ dueOn: dayToDate("2042-02-01"), kg: 3000 }] },
      },
      include: { tranches: true },
    });
    const trancheId = pledge.tranches[0].id;
    await prisma.delivery.create({ data: row({ trancheId, dispatchedKg: 3000 }) });
    await expect(prisma.delivery.create({ data: row({ trancheId, dispatchedKg: 1 }) })).rejects.toThrow(/PledgeTranche_dispatched_within_kg/);
    await expect(prisma.$executeRaw`UPDATE "PledgeTranche" SET kg = 2999 WHERE id = ${trancheId}`).rejects.toThrow(/PledgeTranche_dispatched_within_kg/);
  });

  it("20 concurrent trips of 1 t against a 10 t allocation: exactly 10 are recorded", { timeout: 60_000 }, async () => {
    const { allocationId } = await allocated("10");
    const results = await Promise.all(Array.from({ length: 20 }, () => createDispatch(staff, trip({ allocationId, amount: "1" }))));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "invalid")).toBe(true);
    const sum = await prisma.delivery.aggregate({ where: { allocationId }, _sum: { dispatchedKg: true } });
    expect(sum._sum.dispatchedKg).toBe(10_000);
  });

  it("concurrent raw inserts cannot pass the allocation's kg either", { timeout: 60_000 }, async () => {
    const { allocationId } = await allocated("5");
    const insert = () => prisma.$executeRaw`
      INSERT INTO "Delivery" (id, "allocationId", "supplierId", "hospitalId", "vehiclePlate", "dispatchedAmount", "dispatchedUnit", "kgPerUnit", "dispatchedKg")
      VALUES (${randomUUID()}, ${allocationId}, ${producer}, ${rs1.hospitalId}, 'A 1 BC', 1, 'TONNE_LIQUID', 1000, 1000)`;
    const results = await Promise.allSettled(Array.from({ length: 12 }, insert));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect((await prisma.allocation.findUniqueOrThrow({ where: { id: allocationId } })).dispatchedKg).toBe(5000);
  });
});

describe("closing the loop", () => {
  it("19.7 t received of 20 t: staff close the request short, with the reason the hospital sees", async () => {
    const { requestId, allocationId } = await allocated("20");
    const d = await createDispatch(staff, trip({ allocationId, amount: "20" }));
    if (!d.ok) throw new Error("dispatch");
    expect(
      await confirmReceipt(rs1, { id: d.value.delivery.id, receivedKg: "19,7", shortReason: "Menguap di perjalanan", receivedAt: wib(new Date()) }),
    ).toMatchObject({ ok: true });
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "IN_TRANSIT" });
    expect(await closeRequestShort(rs1, { id: requestId, reason: "x" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await closeRequestShort(staff, { id: requestId, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: "required" } });
    expect(await closeRequestShort(staff, { id: requestId, reason: "Selisih 0,3 t diterima rumah sakit" })).toMatchObject({
      ok: true,
      value: { status: "CLOSED_SHORT", closedShortReason: "Selisih 0,3 t diterima rumah sakit" },
    });
    expect(await allocate(staff, { day: DAY, lines: [{ requestId, sourceId: `supply:${producer}`, kg: "0,3" }] })).toMatchObject({
      ok: false,
      error: "bad_transition",
    });
    expect(
      await prisma.notification.count({
        where: { kind: "request_closed_short", hospitalId: rs1.hospitalId, params: { path: ["requestId"], equals: requestId } },
      }),
    ).toBe(1);
  });

  it("cancelling an undispatched remainder frees the source and opens the gap; its reason is kept", async () => {
    const { requestId, allocationId } = await allocated("10");
    const freeBefore = (await sourcesForDay(DAY)).find((s) => s.sourceId === `supply:${producer}`)!.freeKg;
    expect(await createDispatch(staff, trip({ allocationId, amount: "6" }))).toMatchObject({ ok: true });
    expect(await cancelAllocation(staff, { id: allocationId, reason: "Truk kedua rusak" })).toMatchObject({
      ok: true,
      value: { cancelledKg: 4000, allocation: { kg: 6000, cancelledKg: 4000, cancelReason: "Truk kedua rusak" } },
    });
    expect(await cancelAllocation(staff, { id: allocationId, reason: "lagi" })).toMatchObject({ ok: false, error: "nothing_to_cancel" });
    expect((await sourcesForDay(DAY)).find((s) => s.sourceId === `supply:${producer}`)!.freeKg).toBe(freeBefore + 4000);
    const audit = await prisma.auditEvent.findFirst({ where: { entity: "Allocation", entityId: allocationId, action: "allocation.cancel_remainder" } });
    expect(audit?.after).toMatchObject({ cancelledNowKg: 4000, cancelReason: "Truk kedua rusak" });
    expect(await allocate(staff, { day: DAY, lines: [{ requestId, sourceId: `supply:${producer}`, kg: "4" }] })).toMatchObject({ ok: true });
  });
});

describe("pledge tranches and the day's supply are one pool", () => {
  it("a tranche trip takes the producer's medical supply of its day, and staff record its receipt", async () => {
    const day = "2024-04-10"; // a past day: trips cannot be logged in the future
    await prisma.dailyCapacity.create({ data: { supplierId: producer, day: dayToDate(day), producedKg: 20_000, medicalKg: 10_000, industrialKg: 10_000 } });
    const pledge = await prisma.pledge.create({
      data: {
        supplierId: producer,
        totalKg: 30_000,
        startsOn: dayToDate("2024-01-01"),
        endsOn: dayToDate("2024-12-31"),
        tranches: { create: [{ dueOn: dayToDate(day), kg: 30_000 }] },
      },
      include: { tranches: true },
    });
    const trancheId = pledge.tranches[0].id;
    const at = `${day}T08:00`;
    expect((await sourcesForDay(day)).find((s) => s.sourceId === `supply:${producer}`)?.freeKg).toBe(10_000);
    const d = await createDispatch(staff, trip({ trancheId, hospitalId: rs1.hospitalId, amount: "7", dispatchedAt: at }));
    if (!d.ok) throw new Error(`dispatch ${d.error}`);
    // what went out against the tranche is no longer free as that day's capacity…
    expect((await sourcesForDay(day)).find((s) => s.sourceId === `supply:${producer}`)?.freeKg).toBe(3000);
    const r = await createRequest(rs1, {
      requestedKg: "4",
      neededBy: "2099-01-01",
      urgency: "ROUTINE",
      reason: "uji komitmen",
      idempotencyKey: `loop-p-${Date.now()}`,
    });
    if (!r.ok) throw new Error("create");
    await approveRequest(staff, { id: r.value.id, approvedKg: "4" });
    expect(await allocate(staff, { day, lines: [{ requestId: r.value.id, sourceId: `supply:${producer}`, kg: "4" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.kg": "over_source" },
    });
    // …and the day's allocations limit the next tranche trip
    expect(await createDispatch(staff, trip({ trancheId, hospitalId: rs1.hospitalId, amount: "4", dispatchedAt: at }))).toMatchObject({
      ok: false,
      fieldErrors: { amount: "over_capacity" },
      detail: { kg: 4000, limitKg: 3000 },
    });
    // a pledge allocation on that day draws on the same pool
    expect(await allocate(staff, { day, lines: [{ requestId: r.value.id, sourceId: `pledge:${pledge.id}`, kg: "4" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.kg": "over_source" },
    });
    // the tranche trip's receipt: by staff (a request's trips stay the hospital's)
    const id = d.value.delivery.id;
    expect(await recordTrancheReceipt(rs1, { id, receivedKg: "7", receivedAt: wib(new Date()) })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await recordTrancheReceipt(staff, { id, receivedKg: "6,9", shortReason: "Selisih timbangan", receivedAt: wib(new Date()) })).toMatchObject({
      ok: true,
      value: { receivedKg: 6900, receivedById: staff.id },
    });
    const tr = await prisma.pledgeTranche.findUniqueOrThrow({ where: { id: trancheId } });
    expect(tr.dispatchedKg).toBe(7000);
  });
});
