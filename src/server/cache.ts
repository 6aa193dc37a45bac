import { LRUCache } from "lru-cache";
import { env } from "./env";
// In-process memo for the expensive reads (dashboard aggregates, API summaries, triage board):
// keyed by a name + the arguments, bounded in size (least recently used out first) and in time
// (TTL), and emptied by every successful write — useCase calls invalidateReads() after its
// transaction commits, so no write path can forget. See docs/decisions/0012-caching.md.
//
// The bookkeeping (recency, expiry, bounds) is lru-cache's. It holds the promise, so concurrent
// misses of one key share a single computation; a rejected computation is dropped, never served.
// The TTL bounds how stale a figure can be after a write made by ANOTHER app instance (this
// one's writes clear it at once).
//
// Serving the last good value while one refresh runs (decision 0040): with `staleMs` > 0, a
// write that changes only figures (a use case that declares `touches: "figures"`) does not drop
// the values it makes wrong; they stay as the stale copy of their key. The next request for the
// key starts ONE computation and is answered with the stale copy, as is every request until the
// computation ends — for at most `staleMs` after the first write the copy misses; past that,
// requests wait for the fresh value as without this. Any other write drops everything, stale
// copies included (an account, a session, a role: never served late).

export type MemoCacheOptions = {
  /** how long an entry is served, in ms */
  ttlMs: number;
  /** at most this many entries; the least recently used goes first */
  maxEntries: number;
  /** the clock, for tests */
  now?: () => number;
  /** how long after a figures-only write its stale values may still be served while one refresh runs (0: never) */
  staleMs?: number;
};

/** What a committed write can have changed: figures only, or anything (accounts, sessions, roles…). */
export type WriteScope = "figures" | "all";

type Stale = { value: Promise<unknown>; since: number };

type Compute = () => Promise<unknown>;

export class MemoCache {
  private readonly entries: LRUCache<string, Promise<unknown>, Compute>;
  private gen = 0;
  /** values made wrong by a figures-only write, by key, and since when (the first write they miss) */
  private readonly stale = new Map<string, Stale>();
  /** the computations that ended well (a stale copy is only ever a finished, good value) */
  private readonly good = new WeakSet<Promise<unknown>>();
  /** the refresh running for a key (at most one) */
  private readonly refreshing = new Map<string, Promise<unknown>>();
  /** computations that were running when a figures-only write committed, and the first such write's time */
  private readonly missing = new WeakMap<Promise<unknown>, number>();
  private readonly clock: () => number;
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly staleMs: number;

  constructor(opts: MemoCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.maxEntries = Math.max(1, opts.maxEntries);
    this.staleMs = Math.max(0, opts.staleMs ?? 0);
    this.clock = opts.now ?? Date.now;
    this.entries = new LRUCache<string, Promise<unknown>, Compute>({
      max: this.maxEntries,
      ttl: this.ttlMs,
      // A miss stores the computation's promise before it settles: the next caller waits on it.
      memoMethod: (_key, _stale, { context }) => context(),
      // A test's clock is read on every lookup (lru-cache otherwise reuses a reading for 1 ms).
      ...(opts.now ? { perf: { now: opts.now }, ttlResolution: 0 } : {}),
    });
  }

  /** Bumped by every invalidate(), for tests and diagnostics. */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Values kept as stale copies (for tests and diagnostics). */
  get staleSize(): number {
    return this.stale.size;
  }

  /**
   * Forget everything (a write committed). `scope` "figures": the finished values become stale
   * copies that may be served while their refresh runs (when this cache has `staleMs`).
   */
  invalidate(scope: WriteScope = "all"): void {
    this.gen++;
    if (scope === "figures" && this.staleMs > 0) {
      const t = this.clock();
      for (const [key, value] of this.entries.entries()) {
        if (this.good.has(value)) this.stale.set(key, { value, since: t });
        else this.missing.set(value, this.missing.get(value) ?? t); // still running: it misses this write
      }
      for (const [key, s] of this.stale) if (t - s.since > this.staleMs) this.stale.delete(key);
      while (this.stale.size > this.maxEntries) this.stale.delete(this.stale.keys().next().value as string);
    } else {
      this.stale.clear();
      this.refreshing.clear(); // what runs now was begun before this write: never a copy to serve
    }
    this.entries.clear();
  }

