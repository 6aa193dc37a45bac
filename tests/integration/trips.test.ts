import { randomUUID } from "node:crypto";
import { noticeTarget } from "@/domain/notices";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { incomingDeliveries } from "@/server/queries/dispatches";
import { incomingTrips, tripBoard } from "@/server/queries/trips";
import { createDispatch } from "@/server/use-cases/dispatches";
import { createDriver, createVehicle, updateVehicle } from "@/server/use-cases/fleet";
import { allocate } from "@/server/use-cases/allocations";
import { confirmReceipt } from "@/server/use-cases/receipts";
import { divertTrip, moveTrip } from "@/server/use-cases/trips";
import { auditOf } from "./supply-helpers";
import { approvedRequest, plannedAllocation, prepareWorld, trancheDelivery, tripToRs1, unique, type World } from "./valid-inputs";

// Vehicles, drivers and trips (decision 0038): the register, a dispatch riding on a trip, the
// steps through the domain's state machine (refused out of order, once under concurrency), the
// receipts moving the trip, the board's late trips from the seed, and diverting a trip in transit
// with the requests, allocations and the database's totals following.

let w: World;
beforeAll(async () => {
  w = await prepareWorld();
});

const must = <T>(r: { ok: true; value: T } | { ok: false; error: string; fieldErrors?: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.value;
};
const plateOf = () => unique("T").toUpperCase();
const nowIso = () => new Date().toISOString();

/** The database's totals hold: each allocation's and tranche's dispatchedKg is the sum of its legs. */
async function expectTotalsTrue() {
  const bad = await prisma.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Allocation" a LEFT JOIN "Delivery" d ON d."allocationId" = a.id
    GROUP BY a.id HAVING max(a."dispatchedKg") <> COALESCE(sum(d."dispatchedKg"), 0)`;
  expect(bad).toEqual([]);
  const over = await prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "SupplyRequest" r JOIN "Allocation" a ON a."requestId" = r.id AND a.status <> 'CANCELLED'
    GROUP BY r.id HAVING sum(a.kg) > COALESCE(max(r."approvedKg"), 0)`;
  expect(over).toEqual([]);
}

describe("the fleet register", () => {
  it("registers a vehicle with its plate normalised, refuses a second one with that plate and a vendor as operator; audited", async () => {
    const plate = plateOf();
    const v = must(await createVehicle(w.staff, { plate: `  ${plate.toLowerCase()} `, kind: "CYLINDER_TRUCK", capacity: "120", operatorId: w.producer }));
    expect(v).toMatchObject({ plate, kind: "CYLINDER_TRUCK", capacity: 120, active: true });
    expect(await createVehicle(w.staff, { plate, kind: "ROAD_TANKER", capacity: "1000", operatorId: w.producer })).toMatchObject({
      ok: false,
      fieldErrors: { plate: "plate_taken" },
    });
    expect(await createVehicle(w.staff, { plate: plateOf(), kind: "ROAD_TANKER", capacity: "1000", operatorId: w.vendor })).toMatchObject({
      ok: false,
      fieldErrors: { operatorId: "invalid_choice" },
    });
    expect(await createVehicle(w.staff, { plate: "!!", kind: "TRAIN", capacity: "0", operatorId: "" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { plate: "too_short", kind: "invalid_choice", capacity: "too_small", operatorId: "required" },
    });
    expect(await createVehicle(w.official, { plate: plateOf(), kind: "ROAD_TANKER", capacity: "1000", operatorId: w.producer })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const retired = must(await updateVehicle(w.staff, { id: v.id, plate, kind: "CYLINDER_TRUCK", capacity: "100", operatorId: w.producer }));
    expect(retired).toMatchObject({ active: false, capacity: 100 });
    expect((await auditOf("Vehicle", v.id)).map((e) => e.action)).toEqual(["vehicle.create", "vehicle.update"]);
  });
});

describe("a dispatch rides on a trip", () => {
  it("takes the vehicle's plate and the driver's name from the register; on the road from its time", async () => {
    const vehicle = must(await createVehicle(w.staff, { plate: plateOf(), kind: "ROAD_TANKER", capacity: "20000", operatorId: w.producer }));
    const driver = must(await createDriver(w.staff, { name: "Dedi Uji", phone: "0812 000 111", operatorId: w.producer }));
    const r = must(
      await createDispatch(w.staff, {
        idempotencyKey: randomUUID(),
        allocationId: await plannedAllocation(w),
        vehicleId: vehicle.id,
        driverId: driver.id,
        amount: "2",
        unit: "TONNE_LIQUID",
        plannedArrivalAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      }),
    );
    expect(r.delivery).toMatchObject({ vehiclePlate: vehicle.plate, driverName: "Dedi Uji" });
    const trip = await prisma.trip.findUniqueOrThrow({ where: { id: r.delivery.tripId! }, include: { events: { orderBy: { kind: "asc" } } } });
    expect(trip).toMatchObject({ status: "IN_TRANSIT", vehicleId: vehicle.id, driverId: driver.id, sourceId: w.producer });
    expect(trip.departedAt).toEqual(r.delivery.dispatchedAt);
    expect(trip.events.map((e) => [e.kind, e.byId])).toEqual([
      ["LOADING", w.staff.id],
      ["IN_TRANSIT", w.staff.id],
    ]);
  });

  it("without a vehicle from the register or a typed plate is refused on the plate", async () => {
    const r = await createDispatch(w.staff, { idempotencyKey: randomUUID(), allocationId: await plannedAllocation(w), amount: "2", unit: "TONNE_LIQUID" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { vehiclePlate: "required" } });
  });

  it("loads two legs on one truck; a leg cannot be received before the truck leaves; the receipts take it to ARRIVED then RECEIVED", async () => {
    const first = must(
      await createDispatch(w.staff, {
        idempotencyKey: randomUUID(),
        allocationId: await plannedAllocation(w),
        vehiclePlate: plateOf(),
        amount: "2",
        unit: "TONNE_LIQUID",
        loading: "on",
      }),
    );
    const tripId = first.delivery.tripId!;
    expect(await prisma.trip.findUniqueOrThrow({ where: { id: tripId } })).toMatchObject({ status: "LOADING", departedAt: null });
    const second = must(
      await createDispatch(w.staff, { idempotencyKey: randomUUID(), allocationId: await plannedAllocation(w), tripId, amount: "2", unit: "TONNE_LIQUID" }),
    );
    expect(second.delivery.tripId).toBe(tripId);
    expect(second.delivery.vehiclePlate).toBe(first.delivery.vehiclePlate);

    // not on the road yet: no receipt, no arrival
    expect(await confirmReceipt(w.rs1, { id: first.delivery.id, receivedKg: "2", receivedAt: nowIso() })).toMatchObject({ ok: false, error: "trip_loading" });
    expect(await moveTrip(w.staff, { id: tripId, step: "arrive" })).toMatchObject({ ok: false, error: "trip_bad_transition" });
    const eta = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 4 * 3_600_000);
    expect(must(await moveTrip(w.staff, { id: tripId, step: "depart", etaAt: eta.toISOString() })).etaAt).toEqual(eta);
    // a leg of a trip that has left cannot join it
    expect(
      await createDispatch(w.staff, { idempotencyKey: randomUUID(), allocationId: await plannedAllocation(w), tripId, amount: "1", unit: "TONNE_LIQUID" }),
    ).toMatchObject({ ok: false, fieldErrors: { tripId: "trip_not_loading" } });

    must(await confirmReceipt(w.rs1, { id: first.delivery.id, receivedKg: "2", receivedAt: nowIso() }));
    expect((await prisma.trip.findUniqueOrThrow({ where: { id: tripId } })).status).toBe("ARRIVED");
    must(await confirmReceipt(w.rs1, { id: second.delivery.id, receivedKg: "2", receivedAt: nowIso() }));
    const trip = await prisma.trip.findUniqueOrThrow({ where: { id: tripId }, include: { events: true } });
    expect(trip.status).toBe("RECEIVED");
    expect(trip.events.map((e) => e.kind).sort()).toEqual(["ARRIVED", "IN_TRANSIT", "LOADING", "RECEIVED"]);
    // a road tanker does not come back with empties
    expect(await moveTrip(w.staff, { id: tripId, step: "return" })).toMatchObject({ ok: false, error: "trip_return_cylinders_only" });
    expect((await auditOf("Trip", tripId)).map((e) => e.action)).toEqual(["trip.create", "trip.depart", "trip.arrive", "trip.receive"]);
  });

  it("a cylinder truck comes back with the empties after its receipt", async () => {
    const truck = must(await createVehicle(w.staff, { plate: plateOf(), kind: "CYLINDER_TRUCK", capacity: "100", operatorId: w.producer }));
    const d = must(
      await createDispatch(w.staff, {
        idempotencyKey: randomUUID(),
        allocationId: await plannedAllocation(w),
        vehicleId: truck.id,
        amount: "2",
        unit: "TONNE_LIQUID",
      }),
    );
    expect(await moveTrip(w.staff, { id: d.delivery.tripId!, step: "return" })).toMatchObject({ ok: false, error: "trip_bad_transition" });
    must(await moveTrip(w.staff, { id: d.delivery.tripId!, step: "arrive" }));
    must(await confirmReceipt(w.rs1, { id: d.delivery.id, receivedKg: "2", receivedAt: nowIso() }));
    const back = must(await moveTrip(w.staff, { id: d.delivery.tripId!, step: "return" }));
    expect(back).toMatchObject({ status: "RETURNED" });
    expect(back.returnedAt).not.toBeNull();
  });

  it("a cylinder truck's return counts the empties it brought at both ends: fewer at the hospital, more at the distributor", async () => {
    const region = await prisma.region.findFirstOrThrow({ where: { hospitals: { some: {} } } });
    const depot = (await prisma.supplier.create({ data: { name: unique("PT Uji Isi Ulang"), kind: "DISTRIBUTOR", regionId: region.id } })).id;
    const byProducer = must(await createVehicle(w.staff, { plate: plateOf(), kind: "CYLINDER_TRUCK", capacity: "100", operatorId: w.producer }));
    const byDepot = must(await createVehicle(w.staff, { plate: plateOf(), kind: "CYLINDER_TRUCK", capacity: "100", operatorId: depot }));
    const received = async (vehicleId: string) => {
      const d = must(
        await createDispatch(w.staff, { idempotencyKey: randomUUID(), allocationId: await plannedAllocation(w), vehicleId, amount: "1", unit: "TONNE_LIQUID" }),
      );
      must(await confirmReceipt(w.rs1, { id: d.delivery.id, receivedKg: "1", receivedAt: nowIso() }));
      return d.delivery.tripId!;
    };
    const hospitalId = w.rs1.hospitalId!;
    // the hospital holds 10 empties of 6 m³ (a count of its own)
    await prisma.cylinderMovement.create({ data: { kind: "count", typeId: "cyl_6m3", hospitalId, fullDelta: 0, emptyDelta: 10, at: new Date() } });
    const counts = async () => [
      await prisma.cylinderStock.findFirst({ where: { hospitalId, typeId: "cyl_6m3" }, select: { full: true, empty: true } }),
      await prisma.cylinderStock.findFirst({ where: { supplierId: depot, typeId: "cyl_6m3" }, select: { full: true, empty: true } }),
    ];
    const back = (tripId: string, hospital: string, count: string) =>
      moveTrip(w.staff, { id: tripId, step: "return", empties: [{ hospitalId: hospital, typeId: "cyl_6m3", count }] });

    // a producer's truck from a producer: no distributor to take the empties
    const producerTrip = await received(byProducer.id);
    expect(await back(producerTrip, hospitalId, "3")).toMatchObject({ ok: false, fieldErrors: { "empties.0.count": "empties_need_distributor" } });
    const trip = await received(byDepot.id);
    // more empties than the hospital has, or a hospital the truck did not serve: refused, and the trip did not move
    expect(await back(trip, hospitalId, "11")).toMatchObject({ ok: false, fieldErrors: { "empties.0.count": "not_enough_empty" } });
    expect(await back(trip, w.rs2.hospitalId!, "1")).toMatchObject({ ok: false, fieldErrors: { "empties.0.hospitalId": "invalid_choice" } });
    expect((await prisma.trip.findUniqueOrThrow({ where: { id: trip } })).status).toBe("RECEIVED");
    expect(await counts()).toEqual([{ full: 0, empty: 10 }, null]);

    expect(await back(trip, hospitalId, "7")).toMatchObject({ ok: true, value: { status: "RETURNED", emptiesReturned: 7 } });
    expect(await counts()).toEqual([
      { full: 0, empty: 3 },
      { full: 0, empty: 7 },
    ]);
    const moves = await prisma.cylinderMovement.findMany({ where: { kind: "return", OR: [{ hospitalId }, { supplierId: depot }] } });
    expect(moves.map((m) => m.emptyDelta).sort()).toEqual([-7, 7]);
    expect(new Set(moves.map((m) => m.transferId)).size).toBe(1);
    expect(moves[0].note).toContain(trip);
    // blank boxes are nothing brought back: a plain return still works
    expect(await moveTrip(w.staff, { id: producerTrip, step: "return", empties: [{ hospitalId, typeId: "cyl_6m3", count: "" }] })).toMatchObject({ ok: true });
  });

  it("a dispatch in cylinders adds the accepted ones to the hospital's fulls on receipt: from the distributor's fulls when one sent them, else as a delivery", async () => {
    const hospitalId = w.rs1.hospitalId!;
    const fulls = async (where: { hospitalId: string } | { supplierId: string }) =>
      (await prisma.cylinderStock.findFirst({ where: { ...where, typeId: "cyl_6m3" }, select: { full: true } }))?.full ?? 0;
    const dispatchCylinders = async (allocationId: string, n: string) =>
      must(
        await createDispatch(w.staff, {
          idempotencyKey: randomUUID(),
          allocationId,
          vehiclePlate: plateOf(),
          amount: n,
          unit: "CYLINDER",
          cylinderSizeM3: "6",
        }),
      ).delivery;
    const receive = (d: { id: string }, acceptedKg: number, rejectedKg = 0) =>
      confirmReceipt(w.rs1, {
        locale: "en", // 0.065 t, not 65 t
        id: d.id,
        receivedKg: String(acceptedKg / 1000),
        rejectedKg: String(rejectedKg / 1000),
        shortReason: rejectedKg ? "2 tabung bocor" : "",
        receivedAt: nowIso(),
        confirmUnusual: "1",
      });
    const start = await fulls({ hospitalId });

    // a producer's 10 cylinders of 6 m³ (81 kg), 2 refused at the door: 8 join the hospital's fulls
    const fromProducer = await dispatchCylinders(await plannedAllocation(w), "10");
    expect(fromProducer.dispatchedKg).toBe(81);
    must(await receive(fromProducer, 65, 16));
    expect(await fulls({ hospitalId })).toBe(start + 8);
    const [delivered] = await prisma.cylinderMovement.findMany({ where: { note: `delivery ${fromProducer.id}` } });
    expect(delivered).toMatchObject({ kind: "delivery", hospitalId, supplierId: null, fullDelta: 8, emptyDelta: 0, transferId: null });

    // a distributor's: its fulls go to the hospital, one transfer; a load beyond its fulls (less
    // those already on the road) is refused at dispatch; a count that dropped after the dispatch
    // never stops the receipt
    const region = await prisma.region.findFirstOrThrow({ where: { hospitals: { some: {} } } });
    const depot = (await prisma.supplier.create({ data: { name: unique("CV Uji Tabung"), kind: "DISTRIBUTOR", regionId: region.id } })).id;
    await prisma.dailyCapacity.create({ data: { supplierId: depot, day: new Date(w.day), producedKg: 10_000, medicalKg: 10_000, industrialKg: 0 } });
    const requestId = await approvedRequest(w);
    const [allocation] = must(await allocate(w.admin, { day: w.day, lines: [{ requestId, sourceId: `supply:${depot}`, kg: "1" }] }));
    await prisma.cylinderMovement.create({ data: { kind: "count", typeId: "cyl_6m3", supplierId: depot, fullDelta: 25, emptyDelta: 0, at: new Date() } });
    const fromDepot = await dispatchCylinders(allocation.id, "10");
    const tooMany = await createDispatch(w.staff, {
      idempotencyKey: randomUUID(),
      allocationId: allocation.id,
      vehiclePlate: plateOf(),
      amount: "16",
      unit: "CYLINDER",
      cylinderSizeM3: "6",
    });
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { amount: "not_enough_full_at_source" } });
    must(await receive(fromDepot, 81));
    expect([await fulls({ hospitalId }), await fulls({ supplierId: depot })]).toEqual([start + 18, 15]);
    const transfer = await prisma.cylinderMovement.findMany({ where: { note: `delivery ${fromDepot.id}` } });
    expect(transfer.map((m) => m.fullDelta).sort((a, b) => a - b)).toEqual([-10, 10]);
    expect(new Set(transfer.map((m) => m.transferId)).size).toBe(1);
    // 12 on the road, then the depot's count corrected down to 4: the hospital still confirms all 12
    const second = await dispatchCylinders(allocation.id, "12");
    await prisma.cylinderMovement.create({ data: { kind: "count", typeId: "cyl_6m3", supplierId: depot, fullDelta: -11, emptyDelta: 0, at: new Date() } });
    must(await receive(second, Math.round(12 * Number(second.kgPerUnit))));
    expect([await fulls({ hospitalId }), await fulls({ supplierId: depot })]).toEqual([start + 30, 0]);
    const shortNote = await prisma.cylinderMovement.findFirstOrThrow({ where: { note: { startsWith: `delivery ${second.id}; distributor` } } });
    expect(shortNote).toMatchObject({ hospitalId, fullDelta: 8 });
    expect(shortNote.note).toContain("count short by 8");
    // a liquid load moves no cylinders
    const liquid = must(
      await createDispatch(w.staff, {
        idempotencyKey: randomUUID(),
        allocationId: await plannedAllocation(w),
        vehiclePlate: plateOf(),
        amount: "1",
        unit: "TONNE_LIQUID",
      }),
    ).delivery;
    must(await receive(liquid, 1000));
    expect(await prisma.cylinderMovement.count({ where: { note: `delivery ${liquid.id}` } })).toBe(0);
  });

  it("records a step once when two people press it at the same moment", async () => {
    const tripId = await tripToRs1(w);
    const results = await Promise.all([0, 1, 2, 3].map(() => moveTrip(w.staff, { id: tripId, step: "arrive" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(["trip_bad_transition", "trip_bad_transition", "trip_bad_transition"]);
    expect(await prisma.tripEvent.count({ where: { tripId, kind: "ARRIVED" } })).toBe(1);
  });

  it("refuses officials and hospital admins", async () => {
    const tripId = await tripToRs1(w);
    for (const who of [w.official, w.rs1, null]) {
      expect(await moveTrip(who, { id: tripId, step: "arrive" })).toMatchObject({ ok: false, error: "forbidden" });
      expect(await divertTrip(who, { id: tripId, hospitalId: w.rs2.hospitalId, reason: "SOS test" })).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect((await prisma.trip.findUniqueOrThrow({ where: { id: tripId } })).status).toBe("IN_TRANSIT");
  });
});

describe("the trip board (seed)", () => {
  it("puts the seed's late truck first, counts ETAs from the one clock, and shows the diverted one", async () => {
    const board = await tripBoard(new Date("2021-08-25T09:30:00+07:00"));
    const by = new Map(board.map((t) => [t.id, t]));
    expect(by.get("seed-trip-0030")).toMatchObject({ section: "late", late: true, status: "IN_TRANSIT" });
    expect(by.get("seed-trip-0033")).toMatchObject({ section: "arriving", late: false });
    expect(by.get("seed-trip-0036")).toMatchObject({ status: "LOADING", late: false });
    expect(by.get("seed-trip-ks-8")?.divertedAt).not.toBeNull();
    expect(by.get("seed-trip-ks-8")?.destinations).toContain("Sari Asih Serang");
    expect(board[0].section).toBe("late");
    // an hour earlier, nothing was late yet
    const earlier = await tripBoard(new Date("2021-08-25T07:59:00+07:00"));
    expect(earlier.find((t) => t.id === "seed-trip-0030")?.late).toBe(false);
  });
});

describe("diverting a trip in transit", () => {
  it("sends its leg to the hospital in need under a new emergency request; the first request reopens; totals stay true; audited and announced", async () => {
    const tripId = await tripToRs1(w);
    const leg = await prisma.delivery.findFirstOrThrow({ where: { tripId }, include: { allocation: true } });
    const firstRequest = leg.allocation!.requestId;
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: firstRequest } })).status).toBe("IN_TRANSIT");
    const committed = async () =>
      (await prisma.allocation.aggregate({ where: { supplierId: w.producer, day: new Date(w.day), status: { not: "CANCELLED" } }, _sum: { kg: true } }))._sum
        .kg;
    const before = await committed();

    const r = must(
      await divertTrip(w.staff, {
        id: tripId,
        hospitalId: w.rs2.hospitalId,
        reason: "SOS: 12 pasien kritis",
        etaAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      }),
    );
    expect(r.requestId).not.toBeNull();

    const moved = await prisma.delivery.findUniqueOrThrow({ where: { id: leg.id }, include: { allocation: { include: { request: true } } } });
    expect(moved.hospitalId).toBe(w.rs2.hospitalId);
    expect(moved.allocation!.request).toMatchObject({
      id: r.requestId,
      hospitalId: w.rs2.hospitalId,
      urgency: "EMERGENCY",
      approvedKg: 2000,
      status: "IN_TRANSIT",
    });
    expect(moved.allocation).toMatchObject({ kg: 2000, dispatchedKg: 2000, supplierId: w.producer, status: "IN_TRANSIT" });
    // the first hospital's allocation gave its kilograms up; its request can be allocated again
    expect(await prisma.allocation.findUniqueOrThrow({ where: { id: leg.allocationId! } })).toMatchObject({
      status: "CANCELLED",
      dispatchedKg: 0,
      cancelledKg: 2000,
      cancelReason: "SOS: 12 pasien kritis",
    });
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: firstRequest } })).status).toBe("APPROVED");
    // the producer's day is not counted twice
    expect(await committed()).toBe(before);
    await expectTotalsTrue();

    const trip = await prisma.trip.findUniqueOrThrow({ where: { id: tripId }, include: { events: true } });
    expect(trip).toMatchObject({ status: "IN_TRANSIT", divertReason: "SOS: 12 pasien kritis" });
    expect(trip.events.find((e) => e.kind === "DIVERTED")).toMatchObject({ hospitalId: w.rs2.hospitalId, byId: w.staff.id });
    expect((await auditOf("Trip", tripId)).map((e) => e.action)).toContain("trip.divert");
    expect((await auditOf("Delivery", leg.id)).map((e) => e.action)).toContain("dispatch.divert");
    expect((await auditOf("Allocation", leg.allocationId!)).map((e) => e.action)).toContain("allocation.divert");

    // the hospital in need sees it coming, marked as diverted to it, and is told
    expect((await incomingDeliveries(w.rs2.hospitalId!)).map((d) => d.id)).toContain(leg.id);
    expect((await incomingDeliveries(w.rs1.hospitalId!)).map((d) => d.id)).not.toContain(leg.id);
    const state = (await incomingTrips(w.rs2.hospitalId!)).get(leg.id);
    expect(state).toMatchObject({ status: "IN_TRANSIT", late: false });
    expect(state?.divertedAt).not.toBeNull();
    expect(
      await prisma.notification.count({
        where: { hospitalId: w.rs2.hospitalId, role: "HOSPITAL", kind: "request_dispatched", createdAt: { gte: trip.divertedAt! } },
      }),
    ).toBeGreaterThan(0);
    // the hospital it was going to is told too, with its request, whose gap reopened
    const away = await prisma.notification.findMany({ where: { hospitalId: w.rs1.hospitalId, role: "HOSPITAL", kind: "trip_diverted" } });
    expect(away).toHaveLength(1);
    expect(away[0].params).toMatchObject({ requestId: firstRequest, kg: 2000, reason: "SOS: 12 pasien kritis" });
    expect(noticeTarget(away[0].kind, away[0].params, "hospital")).toBe(`/requests/${firstRequest}`);
    expect(await prisma.notification.count({ where: { hospitalId: w.rs2.hospitalId, kind: "trip_diverted" } })).toBe(0);

    // and receives it: the trip is received, the new request fulfilled
    expect(await confirmReceipt(w.rs1, { id: leg.id, receivedKg: "2", receivedAt: nowIso() })).toMatchObject({ ok: false, error: "forbidden" });
    must(await confirmReceipt(w.rs2, { id: leg.id, receivedKg: "2", receivedAt: nowIso() }));
    expect((await prisma.trip.findUniqueOrThrow({ where: { id: tripId } })).status).toBe("RECEIVED");
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: r.requestId! } })).status).toBe("FULFILLED");
  });

  it("may serve an open request of that hospital, not beyond what it still needs", async () => {
    const small = await approvedRequest(w, w.rs2.hospitalId!); // 5 t approved
    const tripId = await tripToRs1(w); // 2 t
    const r = must(await divertTrip(w.staff, { id: tripId, hospitalId: w.rs2.hospitalId, reason: "SOS via request", requestId: small }));
    expect(r.requestId).toBe(small);
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: small } })).status).toBe("IN_TRANSIT");

    // a request with less left than the trip carries is refused on its field
    const full = await approvedRequest(w, w.rs2.hospitalId!);
    for (let i = 0; i < 2; i++) {
      const t = await tripToRs1(w);
      must(await divertTrip(w.staff, { id: t, hospitalId: w.rs2.hospitalId, reason: "fill it up", requestId: full }));
    } // 4 t of 5 t covered
    const third = await tripToRs1(w);
    expect(await divertTrip(w.staff, { id: third, hospitalId: w.rs2.hospitalId, reason: "too much", requestId: full })).toMatchObject({
      ok: false,
      fieldErrors: { requestId: "over_gap" },
      detail: { kg: 2000, limitKg: 1000 },
    });
    // a request that does not exist is refused on its field, even for a trip carrying only a pledge's tranche
    const trancheTrip = (await prisma.delivery.findUniqueOrThrow({ where: { id: await trancheDelivery(w) } })).tripId!;
    expect(await divertTrip(w.staff, { id: trancheTrip, hospitalId: w.rs1.hospitalId, reason: "no such request", requestId: "undefined" })).toMatchObject({
      ok: false,
      fieldErrors: { requestId: "invalid_choice" },
    });
    // another hospital's request is not a choice
    const rs1Request = await approvedRequest(w);
    expect(await divertTrip(w.staff, { id: third, hospitalId: w.rs2.hospitalId, reason: "wrong one", requestId: rs1Request })).toMatchObject({
      ok: false,
      fieldErrors: { requestId: "invalid_choice" },
    });
    await expectTotalsTrue();
  });

  it("refuses a trip not in transit, the hospital it already goes to, and a blank reason", async () => {
    const tripId = await tripToRs1(w);
    expect(await divertTrip(w.staff, { id: tripId, hospitalId: w.rs1.hospitalId, reason: "same place" })).toMatchObject({
      ok: false,
      fieldErrors: { hospitalId: "same_hospital" },
    });
    expect(await divertTrip(w.staff, { id: tripId, hospitalId: w.rs2.hospitalId, reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "required" },
    });
    must(await moveTrip(w.staff, { id: tripId, step: "arrive" }));
    expect(await divertTrip(w.staff, { id: tripId, hospitalId: w.rs2.hospitalId, reason: "too late now" })).toMatchObject({
      ok: false,
      error: "trip_bad_transition",
    });
    expect(await divertTrip(w.staff, { id: "nope", hospitalId: w.rs2.hospitalId, reason: "no such trip" })).toMatchObject({ ok: false, error: "not_found" });
  });

  it("a diversion racing the receipt: one of them wins, never both, and the totals stay true", async () => {
    for (let i = 0; i < 4; i++) {
      const tripId = await tripToRs1(w);
      const leg = await prisma.delivery.findFirstOrThrow({ where: { tripId } });
      const [diverted, received] = await Promise.all([
        divertTrip(w.staff, { id: tripId, hospitalId: w.rs2.hospitalId, reason: "race" }),
        confirmReceipt(w.rs1, { id: leg.id, receivedKg: "2", receivedAt: nowIso() }),
      ]);
      const after = await prisma.delivery.findUniqueOrThrow({ where: { id: leg.id } });
      if (received.ok) {
        expect(diverted.ok).toBe(false);
        expect(after.hospitalId).toBe(w.rs1.hospitalId);
      } else {
        expect(diverted.ok).toBe(true);
        expect(after).toMatchObject({ hospitalId: w.rs2.hospitalId, receivedKg: null });
      }
    }
    await expectTotalsTrue();
  });
});
