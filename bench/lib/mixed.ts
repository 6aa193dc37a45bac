// The surge (issue 17): readers and writers at once, through the app's HTTP interface.
//
// Readers: `readers` connections on /dashboard and as many on /api/v1/summary, each connection
// with a session of its own (a server-side session row and its JWT, as after a login), so
// the response cache holds one entry per reader as it would for that many officials.
// Writers: hospital stock reports posted to the stock form's server action (the Next-Action
// header with the id from the build's server-reference manifest, the body as React encodes
// [prevState, FormData]) at a fixed rate, each write at its own scheduled time (open loop: a
// slow write does not delay the next one). Every `allocationEvery`-th write is instead a staff
// allocation (1 t from a producer's supply of the day to an approved request), posted to the
// allocation form's server action from the request's page as the browser posts it (default
// every 5th: 4 stock reports to 1 allocation); rate and latency are reported per kind.
// Staleness: every stock report is a hospital's FIRST report of the dashboard's day (the bench deletes
// those hospitals' reports of the day beforehand and the writes put the same figures back), so
// the headline's "k of n hospitals reporting" grows by one per committed write. A probe with a
// session of its own asks for /dashboard one request after another; the staleness of the j-th
// acknowledged stock report is the time from its acknowledgement to the end of the first probe
// response that counts at least j new reports. (The commit precedes the acknowledgement by the
// time the answer takes to come back — under a millisecond on the loopback.)
// Also: a cold dashboard (one write, then one request; median of 20) and the CPU of one write
// (server process tree and the database's backends from /proc, writes one at a time, no readers).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { LIVE_SECTIONS_FIELD } from "../../src/components/forms/live-sections-field";
import { BENCH_AUTH_SECRET, BENCH_EMAILS } from "../constants";
import { backendPids, cpuSnapshot, cpuSpentMs, processTree } from "./cpu";
import { loadAvg, rssPoller, stats, type LatencyStats } from "./http";

export type MixedRow = {
  name: string;
  /** what serves the requests: "1 instance", "2 instances behind HAProxy" */
  servers: string;
  writesPerSecondTarget: number;
  seconds: number;
  readers: { path: string; connections: number; responses: number; requestsPerSecond: number; latencyMs: LatencyStats; non2xx: number; errors: number }[];
  /** every write, whatever its kind */
  writes: WriteStats & {
    /** "4 stock reports : 1 allocation" */
    mix?: string;
    byKind?: (WriteStats & { kind: WriteKind })[];
  };
  stalenessMs: LatencyStats & { samples: number; unseen: number };
  peakRssMb: number;
  loadAvgBefore: number[];
  loadAvgAfter: number[];
};

export type MixedResults = {
  rows: MixedRow[];
  cold: { servers: string; samples: number; medianMs: number; p95Ms: number; writeMs: number } | null;
  writeCost: WriteCost | null;
  /** the CPU of one allocation, measured as that of a stock report */
  allocationCost?: WriteCost | null;
  /** the same through several servers behind the balancer */
  clusterCold?: MixedResults["cold"];
  clusterWriteCost?: WriteCost | null;
};

export type WriteKind = "stock report" | "allocation";

export type WriteStats = { attempted: number; ok: number; failed: number; achievedPerSecond: number; latencyMs: LatencyStats; failures: string[] };

export type WriteCost = { servers: string; writes: number; serverCpuMsPerWrite: number; databaseCpuMsPerWrite: number; latencyMs: LatencyStats };

export type MixedOptions = {
  base: string;
  url: string;
  /** the dashboard's default day (the latest capacity day) */
  day: string;
  distDir: string;
  /** root pids of the app servers (their trees are measured) */
  serverPids: number[];
  servers: string;
  seconds: number;
  readers: number;
  rates: number[];
  coldSamples: number;
  costWrites: number;
  /** every n-th write is an allocation (5: 4 stock reports to 1 allocation; 0: stock reports only) */
  allocationEvery: number;
  log: (s: string) => void;
};

type Writer = {
  hospitalId: string;
  cookie: string;
  fields: { stockKg: number; usedKg: number; severePatients: number; criticalPatients: number; bedsOccupied: number };
};

