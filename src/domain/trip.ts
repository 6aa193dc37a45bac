// A trip: one vehicle carrying oxygen from a source (a producer or a distributor) to one or
// more destinations; each destination's load is a leg (a Delivery row, decision 0038).
//
//   LOADING ─depart─▶ IN_TRANSIT ─arrive─▶ ARRIVED ─receive─▶ RECEIVED ─return─▶ RETURNED
//                         │  ▲                                          (cylinder trucks only:
//                         └──┘ divert (another hospital, with a reason)   back with the empties)
//
// "receive" is not a button: it follows from the legs' receipts (the hospital's receipt flow);
// the trip is RECEIVED when every leg has one. A receipt recorded while the trip is still shown
// in transit means it arrived, so the receipt moves it through ARRIVED first (`stepsToReceive`).
// A trip on the road past its estimated arrival is late (`isLate`; lists do the same in SQL).

export const TRIP_STATUSES = ["LOADING", "IN_TRANSIT", "ARRIVED", "RECEIVED", "RETURNED"] as const;
/** Matches the Prisma enum TripStatus. */
export type TripStatus = (typeof TRIP_STATUSES)[number];

export const VEHICLE_KINDS = ["ROAD_TANKER", "ISO_CONTAINER", "CYLINDER_TRUCK"] as const;
/** Matches the Prisma enum VehicleKind. */
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** A tanker's capacity is in kg of liquid oxygen; a cylinder truck's in cylinders. */
export function capacityUnitOf(kind: VehicleKind): "kg" | "cylinders" {
  return kind === "CYLINDER_TRUCK" ? "cylinders" : "kg";
}

export type TripStep = "depart" | "arrive" | "receive" | "return";
export type TripAction = TripStep | "divert";

/** Trips not yet arrived: on the road or about to leave. */
export const ON_THE_ROAD: readonly TripStatus[] = ["LOADING", "IN_TRANSIT"];

const NEXT: Record<TripStep, { from: TripStatus; to: TripStatus }> = {
  depart: { from: "LOADING", to: "IN_TRANSIT" },
  arrive: { from: "IN_TRANSIT", to: "ARRIVED" },
  receive: { from: "ARRIVED", to: "RECEIVED" },
  return: { from: "RECEIVED", to: "RETURNED" },
};

export type TripFacts = {
  status: TripStatus;
  /** the vehicle's kind, when it is in the register (a typed plate: unknown, so no return leg) */
  vehicleKind: VehicleKind | null;
};

export type TripErrorCode = "trip_bad_transition" | "trip_return_cylinders_only" | "trip_not_all_received";

export type TripTransition = { ok: true; status: TripStatus } | { ok: false; error: TripErrorCode };

/**
 * The one rule for moving a trip. `allLegsReceived` matters only for "receive": the trip is
 * received when the last of its legs is.
 */
export function tripTransition(trip: TripFacts, action: TripAction, allLegsReceived = false): TripTransition {
  if (action === "divert") return trip.status === "IN_TRANSIT" ? { ok: true, status: "IN_TRANSIT" } : { ok: false, error: "trip_bad_transition" };
  const step = NEXT[action];
  if (trip.status !== step.from) return { ok: false, error: "trip_bad_transition" };
  if (action === "return" && trip.vehicleKind !== "CYLINDER_TRUCK") return { ok: false, error: "trip_return_cylinders_only" };
  if (action === "receive" && !allLegsReceived) return { ok: false, error: "trip_not_all_received" };
  return { ok: true, status: step.to };
}

/** What staff may do to a trip in its status (the board's buttons); receiving is the hospitals'. */
export function tripActions(trip: TripFacts): TripAction[] {
  const all: TripAction[] = ["depart", "arrive", "return", "divert"];
  return all.filter((a) => tripTransition(trip, a).ok);
}

/**
 * The steps a leg's receipt takes the trip through: none while other legs are unreceived
 * (except arriving), ARRIVED then RECEIVED from in transit. A trip still loading cannot be
 * received (null): it has not left.
 */
export function stepsToReceive(status: TripStatus, allLegsReceived: boolean): TripStep[] | null {
  if (status === "LOADING") return null;
  const arrive: TripStep[] = status === "IN_TRANSIT" ? ["arrive"] : [];
  if (!allLegsReceived) return arrive;
  if (status === "IN_TRANSIT" || status === "ARRIVED") return [...arrive, "receive"];
  return [];
}

/** The estimate of arrival in force: the latest estimate, else the plan. */
export function expectedArrival(trip: { etaAt: Date | null; plannedArrivalAt: Date | null }): Date | null {
  return trip.etaAt ?? trip.plannedArrivalAt;
}

/** Late: not yet arrived and past its expected arrival (by the one clock). */
export function isLate(trip: { status: TripStatus; etaAt: Date | null; plannedArrivalAt: Date | null }, now: Date): boolean {
  const eta = expectedArrival(trip);
  return ON_THE_ROAD.includes(trip.status) && eta !== null && eta.getTime() < now.getTime();
}
