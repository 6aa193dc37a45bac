import "server-only";
import { z } from "zod";
import { applyDelta, countDelta, countedUse, fullCylindersKg, refillDelta, transferDeltas, type CylinderDelta } from "@/domain/cylinders";
import { todayWib } from "@/domain/day";
import { now as clockNow } from "@/server/clock";
import { recordAudit } from "../audit";
import type { Actor } from "../permissions";
import { RuleError, useCase, type Tx } from "../use-case";
import { count, id, integer, optionalCount, text } from "./inputs";
import { writeStockReport } from "./stock";

// Cylinders (decision 0039). Every change to a holder's full and empty counts is a row of the
// ledger (CylinderMovement); a trigger adds it to the holder's counts (CylinderStock), whose
// CHECKs refuse a count below zero, so no path — a race, a script — can make one. The use cases
// below lock the counts they read and refuse a shortfall on its field first.
// A hospital that runs on cylinders (Hospital.cylinderSupply) has as stock the oxygen in its full
// cylinders: each count, delivery or return restates its report of the day from the counts, so
// the projection, the dashboard, triage and the alerts treat it like any other hospital.

type Holder = { hospitalId: string } | { supplierId: string };

/** The counts a holder has of a type, locked for the rest of the transaction (zero when none yet). */
async function lockedCounts(tx: Tx, holder: Holder, typeId: string) {
  const rows =
    "hospitalId" in holder
      ? await tx.$queryRaw<
          { full: number; empty: number }[]
        >`SELECT "full", "empty" FROM "CylinderStock" WHERE "hospitalId" = ${holder.hospitalId} AND "typeId" = ${typeId} FOR UPDATE`
      : await tx.$queryRaw<
          { full: number; empty: number }[]
        >`SELECT "full", "empty" FROM "CylinderStock" WHERE "supplierId" = ${holder.supplierId} AND "typeId" = ${typeId} FOR UPDATE`;
  return rows[0] ?? { full: 0, empty: 0 };
}

/** The audit action of each kind of movement (spelled out, so the audit vocabulary test sees them). */
const MOVEMENT_ACTION = { count: "cylinder.count", refill: "cylinder.refill", delivery: "cylinder.delivery", return: "cylinder.return" } as const;

async function move(
  tx: Tx,
  actor: Actor,
  m: { kind: keyof typeof MOVEMENT_ACTION; typeId: string; holder: Holder; delta: CylinderDelta; transferId?: string; onBehalf?: boolean; note?: string },
) {
  if (m.delta.fullDelta === 0 && m.delta.emptyDelta === 0) return null;
  const row = await tx.cylinderMovement.create({
    data: {
      kind: m.kind,
      typeId: m.typeId,
      ...m.holder,
      ...m.delta,
      transferId: m.transferId ?? null,
      at: clockNow(),
      recordedById: actor.id,
      onBehalf: m.onBehalf ?? false,
      note: m.note ?? "",
    },
  });
  await recordAudit(tx, actor, MOVEMENT_ACTION[m.kind], "CylinderMovement", row.id, null, row);
  return row;
}

async function typeOf(tx: Tx, typeId: string, field = "typeId") {
  const t = await tx.cylinderType.findUnique({ where: { id: typeId } });
  if (!t || !t.active) throw new RuleError("invalid", { [field]: "invalid_choice" });
  return t;
}

/**
 * A cylinder hospital's stock, restated from its counts as its report of the day: stock = the
 * oxygen in its full cylinders; use = the day's counted use when given, else the day's report's
 * (or the latest one's) so the burn rate keeps its last figure.
 */
