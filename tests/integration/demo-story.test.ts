import { beforeAll, describe, expect, it } from "vitest";
import { dateToDay } from "@/domain/day";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { pledgeDetail } from "@/server/queries/pledges";
import { incomingDeliveries } from "@/server/queries/dispatches";
import { requestFor } from "@/server/queries/requests";
import { confirmReceipt } from "@/server/use-cases/receipts";
import { moveTrip } from "@/server/use-cases/trips";
import { LAST_DAY } from "../../prisma/seed";
import { ALL_HOSPITALS } from "../../prisma/seed-data/hospitals-generated";
import { actor } from "./supply-helpers";

// The demo seed tells a story (README, prisma/seed.ts): enough hospitals that their use is a real
// share of the province's medical supply, a short receipt, an allocation sent in two trucks, and a
// pledge-tranche trip awaiting the receiving hospital's confirmation, which it gives from its
// incoming list.

const PEAK = "2021-07-20";
const sumBy = async (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  const [use, medical] = await Promise.all([
    prisma.stockReport.aggregate({ _sum: { usedKg: true }, where: { day: d } }),
    prisma.dailyCapacity.aggregate({ _sum: { medicalKg: true }, where: { day: d } }),
  ]);
  return { usedKg: use._sum.usedKg ?? 0, medicalKg: medical._sum.medicalKg ?? 0 };
};

let rs1: Actor, rs2: Actor;
beforeAll(async () => {
  [rs1, rs2] = await Promise.all(["rs1@satgas.test", "rs2@satgas.test"].map(actor));
});