/** A staff allocation of 1 t to `requestId` from `sourceId` ("supply:<supplierId>") on the bench's day. */
type Allocator = { requestId: string; sourceId: string; cookie: string };

const ALLOCATION_KG = 1000;

const SESSION_COOKIE = "authjs.session-token";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mint(claims: Record<string, unknown>): Promise<string> {
  return `${SESSION_COOKIE}=${await encode({ token: claims, secret: BENCH_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 8 * 3600 })}`;
}

/** A live server-side session of `userId` (decision 0023: a cookie without one is refused). */
export async function benchSession(db: pg.Client, userId: string, sid: string): Promise<string> {
  await db.query(
    `INSERT INTO "UserSession" (id, "userId", "createdAt", "lastSeenAt") VALUES ($1, $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
     ON CONFLICT (id) DO UPDATE SET "userId" = EXCLUDED."userId", "createdAt" = EXCLUDED."createdAt", "lastSeenAt" = EXCLUDED."lastSeenAt"`,
    [sid, userId],
  );
  return sid;
}

/** `n` distinct live sessions of the bench's STAFF and OFFICIAL users (server-side rows + JWTs). */
async function readerCookies(db: pg.Client, n: number): Promise<string[]> {
  const users = (
    await db.query<{ id: string; name: string; email: string; role: string }>(
      `SELECT id, name, email, role::text FROM "User" WHERE email = ANY($1) ORDER BY email`,
      [[BENCH_EMAILS.staff, BENCH_EMAILS.official]],
    )
  ).rows;
  if (users.length === 0) throw new Error("the bench STAFF and OFFICIAL users are missing: regenerate the data set");
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = users[i % users.length];
    const sid = await benchSession(db, u.id, `bench-mixed-reader-${i}`);
    out.push(await mint({ sub: u.id, sid, name: u.name, email: u.email, role: u.role, hospitalId: null }));
  }
  return out;
}

/**
 * The next `n` hospitals (by id, after `offset`) that reported on `day` and have a hospital
 * user: their reports of the day are deleted (the bench database only) and kept as what their
 * writes will post again, so every write is a first report of the day.
 */
async function takeWriters(db: pg.Client, day: string, offset: number, n: number): Promise<Writer[]> {
  const rows = (
    await db.query<{
      hospitalId: string;
      userId: string;
      name: string;
      email: string;
      stockKg: number;
      usedKg: number;
      severePatients: number;
      criticalPatients: number;
      bedsOccupied: number;
    }>(
      `SELECT h.id AS "hospitalId", u.id AS "userId", u.name, u.email, s."stockKg", s."usedKg", s."severePatients", s."criticalPatients", s."bedsOccupied"
         FROM "StockReport" s
         JOIN "Hospital" h ON h.id = s."hospitalId" AND h.active
         JOIN LATERAL (SELECT id, name, email FROM "User" WHERE "hospitalId" = h.id AND role = 'HOSPITAL' AND active ORDER BY id LIMIT 1) u ON true
        WHERE s.day = $1::date AND NOT s."flaggedForReview" AND (h."tankCapacityKg" = 0 OR s."stockKg" <= h."tankCapacityKg")
        ORDER BY h.id OFFSET $2 LIMIT $3`,
      [day, offset, n],
    )
  ).rows;
  await db.query(`DELETE FROM "StockReport" WHERE day = $1::date AND "hospitalId" = ANY($2)`, [day, rows.map((r) => r.hospitalId)]);
  // The app servers' caches know nothing of this delete: tell them as a write would (decision 0034).
  await db.query(`SELECT pg_notify('oxygen_reads_changed', 'bench')`);
  const writers: Writer[] = [];
  for (const r of rows)
    writers.push({
      hospitalId: r.hospitalId,
      cookie: await mint({
        sub: r.userId,
        sid: await benchSession(db, r.userId, `bench-mixed-writer-${r.userId}`),
        name: r.name,
        email: r.email,
        role: "HOSPITAL",
        hospitalId: r.hospitalId,
      }),
      fields: { stockKg: r.stockKg, usedKg: r.usedKg, severePatients: r.severePatients, criticalPatients: r.criticalPatients, bedsOccupied: r.bedsOccupied },
    });
  return writers;
}