async function restateReport(tx: Tx, actor: Actor, hospitalId: string, usedKg: number | null, onBehalfNote: string | null) {
  const hospital = await tx.hospital.findUnique({ where: { id: hospitalId }, select: { cylinderSupply: true } });
  if (!hospital?.cylinderSupply) return null;
  const lines = await tx.cylinderStock.findMany({ where: { hospitalId }, select: { full: true, type: { select: { sizeM3: true } } } });
  const stockKg = fullCylindersKg(lines.map((l) => ({ full: l.full, sizeM3: Number(l.type.sizeM3) })));
  const day = todayWib(clockNow());
  const latest = await tx.stockReport.findFirst({ where: { hospitalId }, orderBy: { day: "desc" } });
  const sameDay = latest && latest.day.toISOString().slice(0, 10) === day ? latest : null;
  const used = usedKg ?? latest?.usedKg ?? 0;
  return writeStockReport(
    tx,
    actor,
    hospitalId,
    {
      day,
      stockKg,
      usedKg: used,
      unit: "KG",
      kgPerUnit: 1,
      stockAmount: stockKg,
      usedAmount: used,
      severePatients: sameDay?.severePatients ?? 0,
      criticalPatients: sameDay?.criticalPatients ?? 0,
      bedsOccupied: sameDay?.bedsOccupied ?? 0,
      confirmUnusual: true, // the counts are what they are; an unusual use is still held for review
    },
    onBehalfNote,
    { restated: true },
  );
}

const countLines = z
  .array(z.object({ typeId: id, full: count, empty: count, used: optionalCount }))
  .min(1, "required")
  .max(20, "too_big")
  .refine((ls) => new Set(ls.map((l) => l.typeId)).size === ls.length, "duplicate");

async function recordCount(tx: Tx, actor: Actor, hospitalId: string, lines: z.output<typeof countLines>, onBehalfNote: string | null) {
  // One count of a hospital at a time (a double submit, two staff on the phone): the hospital row first.
  await tx.$queryRaw`SELECT id FROM "Hospital" WHERE id = ${hospitalId} FOR NO KEY UPDATE`;
  const sizes: number[] = [];
  for (const [i, l] of lines.entries()) sizes.push(Number((await typeOf(tx, l.typeId, `lines.${i}.typeId`)).sizeM3));
  const use = countedUse(lines.map((l, i) => ({ used: l.used, sizeM3: sizes[i] })));
  if (use.kind === "incomplete") throw new RuleError("invalid", Object.fromEntries(use.blank.map((i) => [`lines.${i}.used`, "used_all_or_none"])));
  for (const l of lines) {
    const current = await lockedCounts(tx, { hospitalId }, l.typeId);
    await move(tx, actor, {
      kind: "count",
      typeId: l.typeId,
      holder: { hospitalId },
      delta: countDelta(current, l),
      onBehalf: onBehalfNote !== null,
      note: onBehalfNote ?? "",
    });
  }
  const report = await restateReport(tx, actor, hospitalId, use.kind === "counted" ? use.kg : null, onBehalfNote);
  const counts = await tx.cylinderStock.findMany({ where: { hospitalId }, select: { typeId: true, full: true, empty: true } });
  // What the count made of the hospital's report, for the form to show (null: not a cylinder hospital).
  const reading = report && {
    stockKg: report.stockKg,
    usedKg: report.usedKg,
    use: use.kind === "counted" ? ("counted" as const) : report.usedKg > 0 ? ("kept" as const) : ("unknown" as const),
    flagged: report.flaggedForReview,
  };
  return { hospitalId, counts, stockKg: report?.stockKg ?? null, reading };
}

/** A hospital admin counts their own cylinders: full, empty, and emptied in the last 24 h, per type. */
export const recordCylinderCount = useCase({
  action: "cylinder:count",
  input: z.object({ lines: countLines }),
  run: async ({ tx, actor, input }) => {
    if (!actor.hospitalId) throw new RuleError("no_hospital");
    return recordCount(tx, actor, actor.hospitalId, input.lines, null);
  },
});

/** War room: staff enter a hospital's count as it was told to them (decision 0039). */
export const recordCylinderCountOnBehalf = useCase({
  action: "stock:report-on-behalf",
  input: z.object({ hospitalId: id, lines: countLines, onBehalfNote: text(3, 300) }),
  run: async ({ tx, actor, input }) => {
    const h = await tx.hospital.findUnique({ where: { id: input.hospitalId }, select: { id: true } });
    if (!h) throw new RuleError("not_found");
    return recordCount(tx, actor, input.hospitalId, input.lines, input.onBehalfNote);
  },
});

