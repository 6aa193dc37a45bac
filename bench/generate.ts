// `npm run bench:data`: a deterministic national data set in a separate database.
//
//   BENCH_DATABASE_URL  target (default postgresql://postgres@127.0.0.1:5432/oxy_bench) — it is
//                       DROPPED and re-created, so its name must contain "bench"
//   BENCH_SCALE         1.0 = 38 provinces, ~500 regencies/cities, 3,000 hospitals, 400
//                       suppliers, ~560 k requests (≥ 1 M allocations and deliveries)
//   BENCH_DAYS          days of history ending 2022-02-28 (default 730: two years)
//   BENCH_SEED          PRNG seed (default "oxygen-national")
//
// Rows are generated as streams (never the whole table in memory) and loaded with COPY FROM
// STDIN; secondary indexes and foreign keys are dropped for the load and rebuilt after it from
// the migrated schema's own definitions, then VACUUM ANALYZE. Every CHECK constraint of
// prisma/migrations/*_constraints holds for every row (the database checks them during COPY).
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { hashPassword } from "../src/server/passwords";
import { BENCH_API_TOKEN, BENCH_DAYS, BENCH_EMAILS, BENCH_PASSWORD, benchDatabaseUrl } from "./constants";
import { CopyWriter, field as F } from "./lib/copy";
import { migrateDeploy, recreateDatabase, restoreIndexes, setAsideIndexes } from "./lib/database";
import { rng, weightedPicker, type Rng } from "./lib/prng";
import { fmtInt, Progress } from "./lib/progress";

export const BENCH_LAST_DAY = "2022-02-28";

export type GenerateOptions = { url: string; scale: number; days: number; seed: string; quiet?: boolean };

export type TableLoad = { table: string; rows: number; seconds: number; rowsPerSecond: number };
export type GenerateResult = {
  options: Omit<GenerateOptions, "url" | "quiet"> & { database: string; firstDay: string; lastDay: string };
  tables: TableLoad[];
  totalRows: number;
  seconds: { migrate: number; load: number; indexes: number; vacuumAnalyze: number; total: number };
};

const DAY_MS = 86_400_000;
const WIB_MS = 7 * 3_600_000;

