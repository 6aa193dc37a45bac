import "server-only";
import { now as clockNow } from "@/server/clock";
import { z } from "zod";
import { dayToDate } from "@/domain/day";
import { accepts, checkAllocation, type RequestStatus } from "@/domain/request";
import { recordAudit } from "../audit";
import { authorize, type Actor } from "../permissions";
import { RuleError, useCase, type Tx } from "../use-case";
import { calendarDay as day, confirmUnusual, id, positiveTonnesKg, text } from "./inputs";
import { notify } from "./notifications";
import { cancelAllocationRemainder, requestFigures, settleRequest } from "./request-loop";
import { approveIn, lockRequest } from "./requests";

// Allocation: staff assign approved kilograms to sources — a producer's or distributor's free
// medical supply on one WIB day, or what is left of a pledge (within its earmark). All lines of
// one save go in ONE transaction which locks, in a fixed order, every request row and then every
// source row (the DailyCapacity row of the supplier-day, or the Pledge row) FOR UPDATE, and only
// then reads what is already committed: one rollup row per request, supply day and pledge, kept by
// triggers and locked too (decision 0049). Concurrent staff therefore queue on the rows they share,
// and neither "total ≤ approved" nor "never beyond a source's free kg" can be broken by a race.
// A request's "total" is what it has covered (received, on the road, or allocated and not yet
// sent: src/domain/request.ts coveredKg), so a shortfall at receipt can be allocated again.
// A producer's day supply is one pool: its pledge allocations and its tranche trips of the day
// take from it too ("SupplyDayCommitted", as capacityCommittedSql reads it). Locks go pledges
// first, then supply days (each with its rollup row), then the pledges' rollup rows, then the
// requests' — the order in which other writes' triggers take rollup rows (supply day, pledge).

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

type LockedRequest = { id: string; hospitalId: string; status: RequestStatus; approvedKg: number | null; member: boolean };

type Source = { key: string; supplierId: string; pledgeId: string | null; freeKg: number; eligible: (hospitalId: string, member: boolean) => boolean };

/**
 * Locks the source's row. A supply day's committed sum's row ("SupplyDayCommitted", kept by
 * triggers, decision 0049) is then locked and read too, for its free kilograms on the day: one
 * row, whatever the number of allocations the day has had. Two statements, in that order: the
 * second reads (under READ COMMITTED) what the savers it queued behind committed. A pledge's
 * committed sum is read later (pledgeCommitted).
 */
async function lockSource(tx: Tx, key: string, date: Date): Promise<Source | null> {
  const [kind, id] = key.split(":") as ["supply" | "pledge", string];
  if (kind === "supply") {
    const rows = await tx.$queryRaw<{ medicalKg: number }[]>`
      SELECT c."medicalKg" FROM "DailyCapacity" c JOIN "Supplier" s ON s.id = c."supplierId"
      WHERE c."supplierId" = ${id} AND c.day = ${date} AND s.active AND s.kind IN ('PRODUCER', 'DISTRIBUTOR')
      FOR UPDATE OF c`;
    if (rows.length === 0) return null;
    const [k] = await tx.$queryRaw<{ used: bigint }[]>`
      SELECT "committedKg" AS used FROM "SupplyDayCommitted" WHERE "supplierId" = ${id} AND day = ${date} FOR UPDATE`;
    return { key, supplierId: id, pledgeId: null, freeKg: Math.max(0, rows[0].medicalKg - Number(k?.used ?? 0)), eligible: () => true };
  }
  // FOR NO KEY UPDATE, not FOR UPDATE: savers still queue on it, but a tranche trip of the pledge,
  // which holds the producer's day and then inserts rows referencing the pledge (a foreign key's
  // KEY SHARE lock), is not blocked by it — with FOR UPDATE the two deadlocked.
  const rows = await tx.$queryRaw<{ supplierId: string; totalKg: number; earmark: string; startsOn: Date }[]>`
    SELECT "supplierId", "totalKg", earmark::text AS earmark, "startsOn" FROM "Pledge" WHERE id = ${id} FOR NO KEY UPDATE`;
  if (rows.length === 0 || rows[0].startsOn > date) return null;
  const p = rows[0];
  const listed =
    p.earmark === "HOSPITALS"
      ? new Set((await tx.pledgeHospital.findMany({ where: { pledgeId: id }, select: { hospitalId: true } })).map((h) => h.hospitalId))
      : null;
  return {
    key,
    supplierId: p.supplierId,
    pledgeId: id,
    freeKg: p.totalKg, // less what it committed: pledgeCommitted, once the supply days are locked
    eligible: (hospitalId, member) => (p.earmark === "NONE" ? true : p.earmark === "ASSOCIATION" ? member : !!listed?.has(hospitalId)),
  };
}