/** Posts one stock report through the stock form's server action, as the browser's form does. */
function postReport(base: string, id: string, day: string, w: Writer) {
  const fields: Record<string, string> = { day, unit: "KG", ...Object.fromEntries(Object.entries(w.fields).map(([k, v]) => [k, String(v)])) };
  return postAction(`${base}/my-hospital`, base, id, w.cookie, fields);
}

/**
 * `n` allocations the app will accept: approved requests still short of at least twice what is
 * allocated (what they have covered, approximated by their live allocations), each given 1 t
 * from the producers' or distributors' supply of `day` that has the most left (greedily, with
 * room to spare), by the bench's STAFF user. Requests already used (`used`) are not taken again.
 */
async function takeAllocations(db: pg.Client, day: string, n: number, used: Set<string>): Promise<Allocator[]> {
  if (n <= 0) return [];
  const staff = (await db.query<{ id: string; name: string; email: string }>(`SELECT id, name, email FROM "User" WHERE email = $1`, [BENCH_EMAILS.staff]))
    .rows[0];
  if (!staff) throw new Error("the bench STAFF user is missing: regenerate the data set");
  const cookie = await mint({
    sub: staff.id,
    sid: await benchSession(db, staff.id, "bench-mixed-allocator"),
    name: staff.name,
    email: staff.email,
    role: "STAFF",
    hospitalId: null,
  });
  const requests = (
    await db.query<{ id: string }>(
      `SELECT r.id FROM "SupplyRequest" r
        WHERE r.status IN ('APPROVED', 'ALLOCATED') AND r."approvedKg" IS NOT NULL AND NOT (r.id = ANY($2))
          AND r."approvedKg" - COALESCE((SELECT sum(a.kg) FROM "Allocation" a WHERE a."requestId" = r.id AND a.status <> 'CANCELLED'), 0) >= $3
        ORDER BY r.id LIMIT $1`,
      [n, [...used], 2 * ALLOCATION_KG],
    )
  ).rows;
  const sources = (
    await db.query<{ supplierId: string; free: string }>(
      `SELECT c."supplierId", c."medicalKg" - COALESCE((SELECT sum(a.kg) FROM "Allocation" a WHERE a."supplierId" = c."supplierId" AND a.day = c.day AND a.status <> 'CANCELLED'), 0) AS free
         FROM "DailyCapacity" c JOIN "Supplier" s ON s.id = c."supplierId"
        WHERE c.day = $1::date AND s.active AND s.kind IN ('PRODUCER', 'DISTRIBUTOR')
        ORDER BY free DESC LIMIT 50`,
      [day],
    )
  ).rows.map((s) => ({ id: s.supplierId, free: Number(s.free) / 2 })); // half: tranche trips of the day take from it too
  const out: Allocator[] = [];
  for (const r of requests) {
    const src = sources.sort((a, b) => b.free - a.free)[0];
    if (!src || src.free < ALLOCATION_KG) break;
    src.free -= ALLOCATION_KG;
    used.add(r.id);
    out.push({ requestId: r.id, sourceId: `supply:${src.id}`, cookie });
  }
  return out;
}

/** The id of a server action exported as `name`, from the build's manifest. */
function actionId(distDir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`${name} is not in the build's server reference manifest`);
  return id;
}

/** Posts a form's fields to a server action as the browser does: [prevState, FormData], React's encoding. */
async function postAction(
  url: string,
  origin: string,
  id: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<{ ok: boolean; ms: number; why: string }> {
  const fd = new FormData();
  // as a hydrated form posts it: the action then answers with the parts of the page it changed (decision 0050)
  for (const [k, v] of Object.entries({ ...fields, [LIVE_SECTIONS_FIELD]: "1" })) fd.set(`_1_${k}`, v);
  fd.set("0", JSON.stringify([{}, "$K1"])); // the root last
  const t = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers: { "Next-Action": id, Cookie: cookie, Origin: origin, Accept: "text/x-component" }, body: fd });
    const text = await res.text();
    const ms = performance.now() - t;
    const ok = res.status === 200 && /"ok":true/.test(text);
    return { ok, ms, why: ok ? "" : `${res.status} ${(/"error":"(\w+)"/.exec(text)?.[1] ?? text.slice(0, 80)).replace(/\s+/g, " ")}` };
  } catch (e) {
    return { ok: false, ms: performance.now() - t, why: String((e as Error).message) };
  }
}

