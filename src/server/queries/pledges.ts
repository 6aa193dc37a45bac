import "server-only";
import { addDays, dateToDay, dayToDate, startOfWibDay, type Day } from "@/domain/day";
import { pledgeProgress, type PledgeProgress } from "@/domain/pledge";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "../db";
import { listParams, pageOf, type ListQuery } from "./supply-list";

// Pledges with their progress as of a WIB day, summed by PostgreSQL: due to date (tranches due
// on or before the day), delivered (received by hospitals, as the dashboard counts it) and
// dispatched (left the plant, received or not). A delivery counts for a pledge when it is against
// one of its tranches or against an allocation drawing on the pledge. Status: src/domain/pledge.

export const PLEDGE_SORTS = ["startsOn", "supplier", "total", "endsOn"] as const;

const ORDER: Record<(typeof PLEDGE_SORTS)[number], Prisma.Sql> = {
  startsOn: Prisma.sql`p."startsOn"`,
  endsOn: Prisma.sql`p."endsOn"`,
  supplier: Prisma.sql`s.name`,
  total: Prisma.sql`p."totalKg"`,
};

export type PledgeListRow = {
  id: string;
  supplier: string;
  supplierId: string;
  totalKg: number;
  startsOn: Day;
  endsOn: Day;
  earmark: "NONE" | "ASSOCIATION" | "HOSPITALS";
  dispatchedKg: number;
  progress: PledgeProgress;
};

type Raw = {
  id: string;
  supplier: string;
  supplierId: string;
  totalKg: number;
  startsOn: Date;
  endsOn: Date;
  earmark: PledgeListRow["earmark"];
  due: bigint | null;
  delivered: bigint | null;
  dispatched: bigint | null;
};

function progressSql(day: Day, where: Prisma.Sql, order: Prisma.Sql, limit: number, offset: number) {
  const date = dayToDate(day);
  const end = startOfWibDay(addDays(day, 1));
  return prisma.$queryRaw<Raw[]>`
    WITH due AS (
      SELECT t."pledgeId", sum(t.kg) AS due FROM "PledgeTranche" t WHERE t."dueOn" <= ${date} GROUP BY t."pledgeId"
    ), sent AS (
      SELECT COALESCE(t."pledgeId", a."pledgeId") AS "pledgeId",
        sum(d."receivedKg") FILTER (WHERE d."receivedAt" < ${end}) AS delivered,
        sum(d."dispatchedKg") AS dispatched
      FROM "Delivery" d
      LEFT JOIN "PledgeTranche" t ON t.id = d."trancheId"
      LEFT JOIN "Allocation" a ON a.id = d."allocationId"
      WHERE d."dispatchedAt" < ${end} AND (t."pledgeId" IS NOT NULL OR a."pledgeId" IS NOT NULL)
      GROUP BY 1
    )
    SELECT p.id, s.name AS supplier, s.id AS "supplierId", p."totalKg", p."startsOn", p."endsOn", p.earmark, due.due, sent.delivered, sent.dispatched
    FROM "Pledge" p JOIN "Supplier" s ON s.id = p."supplierId"
    LEFT JOIN due ON due."pledgeId" = p.id
    LEFT JOIN sent ON sent."pledgeId" = p.id
    WHERE ${where}
    ORDER BY ${order}, p.id
    LIMIT ${limit} OFFSET ${offset}`;
}

function toRow(r: Raw, day: Day): PledgeListRow {
  const dueToDateKg = Number(r.due ?? 0);
  return {
    id: r.id,
    supplier: r.supplier,
    supplierId: r.supplierId,
    totalKg: r.totalKg,
    startsOn: dateToDay(r.startsOn),
    endsOn: dateToDay(r.endsOn),
    earmark: r.earmark,
    dispatchedKg: Number(r.dispatched ?? 0),
    // the database summed the due tranches; the domain turns the sums into a status
    progress: pledgeProgress(r.totalKg, [{ dueOn: day, kg: dueToDateKg }], Number(r.delivered ?? 0), day),
  };
}

export async function listPledges(query: ListQuery<(typeof PLEDGE_SORTS)[number]>, day: Day) {
  const p = listParams(query);
  const where = p.q ? Prisma.sql`(s.name ILIKE ${"%" + p.q + "%"} OR p.note ILIKE ${"%" + p.q + "%"})` : Prisma.sql`TRUE`;
  const order = Prisma.sql`${ORDER[p.sort]} ${p.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`}`;
  const [rows, [count]] = await Promise.all([
    progressSql(day, where, order, p.take, p.skip),
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Pledge" p JOIN "Supplier" s ON s.id = p."supplierId" WHERE ${where}`,
  ]);
  return {
    ...pageOf(
      rows.map((r) => toRow(r, day)),
      Number(count.n),
      p,
    ),
    params: p,
  };
}

/** One pledge with progress, tranches (each with its dispatched and received sums) and its deliveries. */
export async function pledgeDetail(id: string, day: Day) {
  const [raw] = await progressSql(day, Prisma.sql`p.id = ${id}`, Prisma.sql`p.id`, 1, 0);
  if (!raw) return null;
  const pledge = await prisma.pledge.findUniqueOrThrow({
    where: { id },
    include: { hospitals: { include: { hospital: { select: { id: true, name: true } } } } },
  });
  const tranches = await prisma.$queryRaw<{ id: string; dueOn: Date; kg: number; dispatched: bigint | null; received: bigint | null; n: bigint }[]>`
    SELECT t.id, t."dueOn", t.kg, sum(d."dispatchedKg") AS dispatched, sum(d."receivedKg") AS received, count(d.id) AS n
    FROM "PledgeTranche" t LEFT JOIN "Delivery" d ON d."trancheId" = t.id
    WHERE t."pledgeId" = ${id} GROUP BY t.id ORDER BY t."dueOn", t.id`;
  const deliveries = await prisma.delivery.findMany({
    where: { OR: [{ tranche: { pledgeId: id } }, { allocation: { pledgeId: id } }] },
    orderBy: { dispatchedAt: "desc" },
    take: 100,
    include: { hospital: { select: { name: true } }, depot: { select: { name: true } } },
  });
  // dispatched and not yet confirmed: on the road (the list above may be cut at 100 trips)
  const awaiting = await prisma.delivery.aggregate({
    _sum: { dispatchedKg: true },
    where: { receivedKg: null, OR: [{ tranche: { pledgeId: id } }, { allocation: { pledgeId: id } }] },
  });
  return {
    awaitingKg: awaiting._sum.dispatchedKg ?? 0,
    ...toRow(raw, day),
    note: pledge.note,
    hospitals: pledge.hospitals.map((h) => h.hospital),
    tranches: tranches.map((t) => ({
      id: t.id,
      dueOn: dateToDay(t.dueOn),
      kg: t.kg,
      dispatchedKg: Number(t.dispatched ?? 0),
      receivedKg: Number(t.received ?? 0),
      deliveries: Number(t.n),
    })),
    deliveries,
  };
}

/** Active distributors: the depots a tranche trip may go to. */
export function depotOptions() {
  return prisma.supplier.findMany({ where: { active: true, kind: "DISTRIBUTOR" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export function hospitalOptions() {
  return prisma.hospital.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, isAssociationMember: true } });
}
