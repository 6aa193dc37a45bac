import "server-only";
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
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
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