/** Posts one allocation through the allocation form's server action, from the request's page. */
function postAllocation(base: string, id: string, day: string, a: Allocator) {
  return postAction(`${base}/requests/${encodeURIComponent(a.requestId)}`, base, id, a.cookie, {
    day,
    "lines[0].requestId": a.requestId,
    "lines[0].sourceId": a.sourceId,
    "lines[0].kg": String(ALLOCATION_KG / 1000), // tonnes, as typed
    "lines[0].reason": "",
  });
}

/** "k of n hospitals reporting" on a dashboard page: k, or null when the page has no such line. */
export function reportingCount(html: string): number | null {
  const m = /data-testid="reporting"[^>]*>([^<]*)</.exec(html);
  const k = m ? /\d[\d.,\u00a0]*/.exec(m[1]) : null;
  return k ? Number(k[0].replace(/[^\d]/g, "")) : null;
}

/** One dashboard request; a connection that breaks counts as status 0 (never thrown: the run goes on). */
async function getDashboard(base: string, cookie: string): Promise<{ ms: number; count: number | null; status: number }> {
  const t = performance.now();
  try {
    const res = await fetch(`${base}/dashboard`, { headers: { cookie, "accept-encoding": "gzip" }, redirect: "manual" });
    const html = await res.text();
    return { ms: performance.now() - t, count: res.status === 200 ? reportingCount(html) : null, status: res.status };
  } catch {
    return { ms: performance.now() - t, count: null, status: 0 };
  }
}

export async function measureMixed(o: MixedOptions): Promise<MixedResults> {
  const dbName = new URL(o.url).pathname.slice(1);
  if (!dbName.includes("bench")) throw new Error(`the mixed run deletes and rewrites stock reports: only in a bench database, not ${dbName}`);
  const db = new pg.Client({ connectionString: o.url });
  await db.connect();
  const ids = { stock: actionId(o.distDir, "submitStockAction"), allocate: actionId(o.distDir, "allocateAction") };
  const cookies = await readerCookies(db, 2 * o.readers + 2);
  const probeCookie = cookies[2 * o.readers];
  const coldCookie = cookies[2 * o.readers + 1];
  const allocated = new Set<string>();
  let offset = 0;
  const take = async (n: number) => {
    const w = await takeWriters(db, o.day, offset, n);
    offset += w.length;
    await sleep(200); // the servers' caches emptied by the notification
    return w;
  };
  const rows: MixedRow[] = [];
  try {
    for (const rate of o.rates) {
      o.log(`  mixed: ${o.readers}+${o.readers} readers, ${rate} writes/s, ${o.seconds} s (${o.servers}) …`);
      const total = Math.ceil(rate * o.seconds);
      const allocations = o.allocationEvery > 0 ? Math.floor(total / o.allocationEvery) : 0;
      const allocators = await takeAllocations(db, o.day, allocations + 1, allocated);
      const writers = await take(total - allocators.length + 2);
      if (writers.length === 0) throw new Error(`no hospital left to write a first report of ${o.day}`);
      if (allocators.length < allocations) o.log(`    only ${allocators.length} of ${allocations} allocations could be set up: the rest are stock reports`);
      rows.push(await mixedRow(o, rate, writers, allocators, cookies, probeCookie, ids));
      await sleep(1000);
    }

    // --- a cold dashboard: one write, then one request --------------------------------------
    o.log(`  cold dashboard after a write, ${o.coldSamples} times …`);
    const coldWriters = await take(o.coldSamples);
    const coldMs: number[] = [];
    const coldWriteMs: number[] = [];
    await getDashboard(o.base, coldCookie); // the session row is read once
    for (const w of coldWriters) {
      const r = await postReport(o.base, ids.stock, o.day, w);
      coldWriteMs.push(r.ms);
      await sleep(50); // a notification reaches the other instances (behind a balancer)
      coldMs.push((await getDashboard(o.base, coldCookie)).ms);
    }
    const cs = stats(coldMs);
    const cold = coldMs.length ? { servers: o.servers, samples: coldMs.length, medianMs: cs.p50, p95Ms: cs.p95, writeMs: stats(coldWriteMs).p50 } : null;

    // --- CPU of one write: no readers, writes one at a time ----------------------------------
    o.log(`  CPU per write, ${o.costWrites} stock reports${o.allocationEvery > 0 ? ` and ${o.costWrites} allocations` : ""} …`);
    const costWriters = await take(o.costWrites);
    const writeCost = await cpuPerWrite(
      o,
      db,
      dbName,
      costWriters.map((w) => () => postReport(o.base, ids.stock, o.day, w)),
    );
    const costAllocators = o.allocationEvery > 0 ? await takeAllocations(db, o.day, o.costWrites, allocated) : [];
    const allocationCost = costAllocators.length
      ? await cpuPerWrite(
          o,
          db,
          dbName,
          costAllocators.map((a) => () => postAllocation(o.base, ids.allocate, o.day, a)),
        )
      : null;
    return { rows, cold, writeCost, allocationCost };
  } finally {
    await db.end();
  }
}