const cylinders = integer(1, 100_000);

async function distributor(tx: Tx, supplierId: string) {
  const s = await tx.supplier.findUnique({ where: { id: supplierId }, select: { kind: true, active: true } });
  if (!s || s.kind !== "DISTRIBUTOR" || !s.active) throw new RuleError("invalid", { supplierId: "invalid_choice" });
}

/**
 * A distributor fills `count` of its empties. It does not draw on the daily medical capacity: the
 * liquid it fills from reached its depot as a counted delivery already (decision 0039).
 */
export const refillCylinders = useCase({
  action: "cylinder:move",
  input: z.object({ supplierId: id, typeId: id, count: cylinders, note: text(0, 300).default("") }),
  run: async ({ tx, actor, input }) => {
    await distributor(tx, input.supplierId);
    await typeOf(tx, input.typeId);
    const holder = { supplierId: input.supplierId };
    const after = applyDelta(await lockedCounts(tx, holder, input.typeId), refillDelta(input.count));
    if (!after.ok) throw new RuleError("invalid", { count: "not_enough_empty" });
    await move(tx, actor, { kind: "refill", typeId: input.typeId, holder, delta: refillDelta(input.count), note: input.note });
    return after.counts;
  },
});

type Transfer = { kind: "delivery" | "return"; supplierId: string; hospitalId: string; typeId: string; count: number; note: string };

/**
 * Moves `count` cylinders between a distributor and a hospital, both ends in the ledger under one
 * transfer id: fulls delivered to the hospital, or empties returned to the distributor. `field`
 * names the input the shortfall is refused on.
 */
export async function transferCylinders(tx: Tx, actor: Actor, input: Transfer, field = "count") {
  await distributor(tx, input.supplierId);
  await typeOf(tx, input.typeId);
  const hospital = await tx.hospital.findUnique({ where: { id: input.hospitalId }, select: { active: true } });
  if (!hospital?.active) throw new RuleError("invalid", { hospitalId: "invalid_choice" });
  const d = transferDeltas(input.kind, input.count);
  // Lock order: the distributor's counts, then the hospital's.
  const s = applyDelta(await lockedCounts(tx, { supplierId: input.supplierId }, input.typeId), d.supplier);
  const h = applyDelta(await lockedCounts(tx, { hospitalId: input.hospitalId }, input.typeId), d.hospital);
  if (!s.ok) throw new RuleError("invalid", { [field]: "not_enough_full" });
  if (!h.ok) throw new RuleError("invalid", { [field]: "not_enough_empty" });
  const transferId = crypto.randomUUID();
  await move(tx, actor, { kind: input.kind, typeId: input.typeId, holder: { supplierId: input.supplierId }, delta: d.supplier, transferId, note: input.note });
  await move(tx, actor, { kind: input.kind, typeId: input.typeId, holder: { hospitalId: input.hospitalId }, delta: d.hospital, transferId, note: input.note });
  if (input.kind === "delivery") await restateReport(tx, actor, input.hospitalId, null, null);
  return { supplier: s.counts, hospital: h.counts };
}

/** Full cylinders delivered from a distributor to a hospital, or empties returned to it. */
export const moveCylinders = useCase({
  action: "cylinder:move",
  input: z.object({ kind: z.enum(["delivery", "return"]), supplierId: id, hospitalId: id, typeId: id, count: cylinders, note: text(0, 300).default("") }),
  run: ({ tx, actor, input }) => transferCylinders(tx, actor, input),
});

/** The active cylinder type of a size, or null: the dispatch form takes any size. */
async function typeOfSize(tx: Tx, sizeM3: number) {
  const types = await tx.cylinderType.findMany({ where: { active: true }, select: { id: true, sizeM3: true } });
  return types.find((t) => Number(t.sizeM3) === sizeM3) ?? null;
}

async function isDistributor(tx: Tx, supplierId: string) {
  return (await tx.supplier.findUnique({ where: { id: supplierId }, select: { kind: true } }))?.kind === "DISTRIBUTOR";
}

