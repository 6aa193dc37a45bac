// The benchmark's results as JSON, a markdown table, and the "latest results" section of
// docs/performance.md (only the text between the markers is rewritten; the analysis around it
// is written by hand).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { GenerateResult } from "../generate";
import type { FirstLoad } from "./firstload";
import type { FloorResult } from "./floor";
import type { HttpResult } from "./http";
import type { MixedResults } from "./mixed";
import type { RecommenderResult } from "./recommender-bench";

export type Target = { target: string; threshold: string; measured: string; met: boolean | null };

export type LighthouseScore = {
  page: string;
  formFactor: "desktop" | "mobile";
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
};

export type BenchResults = {
  at: string;
  commit: string;
  dirtyTree: boolean;
  machine: { nproc: number; memoryGb: number; cpu: string; node: string; postgres: string; loadAvgAtStart: number[] };
  settings: { connections: number; seconds: number; warmupSeconds: number; port: number; distDir: string; dbPoolSize: string; scaleNote: string };
  data: { database: string; day: string; rows: Record<string, number> };
  /** what bench:data reported when it generated this database (bench/data/dataset-<db>.json) */
  dataset: GenerateResult | null;
  build: { built: boolean; seconds: number | null };
  http: HttpResult[];
  ceiling: string;
  floors: FloorResult[];
  floorChecks: string[];
  recommender: RecommenderResult | null;
  firstLoad: FirstLoad[];
  peakRssMb: number;
  targets: Target[];
  lighthouse: LighthouseScore[];
  notes: string[];
  /** readers and writers at once (issue 17); absent in runs from before */
  mixed?: MixedResults | null;
  /** when the mixed rows were measured, if apart from the rest (--mixed-only) */
  mixedAt?: string;
  mixedCommit?: string;
};

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const fi = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");
const la = (a: number[]) => a.map((x) => x.toFixed(2)).join(" / ");

export function markdown(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `Run ${r.at} on commit \`${r.commit.slice(0, 10)}\`${r.dirtyTree ? " (working tree had uncommitted changes by others)" : ""}. ` +
      `Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB RAM, Node ${r.machine.node}, ${r.machine.postgres}; ` +
      `load average at start ${la(r.machine.loadAvgAtStart)} (1/5/15 min). ` +
      `${r.settings.connections} connections, ${r.settings.seconds} s per target after ${r.settings.warmupSeconds} s warm-up; app pool DB_POOL_SIZE=${r.settings.dbPoolSize}. ` +
      `Data: database \`${r.data.database}\`${r.dataset ? ` (BENCH_SCALE ${r.dataset.options.scale}, ${r.dataset.options.days} days ${r.dataset.options.firstDay} … ${r.dataset.options.lastDay}, ${fi(r.dataset.totalRows)} rows loaded in ${f1(r.dataset.seconds.load)} s = ${fi(r.dataset.totalRows / r.dataset.seconds.load)} rows/s, ${f1(r.dataset.seconds.total)} s with migrations, indexes and VACUUM ANALYZE)` : ""}, ` +
      `measured on day ${r.data.day}; rows (pg_class estimates): ${Object.entries(r.data.rows)
        .map(([k, v]) => `${k} ${fi(v)}`)
        .join(", ")}. ${r.settings.scaleNote}`,
  );
  out.push("");
  out.push("Latency percentiles and req/s count 2xx responses; non-2xx (e.g. 500 when the app's pool times out) are counted apart.");
  out.push("");
  out.push(
    "| target | kind | req/s | p50 ms | p95 ms | p99 ms | responses | non-2xx | errors | one at a time ms | bytes/resp | peak RSS MB | load avg before → after |",
  );
  out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const h of r.http) {
    out.push(
      `| \`${h.path}\` (${h.name}) | ${h.kind} | ${f1(h.requestsPerSecond)} | ${f1(h.latencyMs.p50)} | ${f1(h.latencyMs.p95)} | ${f1(h.latencyMs.p99)} | ${h.requests} | ${h.non2xx} | ${h.errors + h.timeouts} | ${f1(h.singleMs)} | ${fi(h.bytesPerResponse)} | ${h.peakRssMb} | ${la(h.loadAvgBefore.slice(0, 1))} → ${la(h.loadAvgAfter.slice(0, 1))} |`,
    );
  }
  out.push("");
  out.push("Floors (no HTTP, no rendering; same concurrency):");
  out.push("");
  out.push("| floor | kind | statements | runs/s | p50 ms | p95 ms | p99 ms | rows | errors |");
  out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const f of r.floors)
    out.push(
      `| ${f.name} | ${f.kind} | ${f.statements || "–"} | ${f1(f.runsPerSecond)} | ${f1(f.latencyMs.p50)} | ${f1(f.latencyMs.p95)} | ${f1(f.latencyMs.p99)} | ${f.rows ? fi(f.rows) : "–"} | ${f.errors} |`,
    );
  if (r.floorChecks.length) {
    out.push("");
    for (const c of r.floorChecks) out.push(`- floor check: ${c}`);
  }
  out.push("");
  if (r.recommender) {
    const k = r.recommender;
    out.push(
      `Recommender: ${fi(k.requests)} requests × ${k.sources} sources, median of ${k.runs} runs **${f1(k.medianMs)} ms** (min ${f1(k.minMs)}, max ${f1(k.maxMs)}), ${fi(k.lines)} lines, shortage ${k.isShortage}.`,
    );
    out.push("");
  }
  for (const fl of r.firstLoad)
    out.push(
      `First-load JS of \`${fl.page}\`: **${f1(fl.gzipKb)} kB gzip** (${f1(fl.rawKb)} kB raw, ${fl.chunks} chunks${fl.missing.length ? `, ${fl.missing.length} referenced files not found` : ""}).`,
    );
  out.push("");
  out.push(`Server peak RSS over all HTTP runs (server process tree): **${r.peakRssMb} MB**. Ceiling for the throughput target: ${r.ceiling}.`);
  if (r.mixed) out.push("", mixedMarkdown(r));
  out.push("");
  out.push("| issue target | threshold | measured | met |");
  out.push("|---|---|---|---|");
  for (const t of r.targets)
    out.push(`| ${t.target} | ${t.threshold} | ${t.measured} | ${t.met === null ? "not measured" : t.met ? "**met**" : "**not met**"} |`);
  if (r.notes.length) {
    out.push("");
    for (const n of r.notes) out.push(`- ${n}`);
  }
  return out.join("\n");
}

