import "server-only";
import { z } from "zod";
import { dayToDate } from "@/domain/day";
import { tonnesToKg } from "@/domain/mass";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { id, integer, planDay as day, tonnes } from "./inputs";

// The regional policy (ADMIN only): the daily production target, in force from a day on,
// and the governor's medical-priority periods (minimum medical share of production).

async function provinceRegion(tx: Tx, regionId: string) {
  const region = await tx.region.findUnique({ where: { id: regionId } });
  if (!region || region.parentId !== null) throw new RuleError("invalid", { regionId: "invalid_choice" });
  return region;
}

/** Sets the target from a day on; the same region and day again updates it, never duplicates. */
export const setDailyTarget = useCase({
  action: "policy:write",
  input: z.object({ regionId: id, validFrom: day, dailyTarget: tonnes({ positive: true }) }),
  run: async ({ tx, actor, input }) => {
    await provinceRegion(tx, input.regionId);
    const key = { regionId: input.regionId, validFrom: dayToDate(input.validFrom) };
    const before = await tx.policy.findUnique({ where: { regionId_validFrom: key } });
    const dailyTargetKg = tonnesToKg(input.dailyTarget);
    const after = await tx.policy.upsert({ where: { regionId_validFrom: key }, create: { ...key, dailyTargetKg }, update: { dailyTargetKg } });
    await recordAudit(tx, actor, before ? "policy.update" : "policy.create", "Policy", after.id, before, after);
    return after;
  },
});

const period = z
  .object({
    regionId: id,
    startsOn: day,
    endsOn: day,
    minMedicalSharePct: integer(0, 100),
    note: z.string().trim().max(500).default(""),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ["endsOn"], message: "date_order" });

/** Creates a medical-priority period, or updates one when `id` is given. */
export const savePriorityPeriod = useCase({
  action: "policy:write",
  input: z.intersection(period, z.object({ id: z.string().trim().optional() })),
  run: async ({ tx, actor, input: { id: periodId, ...p } }) => {
    await provinceRegion(tx, p.regionId);
    const data = { regionId: p.regionId, startsOn: dayToDate(p.startsOn), endsOn: dayToDate(p.endsOn), minMedicalSharePct: p.minMedicalSharePct, note: p.note };
    if (periodId) {
      const before = await tx.medicalPriorityPeriod.findUnique({ where: { id: periodId } });
      if (!before) throw new RuleError("not_found");
      const after = await tx.medicalPriorityPeriod.update({ where: { id: periodId }, data });
      await recordAudit(tx, actor, "priority.update", "MedicalPriorityPeriod", periodId, before, after);
      return after;
    }
    const after = await tx.medicalPriorityPeriod.create({ data });
    await recordAudit(tx, actor, "priority.create", "MedicalPriorityPeriod", after.id, null, after);
    return after;
  },
});
