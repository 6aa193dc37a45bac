import { Prisma } from "@/generated/prisma/client";
import { addDays, dateToDay, dayToDate, startOfWibDay, type Day } from "@/domain/day";
import { now as clockNow } from "@/server/clock";
import {
  AMBER_BELOW_HOURS,
  BURN_RATE_WINDOW_REPORTS,
  DEFAULT_OPERATING_MINIMUM_PCT,
  RED_BELOW_HOURS,
  STALE_AFTER_HOURS,
  type SupplyStatus,
} from "@/domain/dashboard-rules";
import { prisma } from "../db";

// Hospitals' supply on a WIB day, computed by PostgreSQL with the domain's rules
// (src/domain/stock.ts, decision 0018), projected to the moment of reading: the end of the day,
// or now while the day is not over. Per hospital: its latest report on or before the day (usable
// stock = stock above the larger of the tank's residual and its operating minimum), plus what it
// received since, less its burn rate × the hours since (the burn rate: a 7…1-weighted mean of
// its last 7 reports not held for review, or the newest one's use when higher), over the burn
// rate. A latest report more than STALE_AFTER_HOURS old at that moment is stale.
//
// Each hospital's latest report and burn are read from "HospitalSupplyState" (kept by a trigger on
// "StockReport", decision 0044) when that report is on or before the day; for a day before it,
// from the reports themselves.
//
// Indexes used: StockReport (hospitalId, day) unique — the LATERAL "latest reports" walks (a past day);
// Delivery (hospitalId, receivedAt, receivedKg) — received since the report, index-only.

export type HospitalSupply = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  lastReportDay: Day | null;
  /** when the latest report was made */
  lastReportedAt: Date | null;
  /** the moment the figures below are projected to */
  asOf: Date;
  /** usable stock projected to asOf, kg */
  usableStockKg: number;
  /** received (accepted) since the latest report, up to asOf */
  receivedSinceKg: number;
  burnRateKgPerDay: number;
  /** null when the hospital uses nothing (or never reported): no end in sight */
  hoursLeft: number | null;
  /** the latest report is too old to trust (or there is none) */
  stale: boolean;
  status: SupplyStatus;
};

export type StatusCounts = Record<SupplyStatus, number>;

/** The instant "now" for a day: its end, or the present moment while the day is not over. */
export function asOfInstant(day: Day, now: Date = clockNow()): Date {
  const end = startOfWibDay(addDays(day, 1));
  return now < end ? now : end;
}

/**
 * The burn rate of hospital `h` as of a date, for a LEFT JOIN LATERAL (… ) b: columns weighted
 * and newest; the burn is GREATEST(b.weighted, b.newest). The one SQL form of burnRateKgPerDay,
 * shared with the forecast's inputs.
 */
export function burnRateLateral(date: Date) {
  return Prisma.sql`
    SELECT sum(w."usedKg" * (${BURN_RATE_WINDOW_REPORTS + 1}::int - w.n))::float8 / sum(${BURN_RATE_WINDOW_REPORTS + 1}::int - w.n) AS weighted,
           max(w."usedKg") FILTER (WHERE w.n = 1)::float8 AS newest
    FROM (
      SELECT s."usedKg", row_number() OVER (ORDER BY s.day DESC) AS n FROM "StockReport" s
      WHERE s."hospitalId" = h.id AND s.day <= ${date} AND NOT s."flaggedForReview"
      ORDER BY s.day DESC LIMIT ${BURN_RATE_WINDOW_REPORTS}
    ) w`;
}

