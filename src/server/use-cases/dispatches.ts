import { z } from "zod";
import { MASS_UNITS, toKilograms } from "@/domain/mass";
import { transition } from "@/domain/request";
import { recordAudit } from "../audit";
import { prisma } from "../db";
import type { Actor } from "../permissions";
import { RuleError, useCase, type Result, type Tx } from "../use-case";
import { typedNumber } from "../input-locale";
import { wibInstant } from "./supply-input";

// A dispatch: a truck leaves a supplier for a hospital, against an allocation (a request's
// share) or a pledge tranche. The mass is entered as counted (tonnes of liquid, m³ of gas,
// cylinders of a size, kg) and converted by src/domain/mass.ts, the conversion kept on the row.
// The form carries an idempotency key made when it was rendered: a second submit of the same
// form returns the first dispatch instead of creating another.

const decimal = (opts: { required: boolean; decimals: number }) =>
  z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) {
        if (opts.required) ctx.addIssue({ code: "custom", message: "required" });
        return undefined;
      }
      const r = typedNumber(raw, opts.decimals);
      const n = r.ok ? r.value : 0;
      if (!r.ok) ctx.addIssue({ code: "custom", message: r.code });
      else if (n <= 0) ctx.addIssue({ code: "custom", message: "positive" });
      else if (n > 1_000_000) ctx.addIssue({ code: "custom", message: "too_big" });
      else return n;
      return z.NEVER;
    });

const input = z
  .object({
    idempotencyKey: z.string().trim().min(8).max(100),
    allocationId: z.string().trim().optional(),
    trancheId: z.string().trim().optional(),
    hospitalId: z.string().trim().optional(),
    vehiclePlate: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase().replace(/\s+/g, " "))
      .pipe(z.string().min(3).max(20).regex(/^[A-Z0-9 -]+$/, "invalid_format")),
    driverName: z.string().trim().max(120).default(""),
    amount: decimal({ required: true, decimals: 3 }),
    unit: z.enum(MASS_UNITS),
    cylinderSizeM3: decimal({ required: false, decimals: 2 }), // DECIMAL(6, 2) on the row
    dispatchedAt: wibInstant,
  })
  .refine((d) => !!d.allocationId !== !!d.trancheId, { path: ["source"], message: "dispatch_source", when: (p) => p.issues.every((i) => !["allocationId", "trancheId"].includes(String(i.path?.[0]))) })
  .refine((d) => d.unit !== "CYLINDER" || d.cylinderSizeM3 !== undefined, { path: ["cylinderSizeM3"], message: "cylinder_size_required", when: (p) => p.issues.every((i) => !["unit", "cylinderSizeM3"].includes(String(i.path?.[0]))) });

type Input = z.output<typeof input>;

/** Which supplier and hospital a dispatch is between, and what it changes on the allocation side. */
async function resolveAllocation(tx: Tx, actor: Actor, allocationId: string) {
  await tx.$queryRaw`SELECT id FROM "Allocation" WHERE id = ${allocationId} FOR UPDATE`;
  const allocation = await tx.allocation.findUnique({ where: { id: allocationId }, include: { request: true } });
  if (!allocation) throw new RuleError("invalid", { source: "not_found" });
  if (allocation.status !== "PLANNED" && allocation.status !== "IN_TRANSIT") throw new RuleError("bad_transition", { source: "bad_transition" });
  const next = transition(allocation.request.status, { type: "dispatch" });
  if (!next.ok) throw new RuleError("bad_transition", { source: "bad_transition" });
  return {
    supplierId: allocation.supplierId,
    hospitalId: allocation.request.hospitalId,
    after: async () => {
      if (allocation.status === "PLANNED") {
        const a = await tx.allocation.update({ where: { id: allocationId }, data: { status: "IN_TRANSIT" } });
        await recordAudit(tx, actor, "allocation.dispatch", "Allocation", allocationId, { ...allocation, request: undefined }, a);
      }
      if (allocation.request.status !== next.status) {
        const r = await tx.supplyRequest.update({ where: { id: allocation.requestId }, data: { status: next.status } });
        await recordAudit(tx, actor, "request.dispatch", "SupplyRequest", r.id, allocation.request, r);
      }
    },
  };
}

async function resolveTranche(tx: Tx, trancheId: string, hospitalId: string | undefined) {
  const tranche = await tx.pledgeTranche.findUnique({ where: { id: trancheId }, include: { pledge: { include: { hospitals: { select: { hospitalId: true } } } } } });
  if (!tranche) throw new RuleError("invalid", { source: "not_found" });
  if (!hospitalId) throw new RuleError("invalid", { hospitalId: "required" });
  const hospital = await tx.hospital.findUnique({ where: { id: hospitalId } });
  if (!hospital || !hospital.active) throw new RuleError("invalid", { hospitalId: "invalid_choice" });
  const { earmark, hospitals } = tranche.pledge;
  if ((earmark === "ASSOCIATION" && !hospital.isAssociationMember) || (earmark === "HOSPITALS" && !hospitals.some((h) => h.hospitalId === hospitalId))) {
    throw new RuleError("earmark", { hospitalId: "earmark" });
  }
  return { supplierId: tranche.pledge.supplierId, hospitalId, after: async () => {} };
}

const create = useCase({
  action: "dispatch:write",
  input,
  run: async ({ tx, actor, input: d }: { tx: Tx; actor: Actor; input: Input }) => {
    const existing = await tx.delivery.findUnique({ where: { idempotencyKey: d.idempotencyKey } });
    if (existing) return { delivery: existing, duplicate: true };
    const target = d.allocationId ? await resolveAllocation(tx, actor, d.allocationId) : await resolveTranche(tx, d.trancheId!, d.hospitalId);
    const { kg, kgPerUnit } = toKilograms(d.amount!, d.unit, d.unit === "CYLINDER" ? d.cylinderSizeM3 : undefined);
    if (kg <= 0) throw new RuleError("invalid", { amount: "positive" });
    const delivery = await tx.delivery.create({
      data: {
        allocationId: d.allocationId || null,
        trancheId: d.trancheId || null,
        supplierId: target.supplierId,
        hospitalId: target.hospitalId,
        vehiclePlate: d.vehiclePlate,
        driverName: d.driverName,
        dispatchedAt: d.dispatchedAt,
        dispatchedAmount: String(d.amount),
        dispatchedUnit: d.unit,
        cylinderSizeM3: d.unit === "CYLINDER" ? String(d.cylinderSizeM3) : null,
        kgPerUnit: String(kgPerUnit),
        dispatchedKg: kg,
        dispatchedById: actor.id,
        idempotencyKey: d.idempotencyKey,
      },
    });
    await target.after();
    await recordAudit(tx, actor, "dispatch.create", "Delivery", delivery.id, null, delivery);
    return { delivery, duplicate: false };
  },
});

type Created = { delivery: Awaited<ReturnType<typeof prisma.delivery.create>>; duplicate: boolean };

/**
 * Logs a dispatch. Idempotent on the form's key: a resubmit (even a concurrent one that lost
 * the race on the unique key) returns the dispatch already recorded.
 */
export async function createDispatch(actor: Actor | null, raw: unknown): Promise<Result<Created>> {
  const result = await create(actor, raw);
  if (!result.ok && result.error === "conflict") {
    const key = (raw as { idempotencyKey?: unknown })?.idempotencyKey;
    const existing = typeof key === "string" ? await prisma.delivery.findUnique({ where: { idempotencyKey: key.trim() } }) : null;
    if (existing) return { ok: true, value: { delivery: existing, duplicate: true } };
  }
  return result;
}
