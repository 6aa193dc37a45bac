import "server-only";
import { z } from "zod";
import { dayToDate, todayWib } from "@/domain/day";
import { accepts, gapKg } from "@/domain/request";
import { stepsToReceive, tripTransition, type TripAction, type TripStatus, type TripStep } from "@/domain/trip";
import { recordAudit } from "../audit";
import { now as clockNow } from "../clock";
import type { Actor } from "../permissions";
import { RuleError, useCase, type Tx } from "../use-case";
import { transferCylinders } from "./cylinders";
import { id, optionalCount, text, wibInstant } from "./inputs";
import { notify } from "./notifications";
import { requestFigures, settleAllocation, settleRequest } from "./request-loop";

// A trip's steps (decision 0038): staff record that it left, arrived and (a cylinder truck) came
// back with the empties; "received" follows from its legs' receipts (receipts.ts calls
// `receiveTripLeg`). Every step goes through the domain's state machine (src/domain/trip.ts) on
// the trip's row locked FOR UPDATE, so two people pressing "arrived" at once record it once and
// the second is told the trip has moved on. Each step is a TripEvent (who, when) and an audit
// event.
//
// Lock order, shared with dispatches and receipts: requests, then deliveries, then the trip.

// The audit action is spelled out (not built from the step) so the audit vocabulary test sees it.
const STEP_EVENT: Record<
  TripStep,
  {
    kind: "IN_TRANSIT" | "ARRIVED" | "RECEIVED" | "RETURNED";
    at: "departedAt" | "arrivedAt" | "receivedAt" | "returnedAt";
    audit: "trip.depart" | "trip.arrive" | "trip.receive" | "trip.return";
  }
> = {
  depart: { kind: "IN_TRANSIT", at: "departedAt", audit: "trip.depart" },
  arrive: { kind: "ARRIVED", at: "arrivedAt", audit: "trip.arrive" },
  receive: { kind: "RECEIVED", at: "receivedAt", audit: "trip.receive" },
  return: { kind: "RETURNED", at: "returnedAt", audit: "trip.return" },
};

async function lockTrip(tx: Tx, tripId: string) {
  await tx.$queryRaw`SELECT id FROM "Trip" WHERE id = ${tripId} FOR UPDATE`;
  const trip = await tx.trip.findUnique({ where: { id: tripId }, include: { vehicle: { select: { kind: true } } } });
  if (!trip) throw new RuleError("not_found");
  return trip;
}

type LockedTrip = Awaited<ReturnType<typeof lockTrip>>;

async function unreceivedLegs(tx: Tx, tripId: string): Promise<number> {
  return tx.delivery.count({ where: { tripId, receivedKg: null } });
}

/** Applies one step to a locked trip: the domain's verdict, the row, its event, the audit. */
async function applyStep(
  tx: Tx,
  actor: Actor,
  trip: LockedTrip,
  action: TripAction & TripStep,
  at: Date,
  allLegsReceived = false,
  /** a new estimate of arrival given with the step (on departure) */
  etaAt?: Date,
): Promise<LockedTrip> {
  const verdict = tripTransition({ status: trip.status as TripStatus, vehicleKind: trip.vehicle?.kind ?? null }, action, allLegsReceived);
  if (!verdict.ok) throw new RuleError(verdict.error);
  const step = STEP_EVENT[action];
  // a step is never before the one it follows (a late entry typed with an earlier time)
  const previous = action === "arrive" ? trip.departedAt : action === "receive" ? trip.arrivedAt : action === "return" ? trip.receivedAt : trip.createdAt;
  const when = previous && at < previous ? previous : at;
  const after = await tx.trip.update({
    where: { id: trip.id },
    data: { status: verdict.status, [step.at]: when, ...(etaAt ? { etaAt } : {}) },
    include: { vehicle: { select: { kind: true } } },
  });
  await tx.tripEvent.create({ data: { tripId: trip.id, kind: step.kind, at: when, byId: actor.id } });
  const { vehicle: _v, ...plainBefore } = trip;
  const { vehicle: _w, ...plainAfter } = after;
  await recordAudit(tx, actor, step.audit, "Trip", trip.id, plainBefore, plainAfter);
  return after;
}

