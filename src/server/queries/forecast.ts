import "server-only";
import { addDays, dateToDay, dayToDate, type Day } from "@/domain/day";
import { burnRateLateral } from "./dashboard-hospitals";
import { dailySeries } from "./dashboard-trends";
import { headlineFor } from "./headline";
import { prisma } from "../db";

// The demand forecast's inputs as of a WIB day, every sum computed by PostgreSQL. The forecast
// itself (src/domain/forecast.ts) runs in the browser from these, so scenarios answer at once.
//
// Indexes used: StockReport (hospitalId, day) unique — the LATERAL "latest report" walks;
// StockReport (day), CaseStat (day), DailyCapacity (day) for the series.

/** Days of history sent for the fit (the domain fits the last 7–14 of them) and drawn on the chart. */
export const HISTORY_DAYS = 14;

export type RateSetRow = { id: string; key: string; name: string; severeLpm: number; criticalLpm: number; isDefault: boolean };

export type HospitalUseRow = {
  id: string;
  name: string;
  regionName: string;
  day: Day;
  usedKg: number;
  severe: number;
  critical: number;
};

export type HistoryPoint = {
  day: Day;
  /** patients on oxygen in the reports of that day (null: no report) */
  severe: number | null;
  critical: number | null;
  /** active COVID-19 cases summed over the province's regencies/cities */
  activeCases: number | null;
  /** hospitals' reported use */
  usedKg: number | null;
};

export type ForecastInputs = {
  asOf: Day;
  /** the first and last days with stock reports (the as-of picker's bounds) */
  bounds: { first: Day; last: Day };
  rateSets: RateSetRow[];
  /**
   * every active hospital's latest report on or before the as-of day, summed: a hospital that
   * stopped reporting is carried forward on its last report (it still burns oxygen), and counted
   */
  latest: {
    hospitals: number;
    /** of which the latest report is older than the as-of day: carried forward */
    olderThanAsOf: number;
    severe: number;
    critical: number;
    usedKg: number;
    /** sum over hospitals of their burn rate (src/domain/stock.ts: weighted, held reports left out) */
    burnKgPerDay: number;
  };
  activeHospitals: number;
  /** active hospitals' COVID (oxygen) beds and their ICU beds, summed: input to the India 2021 formula */
  beds: { covidBeds: number; icuBeds: number };
  /** the latest day with capacity on or before the as-of day, and its medical and total production */
  supply: { day: Day | null; medicalKg: number; productionKg: number };
  history: HistoryPoint[];
  hospitals: HospitalUseRow[];
};

