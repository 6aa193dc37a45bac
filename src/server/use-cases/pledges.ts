import "server-only";
import { z } from "zod";
import { dateToDay, dayToDate } from "@/domain/day";
import { tonnesToKg } from "@/domain/mass";
import { recordAudit } from "../audit";
import { RuleError, useCase, type FieldErrors, type Tx } from "../use-case";
import { id, planDay as day, tonnes } from "./inputs";

// Pledges (bantuan): a supplier commits a total over a period, in tranches (due date + mass),
// optionally earmarked for the association's hospitals or for listed hospitals. The tranches
// must add up to the total and fall inside the period. Create and edit share one shape; on
// edit, tranches keep their ids (deliveries point at them) and one with deliveries cannot go.

const tranche = z.object({ id: z.string().trim().optional(), dueOn: day, tonnes: tonnes({ positive: true }) });

const pledgeFields = z
  .object({
    supplierId: id,
    total: tonnes({ positive: true }),
    startsOn: day,
    endsOn: day,
    earmark: z.enum(["NONE", "ASSOCIATION", "HOSPITALS"]),
    hospitalIds: z.array(z.string().min(1)).max(200).default([]),
    note: z.string().trim().max(1000).default(""),
    tranches: z
      .array(tranche)
      .max(120)
      .refine((t) => t.length > 0, "required"),
  })
  // Cross-field rules run even when another field failed, so every error shows at once.
  .refine((p) => p.endsOn >= p.startsOn, { path: ["endsOn"], message: "date_order", when: untouched("startsOn", "endsOn") })
  .refine((p) => p.earmark !== "HOSPITALS" || p.hospitalIds.length > 0, {
    path: ["hospitalIds"],
    message: "required",
    when: untouched("earmark", "hospitalIds"),
  });

function untouched(...fields: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) => payload.issues.every((i) => !fields.includes(String(i.path?.[0])));
}

type PledgeInput = z.output<typeof pledgeFields>;

/** Checks the rules that need the figures in kilograms and the database; returns the rows to write. */
async function checked(tx: Tx, input: PledgeInput, currentSupplierId?: string) {
  const errors: FieldErrors = {};
  const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId } });
  if (!supplier || (!supplier.active && supplier.id !== currentSupplierId)) errors.supplierId = "invalid_choice";
  const hospitalIds = input.earmark === "HOSPITALS" ? [...new Set(input.hospitalIds)] : [];
  if (hospitalIds.length && (await tx.hospital.count({ where: { id: { in: hospitalIds } } })) !== hospitalIds.length) errors.hospitalIds = "invalid_choice";
  const totalKg = tonnesToKg(input.total);
  const tranches = input.tranches.map((t) => ({ id: t.id || undefined, dueOn: t.dueOn, kg: tonnesToKg(t.tonnes) }));
  tranches.forEach((t, i) => {
    if (t.dueOn < input.startsOn || t.dueOn > input.endsOn) errors[`tranches.${i}.dueOn`] = "tranche_outside";
  });
  const sum = tranches.reduce((a, t) => a + t.kg, 0);
  if (sum !== totalKg) errors.tranches = "tranche_sum";
  if (Object.keys(errors).length) throw new RuleError("invalid", errors);
  return { totalKg, hospitalIds, tranches };
}

function header(input: PledgeInput, totalKg: number) {
  return {
    supplierId: input.supplierId,
    totalKg,
    startsOn: dayToDate(input.startsOn),
    endsOn: dayToDate(input.endsOn),
    earmark: input.earmark,
    note: input.note,
  };
}

async function snapshot(tx: Tx, pledgeId: string) {
  const p = await tx.pledge.findUnique({
    where: { id: pledgeId },
    include: { tranches: { orderBy: { dueOn: "asc" } }, hospitals: { select: { hospitalId: true } } },
  });
  if (!p) return null;
  return {
    ...p,
    startsOn: dateToDay(p.startsOn),
    endsOn: dateToDay(p.endsOn),
    tranches: p.tranches.map((t) => ({ id: t.id, dueOn: dateToDay(t.dueOn), kg: t.kg })),
    hospitals: p.hospitals.map((h) => h.hospitalId).sort(),
  };
}

export const createPledge = useCase({
  action: "pledge:write",
  input: pledgeFields,
  run: async ({ tx, actor, input }) => {
    const { totalKg, hospitalIds, tranches } = await checked(tx, input);
    const pledge = await tx.pledge.create({
      data: {
        ...header(input, totalKg),
        tranches: { create: tranches.map((t) => ({ dueOn: dayToDate(t.dueOn), kg: t.kg })) },
        hospitals: { create: hospitalIds.map((hospitalId) => ({ hospitalId })) },
      },
    });
    const after = await snapshot(tx, pledge.id);
    await recordAudit(tx, actor, "pledge.create", "Pledge", pledge.id, null, after);
    return after!;
  },
});

export const updatePledge = useCase({
  action: "pledge:write",
  input: z.intersection(pledgeFields, z.object({ id })),
  run: async ({ tx, actor, input }) => {
    const before = await snapshot(tx, input.id);
    if (!before) throw new RuleError("not_found");
    const { totalKg, hospitalIds, tranches } = await checked(tx, input, before.supplierId);
    const keep = new Set(tranches.map((t) => t.id).filter(Boolean));
    const unknown = tranches.findIndex((t) => t.id && !before.tranches.some((b) => b.id === t.id));
    if (unknown >= 0) throw new RuleError("invalid", { [`tranches.${unknown}.dueOn`]: "not_found" });
    const removed = before.tranches.filter((t) => !keep.has(t.id)).map((t) => t.id);
    if (removed.length) {
      const used = await tx.delivery.findFirst({ where: { trancheId: { in: removed } }, select: { trancheId: true } });
      if (used) throw new RuleError("tranche_has_deliveries", { tranches: "tranche_has_deliveries" });
      await tx.pledgeTranche.deleteMany({ where: { id: { in: removed } } });
    }
    for (const t of tranches) {
      if (t.id) await tx.pledgeTranche.update({ where: { id: t.id }, data: { dueOn: dayToDate(t.dueOn), kg: t.kg } });
      else await tx.pledgeTranche.create({ data: { pledgeId: input.id, dueOn: dayToDate(t.dueOn), kg: t.kg } });
    }
    await tx.pledgeHospital.deleteMany({ where: { pledgeId: input.id } });
    if (hospitalIds.length) await tx.pledgeHospital.createMany({ data: hospitalIds.map((hospitalId) => ({ pledgeId: input.id, hospitalId })) });
    await tx.pledge.update({ where: { id: input.id }, data: header(input, totalKg) });
    const after = await snapshot(tx, input.id);
    await recordAudit(tx, actor, "pledge.update", "Pledge", input.id, before, after);
    return after!;
  },
});
