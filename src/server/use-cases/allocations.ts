import { now as clockNow } from "@/server/clock";
import { z } from "zod";
import { dayToDate } from "@/domain/day";
import { checkAllocation } from "@/domain/request";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { day, positiveTonnesKg } from "./hospital-inputs";
import { notify } from "./notifications";
import { lockRequest, nextStatus } from "./requests";

// Allocation: staff assign approved kilograms to sources — a producer's or distributor's free
// medical supply on one WIB day, or what is left of a pledge (within its earmark). All lines of
// one save go in ONE transaction which locks, in a fixed order, every request row and then every
// source row (the DailyCapacity row of the supplier-day, or the Pledge row) FOR UPDATE, and only
// then sums what is already allocated. Concurrent staff therefore queue on the rows they share,
// and neither "total ≤ approved" nor "never beyond a source's free kg" can be broken by a race.

/** "supply:<supplierId>" (daily medical supply) or "pledge:<pledgeId>". */
export type SourceKey = `supply:${string}` | `pledge:${string}`;

const sourceKey = z
  .string({ error: "required" })
  .trim()
  .refine((s) => /^(supply|pledge):[A-Za-z0-9_-]{1,100}$/.test(s), "invalid_choice");

const line = z.object({
  requestId: z.string().trim().min(1),
  sourceId: sourceKey,
  kg: positiveTonnesKg,
  reason: z.string().trim().max(500).default(""),
});

type Source = { key: string; supplierId: string; pledgeId: string | null; freeKg: number; eligible: (hospitalId: string, member: boolean) => boolean };

