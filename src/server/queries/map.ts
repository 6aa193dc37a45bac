import "server-only";
import type { Position } from "@/domain/map";
import type { SupplierKind } from "@/generated/prisma/client";
import { now as clockNow } from "@/server/clock";
import { prisma } from "../db";
import type { HospitalSupply } from "./dashboard-hospitals";
import { supplyByHospital } from "./stock";

// What the map (/map) shows (decision 0043): the hospitals with their projected status, the
// suppliers, and the oxygen on the road. The statuses are not computed here: they are the rows
// of hospitalSupply on the reference day, the same the dashboard and the triage board read.

export type MapHospital = HospitalSupply & { position: Position | null };

export type MapSupplier = { id: string; name: string; kind: SupplierKind; regionName: string; position: Position | null };

/** A place a trip on the road goes to: a hospital or a distributor's depot (one per leg). */
export type RoadStop = { name: string; position: Position | null };

/** A trip on the road (decision 0038): loading or in transit, from its source to its legs' places. */
export type RoadLoad = {
  /** the trip's id */
  id: string;
  status: "LOADING" | "IN_TRANSIT";
  supplierId: string;
  supplierName: string;
  /** its legs' hospitals or depots, each once, by name */
  stops: RoadStop[];
  /** the stops' names, for the table */
  destinationName: string;
  from: Position | null;
  /** its first leg's dispatch */
  dispatchedAt: Date;
  /** all its legs together */
  dispatchedKg: number;
  vehiclePlate: string;
  /** the latest estimate, else the plan (null: neither was given) */
  expectedAt: Date | null;
  /** past its expected arrival and not arrived */
  late: boolean;
};

export type MapData = {
  /** the moment the statuses are projected to */
  asOf: Date;
  hospitals: MapHospital[];
  suppliers: MapSupplier[];
  onTheRoad: RoadLoad[];
  /** loads on the road beyond those listed (the oldest are listed first) */
  onTheRoadTotal: number;
};

/** Loads drawn and listed; beyond them the page says how many more. */
export const ROAD_LIMIT = 200;

const position = (p: { latitude: number | null; longitude: number | null }): Position | null =>
  p.latitude === null || p.longitude === null ? null : { latitude: p.latitude, longitude: p.longitude };

/**
 * The oxygen on the road at `now`: the trips loading or in transit whose first leg was dispatched
 * by then, oldest first. Late is the trip board's rule (src/server/queries/trips.ts): past
 * COALESCE(etaAt, plannedArrivalAt). Deliveries from before the register (no trip) are not drawn.
 */
export async function onTheRoad(now: Date = clockNow()): Promise<{ rows: RoadLoad[]; total: number }> {
  const trips = await prisma.$queryRaw<
    {
      id: string;
      status: RoadLoad["status"];
      sourceId: string;
      vehiclePlate: string;
      dispatchedAt: Date;
      kg: number;
      expectedAt: Date | null;
      late: boolean;
      total: bigint;
    }[]
  >`
    WITH road AS (
      SELECT t.id, t.status::text AS status, t."sourceId", t."vehiclePlate",
        COALESCE(t."etaAt", t."plannedArrivalAt") AS "expectedAt",
        min(d."dispatchedAt") AS "dispatchedAt", sum(d."dispatchedKg")::int AS kg
      FROM "Trip" t JOIN "Delivery" d ON d."tripId" = t.id
      WHERE t.status IN ('LOADING', 'IN_TRANSIT')
      GROUP BY t.id
      HAVING min(d."dispatchedAt") <= ${now}
    )
    SELECT road.*, COALESCE(road."expectedAt" < ${now}, false) AS late, count(*) OVER () AS total
    FROM road
    ORDER BY road."dispatchedAt", road.id
    LIMIT ${ROAD_LIMIT}`;
  const place = { select: { name: true, latitude: true, longitude: true } };
  const [legs, sources] = await Promise.all([
    prisma.delivery.findMany({
      where: { tripId: { in: trips.map((t) => t.id) } },
      orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
      select: { tripId: true, hospital: place, depot: place },
    }),
    prisma.supplier.findMany({ where: { id: { in: [...new Set(trips.map((t) => t.sourceId))] } }, select: { id: true, ...place.select } }),
  ]);
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  const stopsOf = new Map<string, Map<string, RoadStop>>();
  for (const leg of legs) {
    // exactly one of hospital and depot (CHECK)
    const to = leg.hospital ?? leg.depot!;
    const stops = stopsOf.get(leg.tripId!) ?? new Map<string, RoadStop>();
    stops.set(to.name, { name: to.name, position: position(to) });
    stopsOf.set(leg.tripId!, stops);
  }
  return {
    total: Number(trips[0]?.total ?? 0),
    rows: trips.map((t) => {
      const source = sourceOf.get(t.sourceId)!;
      const stops = [...(stopsOf.get(t.id)?.values() ?? [])];
      return {
        id: t.id,
        status: t.status,
        supplierId: t.sourceId,
        supplierName: source.name,
        stops,
        destinationName: stops.map((s) => s.name).join(", "),
        from: position(source),
        dispatchedAt: t.dispatchedAt,
        dispatchedKg: t.kg,
        vehiclePlate: t.vehiclePlate,
        expectedAt: t.expectedAt,
        late: t.late,
      };
    }),
  };
}

/**
 * Everything the map shows at `now`. `supply`: the hospitals' supply by id when the caller has it
 * (the page passes the cached one the triage board also reads); otherwise it is computed here.
 */
export async function mapData(now: Date = clockNow(), opts: { supply?: Promise<Map<string, HospitalSupply>> } = {}): Promise<MapData> {
  const [supply, hospitalPlaces, suppliers, road] = await Promise.all([
    opts.supply ?? supplyByHospital(now),
    prisma.hospital.findMany({ where: { active: true }, select: { id: true, latitude: true, longitude: true } }),
    prisma.supplier.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, latitude: true, longitude: true, region: { select: { name: true } } },
    }),
    onTheRoad(now),
  ]);
  const placeOf = new Map(hospitalPlaces.map((h) => [h.id, position(h)]));
  // hospitalSupply's order: the most at risk first
  const hospitals = [...supply.values()].map((s) => ({ ...s, position: placeOf.get(s.id) ?? null }));
  return {
    asOf: hospitals[0]?.asOf ?? now,
    hospitals,
    suppliers: suppliers.map((s) => ({ id: s.id, name: s.name, kind: s.kind, regionName: s.region.name, position: position(s) })),
    onTheRoad: road.rows,
    onTheRoadTotal: road.total,
  };
}
