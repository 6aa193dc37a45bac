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

/** A load on the road: dispatched, not yet received, from a supplier to a hospital or a depot. */
export type RoadLoad = {
  id: string;
  supplierId: string;
  supplierName: string;
  /** the hospital or the distributor's depot it goes to */
  destinationName: string;
  from: Position | null;
  to: Position | null;
  dispatchedAt: Date;
  dispatchedKg: number;
  vehiclePlate: string;
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
 * The oxygen on the road at `now`: deliveries dispatched and not yet received, oldest first.
 * The one place that says what "on the road" is, so the map can read trips here once they exist.
 */
export async function onTheRoad(now: Date = clockNow()): Promise<{ rows: RoadLoad[]; total: number }> {
  const where = { receivedAt: null, dispatchedAt: { lte: now } };
  const place = { select: { name: true, latitude: true, longitude: true } };
  const [rows, total] = await Promise.all([
    prisma.delivery.findMany({
      where,
      orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
      take: ROAD_LIMIT,
      select: {
        id: true,
        supplierId: true,
        dispatchedAt: true,
        dispatchedKg: true,
        vehiclePlate: true,
        supplier: place,
        hospital: place,
        depot: place,
      },
    }),
    prisma.delivery.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((d) => {
      // exactly one of hospital and depot (CHECK)
      const to = d.hospital ?? d.depot!;
      return {
        id: d.id,
        supplierId: d.supplierId,
        supplierName: d.supplier.name,
        destinationName: to.name,
        from: position(d.supplier),
        to: position(to),
        dispatchedAt: d.dispatchedAt,
        dispatchedKg: d.dispatchedKg,
        vehiclePlate: d.vehiclePlate,
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
