import "server-only";
import type { TripStatus, VehicleKind } from "@/domain/trip";
import { now as clockNow } from "../clock";
import { prisma } from "../db";

// The trip board (decision 0038). "Late" is derived by PostgreSQL from the one clock: on the road
// (loading or in transit) and past its expected arrival (the latest estimate, else the plan).

/** How far ahead "arriving soon" looks. */
export const ARRIVING_WITHIN_HOURS = 6;
/** How far back the board shows finished trips. */
export const RECENT_HOURS = 48;

export type BoardSection = "late" | "arriving" | "onRoad" | "recent";

export type BoardTrip = {
  id: string;
  section: BoardSection;
  status: TripStatus;
  vehiclePlate: string;
  vehicleKind: VehicleKind | null;
  driverName: string;
  source: string;
  destinations: string;
  kg: number;
  departedAt: Date | null;
  eta: Date | null;
  arrivedAt: Date | null;
  receivedAt: Date | null;
  late: boolean;
  divertedAt: Date | null;
  divertReason: string | null;
  /** hospitals of the legs still to be received (to divert to another one) */
  legs: number;
};

/** The board's trips in its sections, each section ordered for its reader, at most 50 each. */
export async function tripBoard(now: Date = clockNow()): Promise<BoardTrip[]> {
  const soon = new Date(now.getTime() + ARRIVING_WITHIN_HOURS * 3_600_000);
  const since = new Date(now.getTime() - RECENT_HOURS * 3_600_000);
  const rows = await prisma.$queryRaw<(Omit<BoardTrip, "kg" | "legs"> & { kg: bigint; legs: bigint })[]>`
    WITH t AS (
      SELECT tr.*, COALESCE(tr."etaAt", tr."plannedArrivalAt") AS eta,
        (tr.status IN ('LOADING', 'IN_TRANSIT') AND COALESCE(tr."etaAt", tr."plannedArrivalAt") < ${now}) AS late
      FROM "Trip" tr
      WHERE tr.status IN ('LOADING', 'IN_TRANSIT') OR GREATEST(tr."arrivedAt", tr."receivedAt", tr."returnedAt") >= ${since}
    ), s AS (
      SELECT t.*, CASE
        WHEN t.late THEN 'late'
        WHEN t.status IN ('LOADING', 'IN_TRANSIT') AND t.eta <= ${soon} THEN 'arriving'
        WHEN t.status IN ('LOADING', 'IN_TRANSIT') THEN 'onRoad'
        ELSE 'recent' END AS section
      FROM t
    ), ranked AS (
      SELECT s.*, row_number() OVER (PARTITION BY s.section ORDER BY
        CASE WHEN s.section = 'recent' THEN NULL ELSE s.eta END ASC NULLS LAST,
        GREATEST(s."arrivedAt", s."receivedAt", s."returnedAt") DESC NULLS LAST, s.id) AS n
      FROM s
    )
    SELECT r.id, r.section, r.status::text AS status, r."vehiclePlate", v.kind::text AS "vehicleKind", r."driverName",
      src.name AS source, r."departedAt", r.eta, r."arrivedAt", r."receivedAt", r.late, r."divertedAt", r."divertReason",
      COALESCE((SELECT string_agg(DISTINCT COALESCE(h.name, dp.name), ', ') FROM "Delivery" d
        LEFT JOIN "Hospital" h ON h.id = d."hospitalId" LEFT JOIN "Supplier" dp ON dp.id = d."depotId" WHERE d."tripId" = r.id), '') AS destinations,
      COALESCE((SELECT sum(d."dispatchedKg") FROM "Delivery" d WHERE d."tripId" = r.id), 0) AS kg,
      (SELECT count(*) FROM "Delivery" d WHERE d."tripId" = r.id) AS legs
    FROM ranked r
    JOIN "Supplier" src ON src.id = r."sourceId"
    LEFT JOIN "Vehicle" v ON v.id = r."vehicleId"
    WHERE r.n <= 50
    ORDER BY array_position(ARRAY['late', 'arriving', 'onRoad', 'recent'], r.section), r.n`;
  return rows.map((r) => ({ ...r, kg: Number(r.kg), legs: Number(r.legs) }));
}

/** One trip with its steps (who, when) and its legs. */
export function tripById(id: string) {
  return prisma.trip.findUnique({
    where: { id },
    include: {
      source: { select: { name: true, kind: true } },
      vehicle: { select: { kind: true, capacity: true, operator: { select: { kind: true } } } },
      events: { orderBy: [{ at: "asc" }, { createdAt: "asc" }], include: { hospital: { select: { name: true } } } },
      legs: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          dispatchedKg: true,
          receivedKg: true,
          hospital: { select: { id: true, name: true } },
          depot: { select: { name: true } },
          allocation: { select: { requestId: true } },
        },
      },
    },
  });
}

/** The people who recorded a trip's steps, by id (names for the timeline). */
export async function userNames(ids: string[]) {
  const rows = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** Open requests of active hospitals a diverted trip may serve, and the hospitals to divert to. */
export async function divertOptions() {
  const [hospitals, requests] = await Promise.all([
    prisma.hospital.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.supplyRequest.findMany({
      where: { status: { in: ["APPROVED", "ALLOCATED", "IN_TRANSIT"] } },
      orderBy: [{ urgency: "asc" }, { createdAt: "asc" }],
      take: 200,
      select: { id: true, urgency: true, approvedKg: true, hospital: { select: { id: true, name: true } } },
    }),
  ]);
  return { hospitals, requests };
}

/** A hospital's trips on their way (not yet received), with their state and expected arrival. */
export async function incomingTrips(hospitalId: string, now: Date = clockNow()) {
  const rows = await prisma.$queryRaw<{ deliveryId: string; status: TripStatus; eta: Date | null; late: boolean; divertedAt: Date | null }[]>`
    SELECT d.id AS "deliveryId", t.status::text AS status, COALESCE(t."etaAt", t."plannedArrivalAt") AS eta,
      (t.status IN ('LOADING', 'IN_TRANSIT') AND COALESCE(t."etaAt", t."plannedArrivalAt") < ${now}) AS late,
      t."divertedAt"
    FROM "Delivery" d JOIN "Trip" t ON t.id = d."tripId"
    WHERE d."hospitalId" = ${hospitalId} AND d."receivedKg" IS NULL`;
  return new Map(rows.map((r) => [r.deliveryId, r]));
}
