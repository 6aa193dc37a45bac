import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, dayToDate, startOfWibDay } from "@/domain/day";
import { invalidateReads } from "@/server/cache";
import { prisma } from "@/server/db";
import { capacityScreen } from "@/server/queries/capacity";
import { dashboardData, summaryFor, type Summary } from "@/server/queries/dashboard";
import { dailySeries } from "@/server/queries/dashboard-trends";
import { capacityDayBounds } from "@/server/queries/headline";
import { chooseProvince, provinceList, type Province } from "@/server/queries/provinces";
import { issueToken } from "@/server/use-cases/tokens";
import { GET as hospitalsGET } from "@/app/api/v1/hospitals/route";
import { GET as pledgesGET } from "@/app/api/v1/pledges/route";
import { GET as summaryGET } from "@/app/api/v1/summary/route";
import { actors } from "./supply-helpers";

// Two provinces, each with its own target and medical-priority period: Banten (the seed) and a
// second one added here (sample figures). The country is the sum of its provinces; a province's
// view holds only its own; a province without a target, or a day without data, is named as such.

vi.mock("@/server/session", () => ({ currentActor: async () => null }));

const ANCHOR = "2021-07-26"; // Banten: 1,500 t against 2,500 t (published)
const NO_JABAR_DATA = "2021-07-27"; // Banten logged capacity, the second province did not
const at = (day: string, hours: number) => new Date(startOfWibDay(day).getTime() + hours * 3_600_000);
const JABAR = { targetKg: 1_000_000, producedKg: 600_000, medicalKg: 400_000, industrialKg: 200_000, usedKg: 5_000, requestedKg: 3_000, activeCases: 100 };

let banten: Province;
let jabar: Province;
let jabarHospital: string;
let jabarPledge: string;
let a: Awaited<ReturnType<typeof actors>>;

beforeAll(async () => {
  a = await actors();
  const p = await prisma.region.create({ data: { code: "32", name: "Jawa Barat (uji)", kind: "PROVINCE" } });
  const regency = await prisma.region.create({ data: { code: "32.04", name: "Kab. Bandung (uji)", kind: "REGENCY", parentId: p.id } });
  await prisma.policy.create({ data: { regionId: p.id, validFrom: dayToDate("2021-07-01"), dailyTargetKg: JABAR.targetKg } });
  await prisma.medicalPriorityPeriod.create({
    data: { regionId: p.id, startsOn: dayToDate("2021-07-10"), endsOn: dayToDate("2021-08-31"), minMedicalSharePct: 80 },
  });
  const producer = await prisma.supplier.create({ data: { name: "PT Oksigen Jabar (uji)", kind: "PRODUCER", regionId: regency.id } });
  for (const day of ["2021-07-25", ANCHOR]) {
    await prisma.dailyCapacity.create({
      data: { supplierId: producer.id, day: dayToDate(day), producedKg: JABAR.producedKg, medicalKg: JABAR.medicalKg, industrialKg: JABAR.industrialKg },
    });
  }
  const h = await prisma.hospital.create({ data: { name: "RSUD Bandung (uji)", regionId: regency.id, tankCapacityKg: 30_000, tankResidualKg: 0 } });
  jabarHospital = h.id;
  await prisma.stockReport.create({ data: { hospitalId: h.id, day: dayToDate(ANCHOR), stockKg: 20_000, usedKg: JABAR.usedKg, reportedAt: at(ANCHOR, 9) } });
  await prisma.supplyRequest.create({
    data: { hospitalId: h.id, requestedKg: JABAR.requestedKg, neededBy: dayToDate("2021-07-28"), urgency: "URGENT", reason: "uji", createdAt: at(ANCHOR, 10) },
  });
  await prisma.caseStat.create({ data: { regionId: regency.id, day: dayToDate(ANCHOR), total: 500, active: JABAR.activeCases, recovered: 390, deaths: 10 } });
  const pledge = await prisma.pledge.create({
    data: {
      supplierId: producer.id,
      totalKg: 50_000,
      startsOn: dayToDate("2021-07-01"),
      endsOn: dayToDate("2021-08-31"),
      tranches: { create: [{ dueOn: dayToDate("2021-07-15"), kg: 50_000 }] },
    },
  });
  jabarPledge = pledge.id;
  invalidateReads(); // written behind the use cases' back
  const list = await provinceList();
  banten = list.find((x) => x.code === "36")!;
  jabar = list.find((x) => x.code === "32")!;
});

