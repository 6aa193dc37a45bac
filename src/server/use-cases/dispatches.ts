import "server-only";
import { z } from "zod";
import { dayToDate, todayWib } from "@/domain/day";
import { checkDispatch } from "@/domain/delivery";
import { MASS_UNITS, toKilograms } from "@/domain/mass";
import { accepts, undispatchedKg } from "@/domain/request";
import { recordAudit } from "../audit";
import { capacityCommittedSql } from "../queries/capacity-use";
import { prisma } from "../db";
import type { Actor } from "../permissions";
import { RuleError, useCase, type Result, type Tx } from "../use-case";
import { now as clockNow } from "../clock";
import { settleAllocation, settleRequest } from "./request-loop";
import { lockRequest } from "./requests";
import { plate } from "./fleet";
import { checkDistributorFulls } from "./cylinders";
import { checkbox, confirmUnusual, cylinderSizeM3, positiveAmount, wibInstant } from "./inputs";
import { estimate } from "./trips";

const optionalId = z.string().trim().max(100).optional();

// A dispatch: a truck leaves a supplier for a hospital, against an allocation (a request's
// share) or a pledge tranche. The mass is entered as counted (tonnes of liquid, m³ of gas,
// cylinders of a size, kg) and converted by src/domain/mass.ts, the conversion kept on the row.
// The form carries an idempotency key made when it was rendered: a second submit of the same
// form returns the first dispatch instead of creating another.
//
// An allocation or a tranche may be delivered in several trips; the trips never add up to more
// than it holds (checked here for a field message, and by the database's CHECK on the sums kept
// by a trigger, decision 0016). A trip larger than a road tanker carries is asked to be confirmed.
// A trip against a producer's tranche takes that producer's medical supply of the day it leaves
// (the same oxygen is not also allocated from the day's capacity).

const input = z
  .object({
    idempotencyKey: z.string().trim().min(8).max(100),
    allocationId: z.string().trim().optional(),
    trancheId: z.string().trim().optional(),
    hospitalId: z.string().trim().optional(),
    /** a tranche trip to a distributor's depot instead of a hospital */
    depotId: z.string().trim().optional(),
    /** a vehicle outside the register (a hired truck): its plate typed (decision 0038) */
    vehiclePlate: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), plate.optional()),
    /** a vehicle and a driver from the fleet register */
    vehicleId: optionalId,
    driverId: optionalId,
    /** another leg of a trip still loading (several hospitals on one truck) */
    tripId: optionalId,
    /** the truck is still loading: the trip is not on the road yet */
    loading: checkbox,
    plannedArrivalAt: estimate,
    driverName: z.string().trim().max(120).default(""),
    amount: positiveAmount,
    unit: z.enum(MASS_UNITS),
    cylinderSizeM3,
    dispatchedAt: wibInstant,
    /** The user confirmed an unusual (but possible) amount. */
    confirmUnusual,
  })
  .refine((d) => !!d.allocationId !== !!d.trancheId, {
    path: ["source"],
    message: "dispatch_source",
    when: (p) => p.issues.every((i) => !["allocationId", "trancheId"].includes(String(i.path?.[0]))),
  })
  .refine((d) => !!(d.vehicleId || d.vehiclePlate || d.tripId), {
    path: ["vehiclePlate"],
    message: "required",
    when: (p) => p.issues.every((i) => !["vehicleId", "vehiclePlate", "tripId"].includes(String(i.path?.[0]))),
  })
  .refine((d) => d.unit !== "CYLINDER" || d.cylinderSizeM3 !== undefined, {
    path: ["cylinderSizeM3"],
    message: "cylinder_size_required",
    when: (p) => p.issues.every((i) => !["unit", "cylinderSizeM3"].includes(String(i.path?.[0]))),
  });

type Input = z.output<typeof input>;
type Target = {
  supplierId: string;
  hospitalId: string | null;
  depotId: string | null;
  remainingKg: number;
  capacity?: { supplierId: string; day: Date };
  after: (deliveryAt: Date) => Promise<void>;
};

/** Which supplier and hospital a dispatch is between; locks the request, then the allocation. */
async function resolveAllocation(tx: Tx, actor: Actor, allocationId: string): Promise<Target> {
  const found = await tx.allocation.findUnique({ where: { id: allocationId }, select: { requestId: true } });
  if (!found) throw new RuleError("invalid", { source: "not_found" });
  await lockRequest(tx, found.requestId);
  await tx.$queryRaw`SELECT id FROM "Allocation" WHERE id = ${allocationId} FOR UPDATE`;
  const allocation = await tx.allocation.findUniqueOrThrow({ where: { id: allocationId }, include: { request: true } });
  if (allocation.status === "CANCELLED" || !accepts(allocation.request.status, "dispatch")) throw new RuleError("bad_transition", { source: "bad_transition" });
  const remainingKg = undispatchedKg({ kg: allocation.kg, dispatchedKg: allocation.dispatchedKg, cancelled: false });
  return {
    supplierId: allocation.supplierId,
    hospitalId: allocation.request.hospitalId,
    depotId: null,
    remainingKg,
    after: async (at) => {
      await settleAllocation(tx, actor, allocationId, "allocation.dispatch");
      await settleRequest(tx, actor, allocation.requestId, at);
    },
  };
}

