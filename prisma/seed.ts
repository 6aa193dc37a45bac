/*
 * Demo seed: the Banten oxygen scenario, July–August 2021.
 *
 * PUBLISHED figures (shared/FACTS.md, from the news articles) — kept exact:
 *   - Banten's oxygen production capacity: 1,500 t/day (2021-07-26: the producers' producedKg
 *     sums to exactly 1,500,000 kg that day);
 *   - the "ideal" production, i.e. the regional daily target: 2,500 t/day;
 *   - PT Chandra Asri Petrochemical: 120 t of liquid oxygen in stages over two months, for the
 *     hospitals of the regional hospital association (Asarda Banten);
 *   - PT Krakatau Steel: 309 t;
 *   - two distributors, one in Serang and one in Tangerang (their names here are sample);
 *   - the normal industrial : medical split of about 70 : 30, and the governor's instruction
 *     (Ingub) holding industrial use back in favour of medical;
 *   - the eight regencies/cities of Banten with their official codes.
 * EVERYTHING ELSE IS SAMPLE DATA, invented to make the demo plausible: the invented suppliers
 * (isSample), all contacts, every daily capacity and split, the Ingub's dates and minimum share,
 * all hospital figures (every hospital is isSample), stock reports, case statistics, requests,
 * allocations, deliveries and the pledges' tranche schedules.
 *
 * The story it tells (printed in the summary): fourteen named hospitals and 86 generated ones
 * (seed-data/hospitals-generated.ts), so that at the wave's peak the hospitals' reported use is
 * about a quarter of the province's medical supply; RSUD Banten (rs1) amber with 14 h at the
 * clock's start, red by 20:00 unless its truck on the road is received; a short receipt (0.3 t
 * rejected with a reason, the request closed short); an allocation sent in two trucks, one on the
 * road; and a pledge-tranche trip to RS Sari Asih Serang (rs2) awaiting its confirmation.
 *
 * Re-runnable: reference data is upserted by natural key (region code, supplier and hospital
 * name, user email, flow-rate key); daily history goes in with createMany + skipDuplicates on
 * its unique keys; pledges, tranches, requests, allocations and deliveries carry deterministic
 * ids ("seed-…") and go in the same way. A second run changes nothing and adds nothing.
 *
 * Run: DATABASE_URL=… npx tsx prisma/seed.ts      Tests: import { seed } and pass a client.
 */
import bcrypt from "bcryptjs";
import { pathToFileURL } from "node:url";
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";
import { addDays, dayRange, daysBetween, dayToDate, startOfWibDay, type Day } from "../src/domain/day";
import { cylinderKg } from "../src/domain/mass";
import { burnRateKgPerDay, hospitalSupplyPicture, hoursElapsed, unusableFloorKg } from "../src/domain/stock";
import { ANOMALY, HOSPITALS, RS1_HOSPITAL, RS2_HOSPITAL, type HospitalSeed } from "./seed-data/hospitals";
import { ALL_HOSPITALS } from "./seed-data/hospitals-generated";
import { PLEDGES } from "./seed-data/pledges";
import { CASE_WEIGHTS, PROVINCE, REGIONS } from "./seed-data/regions";
import { REQUESTS } from "./seed-data/requests";
import { hashString, jitter, prng } from "./seed-data/random";
import { SUPPLIERS, type SupplierKey } from "./seed-data/suppliers";
import { seedFleet } from "./seed-fleet";
import { positionFor } from "./seed-data/positions";

// ---------------------------------------------------------------------------------------------
// The scenario's calendar (SAMPLE except where noted)

export const FIRST_DAY: Day = "2021-06-27";
export const LAST_DAY: Day = "2021-08-25"; // the demo's "today"; 60 days of history
/** The demo's scenario clock starts here (decision 0015): the morning of its last day. */
export const SCENARIO_CLOCK_START = `${LAST_DAY}T09:30:00+07:00`;
/** A row only the demo seed writes: its presence means the database holds the demo scenario. */
export const DEMO_MARKER_ID = "seed-ingub-2021-07";
/** Published: on this day the province's capacity was reported as 1,500 t/day. */
export const ANCHOR_DAY: Day = "2021-07-26";
/** Published: the "ideal" production, 2,500 t/day. */
const DAILY_TARGET_KG = 2_500_000;
const POLICY_VALID_FROM: Day = "2021-01-01";
/** SAMPLE dates and share for the governor's instruction (Ingub). */
const INGUB = { id: DEMO_MARKER_ID, startsOn: "2021-07-05", endsOn: "2021-08-31", minMedicalSharePct: 50 } as const;
const NORMAL_MEDICAL_SHARE = 0.3; // published: about 70 : 30
const WAVE_PEAK: Day = "2021-07-20"; // SAMPLE: hospital oxygen use peaks here
const CASES_PEAK: Day = "2021-07-18"; // SAMPLE: new cases peak here

/** Demo only: every demo account has this password. It exists in this seed and nowhere else. */
const DEMO_PASSWORD = "demo-password";
const BCRYPT_COST = 10;

/** A WIB wall-clock time "YYYY-MM-DD HH:MM" as an instant. */
function wib(at: string): Date {
  const [day, hm] = at.split(" ");
  const [h, m] = hm.split(":").map(Number);
  return new Date(startOfWibDay(day).getTime() + (h * 60 + m) * 60_000);
}

