// Allocation recommender: proposes which source covers how many kilograms of which approved
// request. Pure and deterministic (the result does not depend on the order of the inputs);
// staff review the proposal before anything is saved. The rule is written up in
// docs/decisions/0010-allocation-recommender.md.
//
// Outline:
//  1. Requests are put in the one priority order of src/domain/priority.ts (the triage board's
//     too): the hospital's projected hours left, less a bounded boost for the declared urgency
//     (stale figures capped at amber), in tiers (< 8 h, < 24 h, < 72 h, more, no end in sight);
//     within a tier the earliest needed-by day, fewest hours, referral first, oldest, requestId.
//  2. Tiers are served strictly in order.
//  3. Within a tier, earmarked pledges are poured first into the requests eligible for them
//     (they cannot go anywhere else), then general sources (NONE earmark). Each pour is
//     water-filling: every request is raised to the same level of kilograms proposed in this
//     run, capped at what it still needs; the last few odd kilograms go in priority order.
//  4. A pool's kilograms are drawn from its sources in a fixed order, so each (request, source)
//     pair gets at most one line.
// Cost: O(R log R + S log S + tiers × pools × R_tier × log(max kg)); no R × S loop.

import type { Day } from "./day";
import { comparePriority, priorityTier, rankingHours } from "./priority";
import { URGENCIES, type Urgency } from "./request";

export type { Urgency };
export { comparePriority };
export type Earmark = "NONE" | "ASSOCIATION" | "HOSPITALS";
export type SourceKind = "supply" | "pledge";

export interface OpenRequest {
  requestId: string;
  hospitalId: string;
  hospitalName: string;
  approvedKg: number;
  alreadyAllocatedKg: number;
  urgency: Urgency;
  /** Hours of oxygen the hospital has left, projected to now; null when unknown. */
  hoursLeft: number | null;
  /** The hospital's figures are too old to trust. */
  stale: boolean;
  neededBy: Day;
  isReferral: boolean;
  isAssociationMember: boolean;
  createdAt: Date;
}

export interface AllocationSource {
  sourceId: string;
  kind: SourceKind;
  supplierId: string;
  supplierName: string;
  pledgeId?: string;
  freeKg: number;
  earmark: Earmark;
  /** For earmark HOSPITALS: the hospitals the pledge is for. */
  earmarkHospitalIds?: string[];
}

const URGENCY_ORDER: readonly Urgency[] = URGENCIES;

interface ReasonBase {
  urgency: Urgency;
  hoursLeft: number | null;
  stale: boolean;
  neededBy: Day;
  isReferral: boolean;
  /** 1 = the most urgent tier (under 8 ranking hours); see src/domain/priority.ts. */
  tier: number;
  supplierName: string;
}

export type AllocationReason =
  | {
      /** Drawn from a pledge earmarked for a group this hospital belongs to. */
      code: "earmarked_pledge";
      params: ReasonBase & { earmark: "ASSOCIATION" | "HOSPITALS" };
      text: string;
    }
  | {
      /** General supply covered every request of this tier in full. */
      code: "priority_full";
      params: ReasonBase;
      text: string;
    }
  | {
      /** General supply was short for this tier: every request raised to the same level. */
      code: "priority_fair_share";
      params: ReasonBase & { levelKg: number; requestsInTier: number };
      text: string;
    };

export type ReasonCode = AllocationReason["code"];

export interface ProposedAllocation {
  requestId: string;
  sourceId: string;
  supplierId: string;
  pledgeId?: string;
  kg: number;
  reason: AllocationReason;
}

export interface RequestOutcome {
  requestId: string;
  hospitalId: string;
  hospitalName: string;
  /** approvedKg − alreadyAllocatedKg, never below 0. */
  needKg: number;
  proposedKg: number;
  unmetKg: number;
}

export interface SourceOutcome {
  sourceId: string;
  freeKg: number;
  proposedKg: number;
  leftKg: number;
}

export interface RecommendationSummary {
  totalNeedKg: number;
  totalFreeKg: number;
  totalProposedKg: number;
  totalUnmetKg: number;
  /** Free kilograms left over (e.g. earmarked for hospitals that need nothing now). */
  totalLeftKg: number;
  isShortage: boolean;
  /** In priority order. */
  requests: RequestOutcome[];
  /** Sorted by sourceId. */
  sources: SourceOutcome[];
}

export interface Recommendation {
  lines: ProposedAllocation[];
  summary: RecommendationSummary;
}

// ---------------------------------------------------------------------------------------------

interface Req {
  input: OpenRequest;
  need: number; // what it still needs at the start of the run
  got: number; // proposed in this run so far
  // comparePriority's keys, computed once (the same order: a unit test holds them equal)
  tier: number; // 1-based
  hours: number; // ranking hours
  createdAt: number;
}

