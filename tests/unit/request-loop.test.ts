import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDispatch, checkReceipt, UNUSUAL_TRIP_KG } from "../../src/domain/delivery";
import {
  accepts,
  allocationStatusOf,
  cancelRemainder,
  checkAllocation,
  coveredKg,
  FINAL_REQUEST_STATUSES,
  gapKg,
  requestStatusOf,
  undispatchedKg,
  type RequestStatus,
} from "../../src/domain/request";

// A model of one approved request driven only through the domain's rules, as the use cases do:
// allocate (≤ the gap), dispatch a trip (≤ the allocation's remainder), receive a trip (accepted
// and rejected kg), cancel an allocation's remainder, close short. Random sequences of allowed
// actions must never break a limit, and an open request with approved > received must always
// have an allowed next action — and a way to FULFILLED that does not close it short.

type Trip = { kg: number; accepted: number | null };
type Alloc = { kg: number; cancelled: boolean; trips: Trip[] };
type Model = { approvedKg: number; closed: boolean; allocations: Alloc[] };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const live = (m: Model) => m.allocations.filter((a) => !a.cancelled);
const dispatched = (a: Alloc) => sum(a.trips.map((t) => t.kg));

function figures(m: Model) {
  const trips = live(m).flatMap((a) => a.trips);
  return {
    status: (m.closed ? "CLOSED_SHORT" : "APPROVED") as RequestStatus,
    approvedKg: m.approvedKg,
    allocatedKg: sum(live(m).map((a) => a.kg)),
    dispatchedKg: sum(live(m).map(dispatched)),
    receivedKg: sum(trips.map((t) => t.accepted ?? 0)),
    awaitingKg: sum(trips.filter((t) => t.accepted === null).map((t) => t.kg)),
  };
}
const status = (m: Model) => requestStatusOf(figures(m));

type Action =
  | { type: "allocate"; kg: number }
  | { type: "dispatch"; a: number; kg: number }
  | { type: "receive"; a: number; t: number; accepted: number; rejected: number }
  | { type: "cancelAllocation"; a: number }
  | { type: "closeShort" };

/** The actions the rules allow now (each use case's checks, in the domain's words). */
function allowed(m: Model): Action[] {
  const s = status(m);
  const out: Action[] = [];
  const f = figures(m);
  const gap = gapKg(f);
  if (accepts(s, "allocate") && gap > 0) out.push({ type: "allocate", kg: gap });
  m.allocations.forEach((a, i) => {
    const rest = undispatchedKg({ kg: a.kg, dispatchedKg: dispatched(a), cancelled: a.cancelled });
    if (accepts(s, "dispatch") && rest > 0) out.push({ type: "dispatch", a: i, kg: rest });
    if (accepts(s, "cancelAllocation") && rest > 0) out.push({ type: "cancelAllocation", a: i });
    a.trips.forEach((t, j) => {
      if (t.accepted === null) out.push({ type: "receive", a: i, t: j, accepted: t.kg, rejected: 0 }); // receipts are taken in every status
    });
  });
  if (accepts(s, "closeShort")) out.push({ type: "closeShort" });
  return out;
}

/** Applies an action with a size chosen by `frac` (0..1], after checking it as the use case does. */
function apply(m: Model, act: Action, frac: number, rejectFrac: number): void {
  const part = (kg: number) => Math.max(1, Math.min(kg, Math.round(kg * frac)));
  switch (act.type) {
    case "allocate": {
      const kg = part(act.kg);
      const check = checkAllocation({ approvedKg: m.approvedKg, requestAllocatedKg: coveredKg(figures(m)), sourceFreeKg: Infinity, kg });
      expect(check).toEqual({ ok: true });
      m.allocations.push({ kg, cancelled: false, trips: [] });
      return;
    }
    case "dispatch": {
      const a = m.allocations[act.a];
      const kg = part(act.kg);
      expect(checkDispatch({ kg, remainingKg: a.kg - dispatched(a), confirmed: true })).toEqual({ ok: true });
      a.trips.push({ kg, accepted: null });
      return;
    }
    case "receive": {
      const t = m.allocations[act.a].trips[act.t];
      const accepted = Math.round(t.kg * frac); // anything from nothing to all of it
      const rejected = Math.min(t.kg - accepted, Math.round(t.kg * rejectFrac));
      const check = checkReceipt({ dispatchedKg: t.kg, acceptedKg: accepted, rejectedKg: rejected, reason: "bocor", confirmed: false });
      expect(check.ok).toBe(true);
      t.accepted = accepted;
      return;
    }
    case "cancelAllocation": {
      const a = m.allocations[act.a];
      const outcome = cancelRemainder({ kg: a.kg, dispatchedKg: dispatched(a), cancelled: a.cancelled });
      if (!outcome.ok) throw new Error("offered a cancel with nothing to cancel");
      a.kg = outcome.kg;
      a.cancelled = outcome.cancelled;
      return;
    }
    case "closeShort":
      m.closed = true;
      for (const a of live(m)) {
        const outcome = cancelRemainder({ kg: a.kg, dispatchedKg: dispatched(a), cancelled: false });
        if (outcome.ok) {
          a.kg = outcome.kg;
          a.cancelled = outcome.cancelled;
        }
      }
  }
}