/** The per-hospital rows (CTE) shared by the list and the counts. */
function supplySql(day: Day, asOf: Date, hospitalId: string | null) {
  const date = dayToDate(day);
  const staleBefore = new Date(asOf.getTime() - STALE_AFTER_HOURS * 3_600_000);
  const asOfEpoch = asOf.getTime() / 1000;
  return Prisma.sql`
    WITH latest AS (
      SELECT h.id, h.name, r.code AS "regionCode", r.name AS "regionName",
             l.day AS "lastDay", l."reportedAt",
             GREATEST(0, l."stockKg" - GREATEST(h."tankResidualKg", COALESCE(h."operatingMinimumKg", h."tankCapacityKg" * ${DEFAULT_OPERATING_MINIMUM_PCT}::int / 100))) AS "usableAtReport",
             COALESCE(GREATEST(l.weighted, l.newest), 0) AS burn,
             -- received since the report: kept beside it when no receipt is later than asOf, else summed
             COALESCE(CASE WHEN l."keptExact" THEN l.kept ELSE (
               SELECT sum(d."receivedKg") FROM "Delivery" d
               WHERE d."hospitalId" = h.id AND d."receivedAt" > l."reportedAt" AND d."receivedAt" <= ${asOf}) END, 0) AS "receivedSince",
             GREATEST(0, ${asOfEpoch}::float8 - extract(epoch FROM l."reportedAt")::float8) / 3600.0 AS elapsed
      FROM "Hospital" h
      JOIN "Region" r ON r.id = h."regionId"
      LEFT JOIN "HospitalSupplyState" st ON st."hospitalId" = h.id
      LEFT JOIN LATERAL (
        -- the kept state when the hospital's latest report is on or before the day (decision 0044)…
        SELECT st."lastDay" AS day, st."stockKg", st."reportedAt", st."weightedBurnKg" AS weighted, st."newestBurnKg" AS newest,
               st."receivedSinceKg" AS kept, (st."lastReceivedAt" IS NULL OR st."lastReceivedAt" <= ${asOf}) AS "keptExact"
        WHERE st."lastDay" <= ${date}
        UNION ALL
        -- …else its reports up to the day (a day in the past)
        SELECT x.day, x."stockKg", x."reportedAt", b.weighted, b.newest, 0, false
        FROM (
          SELECT s.day, s."stockKg", s."reportedAt" FROM "StockReport" s
          WHERE s."hospitalId" = h.id AND s.day <= ${date} ORDER BY s.day DESC LIMIT 1
        ) x CROSS JOIN LATERAL (${burnRateLateral(date)}) b
        WHERE st."lastDay" > ${date}
      ) l ON true
      WHERE h.active ${hospitalId ? Prisma.sql`AND h.id = ${hospitalId}` : Prisma.empty}
    ), supply AS (
      SELECT latest.*,
             CASE WHEN "lastDay" IS NULL THEN 0
                  ELSE GREATEST(0, "usableAtReport" + "receivedSince" - burn * elapsed / 24.0) END AS usable
      FROM latest
    ), classified AS (
      SELECT supply.*,
        CASE WHEN burn > 0 AND "lastDay" IS NOT NULL THEN usable * 24.0 / burn END AS hours,
        ("lastDay" IS NULL OR "reportedAt" < ${staleBefore}) AS stale
      FROM supply
    ), rated AS (
      SELECT classified.*,
        CASE WHEN hours < ${RED_BELOW_HOURS} THEN 'red'
             WHEN stale THEN 'stale'
             WHEN hours < ${AMBER_BELOW_HOURS} THEN 'amber'
             ELSE 'green' END AS status
      FROM classified
    )`;
}

type Row = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  lastDay: Date | null;
  reportedAt: Date | null;
  usable: number | null;
  receivedSince: bigint | number | null;
  burn: number | null;
  hours: number | null;
  stale: boolean;
  status: SupplyStatus;
};

/**
 * Every active hospital's supply on the day, the most at risk first: by projected hours left
 * (fewest first), unknown last. `hospitalId` limits it to one hospital (a hospital admin's view).
 */
export async function hospitalSupply(day: Day, opts: { hospitalId?: string | null; now?: Date } = {}): Promise<HospitalSupply[]> {
  const asOf = asOfInstant(day, opts.now);
  const rows = await prisma.$queryRaw<Row[]>`
    ${supplySql(day, asOf, opts.hospitalId ?? null)}
    SELECT id, name, "regionCode", "regionName", "lastDay", "reportedAt", usable, "receivedSince", burn, hours, stale, status FROM rated
    ORDER BY hours ASC NULLS LAST, name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.regionCode,
    regionName: r.regionName,
    lastReportDay: r.lastDay ? dateToDay(r.lastDay) : null,
    lastReportedAt: r.reportedAt,
    asOf,
    usableStockKg: Math.round(Number(r.usable ?? 0)),
    receivedSinceKg: Number(r.receivedSince ?? 0),
    burnRateKgPerDay: Math.round(Number(r.burn ?? 0)),
    hoursLeft: r.hours === null ? null : Math.round(Number(r.hours) * 10) / 10,
    stale: r.stale,
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
    SELECT status, count(*) AS n FROM rated GROUP BY status`;
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
      SELECT u."regionId", sum(u."usedKg") FILTER (WHERE u.day = ${date}) AS use, sum(u."usedKg") AS use7
      FROM "StockUseDay" u WHERE u.day BETWEEN ${from} AND ${date} GROUP BY u."regionId"
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
