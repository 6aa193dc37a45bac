import { addDays, dateToDay, dayToDate, startOfWibDay, type Day } from "@/domain/day";
import { Prisma } from "@/generated/prisma/client";
import { productionGap } from "@/domain/supply";
import { prisma } from "../db";
import { andHospitalInProvince, andInProvince, type Province } from "./provinces";

// Series over a range of WIB days and the requests funnel, aggregated by PostgreSQL.
//
// Indexes used: DailyCapacity (day); StockUseDay (day, regionId) key; CaseStat (day); Policy (regionId,
// validFrom) unique; SupplyRequest (createdAt); RequestFunnelDay (day, provinceId, eventDay) key.

export type DailyPoint = {
  day: Day;
  /** production (null: nothing logged that day) */
  capacityKg: number | null;
  medicalKg: number | null;
  industrialKg: number | null;
  /** hospitals' reported use */
  hospitalUseKg: number | null;
  /** the provinces' targets in force, summed (null: no province has one) */
  targetKg: number | null;
  /** production below the target over the provinces with both figures (src/domain/supply productionGap) */
  shortfallKg: number | null;
  /** COVID-19 active cases summed over the regencies/cities */
  activeCases: number | null;
};

/**
 * One row per day from..to (inclusive), days without data kept as nulls: for the province, or
 * the whole country with each province held to its own target.
 */
