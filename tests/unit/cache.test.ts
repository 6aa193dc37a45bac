import { describe, expect, it, vi } from "vitest";
import { MemoCache, cached, invalidateReads, readScope, serverCache, type Answered, type ComputeContext, type ReadScope } from "@/server/cache";

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

describe("readers never wait for a refresh (decision 0048)", () => {
  /** A computation per call whose result the test releases by hand. */
  function manual() {
    const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
    const fn = vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
    return { fn, release: (v: number) => pending.shift()!.resolve(v), fail: () => pending.shift()!.reject(new Error("database gone")) };
  }
  const tick = async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
  };
  /** A cache holding 1 for "dashboardData", computed at the clock's start. */
  async function filled(staleMs = 30_000) {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs, figures: true });
    const m = manual();
    const read = (answered?: Answered) => c.get("dashboardData", m.fn, answered);
    const first = read();
    m.release(1);
    expect(await first).toBe(1);
    return { t, c, m, read };
  }

  it("serves the last good copy while ONE refresh runs, however long it takes, then the fresh value", async () => {
    const { t, c, m, read } = await filled();
    c.invalidate("figures");
    t.advance(1_000);
    const answered: Answered = { late: false };
    expect(await read(answered)).toBe(1); // the copy, and the refresh has started
    expect(answered.late).toBe(true);
    t.advance(20_000); // far past decision 0040's cut-off of 2.5 s: still the copy, no wait
    c.invalidate("figures"); // and more writes while it runs
    t.advance(5_000);
    expect(await read()).toBe(1);
    expect(m.fn).toHaveBeenCalledTimes(2); // one refresh per key
    m.release(2);
    await tick();
    // the refresh began before the second write: its value is the newer copy, and the next reader
    // starts the next refresh and is answered with it at once
    expect(await read()).toBe(2);
    expect(m.fn).toHaveBeenCalledTimes(3);
    m.release(3);
    await tick();
    const current: Answered = { late: true };
    expect(await read(current)).toBe(3);
    expect(current.late).toBe(false);
    expect(c.staleSize).toBe(0);
    expect(m.fn).toHaveBeenCalledTimes(3);
  });

  it("a reader who finds a late copy and no refresh running starts one and is answered with the copy at once", async () => {
    const { c, m, read } = await filled();
    c.invalidate("figures");
    expect(m.fn).toHaveBeenCalledTimes(1); // a write starts nothing by itself
    const answer = read();
    expect(m.fn).toHaveBeenCalledTimes(2); // the refresh, begun by the reader…
    let settled = false;
    void answer.then(() => (settled = true));
    await tick();
    expect(settled).toBe(true); // …who did not wait for it
    expect(await answer).toBe(1);
  });

  it("tells the computation it runs in the background when a copy answered its reader", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 30_000 });
    const seen: boolean[] = [];
    const compute = async (ctx: ComputeContext) => (seen.push(ctx.background), seen.length);
    await c.get("k", compute);
    c.invalidate("figures");
    await c.get("k", compute);
    expect(seen).toEqual([false, true]);
  });

  it("never serves a copy late by more than the ceiling (counted from the first write it misses): the reader waits", async () => {
    const { t, c, m, read } = await filled(30_000);
    t.advance(10_000); // the copy's age before the write does not count
    c.invalidate("figures");
    expect(await read()).toBe(1);
    t.advance(30_001);
    const waiting = read();
    let settled = false;
    void waiting.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    expect(m.fn).toHaveBeenCalledTimes(2); // still the one refresh: it began after the write
    m.release(2);
    expect(await waiting).toBe(2);
  });

  it("a refresh begun before the latest write is not waited on past the ceiling: a new one starts", async () => {
    const { t, c, m, read } = await filled(30_000);
    c.invalidate("figures");
    expect(await read()).toBe(1); // refresh A
    c.invalidate("figures");
    t.advance(30_001);
    const waiting = read(); // refresh B: A cannot hold the second write
    expect(m.fn).toHaveBeenCalledTimes(3);
    m.release(2);
    m.release(3);
    expect(await waiting).toBe(3);
  });

  it("drops everything, copies and refreshes included, after a write that touches more than figures", async () => {
    const { c, m, read } = await filled();
    c.invalidate("figures");
    expect(await read()).toBe(1); // a refresh runs
    c.invalidate("all");
    expect(c.staleSize).toBe(0);
    expect(c.size).toBe(0);
    const waiting = read();
    m.release(2); // the refresh begun before the write: not kept, nor served
    m.release(3);
    expect(await waiting).toBe(3);
    await tick();
    expect(await read()).toBe(3);
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

  it("keeps serving the copy when the refresh fails, and the next reader starts another", async () => {
    const { c, m, read } = await filled();
    c.invalidate("figures");
    expect(await read()).toBe(1);
    m.fail();
    await tick();
    expect(await read()).toBe(1); // a new refresh started
    expect(m.fn).toHaveBeenCalledTimes(3);
    m.release(5);
    await tick();
    expect(await read()).toBe(5);
  });

  it("never keeps a value that failed as a copy", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 30_000 });
    const m = manual();
    const first = c.get("dashboardData", m.fn);
    m.fail();
    await expect(first).rejects.toThrow("database gone");
    c.invalidate("figures");
    expect(c.staleSize).toBe(0);
    expect(c.size).toBe(0);
  });

  it("a fresh reading is never given a copy: it waits for a value holding every write", async () => {
    const { c, m, read } = await filled();
    c.invalidate("figures");
    const fresh = readScope({ fresh: true, oldest: null, late: false }, () => read());
    expect(m.fn).toHaveBeenCalledTimes(2);
    expect(await read()).toBe(1); // everyone else: the copy, and no second refresh
    expect(m.fn).toHaveBeenCalledTimes(2);
    m.release(2);
    expect(await fresh).toBe(2);
  });

  it("a fresh reading joins the key's one refresh even when a write came after it began, and is noted late", async () => {
    const { c, m, read } = await filled();
    c.invalidate("figures");
    expect(await read()).toBe(1); // refresh A begins
    c.invalidate("figures"); // a write A cannot hold
    const scope: ReadScope = { fresh: true, oldest: null, late: false };
    const fresh = readScope(scope, () => read());
    expect(m.fn).toHaveBeenCalledTimes(2); // no second refresh
    expect(scope.late).toBe(true); // what is made from it is late
    m.release(2);
    expect(await fresh).toBe(2);
  });

  it("notes when the figures a reading consumed were read, and whether any was late", async () => {
    const { t, c, read } = await filled();
    const scope: ReadScope = { fresh: false, oldest: null, late: false };
    t.advance(4_000);
    await readScope(scope, () => read());
    expect(scope).toEqual({ fresh: false, oldest: 1_000, late: false });
    c.invalidate("figures");
    await readScope(scope, () => read());
    expect(scope.late).toBe(true);
  });

  it("keeps a value made from late copies as a late copy: the next reader has it refreshed", async () => {
    const t = clock();
    const c = new MemoCache({ ttlMs: 30_000, maxEntries: 10, now: t.now, staleMs: 30_000 });
    c.invalidate("figures");
    let n = 0;
    const compute = async (ctx: ComputeContext) => {
      ctx.late = n === 0; // the first rendering read late figures
      return ++n;
    };
    expect(await c.get("page", compute)).toBe(1);
    await tick();
    const answered: Answered = { late: false };
    expect(await c.get("page", compute, answered)).toBe(1);
    expect(answered.late).toBe(true);
    await tick();
    expect(await c.get("page", compute)).toBe(2);
  });
});