/**
 * What a pledge has committed (its live allocations, and its tranches' trips made without an
 * allocation): its "PledgeCommitted" row, locked. Read after every supply day's rows are locked,
 * in the order the triggers of other writes take them (supply day, then pledge): a tranche trip
 * holds its producer's day and then updates the pledge's row, so locking the pledge's row first
 * could deadlock with it.
 */
async function pledgeCommitted(tx: Tx, pledgeId: string): Promise<number> {
  const [k] = await tx.$queryRaw<{ used: bigint }[]>`SELECT "committedKg" AS used FROM "PledgeCommitted" WHERE "pledgeId" = ${pledgeId} FOR UPDATE`;
  return Number(k?.used ?? 0);
}

// formKey: the rendering of the form the lines come from (AllocationForm); absent for other callers
const allocateInput = z.object({ day, lines: z.array(line).max(200), formKey: z.string().trim().min(8).max(100).optional() });

/**
 * Saves allocation lines (one request or several, e.g. an accepted recommendation) drawing on
 * the sources' supply of one day. Either every line is saved or none; errors are keyed
 * `lines.<i>.kg` / `lines.<i>.sourceId`.
 */
export const allocate = useCase({
  action: "allocation:write",
  touches: "figures", // figures only: served late by at most READ_STALE_MS (decision 0040)
  input: allocateInput,
  run: ({ tx, actor, input }) => allocateIn(tx, actor, input),
});

/** The allocation's rules and writes, inside the caller's transaction (allocate, approveAndAllocate). */
export async function allocateIn(tx: Tx, actor: Actor, input: z.output<typeof allocateInput>) {
  const lines = input.lines;
  if (lines.length === 0) throw new RuleError("no_lines");
  const date = dayToDate(input.day);

  // 1. Requests, then sources, each in sorted order (no deadlock between two savers).
  // One plain statement per request (the lock and what the checks read): Prisma's model
  // queries cost milliseconds of CPU each to compile (decision 0047).
  const requests = new Map<string, LockedRequest>();
  for (const rid of [...new Set(lines.map((l) => l.requestId))].sort()) {
    const [r] = await tx.$queryRaw<LockedRequest[]>`
      SELECT q.id, q."hospitalId", q.status::text AS status, q."approvedKg", h."isAssociationMember" AS member
      FROM "SupplyRequest" q JOIN "Hospital" h ON h.id = q."hospitalId" WHERE q.id = ${rid} FOR UPDATE OF q`;
    if (!r) throw new RuleError("not_found");
    requests.set(rid, r);
  }
  // Pledges first, then every supply day in sorted order: the lines' own and those of the
  // pledges' producers (a pledge's oxygen comes out of its producer's supply of the day);
  // then what each pledge has committed.
  const sources = new Map<string, Source | null>();
  const keys = [...new Set(lines.map((l) => l.sourceId))];
  for (const key of keys.filter((k) => k.startsWith("pledge:")).sort()) sources.set(key, await lockSource(tx, key, date));
  const pledgeSuppliers = new Set([...sources.values()].filter((x): x is Source => !!x).map((x) => `supply:${x.supplierId}`));
  const supplyDays = new Map<string, Source | null>();
  for (const key of [...new Set([...keys.filter((k) => k.startsWith("supply:")), ...pledgeSuppliers])].sort())
    supplyDays.set(key, await lockSource(tx, key, date));
  for (const key of keys) if (key.startsWith("supply:")) sources.set(key, supplyDays.get(key) ?? null);
  const daySupply = new Map<string, Source | null>([...pledgeSuppliers].map((k) => [k.slice("supply:".length), supplyDays.get(k) ?? null]));
  for (const src of [...sources.values()].filter((x): x is Source => !!x?.pledgeId).sort((a, b) => a.key.localeCompare(b.key)))
    src.freeKg = Math.max(0, src.freeKg - (await pledgeCommitted(tx, src.pledgeId!)));

  // The same form sent again (a second press before the page's script ran, the browser sending
  // the answer again) saves nothing more: its rows are the answer. The requests are locked
  // above, so a second copy sent at the same time waits here for the first and finds its rows.
  if (input.formKey) {
    const saved = await tx.allocation.findMany({
      where: { formKey: input.formKey, requestId: { in: [...requests.keys()] } },
      orderBy: { createdAt: "asc" },
    });
    if (saved.length) return saved;
  }

  // 2. What each request has covered already: its "RequestCommitted" row, locked.
  const allocated = new Map<string, number>();
  for (const rid of requests.keys()) allocated.set(rid, (await requestFigures(tx, rid, { lock: true })).coveredKg);

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
    const day = src.pledgeId ? daySupply.get(src.supplierId) : null;
    const check = checkAllocation({
      approvedKg: r.approvedKg ?? 0,
      requestAllocatedKg: allocated.get(r.id) ?? 0,
      sourceFreeKg: Math.min(src.freeKg - (taken.get(src.key) ?? 0), day ? day.freeKg - (taken.get(day.key) ?? 0) : Infinity),
      kg: l.kg,
    });
    if (!check.ok) {
      errors[`lines.${i}.kg`] = check.error;
      return;
    }
    allocated.set(r.id, (allocated.get(r.id) ?? 0) + l.kg);
    taken.set(src.key, (taken.get(src.key) ?? 0) + l.kg);
    if (day) taken.set(day.key, (taken.get(day.key) ?? 0) + l.kg);
  });
  // The status must allow allocating (APPROVED, ALLOCATED, IN_TRANSIT).
  for (const r of requests.values()) if (!accepts(r.status, "allocate")) throw new RuleError("bad_transition");
  if (Object.keys(errors).length) throw new RuleError("invalid", errors);

  // 4. Write.
  const created = [];
  for (const l of lines) {
    const src = sources.get(l.sourceId)!;
    const row = await tx.allocation.create({
      data: {
        requestId: l.requestId,
        supplierId: src.supplierId,
        pledgeId: src.pledgeId,
        day: date,
        kg: l.kg,
        reason: l.reason,
        createdById: actor.id,
        createdAt: clockNow(),
        formKey: input.formKey ?? null,
      },
    });
    await recordAudit(tx, actor, "allocation.create", "Allocation", row.id, null, row);
    created.push(row);
  }
  for (const r of requests.values()) {
    const kg = created.filter((c) => c.requestId === r.id).reduce((s, c) => s + c.kg, 0);
    await settleRequest(tx, actor, r.id, clockNow());
    await notify(tx, { hospitalId: r.hospitalId }, "request_allocated", { requestId: r.id, kg, approvedKg: r.approvedKg ?? 0 });
  }
  return created;
}