/** Locks the source's row and computes its free kilograms on the day (the database sums). */
async function lockSource(tx: Tx, key: string, date: Date): Promise<Source | null> {
  const [kind, id] = key.split(":") as ["supply" | "pledge", string];
  if (kind === "supply") {
    const rows = await tx.$queryRaw<{ medicalKg: number }[]>`
      SELECT c."medicalKg" FROM "DailyCapacity" c JOIN "Supplier" s ON s.id = c."supplierId"
      WHERE c."supplierId" = ${id} AND c.day = ${date} AND s.active AND s.kind IN ('PRODUCER', 'DISTRIBUTOR')
      FOR UPDATE OF c`;
    if (rows.length === 0) return null;
    const [{ used }] = await tx.$queryRaw<{ used: bigint | null }[]>`
      SELECT sum(kg) AS used FROM "Allocation"
      WHERE "supplierId" = ${id} AND day = ${date} AND "pledgeId" IS NULL AND status <> 'CANCELLED'`;
    return { key, supplierId: id, pledgeId: null, freeKg: Math.max(0, rows[0].medicalKg - Number(used ?? 0)), eligible: () => true };
  }
  const rows = await tx.$queryRaw<{ supplierId: string; totalKg: number; earmark: string; startsOn: Date }[]>`
    SELECT "supplierId", "totalKg", earmark::text AS earmark, "startsOn" FROM "Pledge" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0 || rows[0].startsOn > date) return null;
  const p = rows[0];
  // Committed so far: its live allocations, and tranche deliveries made without an allocation.
  const [{ used }] = await tx.$queryRaw<{ used: bigint | null }[]>`
    SELECT COALESCE((SELECT sum(kg) FROM "Allocation" WHERE "pledgeId" = ${id} AND status <> 'CANCELLED'), 0)
         + COALESCE((SELECT sum(d."dispatchedKg") FROM "Delivery" d JOIN "PledgeTranche" t ON t.id = d."trancheId"
                     WHERE t."pledgeId" = ${id} AND d."allocationId" IS NULL), 0) AS used`;
  const listed = p.earmark === "HOSPITALS"
    ? new Set((await tx.pledgeHospital.findMany({ where: { pledgeId: id }, select: { hospitalId: true } })).map((h) => h.hospitalId))
    : null;
  return {
    key,
    supplierId: p.supplierId,
    pledgeId: id,
    freeKg: Math.max(0, p.totalKg - Number(used ?? 0)),
    eligible: (hospitalId, member) => (p.earmark === "NONE" ? true : p.earmark === "ASSOCIATION" ? member : !!listed?.has(hospitalId)),
  };
}

/**
 * Saves allocation lines (one request or several, e.g. an accepted recommendation) drawing on
 * the sources' supply of one day. Either every line is saved or none; errors are keyed
 * `lines.<i>.kg` / `lines.<i>.sourceId`.
 */
export const allocate = useCase({
  action: "allocation:write",
  input: z.object({ day, lines: z.array(line).max(200) }),
  run: async ({ tx, actor, input }) => {
    const lines = input.lines;
    if (lines.length === 0) throw new RuleError("no_lines");
    const date = dayToDate(input.day);

    // 1. Requests, then sources, each in sorted order (no deadlock between two savers).
    const requests = new Map<string, Awaited<ReturnType<typeof lockRequest>> & { member: boolean }>();
    for (const rid of [...new Set(lines.map((l) => l.requestId))].sort()) {
      const r = await lockRequest(tx, rid);
      const h = await tx.hospital.findUniqueOrThrow({ where: { id: r.hospitalId }, select: { isAssociationMember: true } });
      requests.set(rid, { ...r, member: h.isAssociationMember });
    }
    const sources = new Map<string, Source | null>();
    for (const key of [...new Set(lines.map((l) => l.sourceId))].sort()) sources.set(key, await lockSource(tx, key, date));

    // 2. What each request already has, summed by the database.
    const allocated = new Map<string, number>();
    const sums = await tx.allocation.groupBy({
      by: ["requestId"],
      where: { requestId: { in: [...requests.keys()] }, status: { not: "CANCELLED" } },
      _sum: { kg: true },
    });
    for (const s of sums) allocated.set(s.requestId, s._sum.kg ?? 0);

    // 3. Every line against both limits, counting the lines before it.
    const errors: Record<string, string> = {};
    const taken = new Map<string, number>();
    lines.forEach((l, i) => {
      const r = requests.get(l.requestId)!;
      const src = sources.get(l.sourceId);
      if (!src) {
        errors[`lines.${i}.sourceId`] = "invalid_choice";
        return;
      }
      if (!src.eligible(r.hospitalId, r.member)) {
        errors[`lines.${i}.sourceId`] = "earmark";
        return;
      }
      const check = checkAllocation({
        approvedKg: r.approvedKg ?? 0,
        requestAllocatedKg: allocated.get(r.id) ?? 0,
        sourceFreeKg: src.freeKg - (taken.get(src.key) ?? 0),
        kg: l.kg,
      });
      if (!check.ok) {
        errors[`lines.${i}.kg`] = check.error;
        return;
      }
      allocated.set(r.id, (allocated.get(r.id) ?? 0) + l.kg);
      taken.set(src.key, (taken.get(src.key) ?? 0) + l.kg);
    });
    // The status must allow allocating (APPROVED, ALLOCATED, IN_TRANSIT).
    const nextOf = new Map<string, ReturnType<typeof nextStatus>>();
    for (const r of requests.values()) nextOf.set(r.id, nextStatus(r.status, { type: "allocate" }));
    if (Object.keys(errors).length) throw new RuleError("invalid", errors);

    // 4. Write.
    const created = [];
    for (const l of lines) {
      const src = sources.get(l.sourceId)!;
      const row = await tx.allocation.create({
        data: { requestId: l.requestId, supplierId: src.supplierId, pledgeId: src.pledgeId, day: date, kg: l.kg, reason: l.reason, createdById: actor.id, createdAt: clockNow() },
      });
      await recordAudit(tx, actor, "allocation.create", "Allocation", row.id, null, row);
      created.push(row);
    }
    for (const r of requests.values()) {
      const status = nextOf.get(r.id)!;
      const kg = created.filter((c) => c.requestId === r.id).reduce((s, c) => s + c.kg, 0);
      if (status !== r.status) {
        const { hospital: _h, member: _m, ...before } = r;
        const after = await tx.supplyRequest.update({ where: { id: r.id }, data: { status } });
        await recordAudit(tx, actor, "request.allocate", "SupplyRequest", r.id, before, after);
      }
      await notify(tx, { hospitalId: r.hospitalId }, "request_allocated", { requestId: r.id, kg, approvedKg: r.approvedKg ?? 0 });
    }
    return created;
  },
});
