import "server-only";
import { dateToDay } from "@/domain/day";
import { prisma } from "../db";

/** The province-level regions (the roots), for which targets and priority periods are set. */
export function policyRegions() {
  return prisma.region.findMany({ where: { parentId: null }, orderBy: { code: "asc" }, select: { id: true, name: true, code: true } });
}

/** Targets and priority periods of one region, newest first. */
export async function policyOf(regionId: string) {
  const [targets, periods] = await Promise.all([
    prisma.policy.findMany({ where: { regionId }, orderBy: { validFrom: "desc" }, take: 50 }),
    prisma.medicalPriorityPeriod.findMany({ where: { regionId }, orderBy: { startsOn: "desc" }, take: 100 }),
  ]);
  return {
    targets: targets.map((p) => ({ id: p.id, validFrom: dateToDay(p.validFrom), dailyTargetKg: p.dailyTargetKg })),
    periods: periods.map((p) => ({
      id: p.id,
      startsOn: dateToDay(p.startsOn),
      endsOn: dateToDay(p.endsOn),
      minMedicalSharePct: p.minMedicalSharePct,
      note: p.note,
    })),
  };
}