/** The time a future estimate may be: from now to two weeks ahead ("YYYY-MM-DDTHH:MM" in WIB or an ISO instant); blank: none. */
export const estimate = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(s);
    const d = m ? new Date(`${m[1]}T${m[2]}:${m[3]}:00+07:00`) : new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "invalid_format" });
      return z.NEVER;
    }
    const now = clockNow().getTime();
    if (d.getTime() < now - 24 * 3_600_000 || d.getTime() > now + 14 * 24 * 3_600_000) {
      ctx.addIssue({ code: "custom", message: "out_of_range" });
      return z.NEVER;
    }
    return d;
  });

/** Empty cylinders a cylinder truck brought back, per hospital it served and cylinder type (blank: none). */
const empties = z
  .array(z.object({ hospitalId: id, typeId: id, count: optionalCount }))
  .max(60, "too_big")
  .default([]);

/**
 * Staff record a trip's step: it left, it arrived, it came back with the empties. A cylinder
 * truck's return counts the empties it brought at both ends (decision 0039's ledger): each
 * hospital it served has that many fewer empties, the distributor it left from (or else the one
 * that runs it) that many more.
 */
export const moveTrip = useCase({
  action: "trip:move",
  input: z.object({ id, step: z.enum(["depart", "arrive", "return"]), at: wibInstant, etaAt: estimate, empties }),
  run: async ({ tx, actor, input }) => {
    const trip = await lockTrip(tx, input.id);
    const after = await applyStep(tx, actor, trip, input.step, input.at ?? clockNow(), false, input.step === "depart" ? input.etaAt : undefined);
    const lines = input.empties.flatMap((l, i) => (l.count ? [{ ...l, count: l.count, i }] : []));
    if (lines.length > 0) {
      if (input.step !== "return") throw new RuleError("invalid", { [`empties.${lines[0].i}.count`]: "invalid" });
      // The empties go to the distributor the truck left from, or else to the one that runs it.
      const candidates = [trip.sourceId, ...(trip.vehicleId ? [(await tx.vehicle.findUniqueOrThrow({ where: { id: trip.vehicleId } })).operatorId] : [])];
      const holders = await tx.supplier.findMany({ where: { id: { in: candidates }, kind: "DISTRIBUTOR", active: true }, select: { id: true } });
      const receiver = candidates.find((c) => holders.some((h) => h.id === c));
      if (!receiver) throw new RuleError("invalid", { [`empties.${lines[0].i}.count`]: "empties_need_distributor" });
      const served = new Set((await tx.delivery.findMany({ where: { tripId: trip.id }, select: { hospitalId: true } })).map((d) => d.hospitalId));
      for (const l of lines) {
        if (!served.has(l.hospitalId)) throw new RuleError("invalid", { [`empties.${l.i}.hospitalId`]: "invalid_choice" });
        const note = `${trip.vehiclePlate} (${trip.id})`;
        await transferCylinders(
          tx,
          actor,
          { kind: "return", supplierId: receiver, hospitalId: l.hospitalId, typeId: l.typeId, count: l.count, note },
          `empties.${l.i}.count`,
        );
      }
    }
    return { ...after, emptiesReturned: lines.reduce((n, l) => n + l.count, 0) };
  },
});

/**
 * Called by a leg's receipt, after its row is written, with the trip locked by `lockTripForReceipt`:
 * the receipt means the truck is there (ARRIVED), and the last leg's receipt makes it RECEIVED.
 */
export async function receiveTripLeg(tx: Tx, actor: Actor, trip: LockedTrip, at: Date) {
  const allIn = (await unreceivedLegs(tx, trip.id)) === 0;
  let current = trip;
  for (const step of stepsToReceive(current.status as TripStatus, allIn) ?? []) current = await applyStep(tx, actor, current, step, at, allIn);
  return current;
}

/** Locks a leg's trip before its receipt; a trip still loading has not left, so it cannot be received. */
export async function lockTripForReceipt(tx: Tx, tripId: string) {
  const trip = await lockTrip(tx, tripId);
  if (stepsToReceive(trip.status as TripStatus, false) === null) throw new RuleError("trip_loading");
  return trip;
}

// --- diverting a trip --------------------------------------------------------------------------

const divertInput = z.object({
  id,
  /** the hospital in need (an SOS) */
  hospitalId: id,
  reason: text(5, 500),
  /** an open request of that hospital to serve; blank: an emergency request is opened for it */
  requestId: z.string().trim().max(100).optional(),
  etaAt: estimate,
});

