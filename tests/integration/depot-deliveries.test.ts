import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { hospitalSupply } from "@/server/queries/dashboard-hospitals";
import { pledgeDetail } from "@/server/queries/pledges";
import { createDispatch } from "@/server/use-cases/dispatches";
import { confirmReceipt, recordTrancheReceipt } from "@/server/use-cases/receipts";
import { actors } from "./supply-helpers";

// A pledge tranche's trip may go to a distributor's depot instead of a hospital; staff record its
// receipt there (no hospital account receives it), and the pledge's progress counts it.

let a: Awaited<ReturnType<typeof actors>>;
let depot: { id: string; name: string };
beforeAll(async () => {
  a = await actors();
  depot = await prisma.supplier.findFirstOrThrow({ where: { kind: "DISTRIBUTOR", active: true }, select: { id: true, name: true } });
});

const truck = () => ({ idempotencyKey: randomUUID(), vehiclePlate: "A 7001 DP", amount: "5", unit: "TONNE_LIQUID" });
const at = (hhmm: string) => `2021-08-25T${hhmm}`;

async function pledge(earmark: "NONE" | "ASSOCIATION") {
  const producer = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true } });
  const p = await prisma.pledge.create({
    data: {
      supplierId: producer.id,
      totalKg: 20_000,
      startsOn: new Date("2021-08-01"),
      endsOn: new Date("2021-09-30"),
      earmark,
      tranches: { create: [{ dueOn: new Date("2021-08-20"), kg: 20_000 }] },
    },
    include: { tranches: true },
  });
  return { pledgeId: p.id, trancheId: p.tranches[0].id };
}

describe("tranche trips to a distributor's depot", () => {
  it("are dispatched to the depot, received by staff, and count in the pledge's progress", async () => {
    const { pledgeId, trancheId } = await pledge("NONE");
    const r = await createDispatch(a.staff, { ...truck(), trancheId, depotId: depot.id, dispatchedAt: at("06:00") });
    expect(r).toMatchObject({ ok: true, value: { delivery: { depotId: depot.id, hospitalId: null, dispatchedKg: 5000 } } });
    if (!r.ok) throw new Error("setup did not hold");
    const id = r.value.delivery.id;

    const asOf = { now: new Date("2021-08-25T10:00:00+07:00") };
    const receivedByHospitals = async () => (await hospitalSupply("2021-08-25", asOf)).reduce((s, h) => s + h.receivedSinceKg, 0);
    const hospitalsBefore = await receivedByHospitals();

    // no hospital receives it: the hospital admin is refused, staff record it (with what was short)
    expect(await confirmReceipt(a.hospital, { id, receivedKg: "5", receivedAt: at("09:00") })).toMatchObject({ ok: false, error: "forbidden" });
    const received = await recordTrancheReceipt(a.staff, {
      id,
      receivedKg: "4,9",
      rejectedKg: "0",
      shortReason: "Boil-off di jalan",
      receivedAt: at("09:00"),
      confirmUnusual: "",
    });
    expect(received).toMatchObject({ ok: true, value: { receivedKg: 4900, receivedById: a.staff.id } });

    const detail = await pledgeDetail(pledgeId, "2021-08-25");
    expect(detail?.deliveries.find((d) => d.id === id)).toMatchObject({ depot: { name: depot.name }, hospital: null, receivedKg: 4900 });
    // no hospital's stock moved: a depot is not a hospital
    expect(await receivedByHospitals()).toBe(hospitalsBefore);
  });

  it("refuses a depot for an earmarked pledge, a producer as a depot, and two destinations at once", async () => {
    const { trancheId } = await pledge("ASSOCIATION");
    expect(await createDispatch(a.staff, { ...truck(), trancheId, depotId: depot.id })).toMatchObject({
      ok: false,
      fieldErrors: { hospitalId: "earmark_depot" },
    });
    const open = await pledge("NONE");
    const producer = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER" } });
    expect(await createDispatch(a.staff, { ...truck(), trancheId: open.trancheId, depotId: producer.id })).toMatchObject({
      ok: false,
      fieldErrors: { hospitalId: "invalid_choice" },
    });
    const hospital = await prisma.hospital.findFirstOrThrow({ where: { active: true, isAssociationMember: true } });
    expect(await createDispatch(a.staff, { ...truck(), trancheId: open.trancheId, depotId: depot.id, hospitalId: hospital.id })).toMatchObject({
      ok: false,
      fieldErrors: { hospitalId: "required" },
    });
    expect(await createDispatch(a.staff, { ...truck(), trancheId: open.trancheId })).toMatchObject({ ok: false, fieldErrors: { hospitalId: "required" } });
  });

  it("are held to one destination by the database too, and a request's trip never goes to a depot", async () => {
    const { trancheId } = await pledge("NONE");
    const producer = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER" } });
    const hospital = await prisma.hospital.findFirstOrThrow({ where: { active: true } });
    const row = {
      supplierId: producer.id,
      vehiclePlate: "A 1 X",
      dispatchedAmount: "1",
      dispatchedUnit: "TONNE_LIQUID" as const,
      kgPerUnit: "1000",
      dispatchedKg: 1000,
    };
    await expect(prisma.delivery.create({ data: { ...row, trancheId, hospitalId: hospital.id, depotId: depot.id } })).rejects.toThrow(
      /Delivery_one_destination/,
    );
    await expect(prisma.delivery.create({ data: { ...row, trancheId } })).rejects.toThrow(/Delivery_one_destination/);
    const allocation = await prisma.allocation.findFirstOrThrow({ where: { status: "PLANNED" } });
    await expect(prisma.delivery.create({ data: { ...row, allocationId: allocation.id, depotId: depot.id } })).rejects.toThrow(
      /Delivery_depot_only_for_tranches/,
    );
  });
});
