import { now as clockNow } from "@/server/clock";
import { dateToDay, dayToDate, todayWib, type Day } from "@/domain/day";
import { recommendAllocations, type AllocationSource, type OpenRequest } from "@/domain/recommender";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "../db";
import { capacityCommittedSql } from "./capacity-use";
import type { HospitalSupply } from "./dashboard-hospitals";
import { supplyByHospital } from "./stock";

// What staff allocate from, and the recommender's proposal. Free kilograms are summed by
// PostgreSQL; the allocation use case recomputes them under row locks before saving, so these
// figures guide the form and never decide by themselves.

export type SourceRow = AllocationSource & { label: string; pledgeTotalKg?: number };

/** The latest day with capacity data, not after today (the demo's data ends in 2021). */
export async function defaultSupplyDay(now: Date = clockNow()): Promise<Day> {
  const today = todayWib(now);
  const [r] = await prisma.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM "DailyCapacity" WHERE day <= ${dayToDate(today)}`;
  return r?.day ? dateToDay(r.day) : today;
}

/** Producers' and distributors' free medical supply on the day, and pledges with kilograms left. */
export async function sourcesForDay(day: Day): Promise<SourceRow[]> {
  const date = dayToDate(day);
  const supply = await prisma.$queryRaw<{ supplierId: string; name: string; free: bigint }[]>`
    SELECT s.id AS "supplierId", s.name, c."medicalKg" - ${capacityCommittedSql(Prisma.sql`c."supplierId"`, date)} AS free
    FROM "DailyCapacity" c
    JOIN "Supplier" s ON s.id = c."supplierId"
    WHERE c.day = ${date} AND s.active AND s.kind IN ('PRODUCER', 'DISTRIBUTOR')
    ORDER BY s.name`;
  const pledges = await prisma.$queryRaw<
    { id: string; supplierId: string; name: string; earmark: "NONE" | "ASSOCIATION" | "HOSPITALS"; total: number; free: bigint; hospitals: string[] | null }[]
  >`
    SELECT p.id, p."supplierId", s.name, p.earmark::text AS earmark, p."totalKg" AS total,
           p."totalKg" - COALESCE(k."committedKg", 0) AS free,
           (SELECT array_agg(ph."hospitalId") FROM "PledgeHospital" ph WHERE ph."pledgeId" = p.id) AS hospitals
    FROM "Pledge" p JOIN "Supplier" s ON s.id = p."supplierId" LEFT JOIN "PledgeCommitted" k ON k."pledgeId" = p.id
    WHERE p."startsOn" <= ${date}
    ORDER BY s.name`;
  return [
    ...supply
      .filter((r) => Number(r.free) > 0)
      .map((r): SourceRow => ({
        sourceId: `supply:${r.supplierId}`,
        kind: "supply",
        supplierId: r.supplierId,
        supplierName: r.name,
        freeKg: Number(r.free),
        earmark: "NONE",
        label: r.name,
      })),
    ...pledges
      .filter((p) => Number(p.free) > 0)
      .map((p): SourceRow => ({
        sourceId: `pledge:${p.id}`,
        kind: "pledge",
        supplierId: p.supplierId,
        supplierName: p.name,
        pledgeId: p.id,
        freeKg: Number(p.free),
        earmark: p.earmark,
        earmarkHospitalIds: p.hospitals ?? [],
        label: p.name,
        pledgeTotalKg: p.total,
      })),
  ];
}

/**
 * Approved requests with kilograms still to allocate, as the recommender reads them. `supply`:
 * supplyByHospital's map when the caller has it already (the triage page).
 */
export async function openApprovedRequests(now: Date = clockNow(), supplyIn?: Promise<Map<string, HospitalSupply>>): Promise<OpenRequest[]> {
  const supplyP = supplyIn ?? supplyByHospital(now);
  supplyP.catch(() => undefined); // awaited below
  const rows = await prisma.$queryRaw<
    {
      id: string;
      hospitalId: string;
      name: string;
      approvedKg: number;
      allocated: bigint;
      urgency: OpenRequest["urgency"];
      isReferral: boolean;
      isAssociationMember: boolean;
      createdAt: Date;
      neededBy: Date;
    }[]
  >`
    SELECT r.id, r."hospitalId", h.name, r."approvedKg", COALESCE(a.allocated, 0) AS allocated, r.urgency::text AS urgency,
           h."isReferral", h."isAssociationMember", r."createdAt", r."neededBy"
    FROM "SupplyRequest" r
    JOIN "Hospital" h ON h.id = r."hospitalId"
    -- covered (src/domain/request.ts coveredKg): allocated and not yet sent, plus each trip's
    -- accepted kg, or its dispatched kg while unconfirmed; a shortfall is thus open again. Read
    -- from the request's "RequestCommitted" row (decision 0049), not summed over its allocations.
    LEFT JOIN LATERAL (
      SELECT c."allocatedKg" - c."dispatchedKg" + c."receivedKg" + c."awaitingKg" AS allocated
      FROM "RequestCommitted" c WHERE c."requestId" = r.id
    ) a ON true
    WHERE r.status IN ('APPROVED', 'ALLOCATED', 'IN_TRANSIT') AND r."approvedKg" > COALESCE(a.allocated, 0)`;
  const supply = await supplyP;
  return rows.map((r) => ({
    requestId: r.id,
    hospitalId: r.hospitalId,
    hospitalName: r.name,
    approvedKg: r.approvedKg,
    alreadyAllocatedKg: Number(r.allocated),
    urgency: r.urgency,
    hoursLeft: supply.get(r.hospitalId)?.hoursLeft ?? null,
    // a hospital missing from the supply map (inactive) has no figures to trust
    stale: supply.get(r.hospitalId)?.stale ?? true,
    neededBy: dateToDay(r.neededBy),
    isReferral: r.isReferral,
    isAssociationMember: r.isAssociationMember,
    createdAt: r.createdAt,
  }));
}

/** The recommender's proposal for every open approved request, from the day's sources. */
export async function recommendationFor(day: Day, now: Date = clockNow(), supply?: Promise<Map<string, HospitalSupply>>) {
  const [requests, sources] = await Promise.all([openApprovedRequests(now, supply), sourcesForDay(day)]);
  return { requests, sources, recommendation: recommendAllocations(requests, sources) };
}
