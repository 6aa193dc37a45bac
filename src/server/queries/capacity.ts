import "server-only";
import { addDays, dateToDay, dayToDate, type Day } from "@/domain/day";
import { checkMedicalPriority, medicalPriorityInForce, productionGap, type MedicalPriorityPeriod } from "@/domain/supply";
import { prisma } from "../db";
import { provinceDays } from "./headline";

// The daily capacity screen: every active producer in a row for one WIB day (with the day's
// figures if entered, and the previous day's for "copy yesterday"), the medical-priority
// policy in force for its region, and the region's total against the target, summed by SQL.

export type CapacityRow = {
  supplierId: string;
  name: string;
  region: string;
  /** the DailyCapacity row, when the day was entered (for its history) */
  capacityId: string | null;
  producedKg: number | null;
  medicalKg: number | null;
  industrialKg: number | null;
  previous: { producedKg: number; medicalKg: number; industrialKg: number } | null;
  /** the medical-priority periods of its region (or province) covering the day */
  periods: MedicalPriorityPeriod[];
};

export async function capacityScreen(day: Day) {
  const date = dayToDate(day);
  const prev = dayToDate(addDays(day, -1));
  const rows = await prisma.$queryRaw<
    {
      supplierId: string;
      name: string;
      region: string;
      capacityId: string | null;
      producedKg: number | null;
      medicalKg: number | null;
      industrialKg: number | null;
      pProduced: number | null;
      pMedical: number | null;
      pIndustrial: number | null;
      regionId: string;
      parentId: string | null;
    }[]
  >`
    SELECT s.id AS "supplierId", s.name, r.name AS region, c.id AS "capacityId",
      c."producedKg", c."medicalKg", c."industrialKg",
      y."producedKg" AS "pProduced", y."medicalKg" AS "pMedical", y."industrialKg" AS "pIndustrial",
      r.id AS "regionId", r."parentId"
    FROM "Supplier" s
    JOIN "Region" r ON r.id = s."regionId"
    LEFT JOIN "DailyCapacity" c ON c."supplierId" = s.id AND c.day = ${date}
    LEFT JOIN "DailyCapacity" y ON y."supplierId" = s.id AND y.day = ${prev}
    WHERE s.kind = 'PRODUCER' AND s.active
    ORDER BY s.name`;
  const [totals] = await prisma.$queryRaw<{ produced: bigint | null; medical: bigint | null; industrial: bigint | null; n: bigint }[]>`
    SELECT sum("producedKg") AS produced, sum("medicalKg") AS medical, sum("industrialKg") AS industrial, count(*) AS n
    FROM "DailyCapacity" WHERE day = ${date}`;
  // every province held to its own target, summed (one province's target is never the whole
  // country's); no gap on a day nothing was logged
  const gap = productionGap(await provinceDays(day));
  // The periods covering the day (few rows); the domain decides which one is in force.
  const periods = (
    await prisma.medicalPriorityPeriod.findMany({
      where: { startsOn: { lte: date }, endsOn: { gte: date } },
      include: { region: { select: { parentId: true } } },
    })
  ).map((p) => ({
    regionId: p.regionId,
    isProvince: p.region.parentId === null,
    startsOn: dateToDay(p.startsOn),
    endsOn: dateToDay(p.endsOn),
    minMedicalSharePct: p.minMedicalSharePct,
  }));
  const forRegion = (regionId: string | null, parentId: string | null) => periods.filter((p) => p.regionId === regionId || p.regionId === parentId);
  return {
    day,
    rows: rows.map<CapacityRow>((r) => ({
      supplierId: r.supplierId,
      name: r.name,
      region: r.region,
      capacityId: r.capacityId,
      producedKg: r.producedKg,
      medicalKg: r.medicalKg,
      industrialKg: r.industrialKg,
      previous: r.pProduced === null ? null : { producedKg: r.pProduced, medicalKg: r.pMedical!, industrialKg: r.pIndustrial! },
      periods: forRegion(r.regionId, r.parentId),
    })),
    totals: {
      producedKg: Number(totals?.produced ?? 0),
      medicalKg: Number(totals?.medical ?? 0),
      industrialKg: Number(totals?.industrial ?? 0),
      rows: Number(totals?.n ?? 0),
    },
    targetKg: gap.targetKg,
    shortfallKg: gap.shortfallKg,
    provincePolicy: medicalPriorityInForce(
      periods.filter((p) => p.isProvince),
      day,
    ),
  };
}

/** Capacity rows from..to (inclusive) for the CSV export, in tonnes as typed on import. */
export async function capacityForExport(from: Day, to: Day) {
  const rows = await prisma.dailyCapacity.findMany({
    where: { day: { gte: dayToDate(from), lte: dayToDate(to) } },
    orderBy: [{ day: "asc" }, { supplier: { name: "asc" } }],
    select: { day: true, producedKg: true, medicalKg: true, industrialKg: true, supplier: { select: { name: true } } },
    take: 100_000,
  });
  return rows.map((r) => ({
    day: dateToDay(r.day),
    supplier: r.supplier.name,
    producedKg: r.producedKg,
    medicalKg: r.medicalKg,
    industrialKg: r.industrialKg,
  }));
}

/** The latest day that has capacity figures (a handy link on an empty day). */
export async function latestCapacityDayOnOrBefore(day: Day): Promise<Day | null> {
  const rows = await prisma.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM "DailyCapacity" WHERE day <= ${dayToDate(day)}`;
  return rows[0]?.day ? dateToDay(rows[0].day) : null;
}

export type Compliance = { status: "meets" | "below" | "no_policy" | "not_entered"; share: number | null; requiredPct: number | null };

/** Whether a producer's medical share on the day met the policy in force (the rule is src/domain/supply.ts). */
export function complianceOf(r: CapacityRow, day: string): Compliance {
  if (r.producedKg === null) return { status: "not_entered", share: null, requiredPct: null };
  const check = checkMedicalPriority({ producedKg: r.producedKg, medicalKg: r.medicalKg! }, r.periods, day);
  const share = check.medicalSharePct === null ? null : check.medicalSharePct / 100;
  const status = check.compliance === "met" ? "meets" : check.compliance === "not_met" ? "below" : "no_policy";
  return { status, share, requiredPct: check.requiredPct };
}