/** Every additive figure of the headline, to compare the country with the sum of its provinces. */
function additive(s: Summary) {
  return {
    targetKg: s.targetKg,
    capacityKg: s.capacityKg,
    shortfallKg: s.shortfallKg,
    medicalKg: s.medicalKg,
    industrialKg: s.industrialKg,
    medicalDemandKg: s.medicalDemandKg,
    hospitals: s.hospitals,
    reporting: s.demand.reportingHospitals,
    active: s.demand.activeHospitals,
    requests: s.demand.requests,
    requestedKg: s.demand.requestedKg,
  };
}

function sumOf(xs: ReturnType<typeof additive>[]) {
  const add = (
    k: "targetKg" | "capacityKg" | "shortfallKg" | "medicalKg" | "industrialKg" | "medicalDemandKg" | "reporting" | "active" | "requests" | "requestedKg",
  ) => xs.reduce((acc, x) => acc + (x[k] ?? 0), 0);
  return {
    targetKg: add("targetKg"),
    capacityKg: add("capacityKg"),
    shortfallKg: add("shortfallKg"),
    medicalKg: add("medicalKg"),
    industrialKg: add("industrialKg"),
    medicalDemandKg: add("medicalDemandKg"),
    hospitals: {
      red: xs.reduce((n, x) => n + x.hospitals.red, 0),
      amber: xs.reduce((n, x) => n + x.hospitals.amber, 0),
      green: xs.reduce((n, x) => n + x.hospitals.green, 0),
      stale: xs.reduce((n, x) => n + x.hospitals.stale, 0),
    },
    reporting: add("reporting"),
    active: add("active"),
    requests: add("requests"),
    requestedKg: add("requestedKg"),
  };
}

