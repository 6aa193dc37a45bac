import { Prisma } from "@/generated/prisma/client";
import { dateToDay, dayToDate, type Day } from "@/domain/day";
import { productionGap, type ProductionGap } from "@/domain/supply";
import { prisma } from "../db";
import { andInProvince, type Province } from "./provinces";

// A day's production against the target, per province and summed over the provinces asked for
// (one province, or the whole country). Each province is held to its own target in force that
// day; the sums and the gap are the domain's (productionGap), so a province without a target or
// without data is named rather than counted as zero.
//
// Indexes used: DailyCapacity (day); Policy (regionId, validFrom) unique.

/** One province's day. Nulls: no target in force / nothing logged that day. */
export type ProvinceDay = {
  code: string;
  name: string;
  targetKg: number | null;
  capacityKg: number | null;
  medicalKg: number | null;
  industrialKg: number | null;
  /** max(0, target − capacity) when both are known */
  shortfallKg: number | null;
};

export type Headline = {
  day: Day;
  /** the provinces summed, by code */
  provinces: ProvinceDay[];
  gap: ProductionGap;
  /** sums over the provinces; null when none logged anything that day */
  capacityKg: number | null;
  medicalKg: number | null;
  industrialKg: number | null;
};

/** The latest WIB day with capacity data (in the province, if given), or null when there is none. */
export async function latestCapacityDay(province: Province | null = null): Promise<Day | null> {
  return (await capacityDayBounds(province))?.last ?? null;
}

/**
 * The latest WIB day on or before `today` with data (capacity or a stock report) in the province
 * (or anywhere), or null when there is none: the day everyone's view opens on, which an entry
 * mistyped into the future cannot move.
 */
export async function latestDataDay(today: Day, province: Province | null = null): Promise<Day | null> {
  const date = dayToDate(today);
  const [r] = await prisma.$queryRaw<{ day: Date | null }[]>`
    SELECT max(day) AS day FROM (
      SELECT max(c.day) AS day FROM "DailyCapacity" c
        JOIN "Supplier" s ON s.id = c."supplierId" JOIN "Region" r ON r.id = s."regionId"
        WHERE c.day <= ${date} ${andInProvince(province, "r")}
      UNION ALL
      SELECT max(sr.day) FROM "StockReport" sr
        JOIN "Hospital" h ON h.id = sr."hospitalId" JOIN "Region" r ON r.id = h."regionId"
        WHERE sr.day <= ${date} ${andInProvince(province, "r")}
    ) d`;
  return r?.day ? dateToDay(r.day) : null;
}

/** The first and last WIB days with capacity data (the date picker's bounds), or null. */
export async function capacityDayBounds(province: Province | null = null): Promise<{ first: Day; last: Day } | null> {
  const rows = province
    ? await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
        SELECT min(c.day) AS first, max(c.day) AS last FROM "DailyCapacity" c
        JOIN "Supplier" s ON s.id = c."supplierId" JOIN "Region" r ON r.id = s."regionId"
        WHERE true ${andInProvince(province, "r")}`
    : await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`SELECT min(day) AS first, max(day) AS last FROM "DailyCapacity"`;
  const r = rows[0];
  return r?.first && r.last ? { first: dateToDay(r.first), last: dateToDay(r.last) } : null;
}

/** Each province's target and production on a day (one province, or all of them), by code. */
export async function provinceDays(day: Day, province: Province | null = null): Promise<ProvinceDay[]> {
  const date = dayToDate(day);
  const rows = await prisma.$queryRaw<
    { code: string; name: string; target: number | null; produced: bigint | null; medical: bigint | null; industrial: bigint | null }[]
  >`
    WITH prov AS (
      SELECT id, code, name FROM "Region" WHERE "parentId" IS NULL ${province ? Prisma.sql`AND id = ${province.id}` : Prisma.empty}
    ), cap AS (
      -- a producer counts for the province of its regency/city (or of the province itself)
      SELECT coalesce(r."parentId", r.id) AS "provinceId",
             sum(c."producedKg") AS produced, sum(c."medicalKg") AS medical, sum(c."industrialKg") AS industrial
      FROM "DailyCapacity" c JOIN "Supplier" s ON s.id = c."supplierId" JOIN "Region" r ON r.id = s."regionId"
      WHERE c.day = ${date} ${andInProvince(province, "r")}
      GROUP BY 1
    )
    SELECT prov.code, prov.name, tg.target, cap.produced, cap.medical, cap.industrial
    FROM prov
    LEFT JOIN cap ON cap."provinceId" = prov.id
    LEFT JOIN LATERAL (
      SELECT p."dailyTargetKg" AS target FROM "Policy" p
      WHERE p."regionId" = prov.id AND p."validFrom" <= ${date} ORDER BY p."validFrom" DESC LIMIT 1
    ) tg ON true
    ORDER BY prov.code`;
  const n = (v: bigint | null) => (v === null ? null : Number(v));
  return rows.map((r) => {
    const capacityKg = n(r.produced);
    return {
      code: r.code,
      name: r.name,
      targetKg: r.target,
      capacityKg,
      medicalKg: n(r.medical),
      industrialKg: n(r.industrial),
      shortfallKg: r.target === null || capacityKg === null ? null : Math.max(0, r.target - capacityKg),
    };
  });
}

/** Production and target of one province, or of the whole country as the sum of its provinces. */
export async function headlineFor(day: Day, province: Province | null = null): Promise<Headline> {
  const provinces = await provinceDays(day, province);
  const sumOf = (k: "medicalKg" | "industrialKg") => {
    const xs = provinces.map((p) => p[k]).filter((v): v is number => v !== null);
    return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0);
  };
  const gap = productionGap(provinces);
  return { day, provinces, gap, capacityKg: gap.capacityKg, medicalKg: sumOf("medicalKg"), industrialKg: sumOf("industrialKg") };
}