// Real province codes of Indonesia (38 provinces).
const PROVINCE_CODES = [
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "19",
  "21",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "51",
  "52",
  "53",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
  "81",
  "82",
  "91",
  "92",
  "93",
  "94",
  "95",
  "96",
];

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const id36 = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(7, "0")}`;
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** timestamp(3) without time zone, as Prisma stores it: the UTC wall clock */
const ts = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 23);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** COVID waves in Indonesia (0..1): early 2021, Delta (July 2021), Omicron (February 2022). */
function wave(ms: number): number {
  const d = (ms - Date.UTC(2020, 2, 1)) / DAY_MS;
  const bump = (peak: number, width: number, h: number) => h * Math.exp(-(((d - peak) / width) ** 2));
  return clamp(0.04 + bump(330, 45, 0.4) + bump(505, 20, 1) + bump(722, 16, 0.6), 0, 1);
}

function sizes(scale: number, days: number) {
  const s = Math.max(0.0001, scale);
  const provinces = clamp(Math.round(38 * s), 2, 38);
  return {
    provinces,
    regencies: Math.max(provinces * 2, Math.round(500 * s)),
    hospitals: Math.max(12, Math.round(3000 * s)),
    producers: Math.max(4, Math.round(120 * s)),
    distributors: Math.max(4, Math.round(140 * s)),
    vendors: Math.max(4, Math.round(140 * s)),
    pledges: Math.max(6, Math.round(2000 * s)),
    requests: Math.max(100, Math.round(560_000 * s * (days / 730))),
  };
}

type Region = { id: string; code: string; province: number; weight: number };
type Hospital = {
  id: string;
  region: number;
  province: number;
  beds: number;
  covidBeds: number;
  tank: number;
  residual: number;
  assoc: boolean;
  userId: string;
};
type Supplier = { id: string; kind: "PRODUCER" | "DISTRIBUTOR" | "VENDOR"; region: number; province: number };
type Pledge = { id: string; supplier: number; start: number; end: number; total: number; left: number; earmark: string; hospitals: number[] };

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const tAll = performance.now();
  const log = (s: string) => {
    if (!opts.quiet) process.stderr.write(`${s}\n`);
  };
  const n = sizes(opts.scale, opts.days);
  const lastMs = Date.parse(`${BENCH_LAST_DAY}T00:00:00Z`);
  const firstMs = lastMs - (opts.days - 1) * DAY_MS;
  const dayMs = (i: number) => firstMs + i * DAY_MS; // the DATE value (UTC midnight)
  const wibStart = (i: number) => dayMs(i) - WIB_MS; // the instant the WIB day starts
  const dayStr: string[] = Array.from({ length: opts.days }, (_, i) => dayString(dayMs(i)));
  const waveOf: number[] = Array.from({ length: opts.days }, (_, i) => wave(dayMs(i)));
  const seed = (s: string) => rng(`${opts.seed}:${s}`);

  log(`Bench data: scale ${opts.scale}, ${opts.days} days (${dayStr[0]} … ${BENCH_LAST_DAY}), seed "${opts.seed}"`);
  log(`  target: ${new URL(opts.url).host}${new URL(opts.url).pathname} (dropped and re-created)`);
  let t = performance.now();
  await recreateDatabase(opts.url);
  await migrateDeploy(opts.url);
  const migrateSeconds = (performance.now() - t) / 1000;
  log(`  database re-created and migrated in ${migrateSeconds.toFixed(1)} s`);

  const clients: pg.Client[] = [];
  const connect = async () => {
    const c = new pg.Client({ connectionString: opts.url });
    await c.connect();
    await c.query("SET synchronous_commit = off");
    clients.push(c);
    return c;
  };
  const main = await connect();
  const aside = await setAsideIndexes(main);
  log(`  set aside ${aside.indexes.length} secondary indexes and ${aside.fkeys.length} foreign keys for the load`);
  // The pledge rollup's trigger would run per loaded delivery; the rollup is rebuilt in one
  // statement after the load instead (same function the migration backfills with).
  await main.query('ALTER TABLE "Delivery" DISABLE TRIGGER "Delivery_pledge_delivery_day"');
  // Same for the per-allocation and per-tranche dispatched sums (decision 0016).
  await main.query('ALTER TABLE "Delivery" DISABLE TRIGGER "Delivery_trip_totals"');
  // And for the request funnel per day and each hospital's latest state and the daily use (decision 0044).
  await main.query('ALTER TABLE "SupplyRequest" DISABLE TRIGGER "SupplyRequest_request_funnel_day"');
  await main.query('ALTER TABLE "Delivery" DISABLE TRIGGER "Delivery_request_funnel_day"');
  await main.query('ALTER TABLE "StockReport" DISABLE TRIGGER "StockReport_hospital_supply_state"');
  await main.query('ALTER TABLE "Delivery" DISABLE TRIGGER "Delivery_hospital_received_since"');
  await main.query('ALTER TABLE "StockReport" DISABLE TRIGGER "StockReport_stock_use_day"');
  // And for what each request, supply day and pledge has committed (decision 0049); off until
  // after the trip totals' rebuild below, which updates every allocation.
  await main.query('ALTER TABLE "Allocation" DISABLE TRIGGER "Allocation_committed"');
  await main.query('ALTER TABLE "Delivery" DISABLE TRIGGER "Delivery_committed"');

  const loads: TableLoad[] = [];
  const record = (table: string, rows: number, seconds: number) => {
    const existing = loads.find((l) => l.table === table);
    if (existing) {
      existing.rows += rows;
      existing.seconds += seconds;
      existing.rowsPerSecond = Math.round(existing.rows / Math.max(existing.seconds, 1e-6));
    } else loads.push({ table, rows, seconds, rowsPerSecond: Math.round(rows / Math.max(seconds, 1e-6)) });
  };
  /** Loads one table from a row generator, with a progress bar. */
  const load = async (table: string, columns: string[], expected: number, rows: (w: CopyWriter, p: Progress) => Promise<void>) => {
    const p = new Progress(table, expected);
    const w = new CopyWriter(main, table, columns);
    await rows(w, p);
    const count = await w.end();
    const secs = p.finish();
    record(table, count, secs);
    return count;
  };

  const tLoad = performance.now();
  const fixedTs = ts(firstMs - 30 * DAY_MS);

  // --- regions ------------------------------------------------------------------------------
  const provinces = PROVINCE_CODES.slice(0, n.provinces);
  const regions: Region[] = [];
  {
    const r = seed("regions");
    const perProvince = provinces.map(() => Math.floor(n.regencies / provinces.length));
    for (let i = 0; i < n.regencies % provinces.length; i++) perProvince[i]++;
    await load("Region", ["id", "code", "name", "kind", "parentId"], provinces.length + n.regencies, async (w, p) => {
      for (const code of provinces) {
        await w.row([`rg${code}`, code, `Provinsi Bench ${code}`, "PROVINCE", F(null)]);
        p.add(1);
      }
      provinces.forEach((pc, pi) => {
        const k = perProvince[pi];
        const cities = Math.max(1, Math.round(k * 0.2));
        for (let j = 0; j < k; j++) {
          const isCity = j >= k - cities;
          const code = `${pc}.${isCity ? pad(71 + (j - (k - cities)), 2) : pad(j + 1, 2)}`;
          regions.push({ id: `rg${code}`, code, province: pi, weight: Math.exp(r.gauss() * 0.8) * (isCity ? 1.6 : 1) });
        }
      });
      for (const g of regions) {
        const isCity = Number(g.code.slice(3)) >= 71;
        await w.row([g.id, g.code, `${isCity ? "Kota" : "Kabupaten"} Bench ${g.code}`, isCity ? "CITY" : "REGENCY", `rg${provinces[g.province]}`]);
        p.add(1);
      }
    });
  }
  const pickRegion = weightedPicker(regions.map((g) => g.weight));

  // --- hospitals and their users ------------------------------------------------------------
  const hospitals: Hospital[] = [];
  {
    const r = seed("hospitals");
    await load(
      "Hospital",
      [
        "id",
        "name",
        "regionId",
        "address",
        "isReferral",
        "isAssociationMember",
        "beds",
        "covidBeds",
        "icuBeds",
        "tankCapacityKg",
        "tankResidualKg",
        "active",
        "isSample",
        "createdAt",
        "updatedAt",
      ],
      n.hospitals,
      async (w, p) => {
        for (let i = 0; i < n.hospitals; i++) {
          const region = pickRegion(r.next());
          const beds = Math.round(clamp(180 * Math.exp(r.gauss() * 0.6), 30, 1200));
          const covidBeds = Math.round(beds * (0.1 + 0.3 * r.next()));
          const tank = Math.round(clamp(beds * (25 + 40 * r.next()), 1000, 60_000) / 100) * 100;
          const residual = Math.round(tank * (0.05 + 0.05 * r.next()));
          const h: Hospital = {
            id: `hs${pad(i + 1, 6)}`,
            region,
            province: regions[region].province,
            beds,
            covidBeds,
            tank,
            residual,
            assoc: r.chance(0.4),
            userId: `ush${pad(i + 1, 6)}`,
          };
          hospitals.push(h);
          await w.row([
            h.id,
            `RS Bench ${pad(i + 1, 4)} ${regions[region].code}`,
            regions[region].id,
            `Jl. Bench No. ${i + 1}`,
            F(r.chance(0.25)),
            F(h.assoc),
            F(beds),
            F(covidBeds),
            F(Math.round(beds * (0.03 + 0.07 * r.next()))),
            F(tank),
            F(residual),
            F(!r.chance(0.005)),
            "t",
            fixedTs,
            fixedTs,
          ]);
          p.add(1);
        }
      },
    );
  }
  const STAFF_ID = "us-staff";
  {
    const hash = await hashPassword(BENCH_PASSWORD); // once, the production cost
    await load("User", ["id", "email", "name", "passwordHash", "role", "hospitalId", "active", "createdAt"], 3 + hospitals.length, async (w, p) => {
      await w.row(["us-admin", BENCH_EMAILS.admin, "Bench Admin", hash, "ADMIN", F(null), "t", fixedTs]);
      await w.row([STAFF_ID, BENCH_EMAILS.staff, "Bench Staff", hash, "STAFF", F(null), "t", fixedTs]);
      await w.row(["us-official", BENCH_EMAILS.official, "Bench Official", hash, "OFFICIAL", F(null), "t", fixedTs]);
      p.add(3);
      for (let i = 0; i < hospitals.length; i++) {
        await w.row([hospitals[i].userId, BENCH_EMAILS.hospital(i + 1), `Bench RS ${i + 1}`, hash, "HOSPITAL", hospitals[i].id, "t", fixedTs]);
        p.add(1);
      }
    });
    const tokenHash = createHash("sha256").update(BENCH_API_TOKEN).digest("hex");
    await main.query(`INSERT INTO "ApiToken" (id, name, "tokenHash", "userId") VALUES ('tk-official', 'bench', $1, 'us-official')`, [tokenHash]);
    await main.query(`INSERT INTO "FlowRateSet" (id, key, name, "severeLpm", "criticalLpm", "isDefault") VALUES
      ('fr-who', 'who', 'WHO planning rates', 10, 30, true), ('fr-india', 'india2021', 'India 2021 bed formula', 10, 24, false),
      ('fr-measured', 'measured', 'Measured ward averages', 5, 15, false)`);
  }

  // --- suppliers ----------------------------------------------------------------------------
  const suppliers: Supplier[] = [];
  {
    const r = seed("suppliers");
    const kinds = [
      ...Array<Supplier["kind"]>(n.producers).fill("PRODUCER"),
      ...Array<Supplier["kind"]>(n.distributors).fill("DISTRIBUTOR"),
      ...Array<Supplier["kind"]>(n.vendors).fill("VENDOR"),
    ];
    await load(
      "Supplier",
      ["id", "name", "kind", "regionId", "address", "contactName", "contactPhone", "active", "isSample", "createdAt", "updatedAt"],
      kinds.length,
      async (w, p) => {
        for (let i = 0; i < kinds.length; i++) {
          const region = pickRegion(r.next());
          const s: Supplier = { id: `sp${pad(i + 1, 5)}`, kind: kinds[i], region, province: regions[region].province };
          suppliers.push(s);
          const label = s.kind === "PRODUCER" ? "Gas Industri" : s.kind === "DISTRIBUTOR" ? "Distribusi Oksigen" : "Oksigen Medis";
          await w.row([
            s.id,
            `PT ${label} Bench ${pad(i + 1, 3)}`,
            s.kind,
            regions[region].id,
            `Kawasan Industri ${regions[region].code}`,
            `Kontak ${i + 1}`,
            `0812${pad((i * 7919) % 10_000_000, 7)}`,
            F(!r.chance(0.02)),
            "t",
            fixedTs,
            fixedTs,
          ]);
          p.add(1);
        }
      },
    );
  }
  const producers = suppliers.map((s, i) => (s.kind === "PRODUCER" ? i : -1)).filter((i) => i >= 0);
  const sources = suppliers.map((s, i) => (s.kind !== "VENDOR" ? i : -1)).filter((i) => i >= 0);
  const sourcesByProvince = provinces.map((_, pi) => sources.filter((i) => suppliers[i].province === pi));

  // --- policies and medical-priority periods (per province) ---------------------------------
  {
    const r = seed("policies");
    const policyDays = [0, Math.floor(opts.days * 0.45), Math.floor(opts.days * 0.6), Math.floor(opts.days * 0.9)].filter((d, i, a) => a.indexOf(d) === i);
    await load("Policy", ["id", "regionId", "validFrom", "dailyTargetKg"], provinces.length * policyDays.length, async (w, p) => {
      for (let pi = 0; pi < provinces.length; pi++) {
        const base = r.int(200, 2500) * 1000;
        for (let k = 0; k < policyDays.length; k++) {
          await w.row([`pl${provinces[pi]}-${k}`, `rg${provinces[pi]}`, dayStr[policyDays[k]], F(Math.round(base * (1 + waveOf[policyDays[k]])))]);
          p.add(1);
        }
      }
    });
    const periods: [string, string, number][] = [
      ["2021-07-03", "2021-08-31", 90],
      ["2022-02-01", "2022-03-31", 70],
    ];
    await load(
      "MedicalPriorityPeriod",
      ["id", "regionId", "startsOn", "endsOn", "minMedicalSharePct", "note", "createdAt"],
      provinces.length * periods.length,
      async (w, p) => {
        for (const pc of provinces)
          for (let k = 0; k < periods.length; k++) {
            await w.row([`mp${pc}-${k}`, `rg${pc}`, periods[k][0], periods[k][1], F(periods[k][2]), "Instruksi Gubernur (bench)", fixedTs]);
            p.add(1);
          }
      },
    );
  }

  // --- daily capacity of producers (day by day) ---------------------------------------------
  {
    const r = seed("capacity");
    const base = producers.map(() => Math.round(clamp(22_000 * Math.exp(r.gauss() * 0.7), 3000, 150_000)));
    let k = 0;
    await load(
      "DailyCapacity",
      ["id", "supplierId", "day", "producedKg", "medicalKg", "industrialKg", "updatedById", "updatedAt"],
      producers.length * opts.days,
      async (w, p) => {
        for (let d = 0; d < opts.days; d++) {
          const wv = waveOf[d];
          const at = ts(wibStart(d) + 20 * 3_600_000);
          for (let j = 0; j < producers.length; j++) {
            if (r.chance(0.01)) continue;
            const produced = Math.round(base[j] * (0.88 + 0.16 * r.next()) * (1 + 0.3 * wv));
            const share = clamp(0.35 + 0.6 * wv + 0.04 * r.gauss(), 0.2, 0.97);
            const medical = Math.round(produced * share);
            await w.row([id36("dc", ++k), suppliers[producers[j]].id, dayStr[d], F(produced), F(medical), F(produced - medical), STAFF_ID, at]);
          }
          p.add(producers.length);
        }
      },
    );
  }

  // --- hospitals' daily stock reports (day by day) ------------------------------------------
  {
    const r = seed("stock");
    const dos = hospitals.map(() => 1 + 2 * r.next()); // days of supply on hand
    const scaleUse = hospitals.map(() => 0.7 + 0.6 * r.next());
    let k = 0;
    await load(
      "StockReport",
      ["id", "hospitalId", "day", "stockKg", "usedKg", "severePatients", "criticalPatients", "bedsOccupied", "flaggedForReview", "reportedById", "reportedAt"],
      hospitals.length * opts.days,
      async (w, p) => {
        for (let d = 0; d < opts.days; d++) {
          const wv = waveOf[d];
          const skip = d >= opts.days - 1 ? 0.06 : 0.04; // the last day: some have not reported yet (stale)
          for (let j = 0; j < hospitals.length; j++) {
            const h = hospitals[j];
            dos[j] = clamp(dos[j] + 0.35 * r.gauss() + 0.15 * (2.2 - 1.4 * wv - dos[j]), 0.05, 6);
            if (r.chance(skip)) continue;
            const severe = Math.round(h.covidBeds * (0.05 + 0.8 * wv) * (0.6 + 0.5 * r.next()));
            const critical = Math.round(severe * (0.2 + 0.2 * r.next()));
            const used = Math.max(0, Math.round((h.beds * 2 + severe * 14 + critical * 43) * scaleUse[j] * (0.9 + 0.2 * r.next())));
            const stock = Math.min(h.tank, h.residual + Math.round(dos[j] * used));
            const occupied = Math.min(h.beds, Math.round(h.beds * (0.45 + 0.45 * wv) * (0.85 + 0.3 * r.next())));
            const at = ts(wibStart(d) + (6 * 3600 + r.int(0, 4 * 3600)) * 1000);
            await w.row([id36("sr", ++k), h.id, dayStr[d], F(stock), F(used), F(severe), F(critical), F(occupied), F(r.chance(0.01)), h.userId, at]);
          }
          p.add(hospitals.length);
        }
      },
    );
  }

  // --- case statistics per regency/city per day ---------------------------------------------
  {
    const r = seed("cases");
    const total = regions.map(() => 0);
    const deaths = regions.map(() => 0);
    let k = 0;
    await load("CaseStat", ["id", "regionId", "day", "total", "active", "recovered", "deaths"], regions.length * opts.days, async (w, p) => {
      for (let d = 0; d < opts.days; d++) {
        const wv = waveOf[d];
        for (let j = 0; j < regions.length; j++) {
          const activeWanted = Math.round(regions[j].weight * 900 * wv * (0.85 + 0.3 * r.next()));
          const fresh = Math.max(0, Math.round(activeWanted / 12));
          total[j] += fresh;
          deaths[j] += Math.round(fresh * 0.025);
          const active = Math.min(activeWanted, total[j] - deaths[j]);
          const recovered = total[j] - active - deaths[j];
          await w.row([id36("cs", ++k), regions[j].id, dayStr[d], F(total[j]), F(active), F(recovered), F(deaths[j])]);
        }
        p.add(regions.length);
      }
    });
  }

  // --- pledges, tranches, earmarked hospitals -----------------------------------------------
  const pledges: Pledge[] = [];
  const activePledges: number[][] = Array.from({ length: opts.days }, () => []);
  {
    const r = seed("pledges");
    for (let i = 0; i < n.pledges; i++) {
      const start = r.int(0, Math.max(0, opts.days - 20));
      const end = Math.min(opts.days + 60, start + r.int(20, 150));
      const total = r.int(20, 1500) * 1000;
      const u = r.next();
      const earmark = u < 0.12 ? "HOSPITALS" : u < 0.3 ? "ASSOCIATION" : "NONE";
      const hs = earmark === "HOSPITALS" ? [...new Set(Array.from({ length: r.int(2, 8) }, () => r.int(0, hospitals.length - 1)))] : [];
      const pl: Pledge = { id: `pg${pad(i + 1, 6)}`, supplier: r.int(0, suppliers.length - 1), start, end, total, left: total, earmark, hospitals: hs };
      pledges.push(pl);
      for (let d = start; d <= Math.min(end, opts.days - 1); d++) activePledges[d].push(i);
    }
    await load("Pledge", ["id", "supplierId", "totalKg", "startsOn", "endsOn", "earmark", "note", "createdAt"], pledges.length, async (w, p) => {
      for (const pl of pledges) {
        const endStr = dayString(dayMs(pl.end));
        await w.row([pl.id, suppliers[pl.supplier].id, F(pl.total), dayStr[pl.start], endStr, pl.earmark, "Komitmen bantuan (bench)", ts(wibStart(pl.start))]);
        p.add(1);
      }
    });
    await load(
      "PledgeHospital",
      ["pledgeId", "hospitalId"],
      pledges.reduce((s, pl) => s + pl.hospitals.length, 0),
      async (w, p) => {
        for (const pl of pledges)
          for (const h of pl.hospitals) {
            await w.row([pl.id, hospitals[h].id]);
            p.add(1);
          }
      },
    );
    // Tranches, and a delivery for each tranche already due (half of it; the rest is allocated).
    const trancheRows: string[][] = [];
    const deliveryRows: string[][] = [];
    let k = 0;
    for (let pi = 0; pi < pledges.length; pi++) {
      const pl = pledges[pi];
      const count = r.int(3, 8);
      let rest = pl.total;
      for (let j = 0; j < count; j++) {
        const kg = j === count - 1 ? rest : Math.max(1000, Math.floor(pl.total / count / 1000) * 1000);
        if (kg <= 0) break;
        rest -= kg;
        const due = pl.start + Math.round(((pl.end - pl.start) * (j + 1)) / count);
        const tid = `pt${pad(pi + 1, 6)}-${j}`;
        trancheRows.push([tid, pl.id, dayString(dayMs(due)), F(kg)]);
        if (due < opts.days - 1) {
          const sent = Math.max(1, Math.round(kg / 2));
          pl.left -= sent;
          const h = pl.hospitals.length ? pl.hospitals[j % pl.hospitals.length] : r.int(0, hospitals.length - 1);
          const at = wibStart(due) + r.int(7, 15) * 3_600_000;
          deliveryRows.push([
            id36("dt", ++k),
            F(null),
            tid,
            suppliers[pl.supplier].id,
            hospitals[h].id,
            plate(r),
            "",
            ts(at),
            F(sent),
            "KG",
            F(null),
            "1",
            F(sent),
            STAFF_ID,
            F(sent),
            ts(at + r.int(2, 8) * 3_600_000),
            hospitals[h].userId,
            F(null),
          ]);
        }
      }
    }
    await load("PledgeTranche", ["id", "pledgeId", "dueOn", "kg"], trancheRows.length, async (w, p) => {
      for (const row of trancheRows) {
        await w.row(row);
        p.add(1);
      }
    });
    await load("Delivery", DELIVERY_COLUMNS, deliveryRows.length, async (w, p) => {
      for (const row of deliveryRows) {
        await w.row(row);
        p.add(1);
      }
    });
  }

  // --- requests, their allocations and deliveries (day by day, three COPY streams at once) ---
  {
    const r = seed("requests");
    const [cReq, cAlloc] = [await connect(), await connect()];
    const wReq = new CopyWriter(main, "SupplyRequest", [
      "id",
      "hospitalId",
      "requestedKg",
      "approvedKg",
      "neededBy",
      "urgency",
      "reason",
      "status",
      "rejectionReason",
      "idempotencyKey",
      "createdById",
      "createdAt",
      "decidedById",
      "decidedAt",
      "fulfilledAt",
      "updatedAt",
    ]);
    const wAlloc = new CopyWriter(cReq, "Allocation", [
      "id",
      "requestId",
      "supplierId",
      "pledgeId",
      "day",
      "kg",
      "status",
      "reason",
      "createdById",
      "createdAt",
    ]);
    const wDel = new CopyWriter(cAlloc, "Delivery", DELIVERY_COLUMNS);
    const p = new Progress("requests+alloc+deliv", n.requests, "requests");
    const weights = waveOf.map((wv) => 0.35 + wv);
    const wsum = weights.reduce((a, b) => a + b, 0);
    const pickHospital = weightedPicker(hospitals.map((h) => h.covidBeds + 5));
    const reasons = ["Stok menipis", "Pasien kritis bertambah", "Pengiriman pemasok tertunda", "Tangki hampir habis", "Lonjakan pasien COVID-19"];
    let kq = 0;
    let ka = 0;
    let kd = 0;
    for (let d = 0; d < opts.days; d++) {
      const count = Math.round((n.requests * weights[d]) / wsum);
      const offsets = Array.from({ length: count }, () => r.next() * DAY_MS).sort((a, b) => a - b);
      const age = opts.days - 1 - d;
      const lastInstant = wibStart(opts.days) - 60_000; // nothing happens after the data's last day
      for (const off of offsets) {
        const hi = pickHospital(r.next());
        const h = hospitals[hi];
        const createdAt = wibStart(d) + Math.floor(off);
        const status = statusFor(age, r);
        const requested = Math.max(100, Math.round((h.beds * (4 + 30 * waveOf[d]) * (0.5 + r.next())) / 100) * 100);
        const u = r.next();
        const urgency = u < 0.08 + 0.12 * waveOf[d] ? "EMERGENCY" : u < 0.4 + 0.1 * waveOf[d] ? "URGENT" : "ROUTINE";
        const decided = status !== "SUBMITTED" && status !== "CANCELLED";
        const decidedAt = decided ? Math.min(lastInstant, createdAt + r.int(10, 360) * 60_000) : null;
        const approved =
          decided && status !== "REJECTED" ? (r.chance(0.7) ? requested : Math.max(100, Math.round((requested * (0.5 + 0.45 * r.next())) / 100) * 100)) : null;
        const id = id36("rq", ++kq);
        let fulfilledAt: number | null = null;
        let updatedAt = decidedAt ?? createdAt + (status === "CANCELLED" ? r.int(5, 120) * 60_000 : 0);
        if (approved !== null && (status === "ALLOCATED" || status === "IN_TRANSIT" || status === "FULFILLED")) {
          const parts = partsOf(approved, r);
          const allocDay = Math.min(opts.days - 1, Math.floor((decidedAt! + WIB_MS - firstMs) / DAY_MS));
          const local = sourcesByProvince[h.province];
          for (let j = 0; j < parts.length; j++) {
            const kg = parts[j];
            let supplier = local.length && r.chance(0.7) ? r.pick(local) : r.pick(sources);
            let pledgeId: string | null = null;
            if (r.chance(0.12) && activePledges[allocDay].length) {
              const pl = pledges[r.pick(activePledges[allocDay])];
              const eligible = pl.earmark === "NONE" || (pl.earmark === "ASSOCIATION" && h.assoc) || (pl.earmark === "HOSPITALS" && pl.hospitals.includes(hi));
              if (eligible && pl.left >= kg) {
                pl.left -= kg;
                pledgeId = pl.id;
                supplier = pl.supplier;
              }
            }
            const aStatus = status === "FULFILLED" ? "DELIVERED" : status === "IN_TRANSIT" ? "IN_TRANSIT" : "PLANNED";
            const aAt = Math.min(lastInstant, decidedAt! + r.int(5, 90) * 60_000);
            const aid = id36("al", ++ka);
            await wAlloc.row([
              aid,
              id,
              suppliers[supplier].id,
              F(pledgeId),
              dayStr[allocDay],
              F(kg),
              aStatus,
              j === 0 ? "Prioritas urgensi" : "",
              STAFF_ID,
              ts(aAt),
            ]);
            updatedAt = Math.max(updatedAt, aAt);
            if (aStatus !== "PLANNED") {
              const sentAt = Math.min(lastInstant, aAt + r.int(30, 12 * 60) * 60_000);
              const tonnes = r.chance(0.35);
              const received = aStatus === "DELIVERED" ? (r.chance(0.9) ? kg : Math.max(0, kg - r.int(0, Math.ceil(kg * 0.02)))) : null;
              const receivedAt = received !== null ? Math.min(lastInstant, sentAt + r.int(30, 8 * 60) * 60_000) : null;
              await wDel.row([
                id36("dl", ++kd),
                aid,
                F(null),
                suppliers[supplier].id,
                h.id,
                plate(r),
                "",
                ts(sentAt),
                tonnes ? (kg / 1000).toFixed(3) : F(kg),
                tonnes ? "TONNE_LIQUID" : "KG",
                F(null),
                tonnes ? "1000" : "1",
                F(kg),
                STAFF_ID,
                F(received),
                receivedAt === null ? F(null) : ts(receivedAt),
                received === null ? F(null) : h.userId,
                F(null),
              ]);
              if (receivedAt !== null) fulfilledAt = Math.max(fulfilledAt ?? 0, receivedAt);
              updatedAt = Math.max(updatedAt, receivedAt ?? sentAt);
            }
          }
          // A few allocations were planned, then cancelled (re-allocated): not counted anywhere.
          if (r.chance(0.03)) {
            await wAlloc.row([
              id36("al", ++ka),
              id,
              suppliers[r.pick(sources)].id,
              F(null),
              dayStr[allocDay],
              F(parts[0]),
              "CANCELLED",
              "Dibatalkan: truk tidak tersedia",
              STAFF_ID,
              ts(decidedAt!),
            ]);
          }
        }
        await wReq.row([
          id,
          h.id,
          F(requested),
          F(approved),
          dayString(dayMs(Math.min(d + r.int(0, 2), opts.days + 2))),
          urgency,
          r.pick(reasons),
          status,
          status === "REJECTED" ? "Pasokan wilayah tidak mencukupi" : F(null),
          F(null),
          h.userId,
          ts(createdAt),
          decided ? STAFF_ID : F(null),
          decidedAt === null ? F(null) : ts(decidedAt),
          fulfilledAt === null ? F(null) : ts(fulfilledAt),
          ts(updatedAt),
        ]);
      }
      p.add(count);
    }
    const [nq, na, nd] = await Promise.all([wReq.end(), wAlloc.end(), wDel.end()]);
    const secs = p.finish();
    record("SupplyRequest", nq, secs);
    record("Allocation", na, secs);
    record("Delivery", nd, secs);
  }
  const loadSeconds = (performance.now() - tLoad) / 1000;

  // --- indexes, foreign keys, statistics ----------------------------------------------------
  t = performance.now();
  const ip = new Progress("indexes + foreign keys", aside.indexes.length + aside.fkeys.length, "built");
  await restoreIndexes(main, aside, () => ip.add(1));
  const indexSeconds = ip.finish();
  t = performance.now();
  log("  rollups (pledges, trips, request funnel, hospitals' state, daily use, committed sums) …");
  await main.query('ALTER TABLE "PledgeDeliveryDay" DISABLE TRIGGER "PledgeDeliveryDay_pledge_delivery_total"');
  await main.query("SELECT pledge_delivery_day_rebuild()");
  await main.query("SELECT pledge_delivery_total_rebuild()");
  await main.query('ALTER TABLE "PledgeDeliveryDay" ENABLE TRIGGER "PledgeDeliveryDay_pledge_delivery_total"');
  await main.query('ALTER TABLE "Delivery" ENABLE TRIGGER "Delivery_pledge_delivery_day"');
  await main.query("SELECT delivery_trip_totals_rebuild()");
  await main.query('ALTER TABLE "Delivery" ENABLE TRIGGER "Delivery_trip_totals"');
  await main.query("SELECT request_funnel_day_rebuild()");
  await main.query('ALTER TABLE "SupplyRequest" ENABLE TRIGGER "SupplyRequest_request_funnel_day"');
  await main.query('ALTER TABLE "Delivery" ENABLE TRIGGER "Delivery_request_funnel_day"');
  await main.query("SELECT hospital_supply_state_rebuild()");
  await main.query('ALTER TABLE "StockReport" ENABLE TRIGGER "StockReport_hospital_supply_state"');
  await main.query('ALTER TABLE "Delivery" ENABLE TRIGGER "Delivery_hospital_received_since"');
  await main.query("SELECT stock_use_day_rebuild()");
  await main.query('ALTER TABLE "StockReport" ENABLE TRIGGER "StockReport_stock_use_day"');
  await main.query("SELECT allocation_committed_rebuild()");
  await main.query('ALTER TABLE "Allocation" ENABLE TRIGGER "Allocation_committed"');
  await main.query('ALTER TABLE "Delivery" ENABLE TRIGGER "Delivery_committed"');
  log(`  rollups ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  log("  VACUUM ANALYZE …");
  await main.query("VACUUM ANALYZE");
  const vacuumSeconds = (performance.now() - t) / 1000;
  for (const c of clients) await c.end();

  const totalRows = loads.reduce((s, l) => s + l.rows, 0);
  const result: GenerateResult = {
    options: {
      scale: opts.scale,
      days: opts.days,
      seed: opts.seed,
      database: new URL(opts.url).pathname.slice(1),
      firstDay: dayStr[0],
      lastDay: BENCH_LAST_DAY,
    },
    tables: loads,
    totalRows,
    seconds: {
      migrate: round1(migrateSeconds),
      load: round1(loadSeconds),
      indexes: round1(indexSeconds),
      vacuumAnalyze: round1(vacuumSeconds),
      total: round1((performance.now() - tAll) / 1000),
    },
  };
  if (!opts.quiet) {
    log("");
    log(`  ${"table".padEnd(22)} ${"rows".padStart(12)} ${"seconds".padStart(8)} ${"rows/s".padStart(10)}`);
    for (const l of loads)
      log(`  ${l.table.padEnd(22)} ${fmtInt(l.rows).padStart(12)} ${l.seconds.toFixed(1).padStart(8)} ${fmtInt(l.rowsPerSecond).padStart(10)}`);
    log(`  ${"total".padEnd(22)} ${fmtInt(totalRows).padStart(12)} ${loadSeconds.toFixed(1).padStart(8)} ${fmtInt(totalRows / loadSeconds).padStart(10)}`);
    log(`  indexes + foreign keys ${indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s, all ${result.seconds.total} s`);
  }
  return result;
}