describe("the country is the sum of its provinces", () => {
  it("sums each province's own target and capacity: 3,500 t against 2,100 t, 1,400 t short", async () => {
    const national = await summaryFor(ANCHOR);
    expect(national).toMatchObject({ province: null, targetKg: 3_500_000, capacityKg: 2_100_000, shortfallKg: 1_400_000 });
    expect(national.production).toMatchObject({
      comparedTargetKg: 3_500_000,
      comparedCapacityKg: 2_100_000,
      provincesShort: ["32", "36"],
      withoutTarget: [],
      withoutData: [],
    });
    expect(national.production.shortfallShare).toBeCloseTo(0.4, 12);
    expect(national.provinces.map((p) => [p.code, p.targetKg, p.capacityKg, p.shortfallKg])).toEqual([
      ["32", 1_000_000, 600_000, 400_000],
      ["36", 2_500_000, 1_500_000, 1_000_000],
    ]);
  });

  it("every additive figure of the headline is the sum of the provinces' figures", async () => {
    for (const day of [ANCHOR, "2021-08-25"]) {
      const [national, b, j] = await Promise.all([summaryFor(day), summaryFor(day, { province: banten }), summaryFor(day, { province: jabar })]);
      expect(additive(national)).toEqual(sumOf([additive(b), additive(j)]));
    }
  });

  it("a province's view holds only its own: Banten's published figures are unchanged beside the second province", async () => {
    const b = await summaryFor(ANCHOR, { province: banten });
    expect(b).toMatchObject({ province: { code: "36", name: "Banten" }, targetKg: 2_500_000, capacityKg: 1_500_000, shortfallKg: 1_000_000 });
    const caps = await prisma.dailyCapacity.findMany({
      where: { day: dayToDate(ANCHOR), supplier: { region: { OR: [{ code: "36" }, { parent: { code: "36" } }] } } },
    });
    expect(b.medicalKg).toBe(caps.reduce((n, c) => n + c.medicalKg, 0));
    const j = await summaryFor(ANCHOR, { province: jabar });
    expect(j).toMatchObject({
      province: { code: "32", name: "Jawa Barat (uji)" },
      targetKg: JABAR.targetKg,
      capacityKg: JABAR.producedKg,
      shortfallKg: JABAR.targetKg - JABAR.producedKg,
      medicalKg: JABAR.medicalKg,
      industrialKg: JABAR.industrialKg,
      medicalDemandKg: JABAR.usedKg,
      demand: { reportingHospitals: 1, activeHospitals: 1, requests: 1, requestedKg: JABAR.requestedKg },
    });
    expect(j.hospitals.red + j.hospitals.amber + j.hospitals.green + j.hospitals.stale).toBe(1);
  });

  it("the dashboard of a province shows its producers, policy, pledges, regions, hospitals, series and requests only", async () => {
    const d = await dashboardData(ANCHOR, 30, { province: jabar });
    expect(d.producers.map((p) => [p.name, p.minMedicalSharePct])).toEqual([["PT Oksigen Jabar (uji)", 80]]);
    expect(d.periods).toMatchObject([{ startsOn: "2021-07-10", endsOn: "2021-08-31", minMedicalSharePct: 80 }]);
    expect(d.pledges.map((p) => p.id)).toEqual([jabarPledge]);
    expect(d.regions.map((r) => r.code)).toEqual(["32.04"]);
    expect(d.hospitals.map((h) => h.id)).toEqual([jabarHospital]);
    expect(d.series.at(-1)).toMatchObject({
      day: ANCHOR,
      targetKg: 1_000_000,
      capacityKg: 600_000,
      shortfallKg: 400_000,
      hospitalUseKg: JABAR.usedKg,
      activeCases: JABAR.activeCases,
    });
    expect(d.funnel).toMatchObject({ requests: 1, requestedKg: JABAR.requestedKg });

    const b = await dashboardData(ANCHOR, 30, { province: banten });
    expect(b.producers.length).toBe(5);
    expect(b.producers.every((p) => p.minMedicalSharePct === 50)).toBe(true); // Banten's own instruction, not the other's 80 %
    expect(b.periods).toMatchObject([{ minMedicalSharePct: 50 }]);
    expect(b.pledges.some((p) => p.id === jabarPledge)).toBe(false);
    expect(b.hospitals.some((h) => h.id === jabarHospital)).toBe(false);
    expect(b.regions.every((r) => r.code.startsWith("36."))).toBe(true);
  });

  it("the national series holds each province to its own target, day by day", async () => {
    const from = addDays(ANCHOR, -2);
    const [national, b, j] = await Promise.all([dailySeries(from, ANCHOR), dailySeries(from, ANCHOR, banten), dailySeries(from, ANCHOR, jabar)]);
    for (let i = 0; i < national.length; i++) {
      expect(national[i].targetKg).toBe(b[i].targetKg! + j[i].targetKg!);
      expect(national[i].activeCases).toBe((b[i].activeCases ?? 0) + (j[i].activeCases ?? 0));
    }
    expect(national.at(-1)).toMatchObject({ targetKg: 3_500_000, capacityKg: 2_100_000, shortfallKg: 1_400_000 });
    // the day before yesterday the second province logged nothing: no data there, not 1,000 t short
    expect(j[0]).toMatchObject({ capacityKg: null, shortfallKg: null, targetKg: 1_000_000 });
    expect(national[0].shortfallKg).toBe(b[0].shortfallKg);
  });

  it("each province opens on its own latest day with data", async () => {
    expect(await capacityDayBounds(jabar)).toEqual({ first: "2021-07-25", last: ANCHOR });
    expect((await capacityDayBounds(banten))?.last).toBe("2021-08-25");
    expect((await capacityDayBounds())?.last).toBe("2021-08-25");
  });
});

