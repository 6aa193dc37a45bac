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

export type MemoCacheOptions = {
  /** how long an entry is served, in ms */
  ttlMs: number;
  /** at most this many entries; the least recently used goes first */
  maxEntries: number;
  /** the clock, for tests */
  now?: () => number;
};

type Compute = () => Promise<unknown>;

export class MemoCache {
  private readonly entries: LRUCache<string, Promise<unknown>, Compute>;
  private gen = 0;
  readonly ttlMs: number;
  readonly maxEntries: number;

  constructor(opts: MemoCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.maxEntries = Math.max(1, opts.maxEntries);
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

  /** Forget everything (a write committed). */
  invalidate(): void {
    this.gen++;
    this.entries.clear();
  }

  /** The value of `key`, computed by `compute` on a miss. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let missed = false;
    const value = this.entries.memo(key, {
      context: () => {
        missed = true;
        return compute();
      },
    });
    // Only the entry this computation made is dropped: after an invalidate() the key may already
    // hold a newer one.
    if (missed)
      value.catch(() => {
        if (this.entries.peek(key, { allowStale: true }) === value) this.entries.delete(key);
      });
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

export const serverCache: MemoCache = (holder[KEY] ??= new MemoCache({
  ttlMs: env().READ_CACHE_TTL_MS,
  maxEntries: env().READ_CACHE_MAX_ENTRIES,
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
}));

/** `fn` memoized in the process's read cache under `name` + its arguments. */
export function cached<A extends unknown[], T>(name: string, fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return serverCache.wrap(name, fn);
}

/** Every successful write calls this (src/server/use-case.ts, after the commit). */
export function invalidateReads(): void {
  serverCache.invalidate();
  accountCache.invalidate();
  responseCache.invalidate();
}