/** The CPU (app server tree, database backends, from /proc) of `posts` run one at a time, no readers, per write. */
async function cpuPerWrite(o: MixedOptions, db: pg.Client, dbName: string, posts: (() => Promise<{ ok: boolean; ms: number }>)[]): Promise<WriteCost | null> {
  await sleep(1000);
  const serverPids = o.serverPids.flatMap((p) => processTree(p));
  const dbPidsBefore = await backendPids(db, dbName);
  const s0 = cpuSnapshot(serverPids);
  const d0 = cpuSnapshot(dbPidsBefore);
  const costMs: number[] = [];
  for (const post of posts) {
    const r = await post();
    if (r.ok) costMs.push(r.ms);
  }
  const s1 = cpuSnapshot(serverPids);
  const d1 = cpuSnapshot([...new Set([...dbPidsBefore, ...(await backendPids(db, dbName))])]);
  const n = Math.max(1, costMs.length);
  return costMs.length
    ? {
        servers: o.servers,
        writes: costMs.length,
        serverCpuMsPerWrite: Math.round((10 * cpuSpentMs(s0, s1)) / n) / 10,
        databaseCpuMsPerWrite: Math.round((10 * cpuSpentMs(d0, d1)) / n) / 10,
        latencyMs: stats(costMs),
      }
    : null;
}

/** Rate, latency and the first failures of one kind of write (or of all). */
function writeStats(attempted: number, ms: number[], failures: string[], seconds: number): WriteStats {
  return {
    attempted,
    ok: ms.length,
    failed: attempted - ms.length,
    achievedPerSecond: Math.round((ms.length / seconds) * 100) / 100,
    latencyMs: stats(ms),
    failures: failures.slice(0, 5),
  };
}

