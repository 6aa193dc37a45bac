import { describe, expect, it, vi } from "vitest";
import { MemoCache, cached, invalidateReads, serverCache } from "@/server/cache";

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("MemoCache", () => {
  it("computes once per key and serves the hit", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10 });
    const fn = vi.fn(async (day: string, range: number) => ({ day, range }));
    const read = c.wrap("dashboardData", fn);
    const a = await read("2022-02-28", 30);
    const b = await read("2022-02-28", 30);
    expect(b).toBe(a);
    expect(fn).toHaveBeenCalledTimes(1);
    await read("2022-02-28", 90); // other arguments, other entry
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("shares one computation between concurrent misses", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10 });
    let release!: (v: number) => void;
    const fn = vi.fn(() => new Promise<number>((r) => (release = r)));
    const read = c.wrap("slow", fn);
    const both = Promise.all([read(), read()]);
    release(42);
    expect(await both).toEqual([42, 42]);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("serves an entry for the TTL and recomputes once it is older", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now });
    let n = 0;
    const read = c.wrap("summaryFor", async () => ++n);
    expect(await read()).toBe(1);
    t.advance(30_000);
    expect(await read()).toBe(1);
    t.advance(1);
    expect(await read()).toBe(2);
    t.advance(1); // served from the fresh entry's own start, not the first one's
    expect(await read()).toBe(2);
  });

  it("a computation that fails after invalidate() does not drop the newer entry", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10 });
    let fail!: (e: Error) => void;
    const first = c.get("k", () => new Promise<number>((_, reject) => (fail = reject)));
    c.invalidate();
    const compute = vi.fn(async () => 2);
    expect(await c.get("k", compute)).toBe(2);
    fail(new Error("pool timeout"));
    await expect(first).rejects.toThrow("pool timeout");
    expect(await c.get("k", compute)).toBe(2);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("forgets everything on invalidate() and bumps the generation", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10 });
    let n = 0;
    const read = c.wrap("x", async () => ++n);
    await read();
    const g = c.generation;
    c.invalidate();
    expect(c.generation).toBe(g + 1);
    expect(c.size).toBe(0);
    expect(await read()).toBe(2);
  });

  it("never caches a failure", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10 });
    let n = 0;
    const read = c.wrap("flaky", async () => {
      if (++n === 1) throw new Error("pool timeout");
      return n;
    });
    await expect(read()).rejects.toThrow("pool timeout");
    expect(await read()).toBe(2);
  });

  it("holds at most maxEntries, dropping the least recently used", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 3 });
    const fn = vi.fn(async (k: number) => k);
    const read = c.wrap("k", fn);
    await read(1);
    await read(2);
    await read(3);
    await read(1); // 1 is now the most recently used; 2 the least
    await read(4);
    expect(c.size).toBe(3);
    fn.mockClear();
    await read(1);
    await read(3);
    await read(4);
    expect(fn).not.toHaveBeenCalled();
    await read(2);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(c.size).toBe(3);
  });
});

describe("the process's read cache", () => {
  it("is emptied by invalidateReads() (what every committed use case calls)", async () => {
    let n = 0;
    const read = cached("unit-test-read", async () => ++n);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    const g = serverCache.generation;
    invalidateReads();
    expect(serverCache.generation).toBe(g + 1);
    expect(await read()).toBe(2);
  });

  it("is bounded", () => {
    expect(serverCache.maxEntries).toBeGreaterThan(0);
    expect(serverCache.maxEntries).toBeLessThanOrEqual(10_000);
    expect(serverCache.ttlMs).toBeGreaterThan(0);
    expect(serverCache.ttlMs).toBeLessThanOrEqual(60_000);
  });
});

describe("serving the last good value while one refresh runs (decision 0040)", () => {
  /** A computation per call whose result the test releases by hand. */
  function manual() {
    const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
    const fn = vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
    return { fn, release: (v: number) => pending.shift()!.resolve(v), fail: () => pending.shift()!.reject(new Error("database gone")) };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it("after a figures-only write, serves the stale value while ONE refresh runs, then the fresh one", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 2_500 });
    const m = manual();
    const read = c.wrap("dashboardData", m.fn);
    const first = read();
    m.release(1);
    expect(await first).toBe(1);
    c.invalidate("figures");
    t.advance(1_000);
    expect(await read()).toBe(1); // stale, and the refresh has started
    expect(await read()).toBe(1); // still stale: no second refresh
    expect(m.fn).toHaveBeenCalledTimes(2);
    m.release(2);
    await tick();
    expect(await read()).toBe(2);
    expect(c.staleSize).toBe(0);
    expect(m.fn).toHaveBeenCalledTimes(2);
  });

  it("never serves a value later than staleMs after the first write it misses", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 2_500 });
    const m = manual();
    const read = c.wrap("dashboardData", m.fn);
    const first = read();
    m.release(1);
    await first;
    c.invalidate("figures");
    expect(await read()).toBe(1);
    c.invalidate("figures"); // a second write while the refresh runs: the copy keeps its first time
    expect(await read()).toBe(1); // and no second refresh starts while the first runs
    expect(m.fn).toHaveBeenCalledTimes(2);
    t.advance(2_501);
    const waiting = read();
    let settled = false;
    void waiting.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false); // past the bound: the reader waits for a refresh begun after the last write
    expect(m.fn).toHaveBeenCalledTimes(3);
    m.release(2); // the refresh begun before the second write
    m.release(3);
    expect(await waiting).toBe(3);
  });

  it("drops everything, stale copies included, after a write that touches more than figures", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 2_500 });
    const m = manual();
    const read = c.wrap("actor", m.fn);
    const first = read();
    m.release(1);
    await first;
    c.invalidate("figures");
    c.invalidate("all");
    expect(c.staleSize).toBe(0);
    const waiting = read();
    m.release(3);
    expect(await waiting).toBe(3);
  });

  it("without staleMs a figures-only write empties the cache as any write does", async () => {
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10 });
    let n = 0;
    const read = c.wrap("summaryFor", async () => ++n);
    expect(await read()).toBe(1);
    c.invalidate("figures");
    expect(c.staleSize).toBe(0);
    expect(await read()).toBe(2);
  });

  it("keeps serving the stale value within the bound when the refresh fails, and a later read refreshes again", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 2_500 });
    const m = manual();
    const read = c.wrap("dashboardData", m.fn);
    const first = read();
    m.release(1);
    await first;
    c.invalidate("figures");
    expect(await read()).toBe(1);
    m.fail();
    await tick();
    await tick();
    expect(await read()).toBe(1); // a new refresh started
    expect(m.fn).toHaveBeenCalledTimes(3);
    m.release(5);
    await tick();
    await tick();
    expect(await read()).toBe(5);
  });

  it("never keeps a value that failed as a stale copy", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 2_500 });
    const m = manual();
    const read = c.wrap("dashboardData", m.fn);
    const first = read();
    m.fail();
    await expect(first).rejects.toThrow("database gone");
    c.invalidate("figures");
    expect(c.staleSize).toBe(0);
  });
});
