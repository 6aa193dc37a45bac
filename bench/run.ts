// `npm run bench`: the production build on the bench database, measured side by side.
//
//   BENCH_DATABASE_URL   the data set (npm run bench:data)        default …/oxy_bench
//   BENCH_DURATION       seconds per target (default 10)          BENCH_WARMUP (default 2)
//   BENCH_CONNECTIONS    concurrent connections (default 16)      BENCH_PORT (default 3900)
//   BENCH_FLOOR_DURATION seconds per floor (default BENCH_DURATION)
//   BENCH_REBUILD=1      force `next build` (otherwise only when sources are newer than the build)
//   BENCH_NODE_OPTIONS   NODE_OPTIONS for the server (default --max-old-space-size=384; "" for none)
//   BENCH_MIXED_DURATION seconds per mixed row (default 20)       BENCH_MIXED_READERS (default 16 per path)
//   BENCH_MIXED_RATES    writes per second, comma-separated (default "1,5")
//   BENCH_MIXED_ALLOCATION_EVERY every n-th mixed write is a staff allocation (default 5: 4 stock reports to 1; 0: none)
//   BENCH_MIXED_INSTANCES the mixed rows again through this many servers behind HAProxy (default 2; 1: not)
//   BENCH_MIXED_WRITERS   how many of those servers take the writes, the others the reads (default 0: all take all; decision 0051)
//   flags: --lighthouse (also Lighthouse), --no-build (use the existing build as it is),
//          --mixed-only (only the mixed rows: readers and writers at once, cold dashboard, CPU per write),
//          --no-mixed (leave the mixed rows out),
//          --floors-only (no build, no server: the SQL floors, for iterating on queries/indexes),
//          --report-only (re-render bench/results.md and docs/performance.md from bench/results.json)
//
// Only 127.0.0.1 is loaded. Results: bench/results.json, bench/results.md, and the "latest
// results" section of docs/performance.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { BENCH_API_TOKEN, BENCH_AUTH_SECRET, BENCH_EMAILS, benchDatabaseUrl } from "./constants";
import { firstLoadJs, type FirstLoad } from "./lib/firstload";
import { measureFunction, measurePlan, sqlRecorder, verifyStatements, type FloorResult, type Plan, type Stmt } from "./lib/floor";
import { haveHaproxy, startHaproxy, type Balancer } from "../scripts/lib/haproxy";
import { treeRssMb } from "../scripts/lib/process-rss";
import { loadAvg, measureHttp, type HttpResult } from "./lib/http";
import { runLighthouse } from "./lib/lighthouse";
import { benchRecommender, type RecommenderResult } from "./lib/recommender-bench";
import { benchSession, measureMixed, type MixedResults } from "./lib/mixed";
import { lighthouseMarkdown, markdown, updateDoc, type BenchResults, type Target } from "./lib/report";

export type RunOptions = {
  url: string;
  seconds: number;
  floorSeconds: number;
  warmupSeconds: number;
  connections: number;
  port: number;
  distDir: string;
  build: "auto" | "always" | "never";
  lighthouse: boolean;
  /** only the floors and the recommender: no build, no server (for iterating on SQL and indexes) */
  floorsOnly: boolean;
  /** re-render the report from bench/results.json, measure nothing */
  reportOnly: boolean;
  /** the mixed rows: "all" (with everything else), "only", or "none" */
  mixed: "all" | "only" | "none";
  mixedSeconds: number;
  mixedReaders: number;
  mixedRates: number[];
  /** cold dashboards and writes for the CPU of a write (20) */
  mixedSamples: number;
  /** every n-th mixed write is an allocation (0: stock reports only) */
  mixedAllocationEvery: number;
  /** also measure the mixed rows through this many servers behind HAProxy (1: not) */
  mixedInstances: number;
  /** of those servers, how many take the writes (0: every one takes everything in turn) */
  mixedWriters: number;
  outJson: string | null;
  outMd: string | null;
  docPath: string | null;
  scaleNote: string;
};

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const log = (s: string) => process.stderr.write(`${s}\n`);