describe("the demo seed's story", () => {
  it("has about a hundred hospitals whose reported use is tens of percent of medical supply at the peak", async () => {
    const hospitals = await prisma.hospital.count({ where: { active: true, isSample: true } });
    expect(hospitals).toBe(ALL_HOSPITALS.length);
    expect(hospitals).toBeGreaterThanOrEqual(80);
    expect(await prisma.hospital.count({ where: { tankCapacityKg: 0 } })).toBeGreaterThan(0); // some on cylinders only
    const peak = await sumBy(PEAK);
    expect(peak.usedKg / peak.medicalKg).toBeGreaterThan(0.2);
    expect(peak.usedKg / peak.medicalKg).toBeLessThan(0.5); // the province's medical supply still covers its hospitals
    const last = await sumBy(LAST_DAY);
    expect(last.usedKg).toBeLessThan(peak.usedKg / 2); // the wave has receded by the scenario's day
  });

  it("keeps the published figures: 1,500 t produced on 2021-07-26, the 120 t and 309 t pledges", async () => {
    const anchor = await prisma.dailyCapacity.aggregate({ _sum: { producedKg: true }, where: { day: new Date("2021-07-26T00:00:00Z") } });
    expect(anchor._sum.producedKg).toBe(1_500_000);
    const pledges = await prisma.pledge.findMany({ include: { supplier: true } });
    expect(pledges.find((p) => p.supplier.name === "PT Chandra Asri Petrochemical")?.totalKg).toBe(120_000);
    expect(pledges.find((p) => p.supplier.name === "PT Krakatau Steel")?.totalKg).toBe(309_000);
  });

  it("has a short receipt: accepted less than dispatched, the rest rejected with a reason, the request closed short", async () => {
    const short = await prisma.delivery.findMany({
      where: { rejectedKg: { gt: 0 }, shortReason: { not: null }, allocationId: { not: null } },
      include: { allocation: true },
    });
    expect(short.length).toBeGreaterThan(0);
    const d = short[0];
    expect(d.receivedKg! + d.rejectedKg).toBe(d.dispatchedKg);
    expect(d.receivedKg).toBeLessThan(d.dispatchedKg);
    // the demo account of the receiving hospital sees it, and its request's figures follow from the rows
    const request = await requestFor(rs1, d.allocation!.requestId);
    expect(request).not.toBeNull();
    expect(request).toMatchObject({ status: "CLOSED_SHORT", receivedKg: d.receivedKg });
    expect(request!.closedShortReason).toBeTruthy();
  });

  it("has trips in every state, a late one, a diverted one, and a cylinder truck back with the empties", async () => {
    const trips = await prisma.trip.findMany({ include: { legs: true, vehicle: true } });
    expect(new Set(trips.map((t) => t.status))).toEqual(new Set(["LOADING", "IN_TRANSIT", "ARRIVED", "RECEIVED", "RETURNED"]));
    expect(trips.some((t) => t.divertedAt !== null)).toBe(true);
    const returned = trips.find((t) => t.status === "RETURNED")!;
    expect(returned.vehicle?.kind).toBe("CYLINDER_TRUCK");
    expect(returned.returnedAt!.getTime()).toBeGreaterThan(returned.receivedAt!.getTime());
    // its leg is a received cylinder delivery whose kilograms are the request's, as before the trip
    const [leg] = returned.legs;
    expect(leg).toMatchObject({ dispatchedUnit: "CYLINDER", receivedKg: leg.dispatchedKg });
    expect(Math.round(Number(leg.dispatchedAmount) * Number(leg.kgPerUnit))).toBe(leg.dispatchedKg);
  });

  it("has a distributor's cylinder truck received at a hospital, whose return brings the hospital's empties into the distributor's counts", async () => {
    const trip = await prisma.trip.findUniqueOrThrow({ where: { id: "seed-trip-0045" }, include: { legs: true, vehicle: { include: { operator: true } } } });
    expect(trip).toMatchObject({ status: "RECEIVED", vehicle: { kind: "CYLINDER_TRUCK", operator: { kind: "DISTRIBUTOR" } } });
    const [leg] = trip.legs;
    expect(leg).toMatchObject({ dispatchedUnit: "CYLINDER", receivedKg: leg.dispatchedKg });
    const distributor = trip.vehicle!.operatorId;
    const empties = () =>
      Promise.all(
        [{ hospitalId: leg.hospitalId }, { supplierId: distributor }].map(
          async (where) => (await prisma.cylinderStock.findFirstOrThrow({ where: { ...where, typeId: "cyl_6m3" } })).empty,
        ),
      );
    const [atHospital, atDistributor] = await empties();
    expect(atHospital).toBe(43);
    const staff = await actor("staff@satgas.test");
    const back = await moveTrip(staff, { id: trip.id, step: "return", empties: [{ hospitalId: leg.hospitalId, typeId: "cyl_6m3", count: "43" }] });
    expect(back).toMatchObject({ ok: true, value: { status: "RETURNED", emptiesReturned: 43 } });
    expect(await empties()).toEqual([0, atDistributor + 43]);
  });

  it("has an allocation sent in two trucks, one received and one still on the road", async () => {
    const allocations = await prisma.allocation.findMany({ include: { deliveries: true, request: true } });
    const multi = allocations.filter(
      (a) => a.deliveries.length >= 2 && a.deliveries.some((d) => d.receivedKg !== null) && a.deliveries.some((d) => d.receivedKg === null),
    );
    expect(multi.length).toBeGreaterThan(0);
    const a = multi[0];
    expect(a.dispatchedKg).toBe(a.deliveries.reduce((s, d) => s + d.dispatchedKg, 0));
    expect(a.dispatchedKg).toBe(a.kg);
    expect(a.status).toBe("IN_TRANSIT");
    expect(a.request.status).toBe("IN_TRANSIT");
  });

  it("has a tranche trip awaiting receipt for a demo hospital account, which confirms it from its incoming list", async () => {
    const trip = await prisma.delivery.findFirstOrThrow({
      where: { trancheId: { not: null }, receivedKg: null, hospitalId: rs2.hospitalId! },
      include: { tranche: true },
    });
    expect(dateToDay(new Date(trip.dispatchedAt.getTime() + 7 * 3_600_000))).toBe(LAST_DAY);
    const incoming = await incomingDeliveries(rs2.hospitalId!);
    expect(incoming.map((d) => d.id)).toContain(trip.id);
    expect(incoming.every((d) => d.allocation !== null || d.tranche !== null)).toBe(true);
    // rs1's list holds its request trips, not rs2's trip
    const rs1Incoming = await incomingDeliveries(rs1.hospitalId!);
    expect(rs1Incoming.some((d) => d.allocation !== null)).toBe(true);
    expect(rs1Incoming.map((d) => d.id)).not.toContain(trip.id);

    const before = await pledgeDetail(trip.tranche!.pledgeId, LAST_DAY);
    expect(before!.awaitingKg).toBeGreaterThanOrEqual(trip.dispatchedKg);
    // another hospital's admin may not confirm it; the receiving one may
    const refused = await confirmReceipt(rs1, { id: trip.id, receivedKg: "2", receivedAt: "2021-08-25T11:00" });
    expect(refused.ok).toBe(false);
    const ok = await confirmReceipt(rs2, { id: trip.id, receivedKg: "2", receivedAt: "2021-08-25T11:00" });
    expect(ok.ok).toBe(true);
    expect((await incomingDeliveries(rs2.hospitalId!)).map((d) => d.id)).not.toContain(trip.id);
    const after = await pledgeDetail(trip.tranche!.pledgeId, LAST_DAY);
    expect(after!.awaitingKg).toBe(before!.awaitingKg - trip.dispatchedKg);
    expect(after!.tranches.find((t) => t.id === trip.trancheId)!.receivedKg).toBe(2000);
  });
});