describe("a day without data says so", () => {
  it("a province without capacity that day: no data, not a 100 % shortfall, not 'target met'", async () => {
    const j = await summaryFor(NO_JABAR_DATA, { province: jabar });
    expect(j).toMatchObject({ targetKg: 1_000_000, capacityKg: null, shortfallKg: null, medicalKg: null, medicalDemandKg: null });
    expect(j.production).toMatchObject({ shortfallShare: null, withoutData: ["32"] });
    expect(j.demand.reportingHospitals).toBe(0);
  });

  it("the country leaves that province out of the gap and names it, instead of counting its whole target as short", async () => {
    const [national, b] = await Promise.all([summaryFor(NO_JABAR_DATA), summaryFor(NO_JABAR_DATA, { province: banten })]);
    expect(b.capacityKg).toBeGreaterThan(0);
    expect(national).toMatchObject({ targetKg: 3_500_000, capacityKg: b.capacityKg, shortfallKg: b.shortfallKg });
    expect(national.production).toMatchObject({ comparedTargetKg: 2_500_000, comparedCapacityKg: b.capacityKg, withoutData: ["32"], withoutTarget: [] });
  });
});

describe("the read-only API with ?province=", () => {
  let token: string;
  beforeAll(async () => {
    const issued = await issueToken(a.admin, { name: "provinces", userId: a.official.id });
    if (!issued.ok) throw new Error("could not issue a token");
    token = issued.value.token;
  });
  const call = (handler: (r: Request) => Promise<Response>, path: string, bearer = token) =>
    handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${bearer}` } }));

  it("/summary: the province asked for, and the whole country by default when there are several", async () => {
    const j = await (await call(summaryGET, `/api/v1/summary?date=${ANCHOR}&province=32`)).json();
    expect(j).toMatchObject({ date: ANCHOR, province: { code: "32" }, targetKg: 1_000_000, capacityKg: 600_000, shortfallKg: 400_000, medicalDemandKg: 5_000 });
    const national = await (await call(summaryGET, `/api/v1/summary?date=${ANCHOR}`)).json();
    expect(national).toMatchObject({ province: null, targetKg: 3_500_000, capacityKg: 2_100_000, shortfallKg: 1_400_000 });
    // no date: the province's own latest day with data
    expect((await (await call(summaryGET, "/api/v1/summary?province=32")).json()).date).toBe(ANCHOR);
    const noData = await (await call(summaryGET, `/api/v1/summary?date=${NO_JABAR_DATA}&province=32`)).json();
    expect(noData).toMatchObject({ capacityKg: null, shortfallKg: null, targetKg: 1_000_000 });
  });

  it("/hospitals and /pledges: the province's only", async () => {
    const hospitals = (await (await call(hospitalsGET, `/api/v1/hospitals?date=${ANCHOR}&province=32`)).json()) as { id: string }[];
    expect(hospitals.map((h) => h.id)).toEqual([jabarHospital]);
    const bantenHospitals = (await (await call(hospitalsGET, `/api/v1/hospitals?date=${ANCHOR}&province=36`)).json()) as { id: string }[];
    expect(bantenHospitals.length).toBe(await prisma.hospital.count({ where: { active: true, region: { OR: [{ code: "36" }, { parent: { code: "36" } }] } } }));
    const pledges = (await (await call(pledgesGET, `/api/v1/pledges?date=${ANCHOR}&province=32`)).json()) as { id: string }[];
    expect(pledges.map((p) => p.id)).toEqual([jabarPledge]);
    const all = (await (await call(pledgesGET, `/api/v1/pledges?date=${ANCHOR}`)).json()) as { id: string }[];
    expect(all.map((p) => p.id)).toContain(jabarPledge);
    expect(all.length).toBeGreaterThan(1);
  });

  it("a hospital admin's token stays scoped to its own hospital in any province", async () => {
    const issued = await issueToken(a.admin, { name: "rs", userId: a.hospital.id });
    if (!issued.ok) throw new Error("could not issue a token");
    const other = await (await call(hospitalsGET, `/api/v1/hospitals?date=${ANCHOR}&province=32`, issued.value.token)).json();
    expect(other).toEqual([]);
    const own = (await (await call(hospitalsGET, `/api/v1/hospitals?date=${ANCHOR}&province=36`, issued.value.token)).json()) as { id: string }[];
    expect(own.map((h) => h.id)).toEqual([a.hospital.hospitalId]);
  });

  it("400 naming the parameter for an unknown or malformed province, never the whole country", async () => {
    for (const [h, p] of [
      [summaryGET, "/api/v1/summary"],
      [hospitalsGET, "/api/v1/hospitals"],
      [pledgesGET, "/api/v1/pledges"],
    ] as const) {
      for (const code of ["99", "3", "36.01", "banten", ""]) {
        const r = await call(h, `${p}?province=${encodeURIComponent(code)}`);
        expect(r.status).toBe(400);
        expect(await r.json()).toMatchObject({ error: "bad_request", parameter: "province" });
      }
    }
  });
});

describe("a province without a target", () => {
  // A third province, for these tests only: the other tests' national figures are those of two.
  let jakarta: Province;
  const made = { province: "", city: "", producer: "" };
  beforeAll(async () => {
    const p = await prisma.region.create({ data: { code: "31", name: "DKI Jakarta (uji)", kind: "PROVINCE" } });
    const city = await prisma.region.create({ data: { code: "31.71", name: "Kota Jakarta Selatan (uji)", kind: "CITY", parentId: p.id } });
    const producer = await prisma.supplier.create({ data: { name: "PT Oksigen Jakarta (uji)", kind: "PRODUCER", regionId: city.id } });
    await prisma.dailyCapacity.create({
      data: { supplierId: producer.id, day: dayToDate(ANCHOR), producedKg: 100_000, medicalKg: 70_000, industrialKg: 30_000 },
    });
    Object.assign(made, { province: p.id, city: city.id, producer: producer.id });
    invalidateReads();
    jakarta = (await provinceList()).find((x) => x.code === "31")!;
  });
  afterAll(async () => {
    await prisma.dailyCapacity.deleteMany({ where: { supplierId: made.producer } });
    await prisma.supplier.delete({ where: { id: made.producer } });
    await prisma.region.delete({ where: { id: made.city } });
    await prisma.region.delete({ where: { id: made.province } });
    invalidateReads();
  });

  it("is shown as without a target: no target, no gap, and it is left out of the country's comparison", async () => {
    const j = await summaryFor(ANCHOR, { province: jakarta });
    expect(j).toMatchObject({ targetKg: null, capacityKg: 100_000, shortfallKg: null });
    expect(j.production.withoutTarget).toEqual(["31"]);
    const national = await summaryFor(ANCHOR);
    expect(national).toMatchObject({ targetKg: 3_500_000, capacityKg: 2_200_000, shortfallKg: 1_400_000 });
    expect(national.production).toMatchObject({ comparedTargetKg: 3_500_000, comparedCapacityKg: 2_100_000, withoutTarget: ["31"] });
    expect(national.provinces.find((p) => p.code === "31")).toMatchObject({ targetKg: null, capacityKg: 100_000, shortfallKg: null });
    expect((await dailySeries(addDays(ANCHOR, -1), ANCHOR, jakarta)).map((p) => p.targetKg)).toEqual([null, null]);
  });

  it("the capacity screen's target is the provinces' targets summed, not one province's", async () => {
    expect((await capacityScreen(ANCHOR)).targetKg).toBe(3_500_000);
  });
});

describe("choosing a province", () => {
  it("defaults to the only province, else the whole country; an unknown code is refused", async () => {
    const list = await provinceList();
    expect(list.map((p) => p.code)).toEqual(["32", "36"]);
    expect(chooseProvince(undefined, list)).toEqual({ ok: true, province: null });
    expect(chooseProvince("32", list)).toEqual({ ok: true, province: jabar });
    expect(chooseProvince("99", list)).toEqual({ ok: false, code: "99" });
    expect(chooseProvince(undefined, [banten])).toEqual({ ok: true, province: banten });
    expect(chooseProvince("32", [banten])).toEqual({ ok: false, code: "32" });
  });
});
