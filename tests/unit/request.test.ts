import { describe, expect, it } from "vitest";
import {
  REQUEST_STATUSES,
  URGENCIES,
  canAllocate,
  checkAllocation,
  eventsAccepted,
  isFulfilled,
  sourceFreeKg,
  transition,
  unallocatedKg,
  urgencyRank,
  type RequestEvent,
  type RequestStatus,
} from "../../src/domain/request";

const approve: RequestEvent = { type: "approve", approvedKg: 8000, requestedKg: 10_000 };
const reject: RequestEvent = { type: "reject", reason: "Stok RS masih cukup 5 hari" };
const cancel: RequestEvent = { type: "cancel" };
const allocate: RequestEvent = { type: "allocate" };
const dispatch: RequestEvent = { type: "dispatch" };
const receivePart: RequestEvent = { type: "receive", totalReceivedKg: 5000, approvedKg: 8000 };
const receiveAll: RequestEvent = { type: "receive", totalReceivedKg: 8000, approvedKg: 8000 };
const events = [approve, reject, cancel, allocate, dispatch, receivePart];

describe("the Prisma enum", () => {
  it("has the same statuses", () => {
    expect([...REQUEST_STATUSES]).toEqual(["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED", "REJECTED", "CANCELLED"]);
  });
});

describe("transition: allowed", () => {
  it.each<[RequestStatus, RequestEvent, RequestStatus]>([
    ["SUBMITTED", approve, "APPROVED"],
    ["SUBMITTED", reject, "REJECTED"],
    ["SUBMITTED", cancel, "CANCELLED"],
    ["APPROVED", allocate, "ALLOCATED"],
    ["ALLOCATED", allocate, "ALLOCATED"],
    ["ALLOCATED", dispatch, "IN_TRANSIT"],
    ["IN_TRANSIT", dispatch, "IN_TRANSIT"],
    ["IN_TRANSIT", allocate, "IN_TRANSIT"],
    ["IN_TRANSIT", receivePart, "IN_TRANSIT"],
    ["IN_TRANSIT", receiveAll, "FULFILLED"],
    ["IN_TRANSIT", { type: "receive", totalReceivedKg: 8100, approvedKg: 8000 }, "FULFILLED"],
  ])("%s --%o--> %s", (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, status: to });
  });

  it("a full approval (all that was asked) is allowed", () => {
    expect(transition("SUBMITTED", { type: "approve", approvedKg: 10_000, requestedKg: 10_000 })).toEqual({ ok: true, status: "APPROVED" });
  });
});

describe("transition: refused", () => {
  // Written out independently of the module's table: [status, event types it accepts].
  const accepted: Record<RequestStatus, string[]> = {
    SUBMITTED: ["approve", "reject", "cancel"],
    APPROVED: ["allocate"],
    ALLOCATED: ["allocate", "dispatch"],
    IN_TRANSIT: ["allocate", "dispatch", "receive"],
    FULFILLED: [],
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

  it("eventsAccepted agrees with the table", () => {
    for (const status of REQUEST_STATUSES) expect([...eventsAccepted(status)].sort()).toEqual([...accepted[status]].sort());
  });

  it("cancel only while SUBMITTED", () => {
    expect(transition("APPROVED", cancel)).toEqual({ ok: false, error: "bad_transition" });
    expect(transition("IN_TRANSIT", cancel)).toEqual({ ok: false, error: "bad_transition" });
  });

  it("final statuses stay final", () => {
    for (const status of ["FULFILLED", "REJECTED", "CANCELLED"] as const) {
      for (const event of [...events, receiveAll]) expect(transition(status, event).ok).toBe(false);
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

  it("a receipt cannot be negative", () => {
    expect(transition("IN_TRANSIT", { type: "receive", totalReceivedKg: -1, approvedKg: 8000 })).toEqual({
      ok: false,
      error: "not_negative",
      field: "receivedKg",
    });
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