function sameFields(row: object, data: object): boolean {
  return Object.entries(data).every(([k, v]) => (row as Record<string, unknown>)[k] === v);
}

const addMinutes = (d: Date, min: number) => new Date(d.getTime() + min * 60_000);

// ---------------------------------------------------------------------------------------------
// Generators (pure)

interface CapacityRow {
  supplier: SupplierKey;
  day: Day;
  producedKg: number;
  medicalKg: number;
  industrialKg: number;
}

/** Producers' daily production and split. Sums exactly to 1,500,000 kg on ANCHOR_DAY. */
export function generateCapacity(days: Day[]): CapacityRow[] {
  const rows: CapacityRow[] = [];
  for (const s of SUPPLIERS) {
    if (s.kind !== "PRODUCER") continue;
    const rnd = prng(`capacity:${s.key}`);
    for (const day of days) {
      const i = daysBetween(ANCHOR_DAY, day);
      // producers were asked to expand: ~92 % of the anchor a month before, ~104 % a month after
      const trend = i < 0 ? 1 + i * (0.08 / 29) : 1 + i * (0.04 / 30);
      const noise = jitter(rnd, 0.04);
      const producedKg = i === 0 ? s.anchorProducedKg! : Math.round((s.anchorProducedKg! * trend * noise) / 100) * 100;
      let share: number;
      const shareNoise = (rnd() - 0.5) * 0.04;
      if (day < INGUB.startsOn || day > INGUB.endsOn) share = NORMAL_MEDICAL_SHARE + shareNoise;
      else {
        const sinceIngub = daysBetween(INGUB.startsOn, day);
        // two days of ramp-up below the instruction's minimum, then every producer complies
        share = sinceIngub === 0 ? 0.4 + shareNoise / 2 : sinceIngub === 1 ? 0.47 + shareNoise / 2 : Math.max(0.51, s.priorityMedicalShare! + shareNoise);
      }
      const medicalKg = Math.round(producedKg * share);
      rows.push({ supplier: s.key, day, producedKg, medicalKg, industrialKg: producedKg - medicalKg });
    }
  }
  return rows;
}

/** Hospital oxygen demand, relative: ~0.33 at the edges of the window, 1.0 at the peak. */
function wave(day: Day): number {
  const x = daysBetween(WAVE_PEAK, day);
  const sigma = x < 0 ? 13 : 20;
  return 0.3 + 0.7 * Math.exp(-((x / sigma) ** 2));
}

interface StockRow {
  hospital: HospitalSeed["key"];
  day: Day;
  stockKg: number;
  usedKg: number;
  severePatients: number;
  criticalPatients: number;
  bedsOccupied: number;
  flaggedForReview: boolean;
  minuteOfDay: number;
}

export function residualKg(h: HospitalSeed): number {
  return Math.round((h.tankCapacityKg * h.residualPct) / 100);
}

/** When a generated report was made. */
function reportedAtOf(r: Pick<StockRow, "day" | "minuteOfDay">): Date {
  return addMinutes(startOfWibDay(r.day), r.minuteOfDay);
}

/** A hospital's supply at the scenario clock's start, as the dashboards compute it (src/domain/stock.ts). */
export function supplyAtClockStart(h: HospitalSeed, rows: StockRow[], receivedSinceKg = 0, asOf = new Date(SCENARIO_CLOCK_START)) {
  const last = rows[rows.length - 1];
  return hospitalSupplyPicture({
    tankCapacityKg: h.tankCapacityKg,
    tankResidualKg: residualKg(h),
    operatingMinimumKg: null,
    latest: { stockKg: last.stockKg, reportedAt: reportedAtOf(last) },
    recentUsedKg: rows
      .filter((r) => !r.flaggedForReview)
      .reverse()
      .map((r) => r.usedKg),
    receivedSinceKg,
    asOf,
  });
}