function invariants(m: Model) {
  const f = figures(m);
  const s = status(m);
  // totals never exceed limits
  for (const a of m.allocations) {
    expect(dispatched(a)).toBeLessThanOrEqual(a.kg);
    if (a.cancelled) expect(a.trips).toEqual([]);
    for (const t of a.trips) if (t.accepted !== null) expect(t.accepted).toBeLessThanOrEqual(t.kg);
  }
  expect(coveredKg(f)).toBeLessThanOrEqual(m.approvedKg);
  expect(f.receivedKg).toBeLessThanOrEqual(m.approvedKg);
  // the request never gets stuck: open with approved > received ⇒ something can be done
  if (!FINAL_REQUEST_STATUSES.includes(s)) expect(allowed(m).filter((x) => x.type !== "receive").length).toBeGreaterThan(0);
  if (f.approvedKg > f.receivedKg && s !== "CLOSED_SHORT") expect(allowed(m).length).toBeGreaterThan(0);
  if (s === "FULFILLED") expect(f.receivedKg).toBeGreaterThanOrEqual(f.approvedKg);
  // allocation statuses follow their trips
  for (const a of m.allocations) {
    const st = allocationStatusOf({
      kg: a.kg,
      dispatchedKg: dispatched(a),
      awaitingKg: sum(a.trips.filter((t) => t.accepted === null).map((t) => t.kg)),
      cancelled: a.cancelled,
    });
    if (a.trips.length === 0) expect(["PLANNED", "CANCELLED"]).toContain(st);
  }
}

/** Drives the request to FULFILLED without closing it short: receive in full, send every remainder, allocate every gap. */
function completes(m: Model): boolean {
  for (let step = 0; step < 200; step++) {
    if (status(m) === "FULFILLED") return true;
    const acts = allowed(m).filter((a) => a.type !== "closeShort" && a.type !== "cancelAllocation");
    if (acts.length === 0) return false;
    const act = acts.find((a) => a.type === "receive") ?? acts.find((a) => a.type === "dispatch") ?? acts[0];
    if (act.type === "receive") {
      m.allocations[act.a].trips[act.t].accepted = m.allocations[act.a].trips[act.t].kg;
    } else apply(m, act, 1, 0);
  }
  return false;
}

const step = fc.record({ pick: fc.nat(), frac: fc.double({ min: 0, max: 1, noNaN: true }), reject: fc.double({ min: 0, max: 0.3, noNaN: true }) });

