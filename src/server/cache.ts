import { AsyncLocalStorage } from "node:async_hooks";
import { LRUCache } from "lru-cache";
import { now as clockNow } from "./clock";
import { env } from "./env";
// In-process memo for the expensive reads (dashboard aggregates, API summaries, triage board):
// keyed by a name + the arguments, bounded in size (least recently used out first) and in time
// (TTL), and emptied by every successful write — useCase calls invalidateReads() after its
// transaction commits, so no write path can forget. See docs/decisions/0012-caching.md.
//
// It holds the promise, so concurrent misses of one key share a single computation; a rejected
// computation is dropped, never served. The TTL bounds how stale a figure can be after a write
// made by ANOTHER app instance that this one did not hear of (decision 0034).
//
// Readers never wait for a refresh (decision 0048, which replaces 0040's cut-off): with
// `staleMs` > 0, a write that changes only figures (a use case that declares `touches:
// "figures"`) does not drop the values it makes wrong; each stays as the last good copy of its
// key. A reader who finds a copy that missed a write starts ONE refresh for the key and is
// answered with the copy at once (stale-while-revalidate), as is every reader while that refresh
// runs, however long it takes. Only a copy late by more than `staleMs` (counted from the first
// write it misses) is never served: the safety ceiling for refreshes that keep failing or a
// database far behind. Any other write drops everything, copies included (an account, a
// session, a role: never served late). A reading that must see every committed write — a page
// refresh rendered in the background, decision 0048 — runs in a `readScope` marked fresh and waits.

export type MemoCacheOptions = {
  /** how long an entry is served as current, in ms */
  ttlMs: number;
  /** at most this many keys; the least recently used goes first */
  maxEntries: number;
  /** the clock (ms); the app's clock in production, a hand-moved one in tests */
  now?: () => number;
  /** the ceiling on how late a copy may be served, counted from the first write it misses (0: never served late) */
  staleMs?: number;
  /** its values are figures a page shows: readings note when they were read (`readScope`) */
  figures?: boolean;
};

/** What a committed write can have changed: figures only, or anything (accounts, sessions, roles…). */
export type WriteScope = "figures" | "all";

/**
 * Told to a computation: `background` when a copy answered the reader who caused it, so nobody
 * waits on it. It sets `late` when its value was made from late copies: the value is then kept
 * as a copy that misses the latest write, so the next reader has it refreshed.
 */
export type ComputeContext = { background: boolean; late: boolean };

/** What a `get` answered with: `late` when it was a copy that misses a write. */
export type Answered = { late: boolean };

/** A computation under way: the generation (writes counted) it began in and when. */
type Run = { value: Promise<unknown>; gen: number; startedAt: number };
/** The last value that ended well: the generation it holds every write of, when it was read, and since when it is late if made from late copies. */
type Good = { value: Promise<unknown>; gen: number; readAt: number; lateSince?: number };
type Slot = { good?: Good; running?: Run };

/**
 * What a reading (a page's rendering) consumed from the figures caches: the oldest read time,
 * whether any was a late copy, and whether it must wait for current values (`fresh`).
 */
export type ReadScope = { fresh: boolean; oldest: number | null; late: boolean };

// On globalThis, like the caches: server.ts and every Next bundle must share one.
const SCOPE_KEY = Symbol.for("oxygen.readScope");
const scopes = ((globalThis as unknown as { [SCOPE_KEY]?: AsyncLocalStorage<ReadScope> })[SCOPE_KEY] ??= new AsyncLocalStorage<ReadScope>());