function compareReq(a: Req, b: Req): number {
  return (
    a.tier - b.tier ||
    byString(a.input.neededBy, b.input.neededBy) ||
    (a.hours === b.hours ? 0 : a.hours < b.hours ? -1 : 1) ||
    (a.input.isReferral === b.input.isReferral ? 0 : a.input.isReferral ? -1 : 1) ||
    a.createdAt - b.createdAt ||
    byString(a.input.requestId, b.input.requestId)
  );
}

interface Src {
  input: AllocationSource;
  left: number;
}

class Pool {
  private ptr = 0;
  total: number;
  /**
   * @param hospitals for a HOSPITALS earmark, the listed hospital ids; undefined for the
   *   ASSOCIATION pool (members) and the general pool (everyone, never asked).
   */
  constructor(
    readonly sources: Src[],
    readonly key: string,
    readonly hospitals?: readonly string[],
  ) {
    this.total = sources.reduce((s, x) => s + x.left, 0);
  }

  /** Draws kg (≤ total) for a request, in source order, emitting one line per source touched. */
  take(req: Req, kg: number, reason: (src: AllocationSource) => AllocationReason, out: ProposedAllocation[]): void {
    this.total -= kg;
    req.got += kg;
    while (kg > 0) {
      const s = this.sources[this.ptr];
      const t = Math.min(kg, s.left);
      if (t > 0) {
        const line: ProposedAllocation = {
          requestId: req.input.requestId,
          sourceId: s.input.sourceId,
          supplierId: s.input.supplierId,
          kg: t,
          reason: reason(s.input),
        };
        if (s.input.pledgeId !== undefined) line.pledgeId = s.input.pledgeId;
        out.push(line);
        s.left -= t;
        kg -= t;
      }
      if (s.left === 0) this.ptr++;
    }
  }
}

function assertKg(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer number of kilograms, got ${value}`);
  }
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Water-filling: raises every request to the same level of kilograms proposed in this run
 * (capped at its need) with at most `pool` kg; returns the increments, aligned with `reqs`
 * (which must be in priority order), and the level reached.
 */
function waterFill(reqs: Req[], pool: number): { inc: number[]; level: number; full: boolean } {
  const inc = new Array<number>(reqs.length).fill(0);
  let missing = 0;
  let maxNeed = 0;
  for (const r of reqs) {
    missing += r.need - r.got;
    if (r.need > maxNeed) maxNeed = r.need;
  }
  if (missing <= pool) {
    for (let i = 0; i < reqs.length; i++) inc[i] = reqs[i].need - reqs[i].got;
    return { inc, level: maxNeed, full: true };
  }
  const cost = (level: number) => {
    let s = 0;
    for (const r of reqs) {
      const d = Math.min(r.need, level) - r.got;
      if (d > 0) s += d;
    }
    return s;
  };
  // Largest integer level whose cost fits the pool (cost(0) = 0, cost(maxNeed) > pool).
  let lo = 0;
  let hi = maxNeed;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (cost(mid) <= pool) lo = mid;
    else hi = mid;
  }
  let rest = pool;
  for (let i = 0; i < reqs.length; i++) {
    const d = Math.min(reqs[i].need, lo) - reqs[i].got;
    if (d > 0) {
      inc[i] = d;
      rest -= d;
    }
  }
  // Odd kilograms (fewer than the requests that would rise at level + 1) go in priority order.
  for (let i = 0; i < reqs.length && rest > 0; i++) {
    if (reqs[i].got <= lo && reqs[i].need > lo) {
      inc[i]++;
      rest--;
    }
  }
  return { inc, level: lo, full: false };
}

// ---- reason texts ----------------------------------------------------------------------------

/** 12345 → "12,345" (English grouping, without the cost of Intl). */
const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const fmtKg = (kg: number) => `${group(kg)} kg`;

function describeRequest(p: ReasonBase): string {
  const hours =
    p.hoursLeft === null
      ? "unknown hours of supply left"
      : `${group(Math.max(0, Math.floor(p.hoursLeft)))} h of supply left${p.stale ? " on old figures" : ""}`;
  return `${p.urgency} request${p.isReferral ? " from a referral hospital" : ""} with ${hours}, needed by ${p.neededBy} (priority tier ${p.tier})`;
}

function reasonBase(r: Req, src: AllocationSource): ReasonBase {
  return {
    urgency: r.input.urgency,
    hoursLeft: r.input.hoursLeft,
    stale: r.input.stale,
    neededBy: r.input.neededBy,
    isReferral: r.input.isReferral,
    tier: r.tier,
    supplierName: src.supplierName,
  };
}

function earmarkReason(r: Req, src: AllocationSource): AllocationReason {
  const params = { ...reasonBase(r, src), earmark: src.earmark as "ASSOCIATION" | "HOSPITALS" };
  const group = params.earmark === "ASSOCIATION" ? "hospital-association members" : "a list of hospitals including this one";
  return {
    code: "earmarked_pledge",
    params,
    text: `${src.supplierName}'s pledge is earmarked for ${group}, so it is used first for this ${describeRequest(params)}.`,
  };
}

