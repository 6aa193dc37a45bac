import { dateToDay, dayToDate, type Day } from "@/domain/day";
import { prisma } from "../db";

export type Headline = { day: Day; targetKg: number; capacityKg: number; medicalKg: number; industrialKg: number };

/** The latest WIB day with capacity data, or null on an empty database. */
export async function latestCapacityDay(): Promise<Day | null> {
  const rows = await prisma.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM "DailyCapacity"`;
  return rows[0]?.day ? dateToDay(rows[0].day) : null;
}

/** The first and last WIB days with capacity data (the date picker's bounds), or null. */
export async function capacityDayBounds(): Promise<{ first: Day; last: Day } | null> {
  const rows = await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`SELECT min(day) AS first, max(day) AS last FROM "DailyCapacity"`;
  const r = rows[0];
  return r?.first && r.last ? { first: dateToDay(r.first), last: dateToDay(r.last) } : null;
}

/** Production and target of the whole region on one day, summed by the database. */
export async function headlineFor(day: Day): Promise<Headline> {
  const date = dayToDate(day);
  const [cap] = await prisma.$queryRaw<{ produced: bigint | null; medical: bigint | null; industrial: bigint | null }[]>`
    SELECT sum("producedKg") AS produced, sum("medicalKg") AS medical, sum("industrialKg") AS industrial
    FROM "DailyCapacity" WHERE day = ${date}`;
  const [target] = await prisma.$queryRaw<{ target: number | null }[]>`
    SELECT p."dailyTargetKg" AS target FROM "Policy" p JOIN "Region" r ON r.id = p."regionId"
    WHERE r."parentId" IS NULL AND p."validFrom" <= ${date} ORDER BY p."validFrom" DESC LIMIT 1`;
  return {
    day,
    targetKg: target?.target ?? 0,
    capacityKg: Number(cap?.produced ?? 0),
    medicalKg: Number(cap?.medical ?? 0),
    industrialKg: Number(cap?.industrial ?? 0),
  };
}
