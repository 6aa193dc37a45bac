// The allocation recommender on a national-size input: 10,000 open approved requests and 500
// sources (400 daily supplies, 100 pledges, some earmarked), generated deterministically, with
// supply at ~60 % of need so the fair-share (water-filling) path runs in every tier.
import { recommendAllocations, type AllocationSource, type OpenRequest, type Urgency } from "../../src/domain/recommender";
import { rng } from "./prng";

export function recommenderInput(requests = 10_000, sources = 500, seed = "recommender") {
  const r = rng(seed);
  const hospitals = 3000;
  const urgencies: Urgency[] = ["ROUTINE", "URGENT", "EMERGENCY"];
  const t0 = Date.UTC(2022, 1, 20);
  const reqs: OpenRequest[] = Array.from({ length: requests }, (_, i) => {
    const h = r.int(0, hospitals - 1);
    const approved = r.int(5, 200) * 100;
    return {
      requestId: `rq${String(i).padStart(6, "0")}`,
      hospitalId: `hs${String(h).padStart(6, "0")}`,
      hospitalName: `RS ${h}`,
      approvedKg: approved,
      alreadyAllocatedKg: r.chance(0.2) ? r.int(0, approved - 100) : 0,
      urgency: urgencies[r.chance(0.15) ? 2 : r.chance(0.35) ? 1 : 0],
      hoursLeft: r.chance(0.1) ? null : Math.round(r.next() * 120 * 10) / 10,
      stale: r.chance(0.05),
      neededBy: `2022-02-${String(20 + r.int(0, 5)).padStart(2, "0")}`,
      isReferral: r.chance(0.25),
      isAssociationMember: h % 5 < 2,
      createdAt: new Date(t0 + r.int(0, 3 * 86_400_000)),
    };
  });
  const need = reqs.reduce((s, q) => s + q.approvedKg - q.alreadyAllocatedKg, 0);
  const srcs: AllocationSource[] = Array.from({ length: sources }, (_, i) => {
    const pledge = i >= sources * 0.8;
    const u = r.next();
    const earmark = !pledge ? "NONE" : u < 0.3 ? "HOSPITALS" : u < 0.6 ? "ASSOCIATION" : "NONE";
    return {
      sourceId: `${pledge ? "pledge" : "supply"}:${String(i).padStart(4, "0")}`,
      kind: pledge ? "pledge" : "supply",
      supplierId: `sp${String(i % 400).padStart(5, "0")}`,
      supplierName: `Supplier ${i % 400}`,
      ...(pledge ? { pledgeId: `pg${i}` } : {}),
      freeKg: Math.max(1, Math.round(((need * 0.6) / sources) * (0.3 + 1.4 * r.next()))),
      earmark,
      earmarkHospitalIds: earmark === "HOSPITALS" ? Array.from({ length: r.int(2, 30) }, () => `hs${String(r.int(0, hospitals - 1)).padStart(6, "0")}`) : [],
    };
  });
  return { requests: reqs, sources: srcs };
}

export type RecommenderResult = {
  requests: number;
  sources: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  lines: number;
  isShortage: boolean;
};

export function benchRecommender(runs = 7): RecommenderResult {
  const { requests, sources } = recommenderInput();
  recommendAllocations(requests, sources); // warm-up (JIT)
  const times: number[] = [];
  let lines = 0;
  let shortage = false;
  for (let i = 0; i < Math.max(5, runs); i++) {
    const t = performance.now();
    const rec = recommendAllocations(requests, sources);
    times.push(performance.now() - t);
    lines = rec.lines.length;
    shortage = rec.summary.isShortage;
  }
  times.sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: requests.length,
    sources: sources.length,
    runs: times.length,
    medianMs: r1(times[Math.floor(times.length / 2)]),
    minMs: r1(times[0]),
    maxMs: r1(times[times.length - 1]),
    lines,
    isShortage: shortage,
  };
}