const DELIVERY_COLUMNS = [
  "id",
  "allocationId",
  "trancheId",
  "supplierId",
  "hospitalId",
  "vehiclePlate",
  "driverName",
  "dispatchedAt",
  "dispatchedAmount",
  "dispatchedUnit",
  "cylinderSizeM3",
  "kgPerUnit",
  "dispatchedKg",
  "dispatchedById",
  "receivedKg",
  "receivedAt",
  "receivedById",
  "idempotencyKey",
];

const round1 = (x: number) => Math.round(x * 10) / 10;

function plate(r: Rng): string {
  const letters = "ABDEFGHKLNPRSTZ";
  return `${letters[r.int(0, letters.length - 1)]} ${r.int(1000, 9999)} ${letters[r.int(0, letters.length - 1)]}${letters[r.int(0, letters.length - 1)]}`;
}

/** A request's status by its age in days (0 = the data's last day): old ones are settled. */
function statusFor(age: number, r: Rng): string {
  const u = r.next();
  const table: [number, string][] =
    age >= 3
      ? [
          [0.0002, "IN_TRANSIT"],
          [0.08, "REJECTED"],
          [0.13, "CANCELLED"],
          [1, "FULFILLED"],
        ]
      : age === 2
        ? [
            [0.5, "FULFILLED"],
            [0.75, "IN_TRANSIT"],
            [0.85, "ALLOCATED"],
            [0.9, "APPROVED"],
            [0.96, "REJECTED"],
            [1, "CANCELLED"],
          ]
        : age === 1
          ? [
              [0.15, "FULFILLED"],
              [0.45, "IN_TRANSIT"],
              [0.7, "ALLOCATED"],
              [0.85, "APPROVED"],
              [0.93, "SUBMITTED"],
              [0.97, "REJECTED"],
              [1, "CANCELLED"],
            ]
          : [
              [0.5, "SUBMITTED"],
              [0.75, "APPROVED"],
              [0.88, "ALLOCATED"],
              [0.93, "IN_TRANSIT"],
              [0.97, "REJECTED"],
              [1, "CANCELLED"],
            ];
  for (const [p, s] of table) if (u < p) return s;
  return "FULFILLED";
}