export function generateStock(h: HospitalSeed): StockRow[] {
  const rnd = prng(`stock:${h.key}`);
  const lastDay = h.end.kind === "stale" ? h.end.lastReport : LAST_DAY;
  const residual = residualKg(h);
  // what the hospital can hold: its liquid tank, or its bank of cylinders when it has no tank
  const tank = h.tankCapacityKg || h.cylinderBankKg!;
  const rows: StockRow[] = [];
  let s = 0.7 * tank;
  for (const day of dayRange(FIRST_DAY, lastDay)) {
    const w = wave(day);
    const load = (w - 0.3) / 0.7; // 0..1
    const surge = 1 + ((h.surge ?? 1) - 1) * load;
    const severePatients = Math.round(h.covidBeds * 0.55 * w * surge * jitter(rnd, 0.16));
    const criticalPatients = Math.round(h.icuBeds * 0.8 * w * jitter(rnd, 0.16));
    const bedsOccupied = Math.min(h.beds, Math.round(h.beds * (0.62 + 0.36 * load) * jitter(rnd, 0.04)));
    // kg/day: severe ~14 kg, critical ~43 kg (≈70 % of WHO planning rates), plus non-COVID wards
    const usedKg = Math.round((severePatients * 14 + criticalPatients * 43 + h.beds * 1.5) * jitter(rnd, 0.1));
    s -= usedKg;
    if (s < (h.refillBelow ?? 0.35) * tank) s += Math.floor((0.95 * tank - s) / 250) * 250; // a tanker tops the tank up
    s = Math.max(s, residual);
    rows.push({
      hospital: h.key,
      day,
      stockKg: Math.round(s),
      usedKg,
      severePatients,
      criticalPatients,
      bedsOccupied,
      flaggedForReview: false,
      minuteOfDay: 7 * 60 + 30 + Math.floor(rnd() * 90),
    });
  }
  // The last three reports: no delivery, stock falls so that the hospital has the chosen hours
  // left at the scenario clock's start (projected from its last report, as the dashboards do).
  const n = rows.length;
  const floor = unusableFloorKg({ tankCapacityKg: h.tankCapacityKg, tankResidualKg: residual, operatingMinimumKg: null });
  const burn = burnRateKgPerDay(
    rows
      .slice(n - 7)
      .reverse()
      .map((r) => r.usedKg),
  );
  const hoursFromReport = h.end.hours + hoursElapsed(reportedAtOf(rows[n - 1]), new Date(SCENARIO_CLOCK_START));
  rows[n - 1].stockKg = Math.min(tank, floor + Math.round((hoursFromReport / 24) * burn));
  for (let j = n - 2; j >= n - 3; j--) rows[j].stockKg = Math.min(tank, rows[j + 1].stockKg + rows[j + 1].usedKg);
  // One implausible figure (5× the previous week's mean), left flagged for review.
  if (h.key === ANOMALY.hospital) {
    const j = rows.findIndex((r) => r.day === ANOMALY.day);
    const prevAvg = rows.slice(j - 7, j).reduce((a, r) => a + r.usedKg, 0) / 7;
    rows[j].usedKg = Math.round(prevAvg * ANOMALY.factor);
    rows[j].flaggedForReview = true;
  }
  return rows;
}

export function stockClass(h: HospitalSeed, rows: StockRow[], receivedSinceKg = 0): { status: string; hours: number; lastDay: Day } {
  const p = supplyAtClockStart(h, rows, receivedSinceKg);
  return { status: p.status, hours: p.hoursLeft ?? Infinity, lastDay: rows[rows.length - 1].day };
}

interface CaseRow {
  regionCode: string;
  day: Day;
  total: number;
  active: number;
  recovered: number;
  deaths: number;
}