  /** The value of `key`, computed by `compute` on a miss. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const s = this.staleMs > 0 ? this.stale.get(key) : undefined;
    const usable = s && this.clock() - s.since <= this.staleMs ? s : undefined;
    // One refresh per key: while one runs (begun before the latest write), the copy is served.
    if (usable && !this.entries.has(key) && this.refreshing.has(key)) return usable.value as Promise<T>;
    let missed = false;
    const value = this.entries.memo(key, {
      context: () => {
        missed = true;
        return compute();
      },
    });
    if (missed) {
      if (this.staleMs > 0) this.refreshing.set(key, value);
      value.then(
        () => {
          this.good.add(value);
          if (this.refreshing.get(key) !== value) return; // an "all" write came meanwhile
          this.refreshing.delete(key);
          const since = this.missing.get(value);
          // Missed no write: it replaces the copy. Missed some: it is the newer copy, late since the first.
          if (since === undefined) this.stale.delete(key);
          else this.stale.set(key, { value, since });
        },
        () => {
          if (this.refreshing.get(key) === value) this.refreshing.delete(key);
          // Only the entry this computation made is dropped: after an invalidate() the key may
          // already hold a newer one.
          if (this.entries.peek(key, { allowStale: true }) === value) this.entries.delete(key);
        },
      );
    }
    if (usable && !this.good.has(value)) return usable.value as Promise<T>;
    return value as Promise<T>;
  }

  /** `fn` memoized under `name` + its arguments (JSON; Dates as ISO strings). */
  wrap<A extends unknown[], T>(name: string, fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
    return (...args: A) => this.get(`${name}:${JSON.stringify(args)}`, () => fn(...args));
  }
}

// One cache per process, on globalThis: Next may load this module in several bundles (pages,
// route handlers, server actions) and reloads it in development; all must share one cache, or a
// write would clear a copy that the pages don't read.
const KEY = Symbol.for("oxygen.serverCache");
const ACCOUNT_KEY = Symbol.for("oxygen.accountCache");
const RESPONSE_KEY = Symbol.for("oxygen.responseCache");
const holder = globalThis as unknown as { [KEY]?: MemoCache; [ACCOUNT_KEY]?: MemoCache; [RESPONSE_KEY]?: MemoCache };

// READ_STALE_MS bounds the whole staleness a figures-only write can see: half of it for the
// data, half for the pages rendered from it (a page rendered from a stale value and then served
// stale itself is at most the sum late).
const staleMs = Math.floor(env().READ_STALE_MS / 2);

export const serverCache: MemoCache = (holder[KEY] ??= new MemoCache({
  ttlMs: env().READ_CACHE_TTL_MS,
  maxEntries: env().READ_CACHE_MAX_ENTRIES,
  staleMs,
}));

/**
 * Entries per account: the actor of a user id, the API token of a hash, a hospital's notices
 * last brought up to date. Kept apart from the read cache (3,000 hospital accounts nationally
 * would push the dashboards out) and emptied with it, so a disabled account or a revoked token
 * is refused from the next request on.
 */
export const accountCache: MemoCache = (holder[ACCOUNT_KEY] ??= new MemoCache({
  ttlMs: env().READ_CACHE_TTL_MS,
  maxEntries: 10_000,
}));

/**
 * Whole responses of pages and API reads (src/server/response-cache.ts, used by server.ts), per
 * caller and URL; up to a few hundred kB each, so fewer of them.
 */
export const responseCache: MemoCache = (holder[RESPONSE_KEY] ??= new MemoCache({
  ttlMs: env().READ_CACHE_TTL_MS,
  maxEntries: env().RESPONSE_CACHE_MAX_ENTRIES,
  staleMs,
}));

/** `fn` memoized in the process's read cache under `name` + its arguments. */
export function cached<A extends unknown[], T>(name: string, fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return serverCache.wrap(name, fn);
}

/**
 * Every successful write calls this (src/server/use-case.ts, after the commit), with what it
 * declared it touches. The account cache is emptied by every write that may touch an account, a
 * session or a token ("all"): a stale actor or session is never acceptable. A figures-only write
 * (a stock report, an allocation) changes none of them, nor the notices its jobs raise (stale
 * hospitals, dispatches on their way); emptying it then made every page after a write read the
 * actor and session again and rerun the stale-hospital scan over every hospital (issue #17).
 */
export function invalidateReads(scope: WriteScope = "all"): void {
  serverCache.invalidate(scope);
  if (scope === "all") accountCache.invalidate();
  responseCache.invalidate(scope);
}
