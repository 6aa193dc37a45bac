import { addDays, dateToDay, dayToDate, startOfWibDay, type Day } from "@/domain/day";
import { prisma } from "../db";

// Series over a range of WIB days and the requests funnel, aggregated by PostgreSQL.
//
// Indexes used: DailyCapacity (day); StockReport (day); CaseStat (day); Policy (regionId,
// validFrom) unique; SupplyRequest (createdAt); Delivery (allocationId); Allocation (requestId).

export type DailyPoint = {
  day: Day;
  /** region's production (null: nothing logged that day) */
  capacityKg: number | null;
  medicalKg: number | null;
  industrialKg: number | null;
  /** hospitals' reported use */
  hospitalUseKg: number | null;
  targetKg: number | null;
  /** COVID-19 active cases summed over the regencies/cities */
  activeCases: number | null;
};

/** One row per day from..to (inclusive), days without data kept as nulls. */
export async function dailySeries(from: Day, to: Day): Promise<DailyPoint[]> {
  const f = dayToDate(from);
  const t = dayToDate(to);
  const rows = await prisma.$queryRaw<
    {
      day: Date;
      produced: bigint | null;
      medical: bigint | null;
      industrial: bigint | null;
      used: bigint | null;
      target: number | null;
      active: bigint | null;
    }[]
  >`
    WITH days AS (SELECT g::date AS day FROM generate_series(${f}::date, ${t}::date, interval '1 day') g),
    cap AS (
      SELECT day, sum("producedKg") AS produced, sum("medicalKg") AS medical, sum("industrialKg") AS industrial
      FROM "DailyCapacity" WHERE day BETWEEN ${f} AND ${t} GROUP BY day
    ), use AS (
      SELECT day, sum("usedKg") AS used FROM "StockReport" WHERE day BETWEEN ${f} AND ${t} GROUP BY day
    ), cases AS (
      SELECT c.day, sum(c.active) AS active
      FROM "CaseStat" c JOIN "Region" r ON r.id = c."regionId" JOIN "Region" p ON p.id = r."parentId" AND p."parentId" IS NULL
      WHERE c.day BETWEEN ${f} AND ${t} GROUP BY c.day
    )
    SELECT days.day, cap.produced, cap.medical, cap.industrial, use.used, tg.target, cases.active
    FROM days
    LEFT JOIN cap ON cap.day = days.day
    LEFT JOIN use ON use.day = days.day
    LEFT JOIN cases ON cases.day = days.day
    LEFT JOIN LATERAL (
      SELECT p."dailyTargetKg" AS target FROM "Policy" p JOIN "Region" r ON r.id = p."regionId"
      WHERE r."parentId" IS NULL AND p."validFrom" <= days.day ORDER BY p."validFrom" DESC LIMIT 1
    ) tg ON true
    ORDER BY days.day`;
  const n = (v: bigint | number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    day: dateToDay(r.day),
    capacityKg: n(r.produced),
    medicalKg: n(r.medical),
    industrialKg: n(r.industrial),
    hospitalUseKg: n(r.used),
    targetKg: n(r.target),
    activeCases: n(r.active),
  }));
}

export type RequestFunnel = {
  requests: number;
  requestedKg: number;
  approvedRequests: number;
  approvedKg: number;
  fulfilledRequests: number;
  deliveredKg: number;
  /** median hours from a request to the receipt that fulfilled it; null when none was fulfilled */
  medianHoursToReceipt: number | null;
};

const APPROVED = ["APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED"];

/**
 * Requests made on the WIB days from..to, as they stood at the end of `to`: tonnes requested,
 * approved (decided by then), delivered (received by then), and the median request→receipt time.
 */
export async function requestFunnel(from: Day, to: Day): Promise<RequestFunnel> {
  const start = startOfWibDay(from);
  const end = startOfWibDay(addDays(to, 1));
  const [r] = await prisma.$queryRaw<
    {
      requests: bigint;
      requested: bigint | null;
      approved_n: bigint;
      approved: bigint | null;
      fulfilled_n: bigint;
      median_h: number | null;
    }[]
  >`
    SELECT count(*) AS requests, sum("requestedKg") AS requested,
      count(*) FILTER (WHERE status::text = ANY(${APPROVED}) AND "decidedAt" < ${end}) AS approved_n,
      sum("approvedKg") FILTER (WHERE status::text = ANY(${APPROVED}) AND "decidedAt" < ${end}) AS approved,
      count(*) FILTER (WHERE "fulfilledAt" < ${end}) AS fulfilled_n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "fulfilledAt" - "createdAt") / 3600.0)
        FILTER (WHERE "fulfilledAt" < ${end}) AS median_h
    FROM "SupplyRequest" WHERE "createdAt" >= ${start} AND "createdAt" < ${end}`;
  const [d] = await prisma.$queryRaw<{ delivered: bigint | null }[]>`
    SELECT sum(d."receivedKg") AS delivered
    FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId" JOIN "SupplyRequest" q ON q.id = a."requestId"
    WHERE q."createdAt" >= ${start} AND q."createdAt" < ${end} AND d."receivedAt" < ${end}`;
  return {
    requests: Number(r.requests),
    requestedKg: Number(r.requested ?? 0),
    approvedRequests: Number(r.approved_n),
    approvedKg: Number(r.approved ?? 0),
    fulfilledRequests: Number(r.fulfilled_n),
    deliveredKg: Number(d.delivered ?? 0),
    medianHoursToReceipt: r.median_h === null ? null : Math.round(Number(r.median_h) * 10) / 10,
  };
}