function generalReason(r: Req, src: AllocationSource, full: boolean, level: number, count: number): AllocationReason {
  const base = reasonBase(r, src);
  if (full) {
    return {
      code: "priority_full",
      params: base,
      text: `${src.supplierName} has enough to cover every request of this tier in full, including this ${describeRequest(base)}.`,
    };
  }
  return {
    code: "priority_fair_share",
    params: { ...base, levelKg: level, requestsInTier: count },
    text: `Supply is short for this ${describeRequest(base)}, so all ${group(count)} requests of the tier are raised to the same level of about ${fmtKg(level)} from ${src.supplierName} and others.`,
  };
}

// ---- the recommender -------------------------------------------------------------------------

export function recommendAllocations(requests: readonly OpenRequest[], sources: readonly AllocationSource[]): Recommendation {
  const seenR = new Set<string>();
  const reqs: Req[] = [];
  for (const r of requests) {
    if (seenR.has(r.requestId)) throw new RangeError(`duplicate requestId ${r.requestId}`);
    seenR.add(r.requestId);
    assertKg(r.approvedKg, `approvedKg of ${r.requestId}`);
    assertKg(r.alreadyAllocatedKg, `alreadyAllocatedKg of ${r.requestId}`);
    if (r.hoursLeft !== null && !Number.isFinite(r.hoursLeft)) {
      throw new RangeError(`hoursLeft of ${r.requestId} must be a finite number or null`);
    }
    if (!URGENCY_ORDER.includes(r.urgency)) throw new RangeError(`unknown urgency ${r.urgency}`);
    if (Number.isNaN(r.createdAt.getTime())) throw new RangeError(`createdAt of ${r.requestId} is invalid`);
    reqs.push({
      input: r,
      need: Math.max(0, r.approvedKg - r.alreadyAllocatedKg),
      got: 0,
      tier: priorityTier(r),
      hours: rankingHours(r),
      createdAt: r.createdAt.getTime(),
    });
  }
  reqs.sort(compareReq);

  const seenS = new Set<string>();
  const srcs: Src[] = [];
  for (const s of sources) {
    if (seenS.has(s.sourceId)) throw new RangeError(`duplicate sourceId ${s.sourceId}`);
    seenS.add(s.sourceId);
    assertKg(s.freeKg, `freeKg of ${s.sourceId}`);
    srcs.push({ input: s, left: s.freeKg });
  }
  srcs.sort((a, b) => byString(a.input.sourceId, b.input.sourceId));

  // General pool: daily supply first (unused daily capacity is lost), then unearmarked pledges.
  const general = new Pool(
    srcs.filter((s) => s.input.earmark === "NONE" && s.left > 0).sort((a, b) => (a.input.kind === b.input.kind ? 0 : a.input.kind === "supply" ? -1 : 1)),
    "",
  );
  // Earmarked pools: one per distinct eligible group (all ASSOCIATION pledges share one).
  const earmarked = new Map<string, Src[]>();
  const hospitalLists = new Map<string, string[]>();
  for (const s of srcs) {
    if (s.input.earmark === "NONE" || s.left === 0) continue;
    let key: string;
    if (s.input.earmark === "ASSOCIATION") key = "A";
    else {
      const ids = [...new Set(s.input.earmarkHospitalIds ?? [])].sort(byString);
      if (ids.length === 0) continue; // earmarked for nobody: stays unused
      key = `H:${ids.join("\u0000")}`;
      hospitalLists.set(key, ids);
    }
    const list = earmarked.get(key);
    if (list) list.push(s);
    else earmarked.set(key, [s]);
  }
  const pools: Pool[] = [...earmarked.entries()].sort(([a], [b]) => byString(a, b)).map(([key, list]) => new Pool(list, key, hospitalLists.get(key)));

  const lines: ProposedAllocation[] = [];
  for (let start = 0; start < reqs.length;) {
    let end = start;
    while (end < reqs.length && reqs[end].tier === reqs[start].tier) end++;
    const tier = reqs.slice(start, end).filter((r) => r.need > 0);
    start = end;
    if (tier.length === 0) continue;

    // Earmarked pools, most restrictive (fewest eligible requests in this tier) first.
    let byHospital: Map<string, Req[]> | undefined;
    const eligibleIn = (p: Pool): Req[] => {
      if (!p.hospitals) return tier.filter((r) => r.input.isAssociationMember);
      if (!byHospital) {
        byHospital = new Map();
        for (const r of tier) {
          const list = byHospital.get(r.input.hospitalId);
          if (list) list.push(r);
          else byHospital.set(r.input.hospitalId, [r]);
        }
      }
      const out: Req[] = [];
      for (const id of p.hospitals) out.push(...(byHospital.get(id) ?? []));
      return out.sort(compareReq);
    };
    const candidates = pools
      .filter((p) => p.total > 0)
      .map((p) => ({ p, eligible: eligibleIn(p) }))
      .filter((c) => c.eligible.length > 0)
      .sort((a, b) => a.eligible.length - b.eligible.length || byString(a.p.key, b.p.key));
    for (const { p, eligible } of candidates) {
      const open = eligible.filter((r) => r.got < r.need);
      if (open.length === 0) continue;
      const { inc } = waterFill(open, p.total);
      for (let i = 0; i < open.length; i++) {
        if (inc[i] > 0) p.take(open[i], inc[i], (src) => earmarkReason(open[i], src), lines);
      }
    }

    // General supply tops every request of the tier up to a common level.
    const open = tier.filter((r) => r.got < r.need);
    if (open.length > 0 && general.total > 0) {
      const { inc, level, full } = waterFill(open, general.total);
      for (let i = 0; i < open.length; i++) {
        if (inc[i] > 0) {
          general.take(open[i], inc[i], (src) => generalReason(open[i], src, full, level, open.length), lines);
        }
      }
    }
  }

  const summary = summarize(
    reqs.map((r) => r.input),
    srcs.map((s) => s.input),
    (_, i) => reqs[i].got,
    (_, i) => srcs[i].input.freeKg - srcs[i].left,
  );
  return { lines, summary };
}