export async function dailySeries(from: Day, to: Day, province: Province | null = null): Promise<DailyPoint[]> {
  const f = dayToDate(from);
  const t = dayToDate(to);
  // per day and province: production and the target in force
  const perProvince = prisma.$queryRaw<
    { day: Date; code: string; target: number | null; produced: bigint | null; medical: bigint | null; industrial: bigint | null }[]
  >`
    WITH days AS (SELECT g::date AS day FROM generate_series(${f}::date, ${t}::date, interval '1 day') g),
    prov AS (SELECT id, code FROM "Region" WHERE "parentId" IS NULL ${province ? Prisma.sql`AND id = ${province.id}` : Prisma.empty}),
    cap AS (
      SELECT c.day, coalesce(r."parentId", r.id) AS "provinceId",
             sum(c."producedKg") AS produced, sum(c."medicalKg") AS medical, sum(c."industrialKg") AS industrial
      FROM "DailyCapacity" c JOIN "Supplier" s ON s.id = c."supplierId" JOIN "Region" r ON r.id = s."regionId"
      WHERE c.day BETWEEN ${f} AND ${t} ${andInProvince(province, "r")}
      GROUP BY 1, 2
    ), targets AS (
      -- each target with the day the next one of its province takes over (validFrom is unique per region)
      SELECT p."regionId", p."validFrom", lead(p."validFrom") OVER (PARTITION BY p."regionId" ORDER BY p."validFrom") AS until,
             p."dailyTargetKg" AS target
      FROM "Policy" p JOIN prov ON prov.id = p."regionId"
    )
    SELECT days.day, prov.code, tg.target, cap.produced, cap.medical, cap.industrial
    FROM days CROSS JOIN prov
    LEFT JOIN cap ON cap.day = days.day AND cap."provinceId" = prov.id
    LEFT JOIN targets tg ON tg."regionId" = prov.id AND tg."validFrom" <= days.day AND (tg.until IS NULL OR days.day < tg.until)`;
  const perDay = prisma.$queryRaw<{ day: Date; used: bigint | null; active: bigint | null }[]>`
    WITH days AS (SELECT g::date AS day FROM generate_series(${f}::date, ${t}::date, interval '1 day') g),
    use AS (
      SELECT u.day, CASE WHEN sum(u.reports) > 0 THEN sum(u."usedKg") END AS used
      FROM "StockUseDay" u JOIN "Region" r ON r.id = u."regionId"
      WHERE u.day BETWEEN ${f} AND ${t} ${andInProvince(province, "r")} GROUP BY u.day
    ), cases AS (
      SELECT c.day, sum(c.active) AS active
      FROM "CaseStat" c JOIN "Region" r ON r.id = c."regionId" JOIN "Region" p ON p.id = r."parentId" AND p."parentId" IS NULL
      WHERE c.day BETWEEN ${f} AND ${t} ${province ? Prisma.sql`AND p.id = ${province.id}` : Prisma.empty} GROUP BY c.day
    )
    SELECT days.day, use.used, cases.active
    FROM days LEFT JOIN use ON use.day = days.day LEFT JOIN cases ON cases.day = days.day
    ORDER BY days.day`;
  const [provinceRows, dayRows] = await Promise.all([perProvince, perDay]);
  const n = (v: bigint | number | null) => (v === null ? null : Number(v));
  const byDay = new Map<Day, { code: string; targetKg: number | null; capacityKg: number | null; medicalKg: number | null; industrialKg: number | null }[]>();
  for (const r of provinceRows) {
    const day = dateToDay(r.day);
    let list = byDay.get(day);
    if (!list) byDay.set(day, (list = []));
    list.push({ code: r.code, targetKg: r.target, capacityKg: n(r.produced), medicalKg: n(r.medical), industrialKg: n(r.industrial) });
  }
  const sumOf = (xs: (number | null)[]) => {
    const known = xs.filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  };
  return dayRows.map((r) => {
    const day = dateToDay(r.day);
    const provinces = byDay.get(day) ?? [];
    const gap = productionGap(provinces);
    return {
      day,
      capacityKg: gap.capacityKg,
      medicalKg: sumOf(provinces.map((p) => p.medicalKg)),
      industrialKg: sumOf(provinces.map((p) => p.industrialKg)),
      hospitalUseKg: n(r.used),
      targetKg: gap.targetKg,
      shortfallKg: gap.shortfallKg,
      activeCases: n(r.active),
    };
  });
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

/**
 * Requests made on the WIB days from..to, as they stood at the end of `to`: tonnes requested,
 * approved (decided by then), delivered (received by then), and the median request→receipt time;
 * the requests of the province's hospitals when a province is given.
 *
 * The counts and tonnes sum the rollup "RequestFunnelDay" (decision 0044): rows of the days
 * from..to whose step happened by the end of `to`, exact for a past range too. The median reads
 * the range's fulfilled requests themselves.
 */
export async function requestFunnel(from: Day, to: Day, province: Province | null = null): Promise<RequestFunnel> {
  const f = dayToDate(from);
  const t = dayToDate(to);
  const start = startOfWibDay(from);
  const end = startOfWibDay(addDays(to, 1));
  const [[r], [m]] = await Promise.all([
    prisma.$queryRaw<
      {
        requests: bigint | null;
        requested: bigint | null;
        approved_n: bigint | null;
        approved: bigint | null;
        fulfilled_n: bigint | null;
        delivered: bigint | null;
      }[]
    >`
      SELECT sum(requests) AS requests, sum("requestedKg") AS requested, sum("approvedRequests") AS approved_n,
        sum("approvedKg") AS approved, sum("fulfilledRequests") AS fulfilled_n, sum("deliveredKg") AS delivered
      FROM "RequestFunnelDay"
      WHERE day BETWEEN ${f} AND ${t} AND "eventDay" <= ${t} ${province ? Prisma.sql`AND "provinceId" = ${province.id}` : Prisma.empty}`,
    prisma.$queryRaw<{ median_h: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "fulfilledAt" - "createdAt") / 3600.0) AS median_h
      FROM "SupplyRequest"
      WHERE "createdAt" >= ${start} AND "createdAt" < ${end} AND "fulfilledAt" < ${end} ${andHospitalInProvince(province, `"hospitalId"`)}`,
  ]);
  const n = (v: bigint | null) => Number(v ?? 0);
  return {
    requests: n(r.requests),
    requestedKg: n(r.requested),
    approvedRequests: n(r.approved_n),
    approvedKg: n(r.approved),
    fulfilledRequests: n(r.fulfilled_n),
    deliveredKg: n(r.delivered),
    medianHoursToReceipt: m.median_h === null ? null : Math.round(Number(m.median_h) * 10) / 10,
  };
}
