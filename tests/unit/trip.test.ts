import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isLate,
  stepsToReceive,
  TRIP_STATUSES,
  tripActions,
  tripTransition,
  VEHICLE_KINDS,
  type TripAction,
  type TripStatus,
  type VehicleKind,
} from "../../src/domain/trip";

const ORDER: Record<TripStatus, number> = { LOADING: 0, IN_TRANSIT: 1, ARRIVED: 2, RECEIVED: 3, RETURNED: 4 };

describe("trip state machine", () => {
  it("walks loading → in transit → arrived → received → returned for a cylinder truck", () => {
    let status: TripStatus = "LOADING";
    for (const [action, to] of [
      ["depart", "IN_TRANSIT"],
      ["arrive", "ARRIVED"],
      ["receive", "RECEIVED"],
      ["return", "RETURNED"],
    ] as const) {
      const r = tripTransition({ status, vehicleKind: "CYLINDER_TRUCK" }, action, true);
      expect(r).toEqual({ ok: true, status: to });
      if (r.ok) status = r.status;
    }
  });

  it("refuses a step out of order, a return for a tanker, and a receipt while legs are still open", () => {
    expect(tripTransition({ status: "LOADING", vehicleKind: "ROAD_TANKER" }, "arrive")).toEqual({ ok: false, error: "trip_bad_transition" });
    expect(tripTransition({ status: "IN_TRANSIT", vehicleKind: "ROAD_TANKER" }, "depart")).toEqual({ ok: false, error: "trip_bad_transition" });
    expect(tripTransition({ status: "RECEIVED", vehicleKind: "ROAD_TANKER" }, "return")).toEqual({ ok: false, error: "trip_return_cylinders_only" });
    expect(tripTransition({ status: "RECEIVED", vehicleKind: null }, "return")).toEqual({ ok: false, error: "trip_return_cylinders_only" });
    expect(tripTransition({ status: "ARRIVED", vehicleKind: "ROAD_TANKER" }, "receive", false)).toEqual({ ok: false, error: "trip_not_all_received" });
  });

  it("diverts only a trip in transit, which stays in transit", () => {
    for (const status of TRIP_STATUSES) {
      const r = tripTransition({ status, vehicleKind: "ROAD_TANKER" }, "divert");
      expect(r.ok).toBe(status === "IN_TRANSIT");
      if (r.ok) expect(r.status).toBe("IN_TRANSIT");
    }
  });

  it("offers the board's buttons per status", () => {
    expect(tripActions({ status: "LOADING", vehicleKind: "ROAD_TANKER" })).toEqual(["depart"]);
    expect(tripActions({ status: "IN_TRANSIT", vehicleKind: "ROAD_TANKER" })).toEqual(["arrive", "divert"]);
    expect(tripActions({ status: "ARRIVED", vehicleKind: "ROAD_TANKER" })).toEqual([]);
    expect(tripActions({ status: "RECEIVED", vehicleKind: "CYLINDER_TRUCK" })).toEqual(["return"]);
    expect(tripActions({ status: "RETURNED", vehicleKind: "CYLINDER_TRUCK" })).toEqual([]);
  });

  it("a leg's receipt takes the trip through arrival, and to received with the last leg", () => {
    expect(stepsToReceive("LOADING", true)).toBeNull();
    expect(stepsToReceive("IN_TRANSIT", false)).toEqual(["arrive"]);
    expect(stepsToReceive("IN_TRANSIT", true)).toEqual(["arrive", "receive"]);
    expect(stepsToReceive("ARRIVED", false)).toEqual([]);
    expect(stepsToReceive("ARRIVED", true)).toEqual(["receive"]);
    expect(stepsToReceive("RECEIVED", true)).toEqual([]);
  });

  it("is late only on the road and past its estimate (the estimate before the plan)", () => {
    const now = new Date("2021-08-25T02:30:00Z");
    const before = new Date("2021-08-25T01:00:00Z");
    const after = new Date("2021-08-25T04:00:00Z");
    expect(isLate({ status: "IN_TRANSIT", etaAt: null, plannedArrivalAt: before }, now)).toBe(true);
    expect(isLate({ status: "LOADING", etaAt: null, plannedArrivalAt: before }, now)).toBe(true);
    expect(isLate({ status: "IN_TRANSIT", etaAt: after, plannedArrivalAt: before }, now)).toBe(false);
    expect(isLate({ status: "ARRIVED", etaAt: before, plannedArrivalAt: before }, now)).toBe(false);
    expect(isLate({ status: "IN_TRANSIT", etaAt: null, plannedArrivalAt: null }, now)).toBe(false);
  });

  it("random sequences of actions: only allowed ones move the trip, always forward, and every reached status is reachable from LOADING", () => {
    const action = fc.constantFrom<TripAction>("depart", "arrive", "receive", "return", "divert");
    const kind = fc.constantFrom<VehicleKind | null>(...VEHICLE_KINDS, null);
    fc.assert(
      fc.property(kind, fc.array(fc.tuple(action, fc.boolean()), { maxLength: 30 }), (vehicleKind, steps) => {
        let status: TripStatus = "LOADING";
        const seen: TripStatus[] = [status];
        for (const [a, allIn] of steps) {
          const offered = a === "receive" ? true : tripActions({ status, vehicleKind }).includes(a);
          const r = tripTransition({ status, vehicleKind }, a, allIn);
          if (a !== "receive") expect(r.ok).toBe(offered);
          if (!r.ok) continue;
          // never backwards, at most one step forward
          expect(ORDER[r.status] - ORDER[status]).toBeGreaterThanOrEqual(0);
          expect(ORDER[r.status] - ORDER[status]).toBeLessThanOrEqual(1);
          if (r.status !== status) seen.push(r.status);
          status = r.status;
        }
        // statuses are visited in order, none skipped
        seen.forEach((s, i) => expect(ORDER[s]).toBe(i));
        if (status === "RETURNED") expect(vehicleKind).toBe("CYLINDER_TRUCK");
      }),
    );
  });

  it("random receipts: a trip ends RECEIVED exactly when every leg is in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.boolean(), (legs, departedFirst) => {
        let status: TripStatus = departedFirst ? "IN_TRANSIT" : "ARRIVED";
        for (let received = 1; received <= legs; received++) {
          const steps = stepsToReceive(status, received === legs)!;
          for (const step of steps) {
            const r = tripTransition({ status, vehicleKind: "ROAD_TANKER" }, step, received === legs);
            expect(r.ok).toBe(true);
            if (r.ok) status = r.status;
          }
          expect(status).toBe(received === legs ? "RECEIVED" : "ARRIVED");
        }
      }),
    );
  });
});