/** Totals and per-request/per-source outcomes of a set of proposed lines (e.g. after edits). */
export function summarizeAllocations(
  requests: readonly OpenRequest[],
  sources: readonly AllocationSource[],
  lines: readonly Pick<ProposedAllocation, "requestId" | "sourceId" | "kg">[],
): RecommendationSummary {
  const byReq = new Map<string, number>();
  const bySrc = new Map<string, number>();
  for (const l of lines) {
    byReq.set(l.requestId, (byReq.get(l.requestId) ?? 0) + l.kg);
    bySrc.set(l.sourceId, (bySrc.get(l.sourceId) ?? 0) + l.kg);
  }
  return summarize(
    [...requests].sort(comparePriority),
    [...sources].sort((a, b) => byString(a.sourceId, b.sourceId)),
    (r) => byReq.get(r.requestId) ?? 0,
    (s) => bySrc.get(s.sourceId) ?? 0,
  );
}

/** `requests` in priority order, `sources` by sourceId. */
function summarize(
  requests: readonly OpenRequest[],
  sources: readonly AllocationSource[],
  proposedForRequest: (r: OpenRequest, index: number) => number,
  proposedFromSource: (s: AllocationSource, index: number) => number,
): RecommendationSummary {
  let totalNeedKg = 0;
  let totalProposedKg = 0;
  let totalUnmetKg = 0;
  const reqOut = requests.map((r, i): RequestOutcome => {
    const needKg = Math.max(0, r.approvedKg - r.alreadyAllocatedKg);
    const proposedKg = proposedForRequest(r, i);
    const unmetKg = Math.max(0, needKg - proposedKg);
    totalNeedKg += needKg;
    totalProposedKg += proposedKg;
    totalUnmetKg += unmetKg;
    return { requestId: r.requestId, hospitalId: r.hospitalId, hospitalName: r.hospitalName, needKg, proposedKg, unmetKg };
  });
  let totalFreeKg = 0;
  let totalLeftKg = 0;
  const srcOut = sources.map((s, i): SourceOutcome => {
    const proposedKg = proposedFromSource(s, i);
    const leftKg = Math.max(0, s.freeKg - proposedKg);
    totalFreeKg += s.freeKg;
    totalLeftKg += leftKg;
    return { sourceId: s.sourceId, freeKg: s.freeKg, proposedKg, leftKg };
  });
  return {
    totalNeedKg,
    totalFreeKg,
    totalProposedKg,
    totalUnmetKg,
    totalLeftKg,
    isShortage: totalNeedKg > totalFreeKg,
    requests: reqOut,
    sources: srcOut,
  };
}

/** Whether a request may draw on a source (earmarks). */
export function isEligible(request: Pick<OpenRequest, "hospitalId" | "isAssociationMember">, source: AllocationSource): boolean {
  if (source.earmark === "NONE") return true;
  if (source.earmark === "ASSOCIATION") return request.isAssociationMember;
  return (source.earmarkHospitalIds ?? []).includes(request.hospitalId);
}