/**
 * The full cylinders of a received dispatch (decision 0039): a delivery dispatched in cylinders
 * of a size the ledger knows adds the accepted ones to the hospital's fulls, in the receipt's
 * transaction — a transfer from the distributor's fulls when a distributor sent them, else a
 * delivery into the hospital's counts alone (a producer's cylinders are not counted). The
 * receipt's kilograms already reach the hospital's projected stock (received since its report),
 * so no report is restated here, which would count them twice; the next count restates it from
 * counts that include them. A size no type has moves nothing (null).
 */
export async function receiveDispatchedCylinders(
  tx: Tx,
  actor: Actor,
  d: { deliveryId: string; supplierId: string; hospitalId: string; sizeM3: number; count: number },
) {
  if (d.count <= 0) return null;
  const type = await typeOfSize(tx, d.sizeM3);
  if (!type) return null;
  const note = `delivery ${d.deliveryId}`;
  if (!(await isDistributor(tx, d.supplierId))) {
    await move(tx, actor, { kind: "delivery", typeId: type.id, holder: { hospitalId: d.hospitalId }, delta: { fullDelta: d.count, emptyDelta: 0 }, note });
    return { typeId: type.id, count: d.count, from: null };
  }
  // Lock order: the distributor's counts, then the hospital's (as transferCylinders).
  const held = await lockedCounts(tx, { supplierId: d.supplierId }, type.id);
  await lockedCounts(tx, { hospitalId: d.hospitalId }, type.id);
  // The hospital has the cylinders in its hands: a distributor's count that says it never had
  // them is that count's mistake, and must not stop the receipt (no delivery may get stuck). The
  // distributor gives what its count holds; the rest reaches the hospital as a delivery whose note
  // says by how much the distributor's count was short, for staff to correct on /cylinders.
  const fromCount = Math.min(held.full, d.count);
  const short = d.count - fromCount;
  const transferId = crypto.randomUUID();
  const deltas = transferDeltas("delivery", fromCount);
  await move(tx, actor, { kind: "delivery", typeId: type.id, holder: { supplierId: d.supplierId }, delta: deltas.supplier, transferId, note });
  await move(tx, actor, { kind: "delivery", typeId: type.id, holder: { hospitalId: d.hospitalId }, delta: deltas.hospital, transferId, note });
  if (short > 0) {
    const shortNote = `${note}; distributor ${d.supplierId} count short by ${short}`;
    await move(tx, actor, {
      kind: "delivery",
      typeId: type.id,
      holder: { hospitalId: d.hospitalId },
      delta: { fullDelta: short, emptyDelta: 0 },
      note: shortNote,
    });
  }
  return { typeId: type.id, count: d.count, from: d.supplierId, shortAtSource: short };
}

/**
 * A load dispatched in cylinders from a distributor cannot be more than the full cylinders its
 * counts hold of that size, less those already on the road from it (dispatched, not yet received).
 * The count row is locked, so two staff dispatching at once cannot both take the last cylinders.
 * Other sources, and sizes no cylinder type has, are not counted (decision 0039).
 */
export async function checkDistributorFulls(tx: Tx, d: { supplierId: string; sizeM3: number; count: number }) {
  if (!(await isDistributor(tx, d.supplierId))) return;
  const type = await typeOfSize(tx, d.sizeM3);
  if (!type) return;
  const held = await lockedCounts(tx, { supplierId: d.supplierId }, type.id);
  const [{ onRoad }] = await tx.$queryRaw<{ onRoad: number }[]>`
    SELECT COALESCE(SUM(ROUND("dispatchedAmount")), 0)::int AS "onRoad" FROM "Delivery"
    WHERE "supplierId" = ${d.supplierId} AND "dispatchedUnit" = 'CYLINDER' AND "cylinderSizeM3" = ${d.sizeM3} AND "receivedKg" IS NULL`;
  const free = held.full - onRoad;
  if (d.count > free) throw new RuleError("invalid", { amount: "not_enough_full_at_source" });
}
