import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dateToDay, dayRange } from "@/domain/day";
import { burnRateKgPerDay } from "@/domain/stock";
import { fitGrowth, forecastDemand, indiaBedFormulaKgPerDay } from "@/domain/forecast";
import { prisma } from "@/server/db";
import { forecastInputs, HISTORY_DAYS, type ForecastInputs } from "@/server/queries/forecast";
import { ALL_HOSPITALS } from "../../prisma/seed-data/hospitals-generated";

/** Hospitals the seed declares as having stopped reporting before its last day. */
const STOPPED = ALL_HOSPITALS.filter((h) => h.end.kind === "stale").length;

// The forecast's inputs against the seeded data, each expectation recomputed here from the raw
// rows (not from SQL), so the database's sums are checked by an independent path.

type Report = Awaited<ReturnType<typeof prisma.stockReport.findMany>>[number];
let reports: Report[];
let hospitals: Awaited<ReturnType<typeof prisma.hospital.findMany>>;

beforeAll(async () => {
  reports = await prisma.stockReport.findMany();
  hospitals = await prisma.hospital.findMany({ where: { active: true } });
});

function expected(asOf: string) {
  let hospitalsN = 0;
  let older = 0;
  let severe = 0;
  let critical = 0;
  let used = 0;
  let burn = 0;
  for (const h of hospitals) {
    const own = reports.filter((r) => r.hospitalId === h.id && dateToDay(r.day) <= asOf).sort((a, b) => (a.day < b.day ? 1 : -1));
    const latest = own[0];
    if (latest) {
      hospitalsN++;
      if (dateToDay(latest.day) < asOf) older++;
      severe += latest.severePatients;
      critical += latest.criticalPatients;
      used += latest.usedKg;
      burn += burnRateKgPerDay(own.filter((r) => !r.flaggedForReview).map((r) => r.usedKg));
    }
  }
  return { hospitals: hospitalsN, olderThanAsOf: older, severe, critical, usedKg: used, burnKgPerDay: Math.round(burn) };
}

