// HTTP load with autocannon (fixed connections and duration, loopback only), every response's
// latency kept for exact percentiles, and the server process tree's resident memory polled.
import { treeRssMb } from "../../scripts/lib/process-rss";
import { loadavg } from "node:os";
import autocannon from "autocannon";

export type LatencyStats = { p50: number; p95: number; p99: number; mean: number; max: number };

export type HttpResult = {
  name: string;
  path: string;
  kind: string;
  connections: number;
  seconds: number;
  /** responses received (any status) */
  requests: number;
  /** 2xx responses per second */
  requestsPerSecond: number;
  /** over the 2xx responses only (an error page can be fast or slow: it is counted in non2xx) */
  latencyMs: LatencyStats;
  /** over every response, errors included */
  latencyAllMs?: LatencyStats;
  /** one request at a time, no other load: median of 3 (after the warm-up) */
  singleMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  peakRssMb: number;
  loadAvgBefore: number[];
  loadAvgAfter: number[];
};

export function stats(values: number[]): LatencyStats {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, mean: NaN, max: NaN };
  const v = Float64Array.from(values).sort();
  const at = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))];
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { p50: r2(at(0.5)), p95: r2(at(0.95)), p99: r2(at(0.99)), mean: r2(v.reduce((s, x) => s + x, 0) / v.length), max: r2(v[v.length - 1]) };
}

export const loadAvg = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** Polls the tree's RSS every 200 ms until stopped; returns the peak. */
export function rssPoller(pid: number | null) {
  let peak = pid ? treeRssMb(pid) : 0;
  const timer = pid ? setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 200) : null;
  return {
    stop() {
      if (timer) clearInterval(timer);
      if (pid) peak = Math.max(peak, treeRssMb(pid));
      return peak;
    },
  };
}

export async function measureHttp(opts: {
  name: string;
  kind: string;
  base: string;
  path: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  serverPid: number | null;
}): Promise<HttpResult> {
  const url = new URL(opts.path, opts.base);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") throw new Error("The benchmark only loads the loopback interface");
  if (opts.warmupSeconds > 0) {
    await autocannon({ url: url.toString(), connections: Math.min(4, opts.connections), duration: opts.warmupSeconds, headers: opts.headers, timeout: 30 });
  }
  const singles: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: opts.headers, redirect: "manual" });
    await res.arrayBuffer();
    singles.push(performance.now() - t);
  }
  const singleMs = stats(singles).p50;
  // autocannon drops the responses still in flight when the duration ends: a run shorter than one
  // round of `connections` concurrent requests counts nothing (the smoke run's 1 s on a 0.3 s
  // page at 16 connections gave "0 responses"). Run for at least two such rounds (≤ 60 s).
  const seconds = Math.max(opts.seconds, Math.min(60, Math.ceil((2 * singleMs * opts.connections) / 1000)));
  const loadAvgBefore = loadAvg();
  const latencies: number[] = [];
  const okLatencies: number[] = [];
  let bytes = 0;
  const rss = rssPoller(opts.serverPid);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: url.toString(), connections: opts.connections, duration: seconds, headers: opts.headers, timeout: 30 }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, status, resBytes, responseTime) => {
      latencies.push(responseTime);
      if (status >= 200 && status < 300) okLatencies.push(responseTime);
      bytes += resBytes;
    });
  });
  const elapsed = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  return {
    name: opts.name,
    path: opts.path,
    kind: opts.kind,
    connections: opts.connections,
    seconds: Math.round(elapsed * 10) / 10,
    requests: latencies.length,
    requestsPerSecond: Math.round((okLatencies.length / elapsed) * 10) / 10,
    latencyMs: stats(okLatencies),
    latencyAllMs: stats(latencies),
    singleMs,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    peakRssMb,
    loadAvgBefore,
    loadAvgAfter: loadAvg(),
  };
}
