// `npm run bench:smoke`: the whole harness on a tiny data set, 1 s per measurement — checks that
// generation, the build, the server, the session, every route, the mixed rows (readers and
// writers at once), the floors, the recommender and the report still work. Its numbers mean nothing; it writes bench/data/smoke-results.* only
// (never bench/results.* or docs/performance.md). Not part of `npm test` (it needs a production
// build, which alone takes longer than a test should).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_BENCH_DATABASE_URL } from "./constants";
import { generate } from "./generate";
import { withDatabase } from "./lib/database";
import { optionsFromEnv, runBench } from "./run";

const root = fileURLToPath(new URL("..", import.meta.url));
const url = process.env.BENCH_SMOKE_DATABASE_URL ?? withDatabase(process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL, "oxy_bench_smoke");
const started = performance.now();
await generate({ url, scale: 0.01, days: 30, seed: "smoke", quiet: true });
process.stderr.write(`smoke: data generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const results = await runBench({
  ...optionsFromEnv(process.argv.slice(2)),
  url,
  seconds: 1,
  floorSeconds: 1,
  warmupSeconds: 0,
  mixedSeconds: 2,
  mixedReaders: 2,
  mixedRates: [1, 5],
  mixedSamples: 3,
  mixedInstances: 2,
  lighthouse: false,
  floorsOnly: false,
  reportOnly: false,
  outJson: join(root, "bench/data/smoke-results.json"),
  outMd: join(root, "bench/data/smoke-results.md"),
  docPath: null,
  scaleNote: "Smoke run: tiny data set, 1 s per measurement — the numbers mean nothing.",
});
const problems = [
  ...results.http
    .filter((h) => h.requests === 0 || h.non2xx > 0 || h.errors > 0)
    .map((h) => `${h.path}: ${h.requests} responses, ${h.non2xx} non-2xx, ${h.errors} errors`),
  ...results.floors.filter((f) => f.runs === 0 || f.errors > 0).map((f) => `${f.name}: ${f.runs} runs, ${f.errors} errors`),
  ...(results.mixed?.rows ?? []).flatMap((m) => [
    ...m.readers
      .filter((x) => x.responses === 0 || x.non2xx || x.errors)
      .map((x) => `${m.name} ${x.path}: ${x.responses} responses, ${x.non2xx} non-2xx, ${x.errors} errors`),
    ...(m.writes.ok === 0 || m.writes.failed ? [`${m.name}: ${m.writes.ok} writes ok, ${m.writes.failed} failed ${m.writes.failures.join("; ")}`] : []),
    ...(m.stalenessMs.unseen ? [`${m.name}: ${m.stalenessMs.unseen} writes never seen on the dashboard`] : []),
  ]),
  ...(results.mixed && (!results.mixed.cold || !results.mixed.writeCost) ? ["mixed: no cold dashboard or no CPU per write"] : []),
  ...(results.mixed && !(results.mixed.rows ?? []).some((m) => m.writes.byKind?.some((k) => k.kind === "allocation" && k.ok > 0))
    ? ["mixed: no allocation was written among the writes"]
    : []),
  ...results.notes,
];
process.stderr.write(`smoke: ${problems.length ? `FAILED\n  ${problems.join("\n  ")}` : "ok"} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(problems.length ? 1 : 0);
