import { now as clockNow } from "@/server/clock";
import { Prisma } from "@/generated/prisma/client";
import { addDays, dateToDay, dayToDate, startOfWibDay, type Day } from "@/domain/day";
import { AMBER_BELOW_HOURS, BURN_RATE_WINDOW_REPORTS, RED_BELOW_HOURS, STALE_AFTER_HOURS, type SupplyStatus } from "./dashboard-rules";
import { prisma } from "../db";

// Hospitals' supply on a WIB day, computed by PostgreSQL: each hospital's latest report on or
// before the day (usable stock = stock − the tank's unusable residual), its burn rate (mean use
// of its last 7 reports) and the hours that stock lasts; a hospital whose latest report is more
// than 24 h old at the end of the day (or now, for today) is stale. The thresholds come from the
// domain (one source of truth), passed to the SQL as parameters.
//
// Indexes used: StockReport (hospitalId, day) unique — the LATERAL "latest 7 reports" walk.

export type HospitalSupply = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  lastReportDay: Day | null;
  usableStockKg: number;
  burnRateKgPerDay: number;
  /** null when the hospital uses nothing (or never reported): no end in sight */
  hoursLeft: number | null;
  status: SupplyStatus;
};

export type StatusCounts = Record<SupplyStatus, number>;

/** The instant "now" for a day: its end, or the present moment while the day is not over. */
export function asOfInstant(day: Day, now: Date = clockNow()): Date {
  const end = startOfWibDay(addDays(day, 1));
  return now < end ? now : end;
}

/** The per-hospital rows (CTE) shared by the list and the counts. */
function supplySql(day: Day, asOf: Date, hospitalId: string | null) {
  const date = dayToDate(day);
  const staleBefore = new Date(asOf.getTime() - STALE_AFTER_HOURS * 3_600_000);
  return Prisma.sql`
    WITH supply AS (
      SELECT h.id, h.name, r.code AS "regionCode", r.name AS "regionName",
             l.day AS "lastDay", l."reportedAt",
             GREATEST(0, l."stockKg" - h."tankResidualKg") AS usable,
             b.burn,
             CASE WHEN b.burn > 0 THEN GREATEST(0, l."stockKg" - h."tankResidualKg") * 24.0 / b.burn END AS hours
      FROM "Hospital" h
      JOIN "Region" r ON r.id = h."regionId"
      LEFT JOIN LATERAL (
        SELECT s.day, s."stockKg", s."reportedAt" FROM "StockReport" s
        WHERE s."hospitalId" = h.id AND s.day <= ${date} ORDER BY s.day DESC LIMIT 1
      ) l ON true
      LEFT JOIN LATERAL (
        SELECT avg(w."usedKg")::float8 AS burn FROM (
          SELECT s."usedKg" FROM "StockReport" s
          WHERE s."hospitalId" = h.id AND s.day <= ${date} ORDER BY s.day DESC LIMIT ${BURN_RATE_WINDOW_REPORTS}
        ) w
      ) b ON true
      WHERE h.active ${hospitalId ? Prisma.sql`AND h.id = ${hospitalId}` : Prisma.empty}
    ), classified AS (
      SELECT supply.*,
        CASE WHEN "lastDay" IS NULL OR "reportedAt" < ${staleBefore} THEN 'stale'
             WHEN hours < ${RED_BELOW_HOURS} THEN 'red'
             WHEN hours < ${AMBER_BELOW_HOURS} THEN 'amber'
             ELSE 'green' END AS status
      FROM supply
    )`;
}

type Row = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  lastDay: Date | null;
  usable: number | null;
  burn: number | null;
  hours: number | null;
  status: SupplyStatus;
};

/**
 * Every active hospital's supply on the day, the most at risk first: stale ones marked, then by
 * hours left (fewest first). `hospitalId` limits it to one hospital (a hospital admin's view).
 */
export async function hospitalSupply(day: Day, opts: { hospitalId?: string | null; now?: Date } = {}): Promise<HospitalSupply[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    ${supplySql(day, asOfInstant(day, opts.now), opts.hospitalId ?? null)}
    SELECT id, name, "regionCode", "regionName", "lastDay", usable, burn, hours, status FROM classified
    ORDER BY hours ASC NULLS LAST, name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.regionCode,
    regionName: r.regionName,
    lastReportDay: r.lastDay ? dateToDay(r.lastDay) : null,
    usableStockKg: Number(r.usable ?? 0),
    burnRateKgPerDay: Math.round(Number(r.burn ?? 0)),
    hoursLeft: r.hours === null ? null : Math.round(Number(r.hours) * 10) / 10,
    status: r.status,
  }));
}

/** The status counts of rows already computed by hospitalSupply (no second run of its CTE). */
export function statusCountsOf(rows: readonly HospitalSupply[]): StatusCounts {
  const out: StatusCounts = { red: 0, amber: 0, green: 0, stale: 0 };
  for (const r of rows) out[r.status]++;
  return out;
}