export async function runBench(o: RunOptions): Promise<BenchResults> {
  const notes: string[] = [];
  const machine = machineInfo();
  log(`Machine: ${machine.nproc} cores, ${machine.memoryGb} GB, ${machine.cpu}; load ${machine.loadAvgAtStart.join(" ")}`);

  // --- the data set -------------------------------------------------------------------------
  const db = new pg.Client({ connectionString: o.url });
  await db.connect();
  const rows = await tableRows(db);
  if (!rows.StockReport) throw new Error(`No data in ${o.url}: run npm run bench:data first`);
  machine.postgres = ((await db.query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0]?.v ?? "PostgreSQL").trim();
  const staff = (await db.query<{ id: string; name: string; email: string }>(`SELECT id, name, email FROM "User" WHERE email = $1`, [BENCH_EMAILS.staff]))
    .rows[0];
  await db.end();
  if (!staff) throw new Error("The bench staff user is missing: regenerate the data set");

  // --- build and start ----------------------------------------------------------------------
  const datasetFile = join(ROOT, `bench/data/dataset-${new URL(o.url).pathname.slice(1)}.json`);
  const dataset = existsSync(datasetFile) ? (JSON.parse(readFileSync(datasetFile, "utf8")) as BenchResults["dataset"]) : null;
  if (o.reportOnly) {
    // Re-render bench/results.md and the doc from bench/results.json (after a change to the report or the target rules).
    const r = JSON.parse(readFileSync(o.outJson!, "utf8")) as BenchResults;
    r.targets = evaluateTargets(r);
    writeFileSync(o.outJson!, `${JSON.stringify(r, null, 2)}\n`);
    const md = markdown(r);
    if (o.outMd) writeFileSync(o.outMd, `${md}\n`);
    if (o.docPath) {
      updateDoc(o.docPath, "results", md);
      if (r.lighthouse.length) updateDoc(o.docPath, "lighthouse", lighthouseMarkdown(r.lighthouse, r.at, r.machine.loadAvgAtStart));
    }
    process.stdout.write(`${md}\n`);
    return r;
  }
  if (o.floorsOnly) {
    const { floors, checks } = await measureFloors(o);
    const md = markdown({ ...emptyResults(machine, o), floors, floorChecks: checks });
    process.stdout.write(`${md}\n`);
    return { ...emptyResults(machine, o), floors, floorChecks: checks };
  }
  const build = await ensureBuild(o);
  let server = await startServer(o);
  const base = `http://127.0.0.1:${o.port}`;
  const http: HttpResult[] = [];
  let firstLoad: FirstLoad[] = [];
  let ceiling = "";
  let lighthouse: BenchResults["lighthouse"] = [];
  let mixed: MixedResults | null = null;
  try {
    // a server-side session of its own (decision 0023: a cookie without one is refused)
    const sdb = new pg.Client({ connectionString: o.url });
    await sdb.connect();
    const sid = await benchSession(sdb, staff.id, "bench-staff");
    await sdb.end();
    const cookie = `authjs.session-token=${await encode({
      token: { sub: staff.id, sid, name: staff.name, email: staff.email, role: "STAFF", hospitalId: null },
      secret: BENCH_AUTH_SECRET,
      salt: "authjs.session-token",
      maxAge: 8 * 3600,
    })}`;
    const auth = { cookie };
    const dash = await fetch(`${base}/dashboard`, { headers: auth, redirect: "manual" });
    const dashHtml = await dash.text();
    if (dash.status !== 200 || !dashHtml.includes('data-testid="dashboard"'))
      throw new Error(`GET /dashboard with the minted session answered ${dash.status}: the session cookie is not accepted`);
    const loginHtml = await (await fetch(`${base}/login`)).text();
    firstLoad = [firstLoadJs("/dashboard", dashHtml, join(ROOT, o.distDir)), firstLoadJs("/login", loginHtml, join(ROOT, o.distDir))];

    const prerendered = prerenderedRoutes(join(ROOT, o.distDir));
    const loginKind = prerendered.has("/login") ? "static page (prerendered)" : "dynamic page";
    ceiling = prerendered.has("/login")
      ? "`/login`, prerendered at build time (static HTML served by the server)"
      : "`/favicon.svg`, a static file under public/ (the login page is rendered per request)";
    // The last targets run on a second server without the response cache (RESPONSE_CACHE=off):
    // the dashboard and the summary as they are produced on a cache miss, i.e. after every write.
    const targets: { name: string; path: string; kind: string; headers?: Record<string, string>; responseCache?: false }[] = [
      { name: "dashboard", path: "/dashboard", kind: "dynamic page (response cache)", headers: auth },
      { name: "triage board", path: "/triage", kind: "dynamic page", headers: auth },
      { name: "API summary", path: "/api/v1/summary", kind: "API (session)", headers: auth },
      { name: "API hospitals", path: "/api/v1/hospitals", kind: "API (session)", headers: auth },
      { name: "API pledges", path: "/api/v1/pledges", kind: "API (session)", headers: auth },
      { name: "API summary, bearer", path: "/api/v1/summary", kind: "API (bearer token)", headers: { authorization: `Bearer ${BENCH_API_TOKEN}` } },
      { name: "login page", path: "/login", kind: loginKind },
      { name: "static file", path: "/favicon.svg", kind: "static file (public/)" },
      { name: "dashboard, rendered", path: "/dashboard", kind: "dynamic page, rendered per request (RESPONSE_CACHE=off)", headers: auth, responseCache: false },
      {
        name: "API summary, uncached",
        path: "/api/v1/summary",
        kind: "API (session), answered per request (RESPONSE_CACHE=off)",
        headers: auth,
        responseCache: false,
      },
    ];
    let cachingServer = true;
    const lighthouseRun = async () => {
      if (!o.lighthouse) return;
      await settle(base);
      log("Lighthouse …");
      lighthouse = await runLighthouse(base, cookie, join(ROOT, "bench/data/lighthouse"));
    };
    // Lighthouse first, on the server as deployed and before any load (the page, not the server
    // under load, is what it scores; right after a load run its timings were noisy).
    await lighthouseRun();
    for (const t of o.mixed === "only" ? [] : targets) {
      if (t.responseCache === false && cachingServer) {
        cachingServer = false;
        await stopServer(server);
        server = await startServer(o, false);
        const warm = await fetch(`${base}${t.path}`, { headers: t.headers, redirect: "manual" }); // fills the read cache
        await warm.arrayBuffer();
      }
      await settle(base);
      const probe = await fetch(`${base}${t.path}`, { headers: t.headers, redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        notes.push(`${t.path} (${t.name}) answered ${probe.status} before the run: not measured.`);
        log(`  skip ${t.path}: ${probe.status}`);
        continue;
      }
      log(`HTTP ${t.path} (${t.name}) …`);
      const r = await measureHttp({
        ...t,
        base,
        connections: o.connections,
        seconds: o.seconds,
        warmupSeconds: o.warmupSeconds,
        serverPid: server.pid ?? null,
      });
      log(
        `  ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, RSS ${r.peakRssMb} MB, load ${r.loadAvgBefore[0]}`,
      );
      http.push(r);
    }
    if (o.mixed !== "none") {
      // readers and writers at once, on a server of its own (the writes empty its caches)
      await stopServer(server);
      server = await startServer(o);
      log("Mixed: readers and writers at once …");
      mixed = await measureMixed({
        base,
        url: o.url,
        day: await latestDataDay(o.url),
        distDir: join(ROOT, o.distDir),
        serverPids: [server.pid!],
        servers: `1 instance${process.env.READ_STALE_MS ? `, READ_STALE_MS=${process.env.READ_STALE_MS}` : ""}`,
        seconds: o.mixedSeconds,
        readers: o.mixedReaders,
        rates: o.mixedRates,
        coldSamples: o.mixedSamples,
        costWrites: o.mixedSamples,
        allocationEvery: o.mixedAllocationEvery,
        log,
      });
      if (o.mixedInstances > 1) {
        if (!haveHaproxy()) notes.push(`haproxy not found: the mixed rows through ${o.mixedInstances} instances were not measured.`);
        else {
          // the same through several servers behind HAProxy (scripts/lib/haproxy.ts), on the same port
          await stopServer(server);
          const ports = Array.from({ length: o.mixedInstances }, (_, i) => o.port + 1 + i);
          const more: ChildProcess[] = [];
          let balancer: Balancer | null = null;
          try {
            const writers = ports.slice(0, Math.min(o.mixedWriters, ports.length - 1));
            for (const p of ports) more.push(await startServer(o, true, p, true));
            balancer = await startHaproxy(o.port, ports, { writers });
            const split = writers.length ? ` (writes to ${writers.length}, reads to ${ports.length - writers.length})` : "";
            log(`Mixed: ${o.mixedInstances} instances behind HAProxy${split} …`);
            const two = await measureMixed({
              base,
              url: o.url,
              day: await latestDataDay(o.url),
              distDir: join(ROOT, o.distDir),
              serverPids: more.map((c) => c.pid!),
              servers: `${o.mixedInstances} instances behind HAProxy${split}${process.env.READ_STALE_MS ? `, READ_STALE_MS=${process.env.READ_STALE_MS}` : ""}`,
              seconds: o.mixedSeconds,
              readers: o.mixedReaders,
              rates: o.mixedRates,
              coldSamples: o.mixedSamples,
              costWrites: o.mixedSamples,
              allocationEvery: o.mixedAllocationEvery,
              log,
            });
            mixed.rows.push(...two.rows);
            mixed.clusterCold = two.cold;
            mixed.clusterWriteCost = two.writeCost;
          } catch (e) {
            // the one-instance rows stand; say why the others are missing
            notes.push(`the mixed rows through ${o.mixedInstances} instances behind HAProxy failed: ${String((e as Error).message ?? e)}`);
            log(`  failed: ${String(e)}`);
          } finally {
            await balancer?.stop();
            for (const c of more) await stopServer(c);
          }
        }
      }
      for (const m of mixed.rows)
        log(
          `  ${m.name}: dashboard p95 ${m.readers[0].latencyMs.p95} ms, ${m.readers[0].requestsPerSecond} req/s; writes ${m.writes.achievedPerSecond}/s p95 ${m.writes.latencyMs.p95} ms; staleness p95 ${m.stalenessMs.p95} ms`,
        );
    }
  } finally {
    await stopServer(server);
  }
  if (o.mixed === "only") {
    // only the mixed rows are new: they replace those of the last full run in bench/results.json
    const last = o.outJson && existsSync(o.outJson) ? (JSON.parse(readFileSync(o.outJson, "utf8")) as BenchResults) : emptyResults(machine, o);
    const r: BenchResults = { ...last, mixed, mixedAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"), mixedCommit: git(["rev-parse", "HEAD"]) };
    r.targets = evaluateTargets(r);
    return writeResults(o, r, []);
  }

  // --- floors ---------------------------------------------------------------------------------
  log("Floors …");
  const { floors, checks, day } = await measureFloors(o);

  // --- recommender ----------------------------------------------------------------------------
  log("Recommender …");
  let recommender: RecommenderResult | null = null;
  recommender = benchRecommender(7);
  log(`  median ${recommender.medianMs} ms`);

  const peakRssMb = Math.max(0, ...http.map((h) => h.peakRssMb));
  const results: BenchResults = {
    at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    commit: git(["rev-parse", "HEAD"]),
    dirtyTree: git(["status", "--porcelain", "--untracked-files=no", "src"]) !== "",
    machine,
    settings: {
      connections: o.connections,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      port: o.port,
      distDir: o.distDir,
      dbPoolSize: `${process.env.DB_POOL_SIZE ?? "10 (default)"}; server NODE_OPTIONS=${serverEnv(o).NODE_OPTIONS ?? "(none)"}`,
      scaleNote: o.scaleNote,
    },
    data: { database: new URL(o.url).pathname.slice(1), day, rows },
    dataset,
    build,
    http,
    ceiling,
    floors,
    floorChecks: checks,
    recommender,
    firstLoad,
    peakRssMb,
    targets: [],
    lighthouse,
    notes,
    mixed,
  };
  results.targets = evaluateTargets(results);
  return writeResults(o, results, lighthouse);
}

function writeResults(o: RunOptions, results: BenchResults, lighthouse: BenchResults["lighthouse"]): BenchResults {
  const md = markdown(results);
  if (o.outJson) writeFileSync(o.outJson, `${JSON.stringify(results, null, 2)}\n`);
  if (o.outMd) writeFileSync(o.outMd, `${md}\n`);
  if (o.docPath) {
    updateDoc(o.docPath, "results", md);
    if (lighthouse.length) updateDoc(o.docPath, "lighthouse", lighthouseMarkdown(lighthouse, results.at, loadAvg()));
  }
  process.stdout.write(`${md}\n`);
  return results;
}

function emptyResults(machine: BenchResults["machine"], o: RunOptions): BenchResults {
  return {
    at: new Date().toISOString(),
    commit: git(["rev-parse", "HEAD"]),
    dirtyTree: false,
    machine,
    settings: {
      connections: o.connections,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      port: o.port,
      distDir: o.distDir,
      dbPoolSize: "",
      scaleNote: "floors only",
    },
    data: { database: new URL(o.url).pathname.slice(1), day: "", rows: {} },
    dataset: null,
    build: { built: false, seconds: null },
    http: [],
    ceiling: "",
    floors: [],
    floorChecks: [],
    recommender: null,
    firstLoad: [],
    peakRssMb: 0,
    targets: [],
    lighthouse: [],
    notes: [],
  };
}

function evaluateTargets(r: BenchResults): Target[] {
  const h = (name: string) => r.http.find((x) => x.name === name);
  const fl = (name: string) => r.floors.find((x) => x.name === name);
  const out: Target[] = [];
  const dash = h("dashboard");
  const none = (x: HttpResult) =>
    `no successful response within the ${x.seconds} s run (${x.requests} responses, ${x.non2xx} non-2xx; one at a time: ${x.singleMs} ms)`;
  const good = (x: HttpResult) => x.requests > x.non2xx && x.non2xx === 0 && x.errors === 0;
  const errs = (x: HttpResult) => (x.non2xx || x.errors ? `; ${x.non2xx} non-2xx and ${x.errors} errors of ${x.requests}` : "");
  out.push({
    target: "dashboard p95",
    threshold: "≤ 150 ms",
    measured: dash ? (dash.requests > dash.non2xx ? `${dash.latencyMs.p95} ms${errs(dash)}` : none(dash)) : "–",
    met: dash ? good(dash) && dash.latencyMs.p95 <= 150 : null,
  });
  const rendered = h("dashboard, rendered");
  if (rendered) {
    out.push({
      target: "dashboard p95 on a response-cache miss (rendered per request, as after every write)",
      threshold: "≤ 150 ms",
      measured: rendered.requests > rendered.non2xx ? `${rendered.latencyMs.p95} ms${errs(rendered)}` : none(rendered),
      met: good(rendered) && rendered.latencyMs.p95 <= 150,
    });
  }
  for (const [name, floor] of [
    ["API summary", "summary route SQL"],
    ["API hospitals", "hospitals route SQL"],
    ["API pledges", "pledges route SQL"],
  ] as const) {
    const a = h(name);
    const f = fl(floor);
    const ratio = a && f ? a.latencyMs.p50 / f.latencyMs.p50 : NaN;
    out.push({
      target: `${name} p50 vs its raw-SQL floor`,
      threshold: "≤ 2×",
      measured:
        a && f
          ? a.requests > a.non2xx
            ? `${a.latencyMs.p50} ms vs ${f.latencyMs.p50} ms = ${ratio.toFixed(2)}×${errs(a)}`
            : `${none(a)}; floor ${f.latencyMs.p50} ms`
          : "–",
      met: a && f ? good(a) && ratio <= 2 : null,
    });
  }
  const sum = h("API summary");
  const ceil = r.ceiling.startsWith("`/login`") ? h("login page") : h("static file");
  out.push({
    target: "/api/v1/summary throughput vs static page",
    threshold: "≥ 40 %",
    measured:
      sum && ceil
        ? `${sum.requestsPerSecond} vs ${ceil.requestsPerSecond} req/s = ${((100 * sum.requestsPerSecond) / ceil.requestsPerSecond).toFixed(1)} %`
        : "–",
    met: sum && ceil ? good(sum) && sum.requestsPerSecond >= 0.4 * ceil.requestsPerSecond : null,
  });
  const fresh = h("API summary, uncached");
  if (fresh && ceil) {
    out.push({
      target: "/api/v1/summary throughput vs static page, answered afresh (response cache off)",
      threshold: "≥ 40 %",
      measured: `${fresh.requestsPerSecond} vs ${ceil.requestsPerSecond} req/s = ${((100 * fresh.requestsPerSecond) / ceil.requestsPerSecond).toFixed(1)} %`,
      met: good(fresh) && fresh.requestsPerSecond >= 0.4 * ceil.requestsPerSecond,
    });
  }
  out.push({
    target: "recommender, 10 k requests × 500 sources",
    threshold: "≤ 100 ms",
    measured: r.recommender ? `${r.recommender.medianMs} ms (median)` : "–",
    met: r.recommender ? r.recommender.medianMs <= 100 : null,
  });
  const fd = r.firstLoad.find((x) => x.page === "/dashboard");
  out.push({ target: "dashboard first-load JS", threshold: "≤ 200 kB gzip", measured: fd ? `${fd.gzipKb} kB` : "–", met: fd ? fd.gzipKb <= 200 : null });
  const fiveWrites = r.mixed?.rows.find((m) => m.writesPerSecondTarget === 5 && m.servers.startsWith("1 instance"));
  if (fiveWrites) {
    const dashM = fiveWrites.readers.find((x) => x.path === "/dashboard")!;
    out.push({
      target: "dashboard p95, 16 distinct readers, 5 writes/s",
      threshold: "≤ 150 ms",
      measured: `${dashM.latencyMs.p95} ms (${dashM.requestsPerSecond} req/s${dashM.non2xx + dashM.errors ? `, ${dashM.non2xx + dashM.errors} failed` : ""})`,
      met: dashM.latencyMs.p95 <= 150 && dashM.non2xx + dashM.errors === 0,
    });
    out.push({
      target: "staleness p95 at 5 writes/s",
      threshold: "≤ 5 s",
      measured: `${fiveWrites.stalenessMs.p95} ms (${fiveWrites.stalenessMs.samples} of ${fiveWrites.stalenessMs.samples + fiveWrites.stalenessMs.unseen} writes seen)`,
      met: fiveWrites.stalenessMs.unseen === 0 && fiveWrites.stalenessMs.p95 <= 5000,
    });
    out.push({
      target: "stock report p95 at 5 writes/s",
      threshold: "≤ 50 ms",
      measured: `${fiveWrites.writes.latencyMs.p95} ms (${fiveWrites.writes.achievedPerSecond} writes/s achieved, ${fiveWrites.writes.failed} failed)`,
      met: fiveWrites.writes.latencyMs.p95 <= 50 && fiveWrites.writes.failed === 0,
    });
  }
  if (r.mixed?.cold)
    out.push({
      target: "cold national dashboard, one at a time",
      threshold: "≤ 150 ms",
      measured: `${r.mixed.cold.medianMs} ms (median of ${r.mixed.cold.samples})`,
      met: r.mixed.cold.medianMs <= 150,
    });
  if (r.mixed?.writeCost) {
    const c = r.mixed.writeCost;
    const total = Math.round((c.serverCpuMsPerWrite + c.databaseCpuMsPerWrite) * 10) / 10;
    out.push({
      target: "CPU per stock report (app + database)",
      threshold: "≤ 50 ms",
      measured: `${total} ms (app ${c.serverCpuMsPerWrite}, database ${c.databaseCpuMsPerWrite})`,
      met: total <= 50,
    });
  }
  const mixedRss = Math.max(0, ...(r.mixed?.rows ?? []).map((m) => m.peakRssMb));
  if (mixedRss) out.push({ target: "server RSS under the mixed load (per instance)", threshold: "≤ 600 MB", measured: `${mixedRss} MB`, met: mixedRss <= 600 });
  out.push({
    target: "server RSS under load",
    threshold: "≤ 600 MB",
    measured: r.http.length ? `${r.peakRssMb} MB` : "–",
    met: r.http.length ? r.peakRssMb <= 600 : null,
  });
  return out;
}

// --- floors: the dashboard's SQL replayed with pg, the triage board through Prisma ----------------
async function measureFloors(o: RunOptions): Promise<{ floors: FloorResult[]; checks: string[]; day: string }> {
  process.env.DATABASE_URL = o.url;
  process.env.DB_POOL_SIZE ??= "10";
  const { prisma } = await import("../src/server/db");
  const { Prisma } = await import("../src/generated/prisma/client");
  const { addDays } = await import("../src/domain/day");
  const headline = await import("../src/server/queries/headline");
  const dashboard = await import("../src/server/queries/dashboard");
  const hosp = await import("../src/server/queries/dashboard-hospitals");
  const supply = await import("../src/server/queries/dashboard-supply");
  const trends = await import("../src/server/queries/dashboard-trends");
  // `prisma` routes each call to a pool (decision 0046): record on the reads client itself
  const reads = (prisma as unknown as { __pools?: { reads(): unknown } }).__pools?.reads() ?? prisma;
  const rec = sqlRecorder(reads as never, Prisma.sql as never);
  const checks: string[] = [];
  const day = (await headline.latestCapacityDay())!;
  const from = addDays(day, -29); // the dashboard's default 30-day range

  const parts: Record<string, Stmt[]> = {};
  const cap = async (name: string, fn: () => Promise<unknown>) => {
    parts[name] = (await rec.capture(fn)).stmts;
  };
  await cap("latest day", () => headline.latestCapacityDay());
  await cap("day bounds", () => headline.capacityDayBounds());
  await cap("headline", () => headline.headlineFor(day));
  await cap("medical demand", () => dashboard.hospitalDemand(day));
  await cap("hospital status counts", () => hosp.hospitalStatusCounts(day));
  await cap("hospital supply", () => hosp.hospitalSupply(day));
  await cap("daily series (30 d)", () => trends.dailySeries(from, day));
  await cap("priority periods", () => supply.priorityPeriods(from, day));
  await cap("producer splits", () => supply.producerSplits(day));
  await cap("pledge progress", () => supply.pledgeProgress(day));
  await cap("region table", () => hosp.regionTable(day));
  await cap("request funnel (30 d)", () => trends.requestFunnel(from, day));

  const seq = (...names: string[]): Plan => ({ seq: names.flatMap((n) => parts[n].map((sql) => ({ sql }))) });
  const par = (...plans: Plan[]): Plan => ({ par: plans });
  const summaryPlan = par(seq("headline"), seq("medical demand"), seq("hospital status counts"));
  const plans: [string, Plan][] = [
    ["summary route SQL", { seq: [seq("latest day"), summaryPlan] }],
    ["hospitals route SQL", seq("latest day", "hospital supply")],
    ["pledges route SQL", seq("latest day", "pledge progress")],
    [
      "dashboard page SQL",
      {
        seq: [
          seq("day bounds"),
          par(
            summaryPlan,
            seq("daily series (30 d)"),
            seq("priority periods"),
            seq("producer splits"),
            seq("pledge progress"),
            seq("hospital supply"),
            seq("region table"),
            seq("request funnel (30 d)"),
          ),
        ],
      },
    ],
    ...Object.keys(parts).map((n): [string, Plan] => [n, seq(n)]),
  ];

  pg.defaults.parseInputDatesAsUTC = true; // Prisma stores timestamp(3) as UTC wall-clock
  // jit=off like the app's own pool (src/server/db.ts), so floors and app are comparable.
  const pool = new pg.Pool({ connectionString: o.url, max: o.connections, options: "-c jit=off" });
  const floors: FloorResult[] = [];
  try {
    for (const [name, stmts] of Object.entries(parts)) {
      const problem = await verifyStatements(pool, stmts);
      if (problem) checks.push(`${name}: ${problem}`);
    }
    if (!checks.length) checks.push(`every captured statement returned as many rows through pg as through the app's Prisma client (day ${day})`);
    for (const [name, plan] of plans) {
      log(`  ${name} …`);
      floors.push(await measurePlan(pool, name, plan, o.connections, o.floorSeconds));
    }
    const { triageBoard } = await import("../src/server/queries/requests");
    const { recommendationFor, defaultSupplyDay } = await import("../src/server/queries/allocations");
    const supplyDay = await defaultSupplyDay();
    log("  triage board (Prisma) …");
    floors.push(await measureFunction("triage board: triageBoard() (Prisma)", () => triageBoard(), o.connections, o.floorSeconds));
    floors.push(await measureFunction("triage board: recommendationFor(day) (Prisma)", () => recommendationFor(supplyDay), o.connections, o.floorSeconds));
    floors.push(await measureFunction("dashboard: dashboardData(day, 30) (Prisma)", () => dashboard.dashboardData(day, 30), o.connections, o.floorSeconds));
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
  return { floors, checks, day };
}

// --- build, server ---------------------------------------------------------------------------
async function ensureBuild(o: RunOptions): Promise<BenchResults["build"]> {
  const dist = join(ROOT, o.distDir);
  const buildId = join(dist, "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = newestMtime([
    join(ROOT, "src"),
    join(ROOT, "next.config.ts"),
    join(ROOT, "postcss.config.mjs"),
    join(ROOT, "package-lock.json"),
    join(ROOT, "public"),
  ]);
  const need = o.build === "always" || (o.build === "auto" && (built === 0 || newest > built));
  if (!need) {
    if (built === 0) throw new Error(`No build in ${o.distDir} and --no-build given`);
    log(`Using the existing build in ${o.distDir}`);
    return { built: false, seconds: null };
  }
  log(`next build into ${o.distDir} (${built === 0 ? "no build yet" : "sources are newer"}) …`);
  const tsconfig = join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  mkdirSync(join(ROOT, "bench/data"), { recursive: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    env: { ...process.env, ...serverEnv(o, true) },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  writeFileSync(join(ROOT, "bench/data/build.log"), `${r.stdout}\n${r.stderr}`);
  restoreTsconfig(tsconfig, before, o.distDir);
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status}); see bench/data/build.log:\n${`${r.stdout}\n${r.stderr}`.slice(-3000)}`);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log(`  built in ${seconds} s`);
  return { built: true, seconds };
}

/** Next adds its dist folder's types to tsconfig.json's include: undo exactly that, nothing else. */
function restoreTsconfig(path: string, before: string, distDir: string) {
  const after = readFileSync(path, "utf8");
  if (after === before) return;
  try {
    const a = JSON.parse(after) as { include?: string[] };
    const b = JSON.parse(before) as { include?: string[] };
    a.include = (a.include ?? []).filter((p) => !p.startsWith(`${distDir}/`));
    b.include = (b.include ?? []).filter((p) => !p.startsWith(`${distDir}/`));
    if (JSON.stringify(a) === JSON.stringify(b)) writeFileSync(path, before);
    else log("  note: tsconfig.json changed during the build beyond the bench folder's types; left as it is");
  } catch {
    log("  note: tsconfig.json is not plain JSON; left as it is");
  }
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string, depth: number) => {
    if (!existsSync(p) || depth > 20) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== "generated") visit(join(p, e), depth + 1);
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p, 0);
  return newest;
}

/** The server's heap limit, as recommended in README (docs/performance.md: memory); BENCH_NODE_OPTIONS overrides ("" for none). */
export const DEFAULT_SERVER_NODE_OPTIONS = "--max-old-space-size=384";

/** The environment of `next build` (forBuild: without the server's NODE_OPTIONS — tsc needs more heap) and the server. */
function serverEnv(o: RunOptions, forBuild = false): Record<string, string> {
  const nodeOptions = process.env.BENCH_NODE_OPTIONS ?? DEFAULT_SERVER_NODE_OPTIONS;
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: o.distDir,
    DATABASE_URL: o.url,
    AUTH_SECRET: BENCH_AUTH_SECRET,
    AUTH_URL: `http://127.0.0.1:${o.port}`,
    ...(!forBuild && nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  };
}

/** The production server (server.ts: Next behind the response cache), as `npm start` runs it; `responseCache: false` sets RESPONSE_CACHE=off. */
async function startServer(o: RunOptions, responseCache = true, port = o.port, behindProxy = false): Promise<ChildProcess> {
  const busy = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Port ${port} is already in use: stop what listens there or set BENCH_PORT`);
  log(`server.ts on 127.0.0.1:${port}${responseCache ? "" : " (RESPONSE_CACHE=off)"} …`);
  // compiled as `npm run build` compiles it (a few ms), so the bench runs what production runs
  const compiled = spawnSync("npm", ["run", "build:server"], { cwd: ROOT, encoding: "utf8" });
  if (compiled.status !== 0) throw new Error(`npm run build:server failed:\n${compiled.stdout}${compiled.stderr}`);
  const child = spawn(process.execPath, [join(ROOT, "dist/server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...serverEnv(o),
      HOST: "127.0.0.1",
      PORT: String(port),
      ...(behindProxy ? { TRUST_PROXY: "1" } : {}),
      ...(responseCache ? {} : { RESPONSE_CACHE: "off" }),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  mkdirSync(join(ROOT, "bench/data"), { recursive: true });
  const logFile = createWriteStream(join(ROOT, "bench/data/server.log"));
  const keep = (d: Buffer) => {
    output = (output + d).slice(-20_000);
    logFile.write(d);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      log(`  up (pid ${child.pid}, RSS ${treeRssMb(child.pid!)} MB)`);
      return child;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stopServer(child);
  throw new Error(`the server did not answer /api/health within 60 s:\n${output}`);
}

/**
 * Waits until the server has finished what the previous run left in flight (autocannon stops
 * sending at the deadline, but the server still works through the requests it had accepted):
 * /api/health must answer within 300 ms twice in a row, for at most 120 s.
 */
async function settle(base: string) {
  const deadline = Date.now() + 120_000;
  let good = 0;
  while (Date.now() < deadline && good < 2) {
    const t = performance.now();
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    good = ok && performance.now() - t < 300 ? good + 1 : 0;
    if (good < 2) await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM"); // its own process group (detached): the server and its children
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

// --- facts ---------------------------------------------------------------------------------------
function machineInfo(): BenchResults["machine"] {
  return {
    nproc: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.versions.node,
    postgres: "",
    loadAvgAtStart: loadAvg(),
  };
}

/** The dashboard's default day: the latest day with capacity or stock data. */
async function latestDataDay(url: string): Promise<string> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const r = await db.query<{ d: string }>(
      `SELECT to_char(GREATEST((SELECT max(day) FROM "DailyCapacity"), (SELECT max(day) FROM "StockReport")), 'YYYY-MM-DD') AS d`,
    );
    return r.rows[0].d;
  } finally {
    await db.end();
  }
}

async function tableRows(db: pg.Client): Promise<Record<string, number>> {
  const names = [
    "Region",
    "Hospital",
    "Supplier",
    "DailyCapacity",
    "StockReport",
    "CaseStat",
    "Pledge",
    "PledgeTranche",
    "SupplyRequest",
    "Allocation",
    "Delivery",
    "User",
  ];
  const r = await db.query<{ name: string; n: string }>(
    `SELECT relname AS name, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relname = ANY($1)`,
    [names],
  );
  const out: Record<string, number> = {};
  for (const n of names) out[n] = Math.max(0, Number(r.rows.find((x) => x.name === n)?.n ?? 0));
  return out;
}

function prerenderedRoutes(dist: string): Set<string> {
  try {
    const m = JSON.parse(readFileSync(join(dist, "prerender-manifest.json"), "utf8")) as { routes?: Record<string, unknown> };
    return new Set(Object.keys(m.routes ?? {}));
  } catch {
    return new Set();
  }
}

function git(args: string[]): string {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  return (r.stdout ?? "").trim();
}

export function optionsFromEnv(argv: string[]): RunOptions {
  const num = (name: string, dflt: number) => {
    const v = Number(process.env[name] ?? dflt);
    if (!(v > 0)) throw new Error(`${name} must be a positive number`);
    return v;
  };
  const count = (name: string, dflt: number) => {
    const v = Number(process.env[name] ?? dflt);
    if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number, 0 or more`);
    return v;
  };
  const seconds = num("BENCH_DURATION", 10);
  return {
    url: benchDatabaseUrl(),
    seconds,
    floorSeconds: num("BENCH_FLOOR_DURATION", seconds),
    warmupSeconds: Number(process.env.BENCH_WARMUP ?? 2),
    connections: num("BENCH_CONNECTIONS", 16),
    port: num("BENCH_PORT", 3900),
    distDir: process.env.BENCH_DIST_DIR ?? ".next-bench",
    build: argv.includes("--no-build") ? "never" : process.env.BENCH_REBUILD === "1" ? "always" : "auto",
    lighthouse: argv.includes("--lighthouse"),
    floorsOnly: argv.includes("--floors-only"),
    reportOnly: argv.includes("--report-only"),
    mixed: argv.includes("--mixed-only") ? "only" : argv.includes("--no-mixed") ? "none" : "all",
    mixedSeconds: num("BENCH_MIXED_DURATION", 20),
    mixedReaders: num("BENCH_MIXED_READERS", 16),
    mixedRates: (process.env.BENCH_MIXED_RATES ?? "1,5")
      .split(",")
      .map(Number)
      .filter((x) => x > 0),
    mixedSamples: 20,
    mixedAllocationEvery: Number(process.env.BENCH_MIXED_ALLOCATION_EVERY ?? 5),
    mixedInstances: num("BENCH_MIXED_INSTANCES", 2),
    mixedWriters: count("BENCH_MIXED_WRITERS", 0),
    outJson: join(ROOT, "bench/results.json"),
    outMd: join(ROOT, "bench/results.md"),
    docPath: join(ROOT, "docs/performance.md"),
    scaleNote: process.env.BENCH_SCALE_NOTE ?? "",
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runBench(optionsFromEnv(process.argv.slice(2)));
  process.exit(0);
}