/**
 * Staff redirect a trip in transit to another hospital. Every leg not yet received goes there:
 * a leg for a request moves to a new allocation (same supplier, day and pledge) on the new
 * hospital's request, and the original allocation gives up those kilograms (cancelled, with the
 * reason), so the first hospital's request reopens its gap for another source and the supplier's
 * day is not counted twice; a pledge tranche's leg keeps its tranche. Request statuses are then
 * derived again (decision 0016); the database's trip totals follow the moved rows by trigger.
 */
export const divertTrip = useCase({
  action: "trip:divert",
  input: divertInput,
  run: async ({ tx, actor, input }) => {
    const at = clockNow();
    // Lock order: requests (sorted), deliveries (sorted), then the trip.
    const peek = await tx.delivery.findMany({ where: { tripId: input.id, receivedKg: null }, select: { allocation: { select: { requestId: true } } } });
    const requestIds = [
      ...new Set([...peek.flatMap((l) => (l.allocation ? [l.allocation.requestId] : [])), ...(input.requestId ? [input.requestId] : [])]),
    ].sort();
    for (const r of requestIds) await tx.$queryRaw`SELECT id FROM "SupplyRequest" WHERE id = ${r} FOR UPDATE`;
    await tx.$queryRaw`SELECT id FROM "Delivery" WHERE "tripId" = ${input.id} AND "receivedKg" IS NULL ORDER BY id FOR UPDATE`;
    const trip = await lockTrip(tx, input.id);
    const verdict = tripTransition({ status: trip.status as TripStatus, vehicleKind: trip.vehicle?.kind ?? null }, "divert");
    if (!verdict.ok) throw new RuleError(verdict.error);

    const hospital = await tx.hospital.findUnique({ where: { id: input.hospitalId } });
    if (!hospital || !hospital.active) throw new RuleError("invalid", { hospitalId: "invalid_choice" });
    // the chosen request is checked before anything settles it, even when no leg ends up on it
    if (input.requestId) {
      const chosen = await tx.supplyRequest.findUnique({ where: { id: input.requestId }, select: { hospitalId: true } });
      if (!chosen || chosen.hospitalId !== hospital.id) throw new RuleError("invalid", { requestId: "invalid_choice" });
    }
    const legs = await tx.delivery.findMany({
      where: { tripId: trip.id, receivedKg: null },
      orderBy: { id: "asc" },
      include: { allocation: true, tranche: { include: { pledge: { include: { hospitals: { select: { hospitalId: true } } } } } } },
    });
    if (legs.length === 0) throw new RuleError("trip_bad_transition");
    if (legs.every((l) => l.hospitalId === hospital.id)) throw new RuleError("invalid", { hospitalId: "same_hospital" });
    // the peeked requests are the locked ones (legs change only while a trip is loading)
    for (const l of legs) if (l.allocation && !requestIds.includes(l.allocation.requestId)) throw new RuleError("conflict");

    // A pledge earmarked for some hospitals stays with them.
    for (const l of legs) {
      const pledge = l.tranche?.pledge;
      if (!pledge) continue;
      if (
        (pledge.earmark === "ASSOCIATION" && !hospital.isAssociationMember) ||
        (pledge.earmark === "HOSPITALS" && !pledge.hospitals.some((h) => h.hospitalId === hospital.id))
      )
        throw new RuleError("earmark", { hospitalId: "earmark" });
    }

    const forRequests = legs.filter((l) => l.allocation);
    const neededKg = forRequests.reduce((a, l) => a + l.dispatchedKg, 0);
    let requestId: string | null = null;
    if (forRequests.length > 0) requestId = await requestFor(tx, actor, input, hospital.id, neededKg, at);

    for (const leg of legs) {
      const { allocation, tranche: _t, ...before } = leg;
      if (allocation && requestId) {
        const created = await tx.allocation.create({
          data: {
            requestId,
            supplierId: allocation.supplierId,
            pledgeId: allocation.pledgeId,
            day: allocation.day,
            kg: leg.dispatchedKg,
            reason: input.reason,
            createdById: actor.id,
            createdAt: at,
          },
        });
        await recordAudit(tx, actor, "allocation.create_by_diversion", "Allocation", created.id, null, created);
        // Moving the leg moves its kilograms between the allocations' dispatched sums (trigger).
        const moved = await tx.delivery.update({ where: { id: leg.id }, data: { allocationId: created.id, hospitalId: hospital.id, depotId: null } });
        await recordAudit(tx, actor, "dispatch.divert", "Delivery", leg.id, before, moved);
        const original = await tx.allocation.findUniqueOrThrow({ where: { id: allocation.id } });
        const kg = original.kg - leg.dispatchedKg;
        const reduced = await tx.allocation.update({
          where: { id: allocation.id },
          data: {
            kg: kg > 0 ? kg : original.kg,
            cancelledKg: original.cancelledKg + leg.dispatchedKg,
            cancelReason: input.reason,
            ...(kg > 0 ? {} : { status: "CANCELLED" }),
          },
        });
        await recordAudit(tx, actor, "allocation.divert", "Allocation", allocation.id, original, reduced);
        await settleAllocation(tx, actor, created.id, "allocation.dispatch");
        await settleAllocation(tx, actor, allocation.id);
      } else {
        const moved = await tx.delivery.update({ where: { id: leg.id }, data: { hospitalId: hospital.id, depotId: null } });
        await recordAudit(tx, actor, "dispatch.divert", "Delivery", leg.id, before, moved);
      }
    }
    for (const r of requestIds) await settleRequest(tx, actor, r, at);
    if (requestId && !requestIds.includes(requestId)) await settleRequest(tx, actor, requestId, at);

    const after = await tx.trip.update({
      where: { id: trip.id },
      data: { divertedAt: at, divertReason: input.reason, ...(input.etaAt ? { etaAt: input.etaAt } : {}) },
    });
    await tx.tripEvent.create({ data: { tripId: trip.id, kind: "DIVERTED", at, byId: actor.id, note: input.reason, hospitalId: hospital.id } });
    const { vehicle: _v, ...plain } = trip;
    await recordAudit(tx, actor, "trip.divert", "Trip", trip.id, plain, { ...after, toHospitalId: hospital.id });
    await notify(tx, { hospitalId: hospital.id }, "request_dispatched", {
      requestId: requestId ?? undefined,
      kg: legs.reduce((a, l) => a + l.dispatchedKg, 0),
      vehicle: trip.vehiclePlate,
    });
    // and each hospital it was going to learns it is not coming, from its request, whose gap reopened
    const lost = new Map<string, { kg: number; requestId?: string }>();
    for (const l of legs) {
      if (!l.hospitalId || l.hospitalId === hospital.id) continue;
      const was = lost.get(l.hospitalId) ?? { kg: 0 };
      lost.set(l.hospitalId, { kg: was.kg + l.dispatchedKg, requestId: was.requestId ?? l.allocation?.requestId });
    }
    for (const [hospitalId, { kg, requestId: theirs }] of lost) {
      await notify(tx, { hospitalId }, "trip_diverted", { requestId: theirs, kg, vehicle: trip.vehiclePlate, hospital: hospital.name, reason: input.reason });
    }
    return { trip: after, requestId };
  },
});

