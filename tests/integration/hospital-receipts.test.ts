import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "@/domain/day";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { requestFor } from "@/server/queries/requests";
import { allocate } from "@/server/use-cases/allocations";
import { listNotifications } from "@/server/queries/notifications";
import { confirmReceipt } from "@/server/use-cases/receipts";
import { approveRequest, createRequest } from "@/server/use-cases/requests";
import { refreshNoticesFor } from "@/server/use-cases/notifications";
import { actor } from "./supply-helpers";

let staff: Actor, rs1: Actor, rs2: Actor;
let supplierId: string;
beforeAll(async () => {
  [staff, rs1, rs2] = await Promise.all(["staff@satgas.test", "rs1@satgas.test", "rs2@satgas.test"].map(actor));
  supplierId = (await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER" }, orderBy: { name: "asc" } })).id;
  await prisma.dailyCapacity.create({ data: { supplierId, day: dayToDate("2041-05-01"), producedKg: 100_000, medicalKg: 50_000, industrialKg: 50_000 } });
});

/** An approved, allocated request of rs1 with one dispatch of `dispatchedKg` (as the supply side logs it). */
async function inTransit(approvedT: string, dispatchedKg: number) {
  const r = await createRequest(rs1, {
    requestedKg: approvedT,
    neededBy: "2099-01-01",
    urgency: "URGENT",
    reason: "uji penerimaan",
    idempotencyKey: `rc-${Math.random()}`,
  });
  if (!r.ok) throw new Error("create");
  await approveRequest(staff, { id: r.value.id, approvedKg: approvedT });
  const a = await allocate(staff, { day: "2041-05-01", lines: [{ requestId: r.value.id, sourceId: `supply:${supplierId}`, kg: approvedT }] });
  if (!a.ok) throw new Error(`allocate ${a.error}`);
  const allocation = a.value[0];
  await prisma.allocation.update({ where: { id: allocation.id }, data: { status: "IN_TRANSIT" } });
  await prisma.supplyRequest.update({ where: { id: r.value.id }, data: { status: "IN_TRANSIT" } });
  const delivery = await prisma.delivery.create({
    data: {
      allocationId: allocation.id,
      supplierId,
      hospitalId: rs1.hospitalId!,
      vehiclePlate: "A 1234 BC",
      dispatchedAt: new Date(Date.now() - 3_600_000),
      dispatchedAmount: String(dispatchedKg / 1000),
      dispatchedUnit: "TONNE_LIQUID",
      kgPerUnit: "1000",
      dispatchedKg,
    },
  });
  return { requestId: r.value.id, allocationId: allocation.id, deliveryId: delivery.id };
}

const wib = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

describe("receipt confirmation", () => {
  it("tells the hospital about the dispatch, once", async () => {
    const { deliveryId } = await inTransit("2", 2000);
    await refreshNoticesFor(rs1);
    await refreshNoticesFor(rs1);
    const notices = (await listNotifications(rs1)).filter((x) => (x.params as { deliveryId?: string }).deliveryId === deliveryId);
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe("request_dispatched");
    expect((await listNotifications(rs2)).some((x) => (x.params as { deliveryId?: string }).deliveryId === deliveryId)).toBe(false);
  });

  it("is refused to another hospital and to staff, whatever the id", async () => {
    const { deliveryId } = await inTransit("1", 1000);
    const input = { id: deliveryId, receivedKg: "1", receivedAt: wib(new Date()) };
    expect(await confirmReceipt(rs2, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await confirmReceipt(staff, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await confirmReceipt(rs1, { ...input, id: "no-such-delivery" })).toMatchObject({ ok: false, error: "not_found" });
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ receivedKg: null });
  });

  it("keeps a short receipt visible with its reason; the shortfall is allocated again and fulfils the request", async () => {
    const { requestId, allocationId, deliveryId } = await inTransit("5", 5000);
    const at = wib(new Date());
    expect(await confirmReceipt(rs1, { id: deliveryId, receivedKg: "4,2", receivedAt: at })).toMatchObject({
      ok: false,
      fieldErrors: { shortReason: "required" },
    }); // a difference needs a reason
    const short = await confirmReceipt(rs1, {
      id: deliveryId,
      receivedKg: "4,2",
      rejectedKg: "0,5",
      shortReason: "Dua tabung bocor, sisanya menguap",
      receivedAt: at,
    });
    expect(short).toMatchObject({
      ok: true,
      value: {
        receivedKg: 4200,
        rejectedKg: 500,
        dispatchedKg: 5000,
        shortReason: "Dua tabung bocor, sisanya menguap",
        discrepancy: { differenceKg: -800, flagged: true, direction: "short" },
      },
    });
    expect(await prisma.allocation.findUniqueOrThrow({ where: { id: allocationId } })).toMatchObject({ status: "DELIVERED" });
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "IN_TRANSIT", fulfilledAt: null });
    expect(await confirmReceipt(rs1, { id: deliveryId, receivedKg: "5", receivedAt: at })).toMatchObject({ ok: false, error: "already_received" });
    // the task force is told of the difference
    expect(
      await prisma.notification.count({ where: { kind: "receipt_difference", role: "STAFF", params: { path: ["deliveryId"], equals: deliveryId } } }),
    ).toBe(1);

    // the allocation is spent (all of it left the plant): the 0.8 t gap is allocated again and sent
    expect(await allocate(staff, { day: "2041-05-01", lines: [{ requestId, sourceId: `supply:${supplierId}`, kg: "0,9" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.kg": "over_approved" },
    });
    const again = await allocate(staff, { day: "2041-05-01", lines: [{ requestId, sourceId: `supply:${supplierId}`, kg: "0,8" }] });
    if (!again.ok) throw new Error(`re-allocate ${again.error}`);
    const second = await prisma.delivery.create({
      data: {
        allocationId: again.value[0].id,
        supplierId,
        hospitalId: rs1.hospitalId!,
        vehiclePlate: "A 9 ZZ",
        dispatchedAt: new Date(Date.now() - 60_000),
        dispatchedAmount: "0.8",
        dispatchedUnit: "TONNE_LIQUID",
        kgPerUnit: "1000",
        dispatchedKg: 800,
      },
    });
    const receivedAt = wib(new Date());
    expect((await confirmReceipt(rs1, { id: second.id, receivedKg: "0,8", receivedAt })).ok).toBe(true);
    const done = await requestFor(rs1, requestId);
    expect(done).toMatchObject({ status: "FULFILLED", receivedKg: 5000 });
    expect(done?.fulfilledAt).toBeInstanceOf(Date);
    expect(done?.history.map((h) => h.action)).toContain("request.fulfil");
  });

  it("gives field errors for bad figures and times", async () => {
    const { deliveryId } = await inTransit("1", 1000);
    const r = await confirmReceipt(rs1, { id: deliveryId, receivedKg: "-1", receivedAt: "yesterday" });
    expect(r).toMatchObject({ ok: false, error: "invalid" });
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["receivedAt", "receivedKg"]);
    expect(await confirmReceipt(rs1, { id: deliveryId, receivedKg: "1", receivedAt: "2000-01-01T10:00" })).toMatchObject({
      ok: false,
      fieldErrors: { receivedAt: "before_dispatch" },
    });
  });
});