/** Splits kg into 1–4 positive parts (mean ≈ 2.3). */
function partsOf(kg: number, r: Rng): number[] {
  const u = r.next();
  const k = Math.min(kg, u < 0.25 ? 1 : u < 0.6 ? 2 : u < 0.85 ? 3 : 4);
  const out: number[] = [];
  let rest = kg;
  for (let i = 0; i < k - 1; i++) {
    const part = Math.max(1, Math.min(rest - (k - 1 - i), Math.round((rest / (k - i)) * (0.6 + 0.8 * r.next()))));
    out.push(part);
    rest -= part;
  }
  out.push(rest);
  return out;
}

export function optionsFromEnv(): GenerateOptions {
  const scale = Number(process.env.BENCH_SCALE ?? "1");
  const days = Number(process.env.BENCH_DAYS ?? String(BENCH_DAYS));
  if (!(scale > 0) || !(days >= 14 && days <= 3650)) throw new Error("BENCH_SCALE must be > 0 and BENCH_DAYS between 14 and 3650");
  return { url: benchDatabaseUrl(), scale, days: Math.round(days), seed: process.env.BENCH_SEED ?? "oxygen-national" };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await generate(optionsFromEnv());
  const dir = fileURLToPath(new URL("./data/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}dataset-${result.options.database}.json`, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