/** The mixed rows: readers and writers at once, the cold dashboard, the CPU of a write. */
export function mixedMarkdown(r: BenchResults): string {
  const m = r.mixed!;
  const out: string[] = [];
  out.push(
    `Readers and writers at once${r.mixedAt ? ` (measured ${r.mixedAt} on commit \`${(r.mixedCommit ?? "").slice(0, 10)}\`, apart from the rows above)` : ""}: ` +
      "each reader connection has a session of its own; writes are hospitals' first stock reports of the day, posted to the stock form's server action at a fixed rate, " +
      "mixed with staff allocations posted to the allocation form's server action from the request's page (the mix is in the writes table below); " +
      "staleness is from a stock report's acknowledgement to the end of the first dashboard response (one probe session, one request after another) that counts it.",
  );
  out.push("");
  out.push(
    "| row | servers | reader path | connections | req/s | p50 ms | p95 ms | p99 ms | non-2xx | writes/s achieved (target) | write p50 / p95 ms | failed writes | staleness p50 / p95 / max ms (seen of acked) | peak RSS MB | load avg before → after |",
  );
  out.push("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---|---:|---|");
  for (const row of m.rows)
    for (const rd of row.readers)
      out.push(
        `| ${row.name} | ${row.servers} | \`${rd.path}\` | ${rd.connections} | ${f1(rd.requestsPerSecond)} | ${f1(rd.latencyMs.p50)} | ${f1(rd.latencyMs.p95)} | ${f1(rd.latencyMs.p99)} | ${rd.non2xx + rd.errors} | ` +
          `${row.writes.achievedPerSecond} (${row.writesPerSecondTarget}) | ${f1(row.writes.latencyMs.p50)} / ${f1(row.writes.latencyMs.p95)} | ${row.writes.failed}${row.writes.failures.length ? ` (${row.writes.failures[0]})` : ""} | ` +
          `${f1(row.stalenessMs.p50)} / ${f1(row.stalenessMs.p95)} / ${f1(row.stalenessMs.max)} (${row.stalenessMs.samples} of ${row.stalenessMs.samples + row.stalenessMs.unseen}) | ${row.peakRssMb} | ${la(row.loadAvgBefore.slice(0, 1))} → ${la(row.loadAvgAfter.slice(0, 1))} |`,
      );
  out.push("");
  const kinds = m.rows.filter((row) => row.writes.byKind?.length);
  if (kinds.length) {
    out.push(
      "Writes by kind:",
      "",
      "| row | servers | mix | kind | attempted | ok | achieved /s | p50 ms | p95 ms | p99 ms | first failure |",
      "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const row of kinds)
      for (const k of row.writes.byKind!)
        out.push(
          `| ${row.name} | ${row.servers} | ${row.writes.mix ?? ""} | ${k.kind} | ${k.attempted} | ${k.ok} | ${k.achievedPerSecond} | ${f1(k.latencyMs.p50)} | ${f1(k.latencyMs.p95)} | ${f1(k.latencyMs.p99)} | ${k.failures[0] ?? ""} |`,
        );
    out.push("");
  }
  if (m.cold)
    out.push(
      `Cold dashboard (${m.cold.servers}): one stock report, then one \`/dashboard\` request, ${m.cold.samples} times: median **${f1(m.cold.medianMs)} ms** (p95 ${f1(m.cold.p95Ms)} ms; the write itself ${f1(m.cold.writeMs)} ms median).`,
    );
  if (m.clusterCold)
    out.push(
      `Cold dashboard (${m.clusterCold.servers}): median **${f1(m.clusterCold.medianMs)} ms** (p95 ${f1(m.clusterCold.p95Ms)} ms; the write ${f1(m.clusterCold.writeMs)} ms median).`,
    );
  if (m.clusterWriteCost)
    out.push(
      `CPU of one stock report (${m.clusterWriteCost.servers}): app servers ${f1(m.clusterWriteCost.serverCpuMsPerWrite)} ms, PostgreSQL backends ${f1(m.clusterWriteCost.databaseCpuMsPerWrite)} ms.`,
    );
  if (m.writeCost)
    out.push(
      `CPU of one stock report (${m.writeCost.servers}, ${m.writeCost.writes} writes one at a time, no readers): app server **${f1(m.writeCost.serverCpuMsPerWrite)} ms**, PostgreSQL backends **${f1(m.writeCost.databaseCpuMsPerWrite)} ms** (from /proc); latency p50 ${f1(m.writeCost.latencyMs.p50)} ms.`,
    );
  if (m.allocationCost)
    out.push(
      `CPU of one allocation (${m.allocationCost.servers}, ${m.allocationCost.writes} one at a time, no readers): app server **${f1(m.allocationCost.serverCpuMsPerWrite)} ms**, PostgreSQL backends **${f1(m.allocationCost.databaseCpuMsPerWrite)} ms**; latency p50 ${f1(m.allocationCost.latencyMs.p50)} ms.`,
    );
  return out.join("\n");
}

export function lighthouseMarkdown(scores: LighthouseScore[], at: string, loadAvg: number[]): string {
  const s = (x: number | null) => (x === null ? "–" : x.toFixed(2));
  const out = [
    `Lighthouse 12.8 (npm), Debian Chromium headless, ${at}, load average ${la(loadAvg)}; each page once per form factor (mobile scores on 2 shared cores are noisy).`,
    "",
    "| page | form factor | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const l of scores)
    out.push(
      `| \`${l.page}\` | ${l.formFactor} | ${s(l.performance)} | ${s(l.accessibility)} | ${s(l.bestPractices)} | ${s(l.seo)} | ${l.lcpMs === null ? "–" : fi(l.lcpMs)} | ${l.tbtMs === null ? "–" : fi(l.tbtMs)} | ${l.cls === null ? "–" : l.cls.toFixed(3)} |`,
    );
  return out.join("\n");
}

const SKELETON = `# Performance at national scale

How fast the app is on a generated national data set, measured by \`npm run bench\` (see
\`bench/\`). The tables between the markers are rewritten by each run; the rest is written by hand.

## Commands

\`\`\`bash
npm run bench:data      # generate the national data set into oxy_bench (BENCH_DATABASE_URL, BENCH_SCALE)
npm run bench           # build (if needed) into .next-bench, start on 127.0.0.1:3900, measure, write bench/results.*
npm run bench -- --lighthouse   # also Lighthouse (desktop and mobile) on /dashboard and /login
npm run bench:smoke     # tiny data set, 1 s per measurement: checks the harness works
\`\`\`

## Latest results

<!-- bench:results:start -->
<!-- bench:results:end -->

## Lighthouse

<!-- bench:lighthouse:start -->
<!-- bench:lighthouse:end -->
`;

export function replaceBetween(text: string, key: string, body: string): string {
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return `${text.trimEnd()}\n\n${start}\n${body}\n${end}\n`;
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

export function updateDoc(path: string, key: "results" | "lighthouse", body: string) {
  const text = existsSync(path) ? readFileSync(path, "utf8") : SKELETON;
  writeFileSync(path, replaceBetween(text, key, body));
}
