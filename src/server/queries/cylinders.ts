import "server-only";
import { fullCylindersKg } from "@/domain/cylinders";
import { prisma } from "../db";
import { hospitalScope, type Actor } from "../permissions";

export type CylinderTypeRow = { id: string; code: string; name: string; sizeM3: number };
export type HolderCounts = { holderId: string; holder: string; lines: { typeId: string; full: number; empty: number }[]; kg: number };

export async function cylinderTypes(): Promise<CylinderTypeRow[]> {
  const rows = await prisma.cylinderType.findMany({ where: { active: true }, orderBy: { sizeM3: "asc" } });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, sizeM3: Number(r.sizeM3) }));
}

/** Counts per holder (the ledger's running totals, kept by the database), with the oxygen in the fulls. */
async function holders(where: { supplierId: { not: null } } | { hospitalId: string } | { hospitalId: { not: null } }): Promise<HolderCounts[]> {
  const rows = await prisma.cylinderStock.findMany({
    where,
    select: {
      typeId: true,
      full: true,
      empty: true,
      type: { select: { sizeM3: true } },
      supplier: { select: { id: true, name: true } },
      hospital: { select: { id: true, name: true } },
    },
    orderBy: { typeId: "asc" },
  });
  const out = new Map<string, HolderCounts & { sizes: { full: number; sizeM3: number }[] }>();
  for (const r of rows) {
    const h = r.supplier ?? r.hospital!;
    let e = out.get(h.id);
    if (!e) out.set(h.id, (e = { holderId: h.id, holder: h.name, lines: [], kg: 0, sizes: [] }));
    e.lines.push({ typeId: r.typeId, full: r.full, empty: r.empty });
    e.sizes.push({ full: r.full, sizeM3: Number(r.type.sizeM3) });
  }
  return [...out.values()].map(({ sizes, ...h }) => ({ ...h, kg: fullCylindersKg(sizes) })).sort((a, b) => a.holder.localeCompare(b.holder));
}

export const distributorCylinders = () => holders({ supplierId: { not: null } });
export const hospitalCylinders = (actor: Actor) => {
  const scope = hospitalScope(actor, "cylinder:read");
  return holders(scope ? { hospitalId: scope } : { hospitalId: { not: null } });
};
export const cylindersOf = async (hospitalId: string) => (await holders({ hospitalId }))[0] ?? null;

export type MovementRow = {
  id: string;
  kind: string;
  at: Date;
  typeId: string;
  holder: string;
  fullDelta: number;
  emptyDelta: number;
  onBehalf: boolean;
  note: string;
};

/** The latest movements an actor may see (a hospital admin: their own hospital's). */
export async function recentMovements(actor: Actor, take = 20): Promise<MovementRow[]> {
  const scope = hospitalScope(actor, "cylinder:read");
  const rows = await prisma.cylinderMovement.findMany({
    where: scope ? { hospitalId: scope } : {},
    orderBy: { at: "desc" },
    take,
    include: { supplier: { select: { name: true } }, hospital: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    typeId: r.typeId,
    holder: (r.supplier ?? r.hospital)?.name ?? "",
    fullDelta: r.fullDelta,
    emptyDelta: r.emptyDelta,
    onBehalf: r.onBehalf,
    note: r.note,
  }));
}

export async function distributorOptions() {
  return prisma.supplier.findMany({ where: { kind: "DISTRIBUTOR", active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function cylinderHospitalOptions() {
  return prisma.hospital.findMany({ where: { active: true, cylinderSupply: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
