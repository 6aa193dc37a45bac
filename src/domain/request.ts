// A hospital's request for oxygen (permintaan) from submission to receipt, and the rules that
// keep allocations honest: never more than approved, never more than a source has free.
//
//   SUBMITTED ──approve──▶ APPROVED ──allocate──▶ ALLOCATED ──dispatch──▶ IN_TRANSIT ──receive──▶ FULFILLED
//       │ reject ─▶ REJECTED                        (allocate again: stays)   (dispatch / allocate again,
//       │ cancel ─▶ CANCELLED                                                  partial receipt: stays)
//
// A request is fulfilled when what the hospital received covers what was approved; a partial
// receipt keeps it IN_TRANSIT so the rest can still be allocated and sent. FULFILLED, REJECTED
// and CANCELLED are final.

export const REQUEST_STATUSES = ["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED", "REJECTED", "CANCELLED"] as const;
/** Matches the Prisma enum RequestStatus. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const FINAL_REQUEST_STATUSES: readonly RequestStatus[] = ["FULFILLED", "REJECTED", "CANCELLED"];

export type RequestEvent =
  /** Staff approve all or part of what was asked. */
  | { type: "approve"; approvedKg: number; requestedKg: number }
  | { type: "reject"; reason: string }
  /** The hospital withdraws its request before anyone decided on it. */
  | { type: "cancel" }
  | { type: "allocate" }
  | { type: "dispatch" }
  /** totalReceivedKg: everything received against the request so far, this receipt included. */
  | { type: "receive"; totalReceivedKg: number; approvedKg: number };

/** Codes translated by src/i18n/errors.ts. */
export type RequestErrorCode = "bad_transition" | "positive" | "invalid_type" | "over_requested" | "required" | "not_negative";

export type TransitionResult =
  | { ok: true; status: RequestStatus }
  | { ok: false; error: RequestErrorCode; field?: "approvedKg" | "reason" | "receivedKg" };

const refused: TransitionResult = { ok: false, error: "bad_transition" };

/** Which events each status accepts (before the event's own checks). */
const ACCEPTS: Record<RequestStatus, readonly RequestEvent["type"][]> = {
  SUBMITTED: ["approve", "reject", "cancel"],
  APPROVED: ["allocate"],
  ALLOCATED: ["allocate", "dispatch"],
  IN_TRANSIT: ["allocate", "dispatch", "receive"],
  FULFILLED: [],
  REJECTED: [],
  CANCELLED: [],
};

/** The events a request in this status can take, e.g. to decide which buttons to offer. */
export function eventsAccepted(status: RequestStatus): readonly RequestEvent["type"][] {
  return ACCEPTS[status];
}

export function transition(status: RequestStatus, event: RequestEvent): TransitionResult {
  if (!ACCEPTS[status].includes(event.type)) return refused;
  switch (event.type) {
    case "approve":
      if (!Number.isInteger(event.approvedKg)) return { ok: false, error: "invalid_type", field: "approvedKg" };
      if (event.approvedKg <= 0) return { ok: false, error: "positive", field: "approvedKg" };
      if (event.approvedKg > event.requestedKg) return { ok: false, error: "over_requested", field: "approvedKg" };
      return { ok: true, status: "APPROVED" };
    case "reject":
      if (event.reason.trim() === "") return { ok: false, error: "required", field: "reason" };
      return { ok: true, status: "REJECTED" };
    case "cancel":
      return { ok: true, status: "CANCELLED" };
    case "allocate":
      return { ok: true, status: status === "APPROVED" ? "ALLOCATED" : status };
    case "dispatch":
      return { ok: true, status: "IN_TRANSIT" };
    case "receive":
      if (!Number.isInteger(event.totalReceivedKg)) return { ok: false, error: "invalid_type", field: "receivedKg" };
      if (event.totalReceivedKg < 0) return { ok: false, error: "not_negative", field: "receivedKg" };
      return { ok: true, status: isFulfilled(event.approvedKg, event.totalReceivedKg) ? "FULFILLED" : "IN_TRANSIT" };
  }
}

/** Fulfilled when what arrived covers what was approved (an over-delivery also counts). */
export function isFulfilled(approvedKg: number, totalReceivedKg: number): boolean {
  return approvedKg > 0 && totalReceivedKg >= approvedKg;
}

// ---------------------------------------------------------------------------------------------
// Allocation rules. "Allocated" counts live allocations only: the caller leaves out CANCELLED ones.

/** Approved kilograms not yet assigned to a source. */
export function unallocatedKg(approvedKg: number, alreadyAllocatedKg: number): number {
  return Math.max(0, approvedKg - alreadyAllocatedKg);
}

/** A source's kilograms still free: its medical supply that day (or a pledge's rest) less what is allocated. */
export function sourceFreeKg(availableKg: number, alreadyAllocatedKg: number): number {
  return Math.max(0, availableKg - alreadyAllocatedKg);
}

/** Whether moreKg more can go to this request without the total exceeding what was approved. */
export function canAllocate(approvedKg: number, alreadyAllocatedKg: number, moreKg: number): boolean {
  return Number.isInteger(moreKg) && moreKg > 0 && alreadyAllocatedKg + moreKg <= approvedKg;
}

export type AllocationErrorCode = "invalid_type" | "positive" | "over_approved" | "over_source";

export interface AllocationCheckInput {
  approvedKg: number;
  /** live allocations of this request so far */
  requestAllocatedKg: number;
  /** the source's free kg before this allocation (see sourceFreeKg) */
  sourceFreeKg: number;
  kg: number;
}

/** Both limits at once, as a field-keyed code for the allocation form's kg field. */
export function checkAllocation(a: AllocationCheckInput): { ok: true } | { ok: false; error: AllocationErrorCode } {
  if (!Number.isInteger(a.kg)) return { ok: false, error: "invalid_type" };
  if (a.kg <= 0) return { ok: false, error: "positive" };
  if (!canAllocate(a.approvedKg, a.requestAllocatedKg, a.kg)) return { ok: false, error: "over_approved" };
  if (a.kg > a.sourceFreeKg) return { ok: false, error: "over_source" };
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Triage

export const URGENCIES = ["EMERGENCY", "URGENT", "ROUTINE"] as const;
/** Matches the Prisma enum Urgency; URGENCIES lists them most urgent first. */
export type Urgency = (typeof URGENCIES)[number];

/** 0 is the most urgent. */
export function urgencyRank(urgency: Urgency): number {
  return URGENCIES.indexOf(urgency);
}
