import "server-only";
import { prisma } from "../db";
import { now as clockNow } from "../clock";
import { hospitalScope, type Actor } from "../permissions";

export type AlertRow = {
  id: string;
  kind: "red" | "amber" | "missed_report";
  hospitalId: string;
  hospital: string;
  raisedAt: Date;
  hoursLeft: number | null;
  level: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  clearedAt: Date | null;
};

const SEVERITY = { red: 0, missed_report: 1, amber: 2 } as const;

/**
 * The alerts an actor sees (a hospital admin: their own hospital's): every open one — the worst
 * and the longest unanswered first — then those cleared in the last 24 hours.
 */
export async function listAlerts(actor: Actor): Promise<{ open: AlertRow[]; cleared: AlertRow[] }> {
  const scope = hospitalScope(actor, "alert:read");
  const since = new Date(clockNow().getTime() - 24 * 3_600_000);
  const rows = await prisma.alert.findMany({
    where: { ...(scope ? { hospitalId: scope } : {}), OR: [{ clearedAt: null }, { clearedAt: { gte: since } }] },
    include: { hospital: { select: { name: true } } },
    orderBy: { raisedAt: "asc" },
    take: 500,
  });
  const names = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: rows.flatMap((r) => (r.acknowledgedById ? [r.acknowledgedById] : [])) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const all: AlertRow[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as AlertRow["kind"],
    hospitalId: r.hospitalId,
    hospital: r.hospital.name,
    raisedAt: r.raisedAt,
    hoursLeft: r.hoursLeft,
    level: r.level,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedBy: r.acknowledgedById ? (names.get(r.acknowledgedById) ?? null) : null,
    clearedAt: r.clearedAt,
  }));
  const open = all
    .filter((a) => !a.clearedAt)
    .sort(
      (a, b) => Number(!!a.acknowledgedAt) - Number(!!b.acknowledgedAt) || SEVERITY[a.kind] - SEVERITY[b.kind] || a.raisedAt.getTime() - b.raisedAt.getTime(),
    );
  const cleared = all.filter((a) => a.clearedAt).sort((a, b) => b.clearedAt!.getTime() - a.clearedAt!.getTime());
  return { open, cleared };
}