async function mixedRow(
  o: MixedOptions,
  rate: number,
  writers: Writer[],
  allocators: Allocator[],
  cookies: string[],
  probeCookie: string,
  ids: { stock: string; allocate: string },
): Promise<MixedRow> {
  const before = await getDashboard(o.base, probeCookie);
  if (before.count === null) throw new Error(`the dashboard shows no "hospitals reporting" line (status ${before.status})`);
  const baseline = before.count;
  const loadAvgBefore = loadAvg();
  const rss = o.serverPids.map((p) => rssPoller(p));
  const started = performance.now();
  const deadline = started + o.seconds * 1000;

  // readers: one session per connection
  const reader = (path: string, sessions: string[]) => {
    const latencies: number[] = [];
    let next = 0;
    let non2xx = 0;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      const inst = autocannon(
        {
          url: `${o.base}${path}`,
          connections: sessions.length,
          duration: o.seconds,
          timeout: 30,
          headers: { "accept-encoding": "gzip" },
          setupClient: (client) => client.setHeaders({ cookie: sessions[next++ % sessions.length], "accept-encoding": "gzip" }),
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      inst.on("response", (_c, status, _bytes, ms) => {
        if (status >= 200 && status < 300) latencies.push(ms);
        else non2xx++;
      });
    });
    return { path, connections: sessions.length, latencies, done, non2xx: () => non2xx };
  };
  const readers = [reader("/dashboard", cookies.slice(0, o.readers)), reader("/api/v1/summary", cookies.slice(o.readers, 2 * o.readers))];

  // writers: open loop at `rate` per second, every `allocationEvery`-th an allocation (while any is left)
  const acks: number[] = []; // acknowledged stock reports (the dashboard counts them)
  const kinds: Record<WriteKind, { attempted: number; ms: number[]; failures: string[] }> = {
    "stock report": { attempted: 0, ms: [], failures: [] },
    allocation: { attempted: 0, ms: [], failures: [] },
  };
  const inFlight: Promise<void>[] = [];
  const writing = (async () => {
    let nextReport = 0;
    let nextAllocation = 0;
    for (let i = 0; ; i++) {
      const at = started + (i * 1000) / rate;
      if (at >= deadline) break;
      const kind: WriteKind =
        o.allocationEvery > 0 && i % o.allocationEvery === o.allocationEvery - 1 && nextAllocation < allocators.length ? "allocation" : "stock report";
      if (kind === "stock report" && nextReport >= writers.length) break;
      await sleep(Math.max(0, at - performance.now()));
      const k = kinds[kind];
      k.attempted++;
      const post =
        kind === "allocation"
          ? postAllocation(o.base, ids.allocate, o.day, allocators[nextAllocation++])
          : postReport(o.base, ids.stock, o.day, writers[nextReport++]);
      inFlight.push(
        post.then((r) => {
          if (r.ok) {
            k.ms.push(r.ms);
            if (kind === "stock report") acks.push(performance.now());
          } else k.failures.push(r.why);
        }),
      );
    }
    await Promise.all(inFlight);
  })();

  // the staleness probe: one dashboard request after another
  // (until every acknowledged stock report has been seen, or 30 s after the last write came back)
  const seen: { at: number; count: number }[] = [];
  let writesDone = 0;
  const probing = (async () => {
    for (;;) {
      const r = await getDashboard(o.base, probeCookie);
      if (r.count !== null) seen.push({ at: performance.now(), count: r.count - baseline });
      if (writesDone && ((seen.length && seen[seen.length - 1].count >= acks.length) || performance.now() > writesDone + 30_000)) break;
    }
  })();

  const results = await Promise.all(readers.map((r) => r.done));
  await writing;
  writesDone = performance.now();
  await probing;
  const elapsed = (performance.now() - started) / 1000;
  const staleness: number[] = [];
  let unseen = 0;
  acks.sort((a, b) => a - b);
  acks.forEach((ack, j) => {
    const shown = seen.find((s) => s.at >= ack && s.count >= j + 1);
    if (shown) staleness.push(shown.at - ack);
    else unseen++;
  });
  return {
    name: `mixed, ${rate} write${rate === 1 ? "" : "s"}/s`,
    servers: o.servers,
    writesPerSecondTarget: rate,
    seconds: Math.round(elapsed * 10) / 10,
    readers: readers.map((r, i) => ({
      path: r.path,
      connections: r.connections,
      responses: r.latencies.length + r.non2xx(),
      requestsPerSecond: Math.round((r.latencies.length / o.seconds) * 10) / 10,
      latencyMs: stats(r.latencies),
      non2xx: r.non2xx(),
      errors: results[i].errors + results[i].timeouts,
    })),
    writes: {
      ...writeStats(
        kinds["stock report"].attempted + kinds.allocation.attempted,
        [...kinds["stock report"].ms, ...kinds.allocation.ms],
        [...kinds["stock report"].failures, ...kinds.allocation.failures],
        o.seconds,
      ),
      mix: o.allocationEvery > 0 ? `${o.allocationEvery - 1} stock reports : 1 allocation` : "stock reports only",
      byKind: (Object.keys(kinds) as WriteKind[]).map((kind) => ({
        kind,
        ...writeStats(kinds[kind].attempted, kinds[kind].ms, kinds[kind].failures, o.seconds),
      })),
    },
    stalenessMs: { ...stats(staleness), samples: staleness.length, unseen },
    peakRssMb: Math.max(...rss.map((p) => p.stop())),
    loadAvgBefore,
    loadAvgAfter: loadAvg(),
  };
}
