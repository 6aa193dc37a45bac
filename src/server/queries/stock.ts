import { now as clockNow } from "@/server/clock";
import { dateToDay, dayToDate, todayWib, type Day } from "@/domain/day";
import { prisma } from "../db";
import { hospitalSupply, type HospitalSupply } from "./dashboard-hospitals";

// Reads of hospitals' stock: the derived supply (usable stock, burn rate, hours left, colour,
// stale) comes from the dashboard's SQL (src/server/queries/dashboard-hospitals.ts), which
// applies the domain thresholds in PostgreSQL.

/**
 * The day the hospital-side screens judge supply on: the latest day with data (capacity or a
 * stock report), never after today. On live data that is today; on the 2021 demo data it is the
 * scenario's last day, until someone reports today.
 */
export async function referenceDay(now: Date = clockNow()): Promise<Day> {
  const today = todayWib(now);
  const [r] = await prisma.$queryRaw<{ day: Date | null }[]>`
    SELECT max(day) AS day FROM (
      SELECT max(day) AS day FROM "DailyCapacity" WHERE day <= ${dayToDate(today)}
      UNION ALL SELECT max(day) FROM "StockReport" WHERE day <= ${dayToDate(today)}
    ) d`;
  return r?.day ? dateToDay(r.day) : today;
}

/** Every active hospital's supply as of the reference day, keyed by hospital id. */
export async function supplyByHospital(now: Date = clockNow()): Promise<Map<string, HospitalSupply>> {
  const day = await referenceDay(now);
  const rows = await hospitalSupply(day, { now });
  return new Map(rows.map((r) => [r.id, r]));
}

/** One hospital's supply as of the reference day (or null for an inactive hospital). */
export async function supplyOf(hospitalId: string, now: Date = clockNow()): Promise<HospitalSupply | null> {
  const day = await referenceDay(now);
  const [row] = await hospitalSupply(day, { hospitalId, now });
  return row ?? null;
}

/** A stock report as the history shows it (StockHistory, src/components/hospital/stock-history.tsx). */
export type StockHistoryRow = {
  id: string;
  day: Date;
  stockKg: number;
  usedKg: number;
  severePatients: number;
  criticalPatients: number;
  bedsOccupied: number;
  flaggedForReview: boolean;
  reviewedAt: Date | null;
  reportedAt: Date;
  /** entered by the task force on the hospital's behalf (war room), with how */
  onBehalf: boolean;
  onBehalfNote: string | null;
};

/**
 * A hospital's latest reports, newest first, with what the history shows. The caller has checked
 * the actor may read them. Plain SQL: the stock form's action reads it after every report, and a
 * Prisma model query costs milliseconds of the query compiler's CPU each time (decision 0047).
 */
export function stockHistory(hospitalId: string, take = 30) {
  return prisma.$queryRaw<StockHistoryRow[]>`
    SELECT id, day, "stockKg", "usedKg", "severePatients", "criticalPatients", "bedsOccupied", "flaggedForReview", "reviewedAt", "reportedAt", "onBehalf", "onBehalfNote"
    FROM "StockReport" WHERE "hospitalId" = ${hospitalId} ORDER BY day DESC LIMIT ${take}`;
}

/** What the hospital's tank cannot deliver is computed from these (unusableFloorKg). */
export async function tankOf(hospitalId: string): Promise<{ tankCapacityKg: number; tankResidualKg: number; operatingMinimumKg: number | null } | null> {
  const [tank] = await prisma.$queryRaw<{ tankCapacityKg: number; tankResidualKg: number; operatingMinimumKg: number | null }[]>`
    SELECT "tankCapacityKg", "tankResidualKg", "operatingMinimumKg" FROM "Hospital" WHERE id = ${hospitalId}`;
  return tank ?? null;
}
