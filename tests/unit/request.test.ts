import { describe, expect, it } from "vitest";
import {
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  URGENCIES,
  accepts,
  canAllocate,
  checkAllocation,
  isFulfilled,
  sourceFreeKg,
  transition,
  unallocatedKg,
  urgencyRank,
  type RequestEvent,
  type RequestStatus,
} from "../../src/domain/request";

const approve: RequestEvent = { type: "approve", approvedKg: 8000, requestedKg: 10_000, note: "Stok produsen terbatas" };
const reject: RequestEvent = { type: "reject", reason: "Stok RS masih cukup 5 hari" };
const cancel: RequestEvent = { type: "cancel" };
const events = [approve, reject, cancel];

describe("the Prisma enum", () => {
  it("has the same statuses", () => {
    expect([...REQUEST_STATUSES]).toEqual(["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED", "CLOSED_SHORT", "REJECTED", "CANCELLED"]);
  });
});

describe("transition (the decision): allowed", () => {
  it.each<[RequestStatus, RequestEvent, RequestStatus]>([
    ["SUBMITTED", approve, "APPROVED"],
    ["SUBMITTED", reject, "REJECTED"],
    ["SUBMITTED", cancel, "CANCELLED"],
  ])("%s --%o--> %s", (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, status: to });
  });

  it("a full approval (all that was asked) is allowed without a note", () => {
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 10_000, requestedKg: 10_000 })).toEqual({ ok: true, status: "APPROVED" });
  });

  it("a partial approval needs a note the hospital will see", () => {
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 8000, requestedKg: 10_000 })).toEqual({ ok: false, error: "required", field: "note" });
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 8000, requestedKg: 10_000, note: "  " })).toEqual({
      ok: false,
      error: "required",
      field: "note",
    });
  });
});

describe("transition: refused", () => {
  // Written out independently of the module's table: [status, actions it accepts].
  const accepted: Record<RequestStatus, string[]> = {
    SUBMITTED: ["approve", "reject", "cancel"],
    APPROVED: ["allocate", "closeShort"],
    ALLOCATED: ["allocate", "dispatch", "cancelAllocation", "closeShort"],
    IN_TRANSIT: ["allocate", "dispatch", "cancelAllocation", "closeShort"],
    FULFILLED: [],
    CLOSED_SHORT: [],
    REJECTED: [],
    CANCELLED: [],
  };

  for (const status of REQUEST_STATUSES) {
    for (const event of events) {
      if (accepted[status].includes(event.type)) continue;
      it(`${status} refuses ${event.type}`, () => {
        expect(transition(status, event)).toEqual({ ok: false, error: "bad_transition" });
      });
    }
  }

  it("REQUEST_ACTIONS and accepts agree with the table", () => {
    for (const status of REQUEST_STATUSES) {
      expect([...REQUEST_ACTIONS[status]].sort()).toEqual([...accepted[status]].sort());
      for (const action of accepted[status]) expect(accepts(status, action as never)).toBe(true);
    }
  });

  it("cancel only while SUBMITTED", () => {
    expect(transition("APPROVED", cancel)).toEqual({ ok: false, error: "bad_transition" });
    expect(transition("IN_TRANSIT", cancel)).toEqual({ ok: false, error: "bad_transition" });
  });

  it("final statuses stay final", () => {
    for (const status of ["FULFILLED", "CLOSED_SHORT", "REJECTED", "CANCELLED"] as const) {
      for (const event of events) expect(transition(status, event).ok).toBe(false);
      expect(REQUEST_ACTIONS[status]).toEqual([]);
    }
  });
});

describe("transition: the event's own checks", () => {
  it("approvedKg must be a positive whole kg, no more than requested", () => {
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 0, requestedKg: 10_000 })).toEqual({ ok: false, error: "positive", field: "approvedKg" });
    expect(transition("SUBMITTED", { type: "approve", approvedKg: -5, requestedKg: 10_000 })).toEqual({ ok: false, error: "positive", field: "approvedKg" });
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 1.5, requestedKg: 10_000 })).toEqual({
      ok: false,
      error: "invalid_type",
      field: "approvedKg",
    });
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 10_001, requestedKg: 10_000 })).toEqual({
      ok: false,
      error: "over_requested",
      field: "approvedKg",
    });
  });

  it("a rejection needs a reason", () => {
    expect(transition("SUBMITTED", { type: "reject", reason: "   " })).toEqual({ ok: false, error: "required", field: "reason" });
    expect(transition("SUBMITTED", { type: "reject", reason: "" })).toEqual({ ok: false, error: "required", field: "reason" });
  });

  it("a status check comes before the event's checks", () => {
    expect(transition("APPROVED", { type: "approve", approvedKg: 0, requestedKg: 1 })).toEqual({ ok: false, error: "bad_transition" });
  });
});

describe("isFulfilled", () => {
  it("when received covers approved", () => {
    expect(isFulfilled(8000, 7999)).toBe(false);
    expect(isFulfilled(8000, 8000)).toBe(true);
    expect(isFulfilled(8000, 9000)).toBe(true);
    expect(isFulfilled(0, 0)).toBe(false);
  });
});

describe("allocation rules", () => {
  it("never more than approved", () => {
    expect(canAllocate(10_000, 6000, 4000)).toBe(true);
    expect(canAllocate(10_000, 6000, 4001)).toBe(false);
    expect(canAllocate(10_000, 0, 10_000)).toBe(true);
    expect(canAllocate(10_000, 10_000, 1)).toBe(false);
  });

  it("only positive whole kilograms", () => {
    expect(canAllocate(10_000, 0, 0)).toBe(false);
    expect(canAllocate(10_000, 0, -100)).toBe(false);
    expect(canAllocate(10_000, 0, 0.5)).toBe(false);
  });

  it("what is left to allocate and what a source has free", () => {
    expect(unallocatedKg(10_000, 6000)).toBe(4000);
    expect(unallocatedKg(10_000, 12_000)).toBe(0);
    expect(sourceFreeKg(300_000, 250_000)).toBe(50_000);
    expect(sourceFreeKg(300_000, 310_000)).toBe(0);
  });

  it("checkAllocation: both limits, as codes", () => {
    const base = { approvedKg: 10_000, requestAllocatedKg: 6000, sourceFreeKg: 3000 };
    expect(checkAllocation({ ...base, kg: 3000 })).toEqual({ ok: true });
    expect(checkAllocation({ ...base, kg: 3001 })).toEqual({ ok: false, error: "over_source" });
    expect(checkAllocation({ ...base, kg: 4001 })).toEqual({ ok: false, error: "over_approved" });
    expect(checkAllocation({ ...base, kg: 0 })).toEqual({ ok: false, error: "positive" });
    expect(checkAllocation({ ...base, kg: 1.5 })).toEqual({ ok: false, error: "invalid_type" });
    expect(checkAllocation({ ...base, sourceFreeKg: 10_000, kg: 4000 })).toEqual({ ok: true });
  });
});

describe("triage", () => {
  it("urgency order EMERGENCY > URGENT > ROUTINE", () => {
    expect([...URGENCIES]).toEqual(["EMERGENCY", "URGENT", "ROUTINE"]);
    expect(urgencyRank("EMERGENCY")).toBeLessThan(urgencyRank("URGENT"));
    expect(urgencyRank("URGENT")).toBeLessThan(urgencyRank("ROUTINE"));
  });
});
