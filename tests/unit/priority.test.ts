import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePriority, priorityTier, rankingHours, TIER_COUNT, URGENCY_BOOST_HOURS, type PriorityInput } from "../../src/domain/priority";
import { recommendAllocations, type OpenRequest } from "../../src/domain/recommender";

const at = (hh: string) => new Date(`2021-07-20T${hh}:00:00+07:00`);
const item = (requestId: string, over: Partial<PriorityInput> = {}): PriorityInput => ({
  requestId,
  urgency: "ROUTINE",
  hoursLeft: 30,
  stale: false,
  neededBy: "2021-07-21",
  isReferral: false,
  createdAt: at("06"),
  ...over,
});

describe("the one priority order", () => {
  it("puts the hospital that runs out first ahead, whatever it declared", () => {
    const items = [
      item("emergency-40h", { urgency: "EMERGENCY", hoursLeft: 40 }),
      item("routine-3h", { urgency: "ROUTINE", hoursLeft: 3 }),
      item("urgent-20h", { urgency: "URGENT", hoursLeft: 20 }),
    ];
    expect([...items].sort(comparePriority).map((i) => i.requestId)).toEqual(["routine-3h", "urgent-20h", "emergency-40h"]);
  });

  it("gives the declared urgency a bounded boost: 12 h for an emergency, 6 h for urgent", () => {
    expect(URGENCY_BOOST_HOURS).toEqual({ EMERGENCY: 12, URGENT: 6, ROUTINE: 0 });
    // an emergency at 18 h ranks as 6 h: ahead of a routine request at 7 h
    expect(comparePriority(item("e", { urgency: "EMERGENCY", hoursLeft: 18 }), item("r", { hoursLeft: 7 }))).toBeLessThan(0);
    // but not ahead of a routine request at 2 h, and an emergency at 40 h is not ahead of routine at 20 h
    expect(comparePriority(item("e", { urgency: "EMERGENCY", hoursLeft: 18 }), item("r", { hoursLeft: 2 }))).toBeGreaterThan(0);
    expect(comparePriority(item("e", { urgency: "EMERGENCY", hoursLeft: 40 }), item("r", { hoursLeft: 20 }))).toBeGreaterThan(0);
  });

  it("within a tier, the earliest needed-by day first, then the fewest hours", () => {
    const items = [
      item("tomorrow-10h", { hoursLeft: 10, neededBy: "2021-07-21" }),
      item("today-20h", { hoursLeft: 20, neededBy: "2021-07-20" }),
      item("tomorrow-9h", { hoursLeft: 9, neededBy: "2021-07-21" }),
    ];
    expect([...items].sort(comparePriority).map((i) => i.requestId)).toEqual(["today-20h", "tomorrow-9h", "tomorrow-10h"]);
  });

  it("does not trust a stale hospital's old hours: ranked as amber at best, red when projected out", () => {
    expect(rankingHours({ urgency: "ROUTINE", hoursLeft: 200, stale: true })).toBe(24);
    expect(rankingHours({ urgency: "ROUTINE", hoursLeft: null, stale: true })).toBe(24); // never reported
    expect(rankingHours({ urgency: "ROUTINE", hoursLeft: 3, stale: true })).toBe(3);
    expect(comparePriority(item("stale-200h", { hoursLeft: 200, stale: true }), item("fresh-50h", { hoursLeft: 50 }))).toBeLessThan(0);
  });

  it("puts a hospital that uses nothing last", () => {
    expect(priorityTier({ urgency: "EMERGENCY", hoursLeft: null, stale: false })).toBe(TIER_COUNT);
    expect(comparePriority(item("none", { hoursLeft: null, urgency: "EMERGENCY" }), item("far", { hoursLeft: 500 }))).toBeGreaterThan(0);
  });

  it("then referral hospitals, the oldest request, the id", () => {
    const items = [
      item("b-new", { createdAt: at("09") }),
      item("a-new", { createdAt: at("09") }),
      item("old", { createdAt: at("05") }),
      item("referral", { isReferral: true, createdAt: at("10") }),
    ];
    expect([...items].sort(comparePriority).map((i) => i.requestId)).toEqual(["referral", "old", "a-new", "b-new"]);
  });

  const arb = fc.record({
    requestId: fc.string({ minLength: 1, maxLength: 4 }),
    urgency: fc.constantFrom("EMERGENCY" as const, "URGENT" as const, "ROUTINE" as const),
    hoursLeft: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: null }),
    stale: fc.boolean(),
    neededBy: fc.constantFrom("2021-07-20", "2021-07-21", "2021-07-22"),
    isReferral: fc.boolean(),
    createdAt: fc.integer({ min: 0, max: 10 }).map((m) => new Date(Date.UTC(2021, 6, 20, 0, m))),
  });

  it("is a total order (antisymmetric, transitive): sorting never depends on the input's order", () => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 25 }), (xs) => {
        const a = [...xs].sort(comparePriority);
        const b = [...xs].reverse().sort(comparePriority);
        expect(a.map((x) => comparePriority(x, b[a.indexOf(x)]) === 0 || x === b[a.indexOf(x)])).not.toContain(false);
        for (const x of xs) for (const y of xs) expect(Math.sign(comparePriority(x, y))).toBe(-Math.sign(comparePriority(y, x)) || 0);
      }),
    );
  });

  it("is the recommender's order too: it reports its requests in exactly this order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(arb, { selector: (x) => x.requestId, maxLength: 25 }), (xs) => {
        const requests: OpenRequest[] = xs.map((x, i) => ({
          ...x,
          hospitalId: `h${i}`,
          hospitalName: `RS ${i}`,
          approvedKg: 1000,
          alreadyAllocatedKg: 0,
          isAssociationMember: false,
        }));
        const order = recommendAllocations(requests, []).summary.requests.map((r) => r.requestId);
        expect(order).toEqual([...requests].sort(comparePriority).map((r) => r.requestId));
      }),
    );
  });
});