/**
 * A tranche trip goes to a hospital (an eligible one, for an earmarked pledge) or to a
 * distributor's depot, which fills cylinders for hospitals and people at home from it. An
 * earmarked pledge goes straight to its hospitals: a depot could not keep its oxygen apart.
 * Destination errors are the form's destination field ("hospitalId").
 */
async function resolveTranche(tx: Tx, trancheId: string, hospitalId: string | undefined, depotId: string | undefined, at: Date): Promise<Target> {
  await tx.$queryRaw`SELECT id FROM "PledgeTranche" WHERE id = ${trancheId} FOR UPDATE`;
  const tranche = await tx.pledgeTranche.findUnique({
    where: { id: trancheId },
    include: { pledge: { include: { supplier: { select: { kind: true } }, hospitals: { select: { hospitalId: true } } } } },
  });
  if (!tranche) throw new RuleError("invalid", { source: "not_found" });
  if (!hospitalId === !depotId) throw new RuleError("invalid", { hospitalId: "required" });
  const { earmark, hospitals } = tranche.pledge;
  if (depotId) {
    const depot = await tx.supplier.findUnique({ where: { id: depotId } });
    if (!depot || !depot.active || depot.kind !== "DISTRIBUTOR") throw new RuleError("invalid", { hospitalId: "invalid_choice" });
    if (earmark !== "NONE") throw new RuleError("earmark", { hospitalId: "earmark_depot" });
  } else {
    const hospital = await tx.hospital.findUnique({ where: { id: hospitalId } });
    if (!hospital || !hospital.active) throw new RuleError("invalid", { hospitalId: "invalid_choice" });
    if ((earmark === "ASSOCIATION" && !hospital.isAssociationMember) || (earmark === "HOSPITALS" && !hospitals.some((h) => h.hospitalId === hospitalId))) {
      throw new RuleError("earmark", { hospitalId: "earmark" });
    }
  }
  const remainingKg = Math.max(0, tranche.kg - tranche.dispatchedKg);
  return {
    supplierId: tranche.pledge.supplierId,
    hospitalId: hospitalId ?? null,
    depotId: depotId ?? null,
    remainingKg,
    capacity: { supplierId: tranche.pledge.supplierId, day: dayToDate(todayWib(at)) },
    after: async () => {},
  };
}

/**
 * The producer's medical supply left on the trip's day, with its row locked (null: no capacity
 * logged that day, so there is nothing it could be counted twice against).
 */
async function capacityLeft(tx: Tx, supplierId: string, day: Date): Promise<number | null> {
  const rows = await tx.$queryRaw<{ medicalKg: number }[]>`
    SELECT "medicalKg" FROM "DailyCapacity" WHERE "supplierId" = ${supplierId} AND day = ${day} FOR UPDATE`;
  if (rows.length === 0) return null;
  const [{ used }] = await tx.$queryRaw<{ used: bigint }[]>`SELECT ${capacityCommittedSql(supplierId, day)} AS used`;
  return Math.max(0, rows[0].medicalKg - Number(used));
}

/**
 * The trip this dispatch rides on (decision 0038): a leg added to a trip still loading at the
 * same source, or a new trip with a vehicle from the register (or a typed plate) that is on the
 * road from the dispatch's time unless it is still loading. Locks the trip it joins.
 */
