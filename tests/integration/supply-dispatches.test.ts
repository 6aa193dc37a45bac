import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { listDispatches, openAllocations, openTranches } from "@/server/queries/dispatches";
import { pledgeDetail } from "@/server/queries/pledges";
import { createDispatch } from "@/server/use-cases/dispatches";
import { createHospital } from "@/server/use-cases/hospitals";
import { createPledge } from "@/server/use-cases/pledges";
import { confirmReceipt } from "@/server/use-cases/receipts";
import { now, today } from "@/server/clock";
import { addDays } from "@/domain/day";
import { actors, auditOf } from "./supply-helpers";
import { deliveryToRs1, plannedAllocation, prepareWorld, type World } from "./valid-inputs";
import { loadDispatchesSearch } from "@/app/(app)/dispatches/search-params";

let a: Awaited<ReturnType<typeof actors>>;
let w: World;
beforeAll(async () => {
  a = await actors();
  w = await prepareWorld();
});

const truck = () => ({ idempotencyKey: randomUUID(), vehiclePlate: "a 1234 bc", driverName: "Slamet", amount: "2,5", unit: "TONNE_LIQUID" });

async function noEarmarkTranche() {
  // one with room for a few trips (trips never add up to more than a tranche holds)
  const [room] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "PledgeTranche" t JOIN "Pledge" p ON p.id = t."pledgeId" WHERE p.earmark = 'NONE' AND t.kg - t."dispatchedKg" >= 10000 ORDER BY t.id LIMIT 1`;
  if (room) return prisma.pledgeTranche.findUniqueOrThrow({ where: { id: room.id }, include: { pledge: true } });
  // make one: a pledge with no earmark
  const supplier = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER" } });
  const p = await prisma.pledge.create({
    data: {
      supplierId: supplier.id,
      totalKg: 50_000,
      startsOn: new Date("2030-01-01"),
      endsOn: new Date("2030-02-01"),
      tranches: { create: [{ dueOn: new Date("2030-01-15"), kg: 50_000 }] },
    },
    include: { tranches: true },
  });
  return { ...p.tranches[0], pledge: p };
}

describe("dispatches", () => {
  it("logs a dispatch against a pledge tranche, converted to kg with the conversion kept, audited", async () => {
    const tranche = await noEarmarkTranche();
    const hospital = await prisma.hospital.findFirstOrThrow({ where: { active: true } });
    const before = await pledgeDetail(tranche.pledgeId, "2030-12-31");
    const r = await createDispatch(a.staff, { ...truck(), trancheId: tranche.id, hospitalId: hospital.id });
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("setup did not hold: !r.ok");
    const d = r.value.delivery;
    expect(r.value.duplicate).toBe(false);
    expect(d).toMatchObject({
      trancheId: tranche.id,
      supplierId: tranche.pledge.supplierId,
      hospitalId: hospital.id,
      vehiclePlate: "A 1234 BC",
      dispatchedKg: 2_500,
      dispatchedUnit: "TONNE_LIQUID",
      dispatchedById: a.staff.id,
    });
    expect(Number(d.kgPerUnit)).toBe(1000);
    expect((await auditOf("Delivery", d.id))[0]).toMatchObject({ action: "dispatch.create", before: null });
    const after = await pledgeDetail(tranche.pledgeId, "2030-12-31");
    expect(after!.dispatchedKg - before!.dispatchedKg).toBe(2_500);
  });

  it("converts cylinders and gas with the domain figures (15 °C)", async () => {
    const tranche = await noEarmarkTranche();
    const hospital = await prisma.hospital.findFirstOrThrow({ where: { active: true } });
    const cyl = await createDispatch(a.staff, {
      ...truck(),
      trancheId: tranche.id,
      hospitalId: hospital.id,
      amount: "100",
      unit: "CYLINDER",
      cylinderSizeM3: "6",
    });
    expect(cyl).toMatchObject({ ok: true, value: { delivery: { dispatchedKg: 812, dispatchedUnit: "CYLINDER" } } });
    if (cyl.ok) expect(Number(cyl.value.delivery.kgPerUnit)).toBeCloseTo(8.124, 6);
    const gas = await createDispatch(a.staff, { ...truck(), trancheId: tranche.id, hospitalId: hospital.id, amount: "1000", unit: "M3_GAS" });
    expect(gas).toMatchObject({ ok: true, value: { delivery: { dispatchedKg: 1354 } } });
  });

  it("a double-submitted form creates one dispatch and returns the first", async () => {
    const tranche = await noEarmarkTranche();
    const hospital = await prisma.hospital.findFirstOrThrow({ where: { active: true } });
    const form = { ...truck(), trancheId: tranche.id, hospitalId: hospital.id };
    const first = await createDispatch(a.staff, form);
    const second = await createDispatch(a.staff, form);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) throw new Error("setup did not hold: !first.ok || !second.ok");
    expect(second.value.delivery.id).toBe(first.value.delivery.id);
    expect(second.value.duplicate).toBe(true);
    expect(await prisma.delivery.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });

  it("two concurrent submits of the same form create one dispatch", async () => {
    const tranche = await noEarmarkTranche();
    const hospital = await prisma.hospital.findFirstOrThrow({ where: { active: true } });
    const form = { ...truck(), trancheId: tranche.id, hospitalId: hospital.id };
    const results = await Promise.all([createDispatch(a.staff, form), createDispatch(a.admin, form)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.value.delivery.id : "")));
    expect(ids.size).toBe(1);
    expect(await prisma.delivery.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });

  it("against an allocation: hospital from the request, allocation and request move to IN_TRANSIT", async () => {
    const alloc = await prisma.allocation.findUniqueOrThrow({ where: { id: await plannedAllocation(w) }, include: { request: true } });
    expect(alloc).toMatchObject({ status: "PLANNED", request: { status: "ALLOCATED" } });
    expect((await openAllocations()).map((x) => x.id)).toContain(alloc.id);
    const r = await createDispatch(a.staff, { ...truck(), allocationId: alloc.id, amount: String(alloc.kg / 1000) });
    expect(r).toMatchObject({ ok: true, value: { delivery: { hospitalId: alloc.request.hospitalId, supplierId: alloc.supplierId, dispatchedKg: alloc.kg } } });
    expect(await prisma.allocation.findUniqueOrThrow({ where: { id: alloc.id } })).toMatchObject({ status: "IN_TRANSIT" });
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id: alloc.requestId } })).toMatchObject({ status: "IN_TRANSIT" });
    expect((await auditOf("Allocation", alloc.id)).at(-1)).toMatchObject({ action: "allocation.dispatch", after: { status: "IN_TRANSIT" } });
    expect((await auditOf("SupplyRequest", alloc.requestId)).at(-1)).toMatchObject({
      action: "request.dispatch",
      before: { status: "ALLOCATED" },
      after: { status: "IN_TRANSIT" },
    });
  });

  it("refuses a delivered allocation", async () => {
    const delivery = await prisma.delivery.findUniqueOrThrow({ where: { id: await deliveryToRs1(w) } });
    expect(
      await confirmReceipt(a.hospital, { id: delivery.id, receivedKg: String(delivery.dispatchedKg / 1000), receivedAt: now().toISOString() }),
    ).toMatchObject({
      ok: true,
    });
    const done = await prisma.allocation.findUniqueOrThrow({ where: { id: delivery.allocationId! } });
    expect(done.status).toBe("DELIVERED");
    // its request is still open (2 of 5 t delivered): the allocation itself has nothing left to send
    expect(await createDispatch(a.staff, { ...truck(), allocationId: done.id })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { source: "fully_dispatched" },
    });
    expect(await prisma.delivery.count({ where: { allocationId: done.id } })).toBe(1);
  });

  it("respects a pledge's earmark", async () => {
    const pledge = await createPledge(a.staff, {
      supplierId: w.vendor,
      total: "5",
      startsOn: today(),
      endsOn: addDays(today(), 7),
      earmark: "ASSOCIATION",
      tranches: [{ dueOn: today(), tonnes: "5" }],
    });
    const outsider = await createHospital(a.staff, {
      name: "RS Bukan Anggota",
      regionId: w.province,
      beds: "10",
      covidBeds: "1",
      icuBeds: "1",
      tankCapacityKg: "5",
      tankResidualKg: "0",
    });
    if (!pledge.ok || !outsider.ok) throw new Error(`setup: ${JSON.stringify([pledge, outsider])}`);
    expect(outsider.value.isAssociationMember).toBe(false);
    const assoc = pledge.value.tranches[0];
    expect(await createDispatch(a.staff, { ...truck(), trancheId: assoc.id, hospitalId: outsider.value.id })).toMatchObject({
      ok: false,
      error: "earmark",
      fieldErrors: { hospitalId: "earmark" },
    });
    // and the same trip to a member goes
    const member = await createHospital(a.staff, {
      name: "RS Anggota",
      regionId: w.province,
      isAssociationMember: true,
      beds: "10",
      covidBeds: "1",
      icuBeds: "1",
      tankCapacityKg: "5",
      tankResidualKg: "0",
    });
    if (!member.ok) throw new Error("setup: member hospital");
    expect(await createDispatch(a.staff, { ...truck(), trancheId: assoc.id, hospitalId: member.value.id })).toMatchObject({ ok: true });
  });

  it("returns field errors and keeps nothing on bad input", async () => {
    const count = await prisma.delivery.count();
    const r = await createDispatch(a.staff, { idempotencyKey: randomUUID(), vehiclePlate: "?", amount: "-3", unit: "CYLINDER" });
    expect(r).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { source: "dispatch_source", vehiclePlate: "too_short", amount: "positive", cylinderSizeM3: "cylinder_size_required" },
    });
    const tranche = await noEarmarkTranche();
    expect(await createDispatch(a.staff, { ...truck(), trancheId: tranche.id })).toMatchObject({ ok: false, fieldErrors: { hospitalId: "required" } });
    expect(await createDispatch(a.staff, { ...truck(), amount: "", unit: "BARREL", trancheId: tranche.id })).toMatchObject({
      ok: false,
      fieldErrors: { amount: "required", unit: "invalid_choice" },
    });
    expect(await prisma.delivery.count()).toBe(count);
  });

  it("refuses officials and hospital admins", async () => {
    const tranche = await noEarmarkTranche();
    for (const who of [a.official, a.hospital]) {
      expect(await createDispatch(who, { ...truck(), trancheId: tranche.id, hospitalId: who.hospitalId ?? "x" })).toEqual({ ok: false, error: "forbidden" });
    }
  });

  it("lists dispatches with differences flagged, and offers open tranches", async () => {
    const flagged = await listDispatches(loadDispatchesSearch({ diff: "1" }));
    expect(flagged.rows.length).toBeGreaterThan(0);
    expect(flagged.rows.every((d) => d.discrepancy?.flagged)).toBe(true);
    const all = await listDispatches(loadDispatchesSearch({ sort: "dispatchedKg", dir: "desc" }));
    const kgs = all.rows.map((d) => d.dispatchedKg);
    expect(kgs).toEqual([...kgs].sort((x, y) => y - x));
    const scoped = await listDispatches(loadDispatchesSearch({}), a.hospital.hospitalId);
    expect(scoped.rows.every((d) => d.hospitalId === a.hospital.hospitalId)).toBe(true);
    const open = await openTranches();
    expect(open.every((t) => t.dispatchedKg < t.kg)).toBe(true);
  });
});