/** How many hospitals are red / amber / green / stale on the day, counted by the database. */
export async function hospitalStatusCounts(day: Day, opts: { now?: Date } = {}): Promise<StatusCounts> {
  const rows = await prisma.$queryRaw<{ status: SupplyStatus; n: bigint }[]>`
    ${supplySql(day, asOfInstant(day, opts.now), null)}
    SELECT status, count(*) AS n FROM classified GROUP BY status`;
  const out: StatusCounts = { red: 0, amber: 0, green: 0, stale: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export type RegionRow = {
  code: string;
  name: string;
  hospitals: number;
  /** hospitals' reported use on the day */
  useKg: number;
  /** hospitals' reported use over the 7 days ending on the day */
  use7dKg: number;
  /** received by the region's hospitals over the 7 days ending on the day */
  received7dKg: number;
  red: number;
  amber: number;
  stale: number;
  /** fewest hours left among its reporting hospitals */
  minHoursLeft: number | null;
  activeCases: number | null;
};

type Risk = { hospitals: number; red: number; amber: number; stale: number; minHoursLeft: number | null };

/** Per region code: how many active hospitals, how many red / amber / stale, fewest hours left (not stale). */
function riskByRegion(rows: readonly HospitalSupply[]): Map<string, Risk> {
  const out = new Map<string, Risk>();
  for (const r of rows) {
    let k = out.get(r.regionCode);
    if (!k) out.set(r.regionCode, (k = { hospitals: 0, red: 0, amber: 0, stale: 0, minHoursLeft: null }));
    k.hospitals++;
    if (r.status === "red") k.red++;
    else if (r.status === "amber") k.amber++;
    else if (r.status === "stale") k.stale++;
    // hoursLeft is rounded per hospital; rounding is monotonic, so the min of the rounded values
    // is the rounded min.
    if (r.status !== "stale" && r.hoursLeft !== null && (k.minHoursLeft === null || r.hoursLeft < k.minHoursLeft)) k.minHoursLeft = r.hoursLeft;
  }
  return out;
}

/**
 * Per regency/city: demand, deliveries and risk on the day (the province's direct children).
 * The risk columns come from hospitalSupply's rows: pass `supply` when the caller already has
 * them (the dashboard), so the per-hospital CTE runs once per page.
 */
export async function regionTable(day: Day, opts: { now?: Date; supply?: readonly HospitalSupply[] } = {}): Promise<RegionRow[]> {
  const supplyRows = opts.supply ? Promise.resolve(opts.supply) : hospitalSupply(day, { now: opts.now });
  supplyRows.catch(() => undefined); // awaited below; don't report it unhandled if the SQL fails first
  const date = dayToDate(day);
  const from = dayToDate(addDays(day, -6));
  const receivedFrom = startOfWibDay(addDays(day, -6));
  const receivedTo = startOfWibDay(addDays(day, 1));
  const rows = await prisma.$queryRaw<
    {
      code: string;
      name: string;
      use: bigint | null;
      use7: bigint | null;
      received7: bigint | null;
      active: number | null;
    }[]
  >`
    WITH use AS (
      SELECT h."regionId", sum(s."usedKg") FILTER (WHERE s.day = ${date}) AS use, sum(s."usedKg") AS use7
      FROM "StockReport" s JOIN "Hospital" h ON h.id = s."hospitalId"
      WHERE s.day BETWEEN ${from} AND ${date} GROUP BY h."regionId"
    ), received AS (
      SELECT h."regionId", sum(d."receivedKg") AS received7
      FROM "Delivery" d JOIN "Hospital" h ON h.id = d."hospitalId"
      WHERE d."receivedAt" >= ${receivedFrom} AND d."receivedAt" < ${receivedTo} GROUP BY h."regionId"
    )
    SELECT r.code, r.name, u.use, u.use7, rc.received7, c.active
    FROM "Region" r
    JOIN "Region" p ON p.id = r."parentId" AND p."parentId" IS NULL
    LEFT JOIN use u ON u."regionId" = r.id
    LEFT JOIN received rc ON rc."regionId" = r.id
    LEFT JOIN "CaseStat" c ON c."regionId" = r.id AND c.day = ${date}
    ORDER BY r.code`;
  const risk = riskByRegion(await supplyRows);
  return rows.map((r) => {
    const k = risk.get(r.code);
    return {
      code: r.code,
      name: r.name,
      hospitals: k?.hospitals ?? 0,
      useKg: Number(r.use ?? 0),
      use7dKg: Number(r.use7 ?? 0),
      received7dKg: Number(r.received7 ?? 0),
      red: k?.red ?? 0,
      amber: k?.amber ?? 0,
      stale: k?.stale ?? 0,
      minHoursLeft: k?.minHoursLeft ?? null,
      activeCases: r.active === null ? null : Number(r.active),
    };
  });
}