/** The first and last days with stock reports, or null on an empty database. */
export async function reportDayBounds(): Promise<{ first: Day; last: Day } | null> {
  const [r] = await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(day) AS first, max(day) AS last FROM "StockReport"`;
  return r?.first && r.last ? { first: dateToDay(r.first), last: dateToDay(r.last) } : null;
}

export async function rateSets(): Promise<RateSetRow[]> {
  const rows = await prisma.flowRateSet.findMany({ orderBy: { key: "asc" } });
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, severeLpm: Number(r.severeLpm), criticalLpm: Number(r.criticalLpm), isDefault: r.isDefault }));
}

/** Everything the forecast page needs as of `asOf` (default: the latest report day); null without reports. */
export async function forecastInputs(asOf?: Day): Promise<ForecastInputs | null> {
  const bounds = await reportDayBounds();
  if (!bounds) return null;
  const day = asOf && asOf >= bounds.first && asOf <= bounds.last ? asOf : bounds.last;
  const [sets, latest, hospitals, beds, supply, history] = await Promise.all([
    rateSets(),
    latestSums(day),
    latestPerHospital(day),
    bedSums(),
    supplyOn(day),
    historyTo(day),
  ]);
  return {
    asOf: day,
    bounds,
    rateSets: sets,
    latest,
    activeHospitals: beds.hospitals,
    beds: { covidBeds: beds.covidBeds, icuBeds: beds.icuBeds },
    supply,
    history,
    hospitals,
  };
}

async function latestSums(day: Day): Promise<ForecastInputs["latest"]> {
  const date = dayToDate(day);
  const [r] = await prisma.$queryRaw<
    { hospitals: bigint; older: bigint; severe: bigint | null; critical: bigint | null; used: bigint | null; burn: number | null }[]
  >`
    SELECT count(l.day) AS hospitals,
      count(l.day) FILTER (WHERE l.day < ${date}) AS older,
      sum(l."severePatients") AS severe, sum(l."criticalPatients") AS critical, sum(l."usedKg") AS used,
      sum(GREATEST(b.weighted, b.newest))::float8 AS burn
    FROM "Hospital" h
    JOIN LATERAL (
      SELECT s.day, s."severePatients", s."criticalPatients", s."usedKg" FROM "StockReport" s
      WHERE s."hospitalId" = h.id AND s.day <= ${date} ORDER BY s.day DESC LIMIT 1
    ) l ON true
    LEFT JOIN LATERAL (${burnRateLateral(date)}) b ON true
    WHERE h.active`;
  return {
    hospitals: Number(r.hospitals),
    olderThanAsOf: Number(r.older),
    severe: Number(r.severe ?? 0),
    critical: Number(r.critical ?? 0),
    usedKg: Number(r.used ?? 0),
    burnKgPerDay: Math.round(Number(r.burn ?? 0)),
  };
}

async function latestPerHospital(day: Day): Promise<HospitalUseRow[]> {
  const date = dayToDate(day);
  const rows = await prisma.$queryRaw<{ id: string; name: string; regionName: string; day: Date; used: number; severe: number; critical: number }[]>`
    SELECT h.id, h.name, r.name AS "regionName", l.day, l."usedKg" AS used, l."severePatients" AS severe, l."criticalPatients" AS critical
    FROM "Hospital" h
    JOIN "Region" r ON r.id = h."regionId"
    JOIN LATERAL (
      SELECT s.day, s."usedKg", s."severePatients", s."criticalPatients" FROM "StockReport" s
      WHERE s."hospitalId" = h.id AND s.day <= ${date} ORDER BY s.day DESC LIMIT 1
    ) l ON true
    WHERE h.active
    ORDER BY h.name`;
  return rows.map((r) => ({ id: r.id, name: r.name, regionName: r.regionName, day: dateToDay(r.day), usedKg: r.used, severe: r.severe, critical: r.critical }));
}

/** Active hospitals, their COVID beds and their ICU beds counted within them (see indiaBedFormulaKgPerDay). */
async function bedSums() {
  const [r] = await prisma.$queryRaw<{ hospitals: bigint; covid: bigint | null; icu: bigint | null }[]>`
    SELECT count(*) AS hospitals, sum("covidBeds") AS covid, sum(LEAST("icuBeds", "covidBeds")) AS icu FROM "Hospital" WHERE active`;
  return { hospitals: Number(r.hospitals), covidBeds: Number(r.covid ?? 0), icuBeds: Number(r.icu ?? 0) };
}

/** The latest day's medical capacity: the last capacity day on or before `day`. */
async function supplyOn(day: Day): Promise<ForecastInputs["supply"]> {
  const [r] = await prisma.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM "DailyCapacity" WHERE day <= ${dayToDate(day)}`;
  if (!r?.day) return { day: null, medicalKg: 0, productionKg: 0 };
  const h = await headlineFor(dateToDay(r.day));
  return { day: h.day, medicalKg: h.medicalKg ?? 0, productionKg: h.capacityKg ?? 0 }; // a day with data: never null here
}

/** The last HISTORY_DAYS days: patients per day (summed by SQL) beside the dashboard's daily series. */
async function historyTo(day: Day): Promise<HistoryPoint[]> {
  const from = addDays(day, -(HISTORY_DAYS - 1));
  const [series, patients] = await Promise.all([
    dailySeries(from, day),
    prisma.$queryRaw<{ day: Date; severe: bigint; critical: bigint }[]>`
      SELECT day, sum("severePatients") AS severe, sum("criticalPatients") AS critical
      FROM "StockReport" WHERE day BETWEEN ${dayToDate(from)} AND ${dayToDate(day)} GROUP BY day`,
  ]);
  const byDay = new Map(patients.map((p) => [dateToDay(p.day), p]));
  return series.map((s) => {
    const p = byDay.get(s.day);
    return {
      day: s.day,
      severe: p ? Number(p.severe) : null,
      critical: p ? Number(p.critical) : null,
      activeCases: s.activeCases,
      usedKg: s.hospitalUseKg,
    };
  });
}

// ---- saved scenarios ---------------------------------------------------------------------------

export type SavedScenario = { id: string; name: string; params: unknown; createdAt: Date; createdBy: string | null };

export async function scenarioById(id: string): Promise<SavedScenario | null> {
  const s = await prisma.scenario.findUnique({ where: { id } });
  if (!s) return null;
  const user = s.createdById ? await prisma.user.findUnique({ where: { id: s.createdById }, select: { name: true } }) : null;
  return { id: s.id, name: s.name, params: s.params, createdAt: s.createdAt, createdBy: user?.name ?? null };
}

/** The most recently saved scenarios, newest first. */
export async function recentScenarios(take = 10): Promise<SavedScenario[]> {
  const rows = await prisma.scenario.findMany({ orderBy: { createdAt: "desc" }, take });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
  const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    params: s.params,
    createdAt: s.createdAt,
    createdBy: s.createdById ? (name.get(s.createdById) ?? null) : null,
  }));
}