describe("the request loop (random sequences of allowed actions)", () => {
  it("keeps every limit, never leaves an open request without a next action, and can always still be fulfilled", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.array(step, { maxLength: 40 }), (approvedKg, steps) => {
        const m: Model = { approvedKg, closed: false, allocations: [] };
        invariants(m);
        for (const s of steps) {
          const acts = allowed(m);
          if (acts.length === 0) break;
          apply(m, acts[s.pick % acts.length], Math.max(s.frac, 0.01), s.reject);
          invariants(m);
        }
        if (status(m) !== "CLOSED_SHORT") expect(completes(structuredClone(m))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("a 19.7 t receipt of a 20 t allocation leaves a 0.3 t gap to allocate again or to close", () => {
    const m: Model = { approvedKg: 20_000, closed: false, allocations: [{ kg: 20_000, cancelled: false, trips: [{ kg: 20_000, accepted: 19_700 }] }] };
    expect(status(m)).toBe("IN_TRANSIT");
    expect(gapKg(figures(m))).toBe(300);
    expect(
      allowed(m)
        .map((a) => a.type)
        .sort(),
    ).toEqual(["allocate", "closeShort"]);
    apply(m, { type: "closeShort" }, 1, 0);
    expect(status(m)).toBe("CLOSED_SHORT");
  });
});

describe("statuses follow quantities", () => {
  const base = { status: "APPROVED" as RequestStatus, approvedKg: 10_000, allocatedKg: 0, dispatchedKg: 0, receivedKg: 0, awaitingKg: 0 };
  it.each<[Partial<typeof base>, RequestStatus]>([
    [{}, "APPROVED"],
    [{ allocatedKg: 4000 }, "ALLOCATED"],
    [{ allocatedKg: 10_000, dispatchedKg: 2000, awaitingKg: 2000 }, "IN_TRANSIT"],
    [{ allocatedKg: 10_000, dispatchedKg: 10_000, receivedKg: 9990 }, "IN_TRANSIT"],
    [{ allocatedKg: 10_000, dispatchedKg: 10_000, receivedKg: 10_000 }, "FULFILLED"],
    [{ status: "CLOSED_SHORT", allocatedKg: 9700, dispatchedKg: 9700, receivedKg: 9700 }, "CLOSED_SHORT"],
    [{ status: "CLOSED_SHORT", receivedKg: 10_000 }, "FULFILLED"],
    [{ status: "SUBMITTED" }, "SUBMITTED"],
    [{ status: "REJECTED" }, "REJECTED"],
  ])("%o → %s", (f, expected) => expect(requestStatusOf({ ...base, ...f })).toBe(expected));

  it("allocation: planned, in transit while kg is left or a trip is unconfirmed, delivered, cancelled", () => {
    expect(allocationStatusOf({ kg: 20_000, dispatchedKg: 0, awaitingKg: 0, cancelled: false })).toBe("PLANNED");
    expect(allocationStatusOf({ kg: 20_000, dispatchedKg: 10_000, awaitingKg: 0, cancelled: false })).toBe("IN_TRANSIT");
    expect(allocationStatusOf({ kg: 20_000, dispatchedKg: 20_000, awaitingKg: 10_000, cancelled: false })).toBe("IN_TRANSIT");
    expect(allocationStatusOf({ kg: 20_000, dispatchedKg: 20_000, awaitingKg: 0, cancelled: false })).toBe("DELIVERED");
    expect(cancelRemainder({ kg: 20_000, dispatchedKg: 0, cancelled: false })).toEqual({ ok: true, kg: 20_000, cancelledKg: 20_000, cancelled: true });
    expect(cancelRemainder({ kg: 20_000, dispatchedKg: 12_000, cancelled: false })).toEqual({ ok: true, kg: 12_000, cancelledKg: 8000, cancelled: false });
    expect(cancelRemainder({ kg: 20_000, dispatchedKg: 20_000, cancelled: false })).toEqual({ ok: false, error: "nothing_to_cancel" });
  });
});

describe("dispatch and receipt limits", () => {
  it("a trip above the remainder is impossible; above a tanker's load it is confirmed", () => {
    expect(checkDispatch({ kg: 20_001, remainingKg: 20_000, confirmed: true })).toEqual({ ok: false, error: "over_remaining", limitKg: 20_000 });
    expect(checkDispatch({ kg: 30_000, remainingKg: 40_000, confirmed: false })).toEqual({ ok: false, error: "unusual_trip", limitKg: UNUSUAL_TRIP_KG });
    expect(checkDispatch({ kg: 30_000, remainingKg: 40_000, confirmed: true })).toEqual({ ok: true });
  });

  it("a receipt far above the dispatch is refused, a little above is confirmed, a short one needs a reason", () => {
    const r = (acceptedKg: number, over: Partial<{ rejectedKg: number; reason: string; confirmed: boolean }> = {}) =>
      checkReceipt({ dispatchedKg: 20_000, acceptedKg, rejectedKg: 0, reason: "", confirmed: false, ...over });
    expect(r(197_000)).toMatchObject({ ok: false, field: "receivedKg", error: "received_too_much" }); // 197 t typed for 19.7 t
    expect(r(21_000)).toMatchObject({ ok: false, field: "receivedKg", error: "unusual_receipt" });
    expect(r(21_000, { confirmed: true })).toMatchObject({ ok: false, field: "shortReason" }); // a difference beyond the tolerance needs a reason either way
    expect(r(21_000, { confirmed: true, reason: "pengukur tangki" }).ok).toBe(true);
    expect(r(19_700)).toMatchObject({ ok: false, field: "shortReason", error: "required" });
    expect(r(19_700, { reason: "menguap di jalan" }).ok).toBe(true);
    expect(r(19_900).ok).toBe(true); // within the 1 % tolerance
    expect(r(19_000, { rejectedKg: 1000 })).toMatchObject({ ok: false, field: "shortReason" });
    expect(r(0, { rejectedKg: 20_001, reason: "x" })).toMatchObject({ ok: false, field: "rejectedKg", error: "over_dispatched" });
  });
});