/**
 * The request the diverted oxygen serves: the one staff picked (the hospital's, open, with room
 * for it), else a new emergency request approved for exactly what the trip carries.
 */
async function requestFor(tx: Tx, actor: Actor, input: z.output<typeof divertInput>, hospitalId: string, kg: number, at: Date): Promise<string> {
  if (input.requestId) {
    const r = await tx.supplyRequest.findUnique({ where: { id: input.requestId } });
    if (!r || r.hospitalId !== hospitalId) throw new RuleError("invalid", { requestId: "invalid_choice" });
    if (!accepts(r.status, "allocate")) throw new RuleError("invalid", { requestId: "bad_transition" });
    const gap = gapKg(await requestFigures(tx, r.id));
    if (kg > gap) throw new RuleError("invalid", { requestId: "over_gap" }, { kg, limitKg: gap });
    return r.id;
  }
  const created = await tx.supplyRequest.create({
    data: {
      hospitalId,
      requestedKg: kg,
      approvedKg: kg,
      neededBy: dayToDate(todayWib(at)),
      urgency: "EMERGENCY",
      reason: input.reason,
      status: "APPROVED",
      createdById: actor.id,
      createdAt: at,
      decidedById: actor.id,
      decidedAt: at,
    },
  });
  await recordAudit(tx, actor, "request.create_by_diversion", "SupplyRequest", created.id, null, created);
  return created.id;
}
