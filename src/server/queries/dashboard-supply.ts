import { dateToDay, dayToDate, type Day } from "@/domain/day";
import { prisma } from "../db";
import { andInProvince, type Province } from "./provinces";

// Supply side of the dashboard, summed by PostgreSQL: each producer's split on a day against
// the medical-priority policy in force, the medical-priority periods over a range, and each
// pledge's progress (received vs due to date vs total) as of a day.
//
// Indexes used: DailyCapacity (day); MedicalPriorityPeriod (regionId, startsOn);
// PledgeTranche (pledgeId, dueOn); Delivery (trancheId), (allocationId); Allocation (pledgeId);
// PledgeDeliveryDay (day); PledgeDeliveryTotal (pledgeId) key.

export type ProducerSplit = {
  id: string;
  name: string;
  producedKg: number;
  medicalKg: number;
  industrialKg: number;
  /** the minimum medical share (percent) of the priority period in force, null when none is */
  minMedicalSharePct: number | null;
};

/** Each producer's production and split on the day (in the province, if given), with the policy in force for its region. */
export async function producerSplits(day: Day, province: Province | null = null): Promise<ProducerSplit[]> {
  const date = dayToDate(day);
  const rows = await prisma.$queryRaw<{ id: string; name: string; producedKg: number; medicalKg: number; industrialKg: number; minPct: number | null }[]>`
    SELECT s.id, s.name, c."producedKg", c."medicalKg", c."industrialKg", m."minPct"
    FROM "DailyCapacity" c
    JOIN "Supplier" s ON s.id = c."supplierId"
    JOIN "Region" r ON r.id = s."regionId"
    LEFT JOIN LATERAL (
      SELECT max(p."minMedicalSharePct") AS "minPct" FROM "MedicalPriorityPeriod" p
      WHERE (p."regionId" = r.id OR p."regionId" = r."parentId") AND p."startsOn" <= ${date} AND p."endsOn" >= ${date}
    ) m ON true
    WHERE c.day = ${date} ${andInProvince(province, "r")}
    ORDER BY c."producedKg" DESC, s.name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    producedKg: r.producedKg,
    medicalKg: r.medicalKg,
    industrialKg: r.industrialKg,
    minMedicalSharePct: r.minPct === null ? null : Number(r.minPct),
  }));
}

export type PriorityPeriod = { startsOn: Day; endsOn: Day; minMedicalSharePct: number; note: string };

/**
 * The province-wide medical-priority periods overlapping from..to: the province's own, or for the
 * whole country each window once (every province has its own, often the same dates and minimum).
 */
export async function priorityPeriods(from: Day, to: Day, province: Province | null = null): Promise<PriorityPeriod[]> {
  const rows = await prisma.$queryRaw<{ startsOn: Date; endsOn: Date; minMedicalSharePct: number; note: string }[]>`
    SELECT DISTINCT ON (p."startsOn", p."endsOn", p."minMedicalSharePct") p."startsOn", p."endsOn", p."minMedicalSharePct", p.note
    FROM "MedicalPriorityPeriod" p JOIN "Region" r ON r.id = p."regionId"
    WHERE r."parentId" IS NULL AND p."startsOn" <= ${dayToDate(to)} AND p."endsOn" >= ${dayToDate(from)} ${andInProvince(province, "r")}
    ORDER BY p."startsOn", p."endsOn", p."minMedicalSharePct", p.note`;
  return rows.map((r) => ({
    startsOn: dateToDay(r.startsOn),
    endsOn: dateToDay(r.endsOn),
    minMedicalSharePct: r.minMedicalSharePct,
    note: r.note,
  }));
}

export type PledgeRow = {
  id: string;
  supplier: string;
  totalKg: number;
  /** tranches due on or before the day (at most the total) */
  dueToDateKg: number;
  /** received by hospitals (confirmed) by the end of the day */
  deliveredKg: number;
  /** dispatched by the end of the day, received or not */
  dispatchedKg: number;
  startsOn: Day;
  endsOn: Day;
  earmark: string;
};

/**
 * Every pledge's progress as of the end of a WIB day (the pledges of the province's suppliers,
 * when a province is given). A delivery counts for a pledge when it is
 * against one of its tranches or against an allocation drawing on it; "PledgeDeliveryDay" holds
 * those sums per day, kept by a trigger on "Delivery" (migration pledge_delivery_rollup), so
 * this reads a few rows per pledge instead of joining the deliveries to their allocations; and
 * "PledgeDeliveryTotal" their sums over every day (decision 0044), so progress as of a recent
 * day subtracts the few rows after it instead of summing every row up to it.
 */
export async function pledgeProgress(day: Day, province: Province | null = null): Promise<PledgeRow[]> {
  const date = dayToDate(day);
  const rows = await prisma.$queryRaw<
    {
      id: string;
      supplier: string;
      totalKg: number;
      due: bigint | null;
      delivered: bigint | null;
      dispatched: bigint | null;
      startsOn: Date;
      endsOn: Date;
      earmark: string;
    }[]
  >`
    WITH due AS (
      SELECT t."pledgeId", sum(t.kg) AS due FROM "PledgeTranche" t WHERE t."dueOn" <= ${date} GROUP BY t."pledgeId"
    ), later AS (
      SELECT r."pledgeId", sum(r."receivedKg") AS received, sum(r."dispatchedKg") AS dispatched
      FROM "PledgeDeliveryDay" r WHERE r.day > ${date} GROUP BY r."pledgeId"
    ), sent AS (
      -- every day's total less the days after (decision 0044): few rows for a recent day
      SELECT t."pledgeId", t."receivedKg" - COALESCE(later.received, 0) AS delivered, t."dispatchedKg" - COALESCE(later.dispatched, 0) AS dispatched
      FROM "PledgeDeliveryTotal" t LEFT JOIN later ON later."pledgeId" = t."pledgeId"
    )
    SELECT p.id, s.name AS supplier, p."totalKg", LEAST(p."totalKg", due.due) AS due, sent.delivered, sent.dispatched, p."startsOn", p."endsOn", p.earmark::text AS earmark
    FROM "Pledge" p JOIN "Supplier" s ON s.id = p."supplierId" JOIN "Region" r ON r.id = s."regionId"
    LEFT JOIN due ON due."pledgeId" = p.id
    LEFT JOIN sent ON sent."pledgeId" = p.id
    WHERE p."startsOn" <= ${date} ${andInProvince(province, "r")}
    ORDER BY p."startsOn", s.name`;
  return rows.map((r) => ({
    id: r.id,
    supplier: r.supplier,
    totalKg: r.totalKg,
    dueToDateKg: Number(r.due ?? 0),
    deliveredKg: Number(r.delivered ?? 0),
    dispatchedKg: Number(r.dispatched ?? 0),
    startsOn: dateToDay(r.startsOn),
    endsOn: dateToDay(r.endsOn),
    earmark: r.earmark,
  }));
}
