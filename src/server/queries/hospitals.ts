import "server-only";
import { now as clockNow } from "@/server/clock";
import { prisma } from "../db";
import { hospitalScope, type Actor } from "../permissions";
import { supplyByHospital } from "./stock";

/** The hospitals an actor may see (a hospital admin: their own), with their current supply. */
export async function listHospitals(actor: Actor, now: Date = clockNow()) {
  const scope = hospitalScope(actor, "hospital:read");
  const [rows, supply] = await Promise.all([
    prisma.hospital.findMany({
      where: scope ? { id: scope } : {},
      orderBy: [{ active: "desc" }, { name: "asc" }],
      include: { region: { select: { name: true, code: true } } },
    }),
    supplyByHospital(now),
  ]);
  return rows.map((h) => ({ ...h, supply: supply.get(h.id) ?? null }));
}

/** One hospital, if the actor may see it. */
export async function hospitalFor(actor: Actor, id: string) {
  const scope = hospitalScope(actor, "hospital:read");
  if (scope && scope !== id) return null;
  return prisma.hospital.findUnique({ where: { id }, include: { region: true } });
}

/** Hospitals for pickers. */
export function hospitalOptions() {
  return prisma.hospital.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