async function tripFor(tx: Tx, actor: Actor, d: Input, sourceId: string, at: Date) {
  if (d.tripId) {
    await tx.$queryRaw`SELECT id FROM "Trip" WHERE id = ${d.tripId} FOR UPDATE`;
    const trip = await tx.trip.findUnique({ where: { id: d.tripId } });
    if (!trip) throw new RuleError("invalid", { tripId: "invalid_choice" });
    if (trip.status !== "LOADING") throw new RuleError("invalid", { tripId: "trip_not_loading" });
    if (trip.sourceId !== sourceId) throw new RuleError("invalid", { tripId: "trip_other_source" });
    return trip;
  }
  const vehicle = d.vehicleId ? await tx.vehicle.findUnique({ where: { id: d.vehicleId } }) : null;
  if (d.vehicleId && (!vehicle || !vehicle.active)) throw new RuleError("invalid", { vehicleId: "invalid_choice" });
  const driver = d.driverId ? await tx.driver.findUnique({ where: { id: d.driverId } }) : null;
  if (d.driverId && (!driver || !driver.active)) throw new RuleError("invalid", { driverId: "invalid_choice" });
  const trip = await tx.trip.create({
    data: {
      sourceId,
      vehicleId: vehicle?.id ?? null,
      vehiclePlate: vehicle?.plate ?? d.vehiclePlate!,
      driverId: driver?.id ?? null,
      driverName: driver?.name ?? d.driverName,
      status: d.loading ? "LOADING" : "IN_TRANSIT",
      plannedDepartureAt: at,
      departedAt: d.loading ? null : at,
      plannedArrivalAt: d.plannedArrivalAt ?? null,
      createdById: actor.id,
      createdAt: at,
    },
  });
  await tx.tripEvent.create({ data: { tripId: trip.id, kind: "LOADING", at, byId: actor.id } });
  if (!d.loading) await tx.tripEvent.create({ data: { tripId: trip.id, kind: "IN_TRANSIT", at, byId: actor.id } });
  await recordAudit(tx, actor, "trip.create", "Trip", trip.id, null, trip);
  return trip;
}

const create = useCase({
  action: "dispatch:write",
  input,
  run: async ({ tx, actor, input: d }: { tx: Tx; actor: Actor; input: Input }) => {
    const existing = await tx.delivery.findUnique({ where: { idempotencyKey: d.idempotencyKey } });
    if (existing) return { delivery: existing, duplicate: true };
    const dispatchedAt = d.dispatchedAt ?? clockNow();
    const target = d.allocationId
      ? await resolveAllocation(tx, actor, d.allocationId)
      : await resolveTranche(tx, d.trancheId!, d.hospitalId || undefined, d.depotId || undefined, dispatchedAt);
    // A double submit that waited on the same locks finds the first one's dispatch now.
    const first = await tx.delivery.findUnique({ where: { idempotencyKey: d.idempotencyKey } });
    if (first) return { delivery: first, duplicate: true };
    if (target.remainingKg === 0) throw new RuleError("invalid", { source: "fully_dispatched" });
    const { kg, kgPerUnit } = toKilograms(d.amount!, d.unit, d.unit === "CYLINDER" ? d.cylinderSizeM3 : undefined);
    if (kg <= 0) throw new RuleError("invalid", { amount: "positive" });
    const check = checkDispatch({ kg, remainingKg: target.remainingKg, confirmed: d.confirmUnusual });
    if (!check.ok) throw new RuleError(check.error === "unusual_trip" ? "confirm" : "invalid", { amount: check.error }, { kg, limitKg: check.limitKg });
    if (target.capacity) {
      const left = await capacityLeft(tx, target.capacity.supplierId, target.capacity.day);
      if (left !== null && kg > left) throw new RuleError("invalid", { amount: "over_capacity" }, { kg, limitKg: left });
    }
    if (d.unit === "CYLINDER") await checkDistributorFulls(tx, { supplierId: target.supplierId, sizeM3: d.cylinderSizeM3!, count: Math.round(d.amount!) });
    const trip = await tripFor(tx, actor, d, target.supplierId, dispatchedAt);
    const delivery = await tx.delivery.create({
      data: {
        allocationId: d.allocationId || null,
        trancheId: d.trancheId || null,
        supplierId: target.supplierId,
        hospitalId: target.hospitalId,
        depotId: target.depotId,
        vehiclePlate: trip.vehiclePlate,
        driverName: trip.driverName,
        tripId: trip.id,
        dispatchedAt,
        dispatchedAmount: String(d.amount),
        dispatchedUnit: d.unit,
        cylinderSizeM3: d.unit === "CYLINDER" ? String(d.cylinderSizeM3) : null,
        kgPerUnit: String(kgPerUnit),
        dispatchedKg: kg,
        dispatchedById: actor.id,
        idempotencyKey: d.idempotencyKey,
      },
    });
    await recordAudit(tx, actor, "dispatch.create", "Delivery", delivery.id, null, delivery);
    await target.after(dispatchedAt);
    return { delivery, duplicate: false };
  },
});

type Created = { delivery: Awaited<ReturnType<typeof prisma.delivery.create>>; duplicate: boolean };

/**
 * Logs a dispatch. Idempotent on the form's key: a resubmit (even a concurrent one that lost
 * the race on the unique key) returns the dispatch already recorded.
 */
export async function createDispatch(actor: Actor | null, raw: unknown): Promise<Result<Created>> {
  const result = await create(actor, raw);
  if (!result.ok && result.error === "conflict") {
    const key = (raw as { idempotencyKey?: unknown })?.idempotencyKey;
    const existing = typeof key === "string" ? await prisma.delivery.findUnique({ where: { idempotencyKey: key.trim() } }) : null;
    if (existing) return { ok: true, value: { delivery: existing, duplicate: true } };
  }
  return result;
}