/** Runs `fn` noting into `scope` the figures it reads; with `scope.fresh`, it is given no late copy (it waits, or joins the key's refresh). */
export function readScope<T>(scope: ReadScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

export class MemoCache {
  private readonly entries: LRUCache<string, Slot>;
  private gen = 0;
  /** when each figures-only write committed, by the generation it began (only while copies may still be served) */
  private readonly writtenAt = new Map<number, number>();
  private readonly clock: () => number;
  private readonly figures: boolean;
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly staleMs: number;

  constructor(opts: MemoCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.maxEntries = Math.max(1, opts.maxEntries);
    this.staleMs = Math.max(0, opts.staleMs ?? 0);
    this.clock = opts.now ?? Date.now;
    this.figures = opts.figures ?? false;
    this.entries = new LRUCache<string, Slot>({ max: this.maxEntries });
  }

  /** Bumped by every invalidate(), for tests and diagnostics. */
  get generation(): number {
    return this.gen;
  }

  /** Keys held (current values, copies, computations under way). */
  get size(): number {
    return this.entries.size;
  }

  /** Values kept as copies that miss a write (for tests and diagnostics). */
  get staleSize(): number {
    let n = 0;
    for (const slot of this.entries.values()) if (slot.good && slot.good.gen < this.gen) n++;
    return n;
  }

  /**
   * A write committed. `scope` "figures" (when this cache has `staleMs`): the values become
   * copies that may be served while their refresh runs; otherwise everything is forgotten,
   * computations under way included (begun before this write, they are never a copy to serve).
   */
  invalidate(scope: WriteScope = "all"): void {
    this.gen++;
    if (scope === "figures" && this.staleMs > 0) {
      const t = this.clock();
      this.writtenAt.set(this.gen, t);
      // a copy whose first missed write is this old is past the ceiling: its time is no longer needed
      for (const [gen, at] of this.writtenAt) if (t - at > this.staleMs) this.writtenAt.delete(gen);
      return;
    }
    this.writtenAt.clear();
    this.entries.clear();
  }

  /** Whether `good` may still be served as a copy: late since the first write it misses (or since its TTL ran out) by at most `staleMs`. */
  private servable(good: Good, now: number): boolean {
    const lateSince = good.gen < this.gen ? (good.lateSince ?? this.writtenAt.get(good.gen + 1)) : good.readAt + this.ttlMs;
    return lateSince !== undefined && now - lateSince <= this.staleMs;
  }

  private note(readAt: number, late: boolean, answered?: Answered): void {
    if (answered) answered.late = late;
    if (!this.figures) return;
    const scope = scopes.getStore();
    if (!scope) return;
    scope.oldest = scope.oldest === null ? readAt : Math.min(scope.oldest, readAt);
    scope.late ||= late;
  }

  /**
   * The value of `key`, computed by `compute` when there is no current one. A reader never waits
   * while a good copy within the ceiling exists: it gets the copy, and the key's one refresh is
   * started if none runs. `answered.late` says whether the answer was such a copy.
   */
  get<T>(key: string, compute: (ctx: ComputeContext) => Promise<T>, answered?: Answered): Promise<T> {
    const now = this.clock();
    let slot = this.entries.get(key);
    const good = slot?.good;
    if (good && good.gen === this.gen && now - good.readAt <= this.ttlMs) {
      this.note(good.readAt, false, answered);
      return good.value as Promise<T>;
    }
    const wantsFresh = this.staleMs === 0 || (scopes.getStore()?.fresh ?? false);
    const copy = !wantsFresh && good && this.servable(good, now) ? good : undefined;
    const running = slot?.running;
    if (copy && running) {
      // one refresh per key: it runs already (begun before or after the latest write)
      this.note(copy.readAt, true, answered);
      return copy.value as Promise<T>;
    }
    if (running && running.gen === this.gen) {
      // begun after the latest write: it holds every write, wait for it
      this.note(running.startedAt, false, answered);
      return running.value as Promise<T>;
    }
    if (running && wantsFresh && this.staleMs > 0) {
      // A fresh reading (a page refreshed in the background) joins the key's one refresh even if
      // a write came after it began, rather than starting another: it is noted late, so the page
      // made from it is kept as a late copy and refreshed again by its next reader.
      this.note(running.startedAt, true, answered);
      return running.value as Promise<T>;
    }
    if (!slot) this.entries.set(key, (slot = {}));
    const s = slot;
    const run: Run = { value: undefined as unknown as Promise<unknown>, gen: this.gen, startedAt: now };
    const ctx: ComputeContext = { background: copy !== undefined, late: false };
    run.value = (async () => compute(ctx))();
    s.running = run;
    run.value.then(
      () => {
        if (this.entries.peek(key) !== s) return; // an "all" write dropped it meanwhile, or it was pushed out
        if (s.running === run) s.running = undefined;
        if (s.good && run.startedAt < s.good.readAt) return; // a newer value ended first
        // made from late copies: late itself, since the latest write before it began at the latest
        s.good = ctx.late
          ? { value: run.value, gen: run.gen - 1, readAt: run.startedAt, lateSince: this.writtenAt.get(run.gen) ?? run.startedAt }
          : { value: run.value, gen: run.gen, readAt: run.startedAt };
      },
      () => {
        if (this.entries.peek(key) !== s) return;
        if (s.running === run) s.running = undefined;
        // the copy stays (a failed refresh), and the next reader starts another; with no copy, nothing is kept
        if (!s.good && !s.running) this.entries.delete(key);
      },
    );
    if (copy) {
      this.note(copy.readAt, true, answered);
      return copy.value as Promise<T>;
    }
    this.note(now, false, answered);
    return run.value as Promise<T>;
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

// READ_STALE_MS (decision 0048): 0 (the default) serves nothing late; otherwise copies are
// served while their refresh runs, up to the ceiling READ_STALE_MAX_MS (30 s). The data and the
// pages share it: a page refreshed in the background reads current figures (a fresh `readScope`), so a
// page is never late by the sum of the two.
const staleMs = env().READ_STALE_MS > 0 ? env().READ_STALE_MAX_MS : 0;
/** The app's clock, so that "figures read at" agrees with every other time the app shows. */
const appClock = () => clockNow().getTime();

export const serverCache: MemoCache = (holder[KEY] ??= new MemoCache({
  ttlMs: env().READ_CACHE_TTL_MS,
  maxEntries: env().READ_CACHE_MAX_ENTRIES,
  now: appClock,
  staleMs,
  figures: true,
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
  now: appClock,
}));

/**
 * Whole responses of pages and API reads (src/server/response-cache.ts, used by server.ts), per
 * caller and URL; up to a few hundred kB each, so fewer of them.
 */
export const responseCache: MemoCache = (holder[RESPONSE_KEY] ??= new MemoCache({
  ttlMs: env().READ_CACHE_TTL_MS,
  maxEntries: env().RESPONSE_CACHE_MAX_ENTRIES,
  now: appClock,
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