describe("forecast inputs against the seed", () => {
  let inputs: ForecastInputs;
  beforeAll(async () => {
    inputs = (await forecastInputs())!;
  });

  it("opens on the latest report day, within the reports' bounds", () => {
    expect(inputs.bounds).toEqual({ first: "2021-06-27", last: "2021-08-25" });
    expect(inputs.asOf).toBe("2021-08-25");
  });

  it("sums the hospitals' latest reports: patients, reported use and measured burn", () => {
    expect(inputs.latest).toEqual(expected("2021-08-25"));
    // the seed: every active hospital, those it declares stale having stopped reporting a few days before the end
    expect(inputs.latest.hospitals).toBe(hospitals.length);
    expect(hospitals.length).toBe(ALL_HOSPITALS.length);
    expect(inputs.latest.olderThanAsOf).toBe(STOPPED);
    expect(inputs.hospitals).toHaveLength(hospitals.length);
    const rsud = inputs.hospitals.find((h) => h.name === "RSUD Banten")!;
    const raw = reports.find((r) => r.hospitalId === rsud.id && dateToDay(r.day) === "2021-08-25")!;
    expect(rsud).toMatchObject({ day: "2021-08-25", usedKg: raw.usedKg, severe: raw.severePatients, critical: raw.criticalPatients });
  });

  it("sums the active hospitals' COVID beds and ICU beds for the India 2021 formula", () => {
    const covidBeds = hospitals.reduce((a, h) => a + h.covidBeds, 0);
    const icu = hospitals.reduce((a, h) => a + Math.min(h.icuBeds, h.covidBeds), 0);
    expect(inputs.beds).toEqual({ covidBeds, icuBeds: icu });
    expect(inputs.activeHospitals).toBe(hospitals.length);
    // the beds the seed declares; the formula: (COVID − ICU) × 0.5 × 10 L/min + ICU × 24 L/min, × 1.94976 kg per L/min-day
    const declared = {
      covidBeds: ALL_HOSPITALS.reduce((a, h) => a + h.covidBeds, 0),
      icuBeds: ALL_HOSPITALS.reduce((a, h) => a + Math.min(h.icuBeds, h.covidBeds), 0),
    };
    expect(inputs.beds).toEqual(declared);
    const lpm = (declared.covidBeds - declared.icuBeds) * 0.5 * 10 + declared.icuBeds * 24;
    expect(indiaBedFormulaKgPerDay(inputs.beds)).toBe(Math.round(lpm * 1.94976));
    // the fourteen named hospitals alone: 1,275 COVID beds, 177 ICU → 9,738 L/min → 18,987 kg/day
    expect(indiaBedFormulaKgPerDay({ covidBeds: 1275, icuBeds: 177 })).toBe(18987);
  });

  it("takes the latest day's medical capacity as supply", async () => {
    const rows = await prisma.dailyCapacity.findMany({ where: { day: new Date("2021-08-25T00:00:00Z") } });
    expect(inputs.supply).toEqual({
      day: "2021-08-25",
      medicalKg: rows.reduce((a, r) => a + r.medicalKg, 0),
      productionKg: rows.reduce((a, r) => a + r.producedKg, 0),
    });
  });

  it("gives 14 days of history: patients per day and active cases summed over the regencies/cities", async () => {
    const cases = await prisma.caseStat.findMany({ include: { region: true } });
    // the seed stores case counts for the eight regencies/cities only, not the province row
    expect(cases.every((c) => c.region.parentId !== null)).toBe(true);
    const days = dayRange(addDays("2021-08-25", -(HISTORY_DAYS - 1)), "2021-08-25");
    expect(inputs.history.map((h) => h.day)).toEqual(days);
    for (const h of inputs.history) {
      const ofDay = reports.filter((r) => dateToDay(r.day) === h.day);
      expect(h.severe).toBe(ofDay.reduce((a, r) => a + r.severePatients, 0));
      expect(h.critical).toBe(ofDay.reduce((a, r) => a + r.criticalPatients, 0));
      expect(h.usedKg).toBe(ofDay.reduce((a, r) => a + r.usedKg, 0));
      expect(h.activeCases).toBe(cases.filter((c) => dateToDay(c.day) === h.day).reduce((a, c) => a + c.active, 0));
    }
  });

  it("can start from an earlier day, and clamps a day outside the reports to the latest", async () => {
    const mid = (await forecastInputs("2021-07-10"))!;
    expect(mid.asOf).toBe("2021-07-10");
    expect(mid.latest).toEqual(expected("2021-07-10"));
    expect(mid.history.at(-1)!.day).toBe("2021-07-10");
    expect((await forecastInputs("2030-01-01"))!.asOf).toBe("2021-08-25");
  });

  it("feeds the domain forecast: the seed's wave is receding, and medical supply dwarfs the reporting hospitals' demand", () => {
    const series = inputs.history.filter((h) => h.severe !== null).map((h) => ({ day: h.day, value: h.severe! + h.critical! }));
    const fit = fitGrowth(series)!;
    expect(fit.toDay).toBe("2021-08-25");
    expect(fit.dailyGrowthRate).toBeLessThan(0);
    const supply = { medicalKgPerDay: inputs.supply.medicalKg, productionKgPerDay: inputs.supply.productionKg };
    const patients = { severe: inputs.latest.severe, critical: inputs.latest.critical };
    const rates = { severeLpm: 10, criticalLpm: 30 };
    expect(forecastDemand({ fit, patients, rates, supply, scenario: { waveMultiplier: 5 } }).firstShortDay).toBeNull();
    // only when the medical share goes back to industry does a wave run short
    const lapsed = forecastDemand({ fit, patients, rates, supply, scenario: { waveMultiplier: 5, shiftPercentagePoints: -56 } });
    expect(lapsed.firstShortDay).not.toBeNull();
  });
});

// Last in the file: it deletes reports.
describe("a hospital that stops reporting", () => {
  it("is carried forward on its last report and its burn, not dropped from demand", async () => {
    const quiet = hospitals.find((h) => h.name === "RSUD Berkah Pandeglang")!;
    await prisma.stockReport.deleteMany({ where: { hospitalId: quiet.id, day: { gt: new Date("2021-08-10T00:00:00Z") } } });
    reports = await prisma.stockReport.findMany();
    const inputs = (await forecastInputs("2021-08-25"))!;
    // fifteen days without a report: still one of the hospitals in demand, and counted as carried forward
    expect(inputs.hospitals.find((h) => h.id === quiet.id)).toMatchObject({ day: "2021-08-10" });
    expect(inputs.latest).toEqual(expected("2021-08-25"));
    expect(inputs.latest.hospitals).toBe(hospitals.length);
    expect(inputs.latest.olderThanAsOf).toBe(STOPPED); // it was one of them already
  });
});