/** COVID-19 cases per regency/city: a July 2021 wave, ~50k cases before the window, ~110k after. */
export function generateCases(days: Day[]): CaseRow[] {
  const newCases = (day: Day) => {
    const x = daysBetween(CASES_PEAK, day);
    const sigma = x < 0 ? 11 : 16;
    return 250 + 1850 * Math.exp(-((x / sigma) ** 2));
  };
  const rows: CaseRow[] = [];
  for (const r of REGIONS) {
    const w = CASE_WEIGHTS[r.code];
    const rnd = prng(`cases:${r.code}`);
    let total = Math.round(50_000 * w);
    let active = Math.round(2_600 * w);
    let deaths = Math.round(1_150 * w);
    for (const day of days) {
      const fresh = Math.round(newCases(day) * w * jitter(rnd, 0.3));
      const died = Math.min(active, Math.round(newCases(addDays(day, -7)) * w * 0.019 * jitter(rnd, 0.4)));
      const recoveredToday = Math.round(active * 0.09);
      total += fresh;
      deaths += died;
      active = Math.max(0, active + fresh - died - recoveredToday);
      rows.push({ regionCode: r.code, day, total, active, recovered: total - active - deaths, deaths });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The seed

export interface SeedSummary {
  [table: string]: number | string;
}

export async function seed(prisma: PrismaClient): Promise<SeedSummary> {
  const days = dayRange(FIRST_DAY, LAST_DAY);

  // --- regions, policy, flow rates ---------------------------------------------------------
  const province = await prisma.region.upsert({
    where: { code: PROVINCE.code },
    create: { code: PROVINCE.code, name: PROVINCE.name, kind: PROVINCE.kind },
    update: { name: PROVINCE.name, kind: PROVINCE.kind, parentId: null },
  });
  const regionId = new Map<string, string>([[PROVINCE.code, province.id]]);
  for (const r of REGIONS) {
    const row = await prisma.region.upsert({
      where: { code: r.code },
      create: { code: r.code, name: r.name, kind: r.kind, parentId: province.id },
      update: { name: r.name, kind: r.kind, parentId: province.id },
    });
    regionId.set(r.code, row.id);
  }

  await prisma.policy.upsert({
    where: { regionId_validFrom: { regionId: province.id, validFrom: dayToDate(POLICY_VALID_FROM) } },
    create: { regionId: province.id, validFrom: dayToDate(POLICY_VALID_FROM), dailyTargetKg: DAILY_TARGET_KG },
    update: { dailyTargetKg: DAILY_TARGET_KG },
  });
  const ingub = {
    regionId: province.id,
    startsOn: dayToDate(INGUB.startsOn),
    endsOn: dayToDate(INGUB.endsOn),
    minMedicalSharePct: INGUB.minMedicalSharePct,
    note: "Instruksi Gubernur: penggunaan industri ditahan, oksigen diprioritaskan untuk medis. (Tanggal dan porsi minimum: contoh.)",
  };
  await prisma.medicalPriorityPeriod.upsert({ where: { id: INGUB.id }, create: { id: INGUB.id, ...ingub }, update: ingub });

  const flowRates = [
    { key: "who", name: "WHO planning rates", severeLpm: "10", criticalLpm: "30", isDefault: true },
    { key: "india2021", name: "India 2021 bed formula", severeLpm: "10", criticalLpm: "24", isDefault: false },
    { key: "measured", name: "Measured ward averages", severeLpm: "5", criticalLpm: "15", isDefault: false },
  ];
  for (const f of flowRates) await prisma.flowRateSet.upsert({ where: { key: f.key }, create: f, update: f });

  // --- suppliers and hospitals (natural key: name) -------------------------------------------
  const supplierId = new Map<SupplierKey, string>();
  const existingSuppliers = await prisma.supplier.findMany({ where: { name: { in: SUPPLIERS.map((s) => s.name) } } });
  for (const s of SUPPLIERS) {
    const existing = existingSuppliers.find((e) => e.name === s.name);
    const id = existing?.id ?? `seed-sup-${s.key}`;
    const data = {
      name: s.name,
      kind: s.kind,
      regionId: regionId.get(s.regionCode)!,
      address: s.address,
      contactName: s.contactName,
      contactPhone: s.contactPhone,
      ...positionFor(s.name, s.regionCode),
      isSample: s.isSample,
      active: true,
    };
    // unchanged rows are left alone, so a re-run does not even touch updatedAt
    if (!existing || !sameFields(existing, data)) await prisma.supplier.upsert({ where: { id }, create: { id, ...data }, update: data });
    supplierId.set(s.key, id);
  }

  const hospitalId = new Map<string, string>();
  // SAMPLE: two of the hospitals without a tank keep their cylinders by count (decision 0039)
  const cylinderHospitals = ALL_HOSPITALS.filter((h) => h.tankCapacityKg === 0).slice(0, 2);
  const existingHospitals = await prisma.hospital.findMany({ where: { name: { in: ALL_HOSPITALS.map((h) => h.name) } } });
  for (const h of ALL_HOSPITALS) {
    const existing = existingHospitals.find((e) => e.name === h.name);
    const id = existing?.id ?? `seed-hosp-${h.key}`;
    const data = {
      name: h.name,
      regionId: regionId.get(h.regionCode)!,
      address: h.address,
      isReferral: h.isReferral,
      isAssociationMember: h.isAssociationMember,
      beds: h.beds,
      covidBeds: h.covidBeds,
      icuBeds: h.icuBeds,
      tankCapacityKg: h.tankCapacityKg,
      tankResidualKg: residualKg(h),
      cylinderSupply: cylinderHospitals.includes(h),
      ...positionFor(h.name, h.regionCode),
      active: true,
      isSample: true,
    };
    if (!existing || !sameFields(existing, data)) await prisma.hospital.upsert({ where: { id }, create: { id, ...data }, update: data });
    hospitalId.set(h.key, id);
  }

  // --- users (natural key: email); hash only for accounts that do not exist yet --------------
  const users = [
    { email: "admin@satgas.test", name: "Admin Satgas", role: "ADMIN" as const, hospital: null },
    { email: "staff@satgas.test", name: "Staf Satgas Oksigen", role: "STAFF" as const, hospital: null },
    { email: "official@satgas.test", name: "Pejabat Pemprov Banten", role: "OFFICIAL" as const, hospital: null },
    { email: "rs1@satgas.test", name: "Admin RSUD Banten", role: "HOSPITAL" as const, hospital: RS1_HOSPITAL },
    { email: "rs2@satgas.test", name: "Admin RS Sari Asih Serang", role: "HOSPITAL" as const, hospital: RS2_HOSPITAL },
    // a hospital that runs on cylinders, to try its report by counts (decision 0039)
    { email: "rs3@satgas.test", name: `Admin ${cylinderHospitals[0].name}`, role: "HOSPITAL" as const, hospital: cylinderHospitals[0].key },
  ];
  const existingUsers = new Set(
    (await prisma.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const userId = new Map<string, string>();
  for (const u of users) {
    const data = {
      name: u.name,
      role: u.role,
      hospitalId: u.hospital ? hospitalId.get(u.hospital)! : null,
      active: true,
      // the staff member is on duty for the demo's first 12 hours: an alert the hospital leaves
      // unanswered reaches them (decision 0033)
      onDutyUntil: u.role === "STAFF" ? new Date(new Date(SCENARIO_CLOCK_START).getTime() + 12 * 3_600_000) : null,
    };
    const row = await prisma.user.upsert({
      where: { email: u.email },
      // an existing account keeps its hash (no needless hashing on re-runs)
      create: { email: u.email, passwordHash: existingUsers.has(u.email) ? "" : await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST), ...data },
      update: data,
    });
    userId.set(u.email, row.id);
  }
  const staffId = userId.get("staff@satgas.test")!;
  const hospitalUser = new Map<string, string>([
    [RS1_HOSPITAL, userId.get("rs1@satgas.test")!],
    [RS2_HOSPITAL, userId.get("rs2@satgas.test")!],
  ]);

  // --- daily history: capacity, cases, stock --------------------------------------------------
  const capacity = generateCapacity(days);
  const anchorSum = capacity.filter((c) => c.day === ANCHOR_DAY).reduce((a, c) => a + c.producedKg, 0);
  if (anchorSum !== 1_500_000) throw new Error(`seed: producers on ${ANCHOR_DAY} sum to ${anchorSum}, not 1,500,000 kg`);
  await prisma.dailyCapacity.createMany({
    data: capacity.map((c) => ({
      supplierId: supplierId.get(c.supplier)!,
      day: dayToDate(c.day),
      producedKg: c.producedKg,
      medicalKg: c.medicalKg,
      industrialKg: c.industrialKg,
      updatedById: staffId,
    })),
    skipDuplicates: true,
  });

  await prisma.caseStat.createMany({
    data: generateCases(days).map((c) => ({
      regionId: regionId.get(c.regionCode)!,
      day: dayToDate(c.day),
      total: c.total,
      active: c.active,
      recovered: c.recovered,
      deaths: c.deaths,
    })),
    skipDuplicates: true,
  });

  const stock = ALL_HOSPITALS.flatMap((h) => generateStock(h));
  await prisma.stockReport.createMany({
    data: stock.map((r) => ({
      hospitalId: hospitalId.get(r.hospital)!,
      day: dayToDate(r.day),
      stockKg: r.stockKg,
      usedKg: r.usedKg,
      severePatients: r.severePatients,
      criticalPatients: r.criticalPatients,
      bedsOccupied: r.bedsOccupied,
      flaggedForReview: r.flaggedForReview,
      reportedById: hospitalUser.get(r.hospital) ?? null,
      reportedAt: reportedAtOf(r),
    })),
    skipDuplicates: true,
  });

  // --- pledges, tranches and their deliveries -------------------------------------------------
  const pledgeRows: Prisma.PledgeCreateManyInput[] = [];
  const trancheRows: Prisma.PledgeTrancheCreateManyInput[] = [];
  const deliveryRows: Prisma.DeliveryCreateManyInput[] = [];
  for (const p of PLEDGES) {
    const trancheSum = p.tranches.reduce((a, t) => a + t.kg, 0);
    if (trancheSum !== p.totalKg) throw new Error(`seed: tranches of ${p.id} sum to ${trancheSum}, not ${p.totalKg}`);
    pledgeRows.push({
      id: p.id,
      supplierId: supplierId.get(p.supplier)!,
      totalKg: p.totalKg,
      startsOn: dayToDate(p.startsOn),
      endsOn: dayToDate(p.endsOn),
      earmark: p.earmark,
      note: p.note,
      createdAt: wib(`${p.startsOn} 09:00`),
    });
    p.tranches.forEach((t, ti) => {
      const trancheId = `${p.id.replace("seed-pledge-", "seed-tranche-")}-${ti + 1}`;
      trancheRows.push({ id: trancheId, pledgeId: p.id, dueOn: dayToDate(t.dueOn), kg: t.kg });
      t.deliveries.forEach((d, di) => {
        const dispatchedAt = wib(d.dispatchedAt);
        const kg = Math.round(d.tonnes * 1000);
        deliveryRows.push({
          id: `${trancheId.replace("seed-tranche-", "seed-del-")}-${di + 1}`,
          trancheId,
          supplierId: supplierId.get(p.supplier)!,
          hospitalId: hospitalId.get(d.hospital)!,
          vehiclePlate: plate(`${trancheId}-${di}`),
          driverName: driver(`${trancheId}-${di}`),
          dispatchedAt,
          dispatchedAmount: d.tonnes.toFixed(3),
          dispatchedUnit: "TONNE_LIQUID" as const,
          kgPerUnit: "1000",
          dispatchedKg: kg,
          dispatchedById: staffId,
          receivedKg: d.receivedAfterH === undefined ? null : kg - (d.shortKg ?? 0),
          receivedAt: d.receivedAfterH === undefined ? null : addMinutes(dispatchedAt, d.receivedAfterH * 60),
          receivedById: d.receivedAfterH === undefined ? null : (hospitalUser.get(d.hospital) ?? staffId),
        });
      });
    });
  }

  // --- requests, allocations and their deliveries ---------------------------------------------
  const medicalFree = new Map(capacity.map((c) => [`${c.supplier}|${c.day}`, c.medicalKg]));
  const requestRows: Prisma.SupplyRequestCreateManyInput[] = [];
  const allocationRows: Prisma.AllocationCreateManyInput[] = [];
  for (const r of REQUESTS) {
    const id = `seed-req-${String(r.n).padStart(4, "0")}`;
    const createdAt = wib(r.created);
    const decided = !["SUBMITTED", "CANCELLED"].includes(r.status);
    const decidedAt = decided ? addMinutes(createdAt, 90) : null;
    const allocs = r.allocations ?? [];
    const allocated = allocs.reduce((a, x) => a + x.kg, 0);
    if (decided && r.status !== "REJECTED" && (r.approvedKg === undefined || r.approvedKg > r.requestedKg)) throw new Error(`seed: ${id} approvedKg`);
    if (allocated > (r.approvedKg ?? 0) || (r.status === "FULFILLED" && allocated !== r.approvedKg)) throw new Error(`seed: ${id} allocations ${allocated}`);
    if ((r.status === "CLOSED_SHORT") !== (r.closedShortReason !== undefined)) throw new Error(`seed: ${id} closedShortReason`);
    let fulfilledAt: Date | null = null;
    let acceptedKg = 0;
    allocs.forEach((a, ai) => {
      const allocationId = `seed-alloc-${String(r.n).padStart(4, "0")}-${ai + 1}`;
      const day = a.day ?? r.created.slice(0, 10);
      const key = `${a.supplier}|${day}`;
      const free = medicalFree.get(key);
      if (free === undefined || free < a.kg) throw new Error(`seed: ${allocationId} exceeds ${key}'s free medical supply`);
      medicalFree.set(key, free - a.kg);
      if (a.trips) {
        // several trucks, or a receipt that differs: each trip as written; statuses follow from them (decision 0016)
        const sent = a.trips.reduce((x, t) => x + t.kg, 0);
        if (sent !== a.kg) throw new Error(`seed: ${allocationId} trips carry ${sent}, not ${a.kg}`);
        const allIn = a.trips.every((t) => t.receivedAfterH !== undefined);
        allocationRows.push({
          id: allocationId,
          requestId: id,
          supplierId: supplierId.get(a.supplier)!,
          day: dayToDate(day),
          kg: a.kg,
          status: allIn ? "DELIVERED" : "IN_TRANSIT",
          reason: "Alokasi dari pasokan medis harian produsen.",
          createdById: staffId,
          createdAt: addMinutes(decidedAt!, 20),
        });
        a.trips.forEach((t, ti) => {
          const dispatchedAt = wib(t.dispatchedAt);
          const receivedAt = t.receivedAfterH === undefined ? null : addMinutes(dispatchedAt, t.receivedAfterH * 60);
          const accepted = receivedAt ? t.kg - (t.rejectedKg ?? 0) : null;
          acceptedKg += accepted ?? 0;
          deliveryRows.push({
            id: `seed-del-req-${String(r.n).padStart(4, "0")}-${ai + 1}-${ti + 1}`,
            allocationId,
            trancheId: null,
            supplierId: supplierId.get(a.supplier)!,
            hospitalId: hospitalId.get(r.hospital)!,
            vehiclePlate: plate(`${allocationId}-${ti}`),
            driverName: driver(`${allocationId}-${ti}`),
            dispatchedAt,
            dispatchedAmount: (t.kg / 1000).toFixed(3),
            dispatchedUnit: "TONNE_LIQUID" as const,
            kgPerUnit: "1000",
            dispatchedKg: t.kg,
            dispatchedById: staffId,
            receivedKg: accepted,
            rejectedKg: receivedAt ? (t.rejectedKg ?? 0) : 0,
            shortReason: receivedAt ? (t.shortReason ?? null) : null,
            receivedAt,
            receivedById: receivedAt ? (hospitalUser.get(r.hospital) ?? staffId) : null,
          });
        });
        return;
      }
      const status = r.status === "FULFILLED" ? "DELIVERED" : r.status === "IN_TRANSIT" ? "IN_TRANSIT" : "PLANNED";
      allocationRows.push({
        id: allocationId,
        requestId: id,
        supplierId: supplierId.get(a.supplier)!,
        day: dayToDate(day),
        kg: a.kg,
        status: status as "DELIVERED" | "IN_TRANSIT" | "PLANNED",
        reason: "Alokasi dari pasokan medis harian produsen.",
        createdById: staffId,
        createdAt: addMinutes(decidedAt!, 20),
      });
      if (r.status !== "FULFILLED" && r.status !== "IN_TRANSIT") return;
      const dispatchedAt = a.dispatchedAt ? wib(a.dispatchedAt) : addMinutes(createdAt, 180 + 60 * ai);
      const asCylinders = a.cylinders !== undefined;
      const sizeM3 = a.cylinderSizeM3 ?? 6;
      const kgPerUnit = asCylinders ? cylinderKg(sizeM3) : 1000; // a 6 m³ cylinder ≈ 8.124 kg at 15 °C
      const dispatchedKg = asCylinders ? Math.round(a.cylinders! * kgPerUnit) : a.kg;
      const received = r.status === "FULFILLED";
      const receivedAt = received ? addMinutes(dispatchedAt, 180) : null;
      if (receivedAt && (!fulfilledAt || receivedAt > fulfilledAt)) fulfilledAt = receivedAt;
      deliveryRows.push({
        id: `seed-del-req-${String(r.n).padStart(4, "0")}-${ai + 1}`,
        allocationId,
        trancheId: null,
        supplierId: supplierId.get(a.supplier)!,
        hospitalId: hospitalId.get(r.hospital)!,
        vehiclePlate: plate(allocationId),
        driverName: driver(allocationId),
        dispatchedAt,
        dispatchedAmount: asCylinders ? String(a.cylinders) : (a.kg / 1000).toFixed(3),
        dispatchedUnit: asCylinders ? ("CYLINDER" as const) : ("TONNE_LIQUID" as const),
        cylinderSizeM3: asCylinders ? String(sizeM3) : null,
        kgPerUnit: String(kgPerUnit),
        dispatchedKg,
        dispatchedById: staffId,
        receivedKg: received ? dispatchedKg : null,
        receivedAt,
        receivedById: received ? (hospitalUser.get(r.hospital) ?? staffId) : null,
      });
    });
    if (r.status === "CLOSED_SHORT" && acceptedKg >= r.approvedKg!) throw new Error(`seed: ${id} closed short with everything received`);
    const closedAt = r.closedAt ? wib(r.closedAt) : null;
    requestRows.push({
      id,
      hospitalId: hospitalId.get(r.hospital)!,
      requestedKg: r.requestedKg,
      approvedKg: r.approvedKg ?? null,
      neededBy: dayToDate(r.neededBy),
      urgency: r.urgency,
      reason: r.reason,
      status: r.status,
      rejectionReason: r.rejectionReason ?? null,
      closedShortReason: r.closedShortReason ?? null,
      closedAt,
      createdById: hospitalUser.get(r.hospital) ?? staffId,
      createdAt,
      decidedById: decided ? staffId : null,
      decidedAt,
      fulfilledAt,
      updatedAt: closedAt ?? fulfilledAt ?? decidedAt ?? createdAt,
    });
  }

  await prisma.pledge.createMany({ data: pledgeRows, skipDuplicates: true });
  await prisma.pledgeTranche.createMany({ data: trancheRows, skipDuplicates: true });
  await prisma.supplyRequest.createMany({ data: requestRows, skipDuplicates: true });
  await prisma.allocation.createMany({ data: allocationRows, skipDuplicates: true });
  await prisma.delivery.createMany({ data: deliveryRows, skipDuplicates: true });
  const fleet = await seedFleet(prisma, { supplierId, hospitalId, staffId });

  // --- cylinders (decision 0039): counts as ledger movements with fixed ids; the trigger keeps
  // the holders' counts. A cylinder hospital's fulls hold about what its latest report says.
  const cylinderMoves: Prisma.CylinderMovementCreateManyInput[] = [];
  const at = new Date(`${LAST_DAY}T07:00:00+07:00`);
  for (const h of cylinderHospitals) {
    const latest = stock.filter((r) => r.hospital === h.key).at(-1)!;
    const full = Math.round(latest.stockKg / 8.124); // 6 m³ cylinders (≈ 8.124 kg each)
    const fields = { kind: "count", typeId: "cyl_6m3", hospitalId: hospitalId.get(h.key)!, at, recordedById: staffId, note: "opening count" };
    cylinderMoves.push({ id: `seed-cyl-${h.key}-6m3`, fullDelta: full, emptyDelta: Math.max(1, Math.round(full / 3)), ...fields });
  }
  // RSUD Malingping (a tank, and cylinders besides) has emptied 43 of the 61 it got on 24 Aug: the
  // empties CV Serang Oksigen Medika's truck (seed-trip-0045) is to bring back
  cylinderMoves.push({
    id: "seed-cyl-malingping-6m3",
    kind: "count",
    typeId: "cyl_6m3",
    hospitalId: hospitalId.get("malingping")!,
    fullDelta: 18,
    emptyDelta: 43,
    at,
    recordedById: staffId,
    note: "opening count",
  });
  for (const [key, n] of [
    ["distSerang", 1],
    ["distTangerang", 2],
  ] as const) {
    const supplier = supplierId.get(key)!;
    const fields = { kind: "count", supplierId: supplier, at, recordedById: staffId, note: "opening count" };
    cylinderMoves.push(
      { id: `seed-cyl-${key}-6m3`, typeId: "cyl_6m3", fullDelta: 120 * n, emptyDelta: 45 * n, ...fields },
      { id: `seed-cyl-${key}-2m3`, typeId: "cyl_2m3", fullDelta: 40 * n, emptyDelta: 12, ...fields },
      { id: `seed-cyl-${key}-1m3`, typeId: "cyl_1m3", fullDelta: 25, emptyDelta: 8 * n, ...fields },
    );
  }
  await prisma.cylinderMovement.createMany({ data: cylinderMoves, skipDuplicates: true });

  // --- summary --------------------------------------------------------------------------------
  const [regions, suppliers, hospitals, usersN, capacities, stockReports, caseStats, pledges, tranches, requests, allocations, deliveries] = await Promise.all([
    prisma.region.count(),
    prisma.supplier.count(),
    prisma.hospital.count(),
    prisma.user.count(),
    prisma.dailyCapacity.count(),
    prisma.stockReport.count(),
    prisma.caseStat.count(),
    prisma.pledge.count(),
    prisma.pledgeTranche.count(),
    prisma.supplyRequest.count(),
    prisma.allocation.count(),
    prisma.delivery.count(),
  ]);
  const endStates = await Promise.all(
    ALL_HOSPITALS.map(async (h) => {
      const rows = stock.filter((r) => r.hospital === h.key);
      const received = await prisma.delivery.aggregate({
        _sum: { receivedKg: true },
        where: { hospitalId: hospitalId.get(h.key)!, receivedAt: { gt: reportedAtOf(rows[rows.length - 1]), lte: new Date(SCENARIO_CLOCK_START) } },
      });
      const c = stockClass(h, rows, received._sum.receivedKg ?? 0);
      if (c.status !== h.end.kind) throw new Error(`seed: ${h.name} is ${c.status} at the clock's start, not ${h.end.kind}`);
      return {
        h,
        ...c,
        text: `${h.name}: ${c.status} (${c.hours.toFixed(1)} h at ${SCENARIO_CLOCK_START}${c.status === "stale" ? `, last report ${c.lastDay}` : ""})`,
      };
    }),
  );
  // The alerts the worker would have raised for the hospitals red at the clock's start: raised 45
  // minutes before, unacknowledged, so already passed to the task force (decision 0033). Fixed ids;
  // the one-open-alert-per-kind index keeps a re-run (or the worker) from doubling them.
  const clockStart = new Date(SCENARIO_CLOCK_START);
  const redNamed = endStates.filter((e) => e.status === "red" && HOSPITALS.some((h) => h.key === e.h.key));
  await prisma.alert.createMany({
    data: redNamed.map((e) => ({
      id: `seed-alert-${e.h.key}`,
      hospitalId: hospitalId.get(e.h.key)!,
      kind: "red",
      raisedAt: new Date(clockStart.getTime() - 45 * 60_000),
      hoursLeft: Math.round((e.hours + 0.75) * 10) / 10,
      level: 1,
      escalatedAt: new Date(clockStart.getTime() - 15 * 60_000),
    })),
    skipDuplicates: true,
  });
  await prisma.notification.createMany({
    data: redNamed.map((e) => ({
      id: `seed-notice-alert-${e.h.key}`,
      role: "STAFF" as const,
      hospitalId: hospitalId.get(e.h.key)!,
      kind: "alert_escalated",
      params: { hospitalId: hospitalId.get(e.h.key)!, hospital: e.h.name, alertKind: "red", level: 1 },
      createdAt: new Date(clockStart.getTime() - 15 * 60_000),
    })),
    skipDuplicates: true,
  });
  const named = new Set(HOSPITALS.map((h) => h.key));
  const byStatus = (list: typeof endStates) =>
    Object.entries(list.reduce<Record<string, number>>((a, e) => ({ ...a, [e.status]: (a[e.status] ?? 0) + 1 }), {}))
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
  const others = endStates.filter((e) => !named.has(e.h.key));

  // the story the demo tells, from the rows it wrote
  const t = (kg: number) => `${(kg / 1000).toFixed(1)} t`;
  const useVsMedical = (day: Day) => {
    const used = stock.filter((r) => r.day === day).reduce((a, r) => a + r.usedKg, 0);
    const medical = capacity.filter((c) => c.day === day).reduce((a, c) => a + c.medicalKg, 0);
    return `${day}: hospitals used ${t(used)} of ${t(medical)} medical supply (${Math.round((used / medical) * 100)} %)`;
  };
  const rs1 = HOSPITALS.find((h) => h.key === RS1_HOSPITAL)!;
  const at20 = supplyAtClockStart(
    rs1,
    stock.filter((r) => r.hospital === rs1.key),
    0,
    wib(`${LAST_DAY} 20:00`),
  );
  const story = [
    `${ALL_HOSPITALS.length} hospitals (${HOSPITALS.length} named, ${others.length} generated, ${ALL_HOSPITALS.filter((h) => h.tankCapacityKg === 0).length} of them on cylinders only), ` +
      `${ALL_HOSPITALS.reduce((a, h) => a + h.beds, 0)} beds`,
    useVsMedical(WAVE_PEAK),
    useVsMedical(LAST_DAY),
    `${rs1.name} (rs1): ${endStates.find((e) => e.h.key === rs1.key)!.hours.toFixed(0)} h at 09:30, ${(at20.hoursLeft ?? 0).toFixed(1)} h (${at20.status}) by 20:00 unless the 6 t on the road is received`,
    "short receipt: seed-req-0043, RSUD Banten accepted 5.7 of 6 t (0.3 t rejected, with the reason), closed short by staff",
    "multi-trip allocation: seed-req-0044, RSUD dr. Drajat Prawiranegara, 12 t from PT Krakatau Steel in two 6 t trucks: one received, one on the road",
    "tranche trip awaiting receipt: PT Krakatau Steel's last tranche, 2 t to RS Sari Asih Serang (rs2), dispatched 25 Aug 08:40",
    `the other hospitals at the clock's start: ${byStatus(others)}`,
    `red alerts escalated to the task force: ${redNamed.map((e) => e.h.name).join(", ")}`,
    `cylinders counted at ${cylinderHospitals.map((h) => h.name).join(", ")} and at the two distributors`,
  ];
  return {
    regions,
    suppliers,
    hospitals,
    users: usersN,
    capacities,
    stockReports,
    caseStats,
    pledges,
    tranches,
    requests,
    allocations,
    deliveries,
    fleet: `${fleet.vehicles} vehicles, ${fleet.drivers} drivers, ${fleet.trips} trips`,
    story: story.join("; "),
    [`supply on ${LAST_DAY}`]: endStates
      .filter((e) => named.has(e.h.key))
      .map((e) => e.text)
      .join("; "),
  };
}

const PLATES = ["A 8123 KX", "A 9042 BT", "B 9512 TKA", "A 8861 SG", "B 9703 UUB", "A 9318 CL", "A 8790 RB", "B 9264 TXZ"];
const DRIVERS = ["Asep Saepudin", "Dedi Kurniawan", "Jaja Mulyana", "Iwan Setiadi", "Ahmad Fauzi", "Rudi Hartono"];
const plate = (k: string) => PLATES[hashString(k) % PLATES.length];
const driver = (k: string) => DRIVERS[hashString(`d${k}`) % DRIVERS.length];

// ---------------------------------------------------------------------------------------------
// CLI: npx tsx prisma/seed.ts

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createPrisma } = await import("../src/server/db");
  const prisma = createPrisma();
  const started = Date.now();
  try {
    const summary = await seed(prisma);
    console.log(
      `Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (Banten, ${FIRST_DAY} … ${LAST_DAY}; published figures exact, the rest sample data)`,
    );
    for (const [k, v] of Object.entries(summary)) console.log(`  ${k}: ${typeof v === "string" ? `\n    ${v.split("; ").join("\n    ")}` : v}`);
  } finally {
    await prisma.$disconnect();
  }
}