/**
 * Staff approve a submitted request in full and allocate the recommender's proposal for it, in
 * one step, when that proposal covers it all: ONE transaction running the approval's rules and
 * then the allocation's (approveIn, allocateIn), so any refusal — a status that moved on, an
 * unusual amount not yet confirmed, a source that no longer has the kilograms, a proposal short
 * of the request — writes nothing and answers on its field. Partial cases keep the two steps.
 */
export const approveAndAllocate = useCase({
  action: "request:decide",
  input: z.object({ id, confirmUnusual, ...allocateInput.shape }),
  run: async ({ tx, actor, input }) => {
    authorize(actor, "allocation:write"); // both halves' permissions
    const request = await lockRequest(tx, input.id);
    const errors: Record<string, string> = {};
    input.lines.forEach((l, i) => {
      if (l.requestId !== input.id) errors[`lines.${i}.requestId`] = "invalid_choice";
    });
    if (Object.keys(errors).length) throw new RuleError("invalid", errors);
    const proposedKg = input.lines.reduce((sum, l) => sum + l.kg, 0);
    if (proposedKg !== request.requestedKg)
      throw new RuleError("invalid", { lines: "proposal_not_full" }, { kg: proposedKg, limitKg: request.requestedKg, field: "lines" });
    const approved = await approveIn(tx, actor, { id: input.id, approvedKg: request.requestedKg, note: "", confirmUnusual: input.confirmUnusual });
    const allocations = await allocateIn(tx, actor, { day: input.day, lines: input.lines });
    return { request: approved, allocations };
  },
});

/**
 * Staff cancel an allocation (nothing dispatched yet) or its undispatched remainder, with a
 * reason: the kilograms go back to the source and the request's gap can be allocated again.
 */
export const cancelAllocation = useCase({
  action: "allocation:cancel",
  touches: "figures", // figures only: served late by at most READ_STALE_MS (decision 0040)
  input: z.object({ id, reason: text(3, 500) }),
  run: async ({ tx, actor, input }) => {
    const found = await tx.allocation.findUnique({ where: { id: input.id }, select: { requestId: true } });
    if (!found) throw new RuleError("not_found");
    const request = await lockRequest(tx, found.requestId);
    if (!accepts(request.status, "cancelAllocation")) throw new RuleError("bad_transition");
    await tx.$queryRaw`SELECT id FROM "Allocation" WHERE id = ${input.id} FOR UPDATE`;
    const cancelledKg = await cancelAllocationRemainder(tx, actor, input.id, input.reason);
    if (cancelledKg === 0) throw new RuleError("nothing_to_cancel");
    await settleRequest(tx, actor, found.requestId, clockNow());
    await notify(tx, { hospitalId: request.hospitalId }, "allocation_cancelled", { requestId: request.id, kg: cancelledKg, reason: input.reason });
    return { cancelledKg, allocation: await tx.allocation.findUniqueOrThrow({ where: { id: input.id } }) };
  },
});
