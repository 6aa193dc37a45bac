import "server-only";
import { referencesOf, type AuditNames } from "@/domain/audit-events";
import { prisma } from "../db";
import { can, type Actor } from "../permissions";
import { listParams, pageOf, type ListQuery } from "./supply-list";

/** The business records whose history staff can open ("audit:read"). */
export const AUDITED_ENTITIES = [
  "Supplier",
  "DailyCapacity",
  "Policy",
  "MedicalPriorityPeriod",
  "Pledge",
  "Delivery",
  "Trip",
  "Vehicle",
  "Driver",
  "Allocation",
  "SupplyRequest",
  "Hospital",
  "StockReport",
  "CylinderMovement",
  "FlowRateSet",
  "Scenario",
] as const;

/** Accounts and API tokens: their history names every account's email, role and hospital ("audit:accounts", ADMIN). */
export const ACCOUNT_ENTITIES = ["User", "ApiToken"] as const;

/** The entity kinds whose events this actor may read: an allow-list, so a new kind stays ADMIN's until listed. */
export function readableEntities(actor: Actor): string[] | "all" {
  if (can(actor, "audit:accounts")) return "all";
  return can(actor, "audit:read") ? [...AUDITED_ENTITIES] : [];
}

export const AUDIT_SORTS = ["at"] as const;

/** One record's history (entity + id), or one entity kind's, or everything readable. */
export type AuditQuery = ListQuery<(typeof AUDIT_SORTS)[number]> & { entity: string | null; id: string | null };

/**
 * Audit events the actor may read, newest first: one record's history (entity + id) or everything
 * of one entity kind. The caller has checked "audit:read"; the entity kinds are scoped here.
 */
export async function auditEvents(actor: Actor, query: AuditQuery) {
  const p = listParams(query);
  const entity = query.entity ?? "";
  const entityId = query.id ?? "";
  const readable = readableEntities(actor);
  const where = {
    AND: [readable === "all" ? {} : { entity: { in: readable } }, entity ? { entity } : {}, entityId ? { entityId } : {}],
  };
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: [{ at: p.dir }, { id: p.dir }], skip: p.skip, take: p.take }),
    prisma.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true, role: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    ...pageOf(
      rows.map((r) => ({ ...r, id: r.id.toString(), actor: r.actorId ? (byId.get(r.actorId) ?? null) : null })),
      total,
      p,
    ),
    params: { entity, id: entityId, sort: p.sort, dir: p.dir },
  };
}

/** Field-by-field difference of two snapshots (top-level keys), for the history view. */
export function changedFields(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "updatedAt");
  const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));
  return keys.filter((k) => show(b[k]) !== show(a[k])).map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

/**
 * The human names of every record a page of events refers to, in a fixed number of batch lookups
 * (allocations, alerts and trips first, as they lead to requests, hospitals and suppliers; then requests; then the
 * names), whatever the number of events: no query per event.
 */
export async function auditNames(events: { entity: string; entityId: string; before: unknown; after: unknown }[]): Promise<AuditNames> {
  const refs = referencesOf(events);
  const ids = (set: Set<string>) => ({ in: [...set] });
  const [allocations, alerts, trips] = await Promise.all([
    prisma.allocation.findMany({ where: { id: ids(refs.allocations) }, select: { id: true, requestId: true, supplierId: true } }),
    prisma.alert.findMany({ where: { id: ids(refs.alerts) }, select: { id: true, hospitalId: true } }),
    prisma.trip.findMany({ where: { id: ids(refs.trips) }, select: { id: true, vehiclePlate: true, sourceId: true } }),
  ]);
  for (const a of allocations) {
    refs.requests.add(a.requestId);
    refs.suppliers.add(a.supplierId);
  }
  for (const a of alerts) refs.hospitals.add(a.hospitalId);
  for (const trip of trips) refs.suppliers.add(trip.sourceId);
  const requests = await prisma.supplyRequest.findMany({ where: { id: ids(refs.requests) }, select: { id: true, hospitalId: true } });
  for (const r of requests) refs.hospitals.add(r.hospitalId);
  const named = { id: true, name: true } as const;
  const [hospitals, suppliers, regions, users, tokens, rateSets, vehicles, drivers, cylinderTypes] = await Promise.all([
    prisma.hospital.findMany({ where: { id: ids(refs.hospitals) }, select: named }),
    prisma.supplier.findMany({ where: { id: ids(refs.suppliers) }, select: named }),
    prisma.region.findMany({ where: { id: ids(refs.regions) }, select: named }),
    prisma.user.findMany({ where: { id: ids(refs.users) }, select: { id: true, name: true, role: true } }),
    prisma.apiToken.findMany({ where: { id: ids(refs.tokens) }, select: named }),
    prisma.flowRateSet.findMany({ where: { id: ids(refs.rateSets) }, select: named }),
    prisma.vehicle.findMany({ where: { id: ids(refs.vehicles) }, select: { id: true, plate: true } }),
    prisma.driver.findMany({ where: { id: ids(refs.drivers) }, select: named }),
    prisma.cylinderType.findMany({ where: { id: ids(refs.cylinderTypes) }, select: named }),
  ]);
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return {
    hospitals: byName(hospitals),
    suppliers: byName(suppliers),
    regions: byName(regions),
    users: new Map(users.map((u) => [u.id, { name: u.name, role: u.role }])),
    tokens: byName(tokens),
    rateSets: byName(rateSets),
    requests: new Map(requests.map((r) => [r.id, { hospitalId: r.hospitalId }])),
    allocations: new Map(allocations.map((a) => [a.id, { requestId: a.requestId, supplierId: a.supplierId }])),
    alerts: new Map(alerts.map((a) => [a.id, { hospitalId: a.hospitalId }])),
    vehicles: new Map(vehicles.map((v) => [v.id, v.plate])),
    drivers: byName(drivers),
    trips: new Map(trips.map((trip) => [trip.id, { vehiclePlate: trip.vehiclePlate, sourceId: trip.sourceId }])),
    cylinderTypes: byName(cylinderTypes),
  };
}
