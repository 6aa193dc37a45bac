// A hospital's request for oxygen (permintaan) from submission to receipt, and the rules that
// keep allocations honest: never more than approved, never more than a source has free.
//
// The request loop (decision 0016). Staff decide once (approve in full or in part, or reject;
// the hospital may cancel before that). After an approval the status is not moved by events
// but DERIVED from quantities every time one of them changes (requestStatusOf):
//
//   approved A   live allocated L (allocations' kg, remainders cancelled taken off)
//   dispatched D (against those allocations)   accepted R (receipts' accepted kg)
//   awaiting W (dispatched, receipt not yet confirmed)   closed short C (staff, with a reason)
//
//   SUBMITTED ─approve─▶ (derived)                          reject ─▶ REJECTED   cancel ─▶ CANCELLED
//
//   derived:  R ≥ A        ─▶ FULFILLED      (final)
//             C            ─▶ CLOSED_SHORT   (final: staff closed it short, reason kept)
//             D > 0        ─▶ IN_TRANSIT     (oxygen under way or partly received)
//             L > 0        ─▶ ALLOCATED
//             otherwise    ─▶ APPROVED
//
// "Covered" = R + W + (L − D): what has arrived or is still expected. The gap A − covered can
// always be allocated again, so a short or rejected receipt frees its shortfall for a new
// allocation instead of leaving the request stuck. Staff may cancel an allocation (nothing
// dispatched yet) or its undispatched remainder, with a reason; and close a request short
// (the undispatched remainders are then released). Receipts of trucks already on the road are
// taken in every status. The actions each status offers are in REQUEST_ACTIONS; tests/unit/
// request-loop.test.ts checks with random action sequences that an open request with A > R
// always has an allowed next action and that a path to FULFILLED exists.

export const REQUEST_STATUSES = ["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED", "CLOSED_SHORT", "REJECTED", "CANCELLED"] as const;
/** Matches the Prisma enum RequestStatus. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const FINAL_REQUEST_STATUSES: readonly RequestStatus[] = ["FULFILLED", "CLOSED_SHORT", "REJECTED", "CANCELLED"];
/** Approved and still being supplied: allocations, dispatches and closing short are possible. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["APPROVED", "ALLOCATED", "IN_TRANSIT"];

export type RequestEvent =
  /** Staff approve all or part of what was asked; a partial approval needs a note the hospital sees. */
  | { type: "approve"; approvedKg: number; requestedKg: number; note?: string }
  | { type: "reject"; reason: string }
  /** The hospital withdraws its request before anyone decided on it. */
  | { type: "cancel" };

/** What staff and hospitals can do to a request in a status (receipts are per delivery, always). */
export type RequestAction = "approve" | "reject" | "cancel" | "allocate" | "dispatch" | "cancelAllocation" | "closeShort";

/** Codes translated by the errors messages (src/i18n/messages/<locale>/errors.json). */
export type RequestErrorCode = "bad_transition" | "positive" | "invalid_type" | "over_requested" | "required" | "not_negative";

export type TransitionResult =
  { ok: true; status: RequestStatus } | { ok: false; error: RequestErrorCode; field?: "approvedKg" | "reason" | "note" | "receivedKg" };

const refused: TransitionResult = { ok: false, error: "bad_transition" };

export const REQUEST_ACTIONS: Record<RequestStatus, readonly RequestAction[]> = {
  SUBMITTED: ["approve", "reject", "cancel"],
  APPROVED: ["allocate", "closeShort"],
  ALLOCATED: ["allocate", "dispatch", "cancelAllocation", "closeShort"],
  IN_TRANSIT: ["allocate", "dispatch", "cancelAllocation", "closeShort"],
  FULFILLED: [],
  CLOSED_SHORT: [],
  REJECTED: [],
  CANCELLED: [],
};

/** Whether a request in this status takes the action at all (the quantities decide the rest). */
export function accepts(status: RequestStatus, action: RequestAction): boolean {
  return REQUEST_ACTIONS[status].includes(action);
}

/** The decision on a submitted request. Statuses after an approval are derived (requestStatusOf). */
export function transition(status: RequestStatus, event: RequestEvent): TransitionResult {
  if (!accepts(status, event.type)) return refused;
  switch (event.type) {
    case "approve":
      if (!Number.isInteger(event.approvedKg)) return { ok: false, error: "invalid_type", field: "approvedKg" };
      if (event.approvedKg <= 0) return { ok: false, error: "positive", field: "approvedKg" };
      if (event.approvedKg > event.requestedKg) return { ok: false, error: "over_requested", field: "approvedKg" };
      if (event.approvedKg < event.requestedKg && (event.note ?? "").trim() === "") return { ok: false, error: "required", field: "note" };
      return { ok: true, status: "APPROVED" };
    case "reject":
      if (event.reason.trim() === "") return { ok: false, error: "required", field: "reason" };
      return { ok: true, status: "REJECTED" };
    case "cancel":
      return { ok: true, status: "CANCELLED" };
  }
}

/** Fulfilled when what arrived covers what was approved (an over-delivery also counts). */
export function isFulfilled(approvedKg: number, totalReceivedKg: number): boolean {
  return approvedKg > 0 && totalReceivedKg >= approvedKg;
}

/** The quantities a request's status follows from, all integer kg (see the diagram above). */
export interface RequestFigures {
  /** The stored status; only SUBMITTED, REJECTED, CANCELLED and CLOSED_SHORT are taken from it. */
  status: RequestStatus;
  approvedKg: number;
  /** Live allocations: cancelled ones left out, cancelled remainders taken off. */
  allocatedKg: number;
  dispatchedKg: number;
  /** Accepted into the hospital's stock, over confirmed receipts. */
  receivedKg: number;
  /** Dispatched kg whose receipt is not confirmed yet. */
  awaitingKg: number;
}

/** The status the figures put the request in. */
export function requestStatusOf(f: RequestFigures): RequestStatus {
  if (f.status === "SUBMITTED" || f.status === "REJECTED" || f.status === "CANCELLED") return f.status;
  if (isFulfilled(f.approvedKg, f.receivedKg)) return "FULFILLED";
  if (f.status === "CLOSED_SHORT") return "CLOSED_SHORT";
  if (f.dispatchedKg > 0) return "IN_TRANSIT";
  if (f.allocatedKg > 0) return "ALLOCATED";
  return "APPROVED";
}

/** What has arrived (accepted) or is still expected: on the road, or allocated and not yet sent. */
export function coveredKg(f: Pick<RequestFigures, "allocatedKg" | "dispatchedKg" | "receivedKg" | "awaitingKg">): number {
  return f.receivedKg + f.awaitingKg + Math.max(0, f.allocatedKg - f.dispatchedKg);
}

/** Approved kilograms neither received nor expected: what may be allocated (again). */
export function gapKg(f: Omit<RequestFigures, "status">): number {
  return Math.max(0, f.approvedKg - coveredKg(f));
}

// ---------------------------------------------------------------------------------------------
// Allocation rules. "Allocated" counts live allocations only: the caller leaves out CANCELLED ones
// (and an allocation whose remainder was cancelled counts with its reduced kg).

/** Approved kilograms not yet assigned to a source. */
export function unallocatedKg(approvedKg: number, alreadyAllocatedKg: number): number {
  return Math.max(0, approvedKg - alreadyAllocatedKg);
}

/**
 * One supply, counted once (issue #12, decision 0016): a producer's medical kilograms of a day are
 * taken by allocations drawing on that day's supply, by allocations drawing on its pledges for
 * that day, and by trips against its pledge tranches dispatched that day (WIB) without an
 * allocation. What goes out against a tranche is therefore not also free as that day's capacity.
 */
export function capacityCommittedKg(c: { supplyAllocatedKg: number; pledgeAllocatedKg: number; trancheDispatchedKg: number }): number {
  return c.supplyAllocatedKg + c.pledgeAllocatedKg + c.trancheDispatchedKg;
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
  /** what the request has covered so far (coveredKg: received, on the road, or allocated and not yet sent) */
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
// An allocation's own status, derived like the request's. It may be delivered in several trips:
// what is dispatched against it never exceeds its kg (the database refuses it too, migration
// 20261127100000_request_loop). Cancelling it (nothing dispatched yet) or its undispatched
// remainder takes the kg off: the allocation keeps only what left the plant.

export const ALLOCATION_STATUSES = ["PLANNED", "IN_TRANSIT", "DELIVERED", "CANCELLED"] as const;
/** Matches the Prisma enum AllocationStatus. */
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

export interface AllocationFigures {
  kg: number;
  dispatchedKg: number;
  /** dispatched kg whose receipt is not confirmed yet */
  awaitingKg: number;
  cancelled: boolean;
}

/** PLANNED until the first trip; IN_TRANSIT while kg is left to send or a trip is unconfirmed; then DELIVERED. */
export function allocationStatusOf(a: AllocationFigures): AllocationStatus {
  if (a.cancelled) return "CANCELLED";
  if (a.dispatchedKg === 0) return "PLANNED";
  if (a.dispatchedKg >= a.kg && a.awaitingKg === 0) return "DELIVERED";
  return "IN_TRANSIT";
}

/** Kilograms of the allocation still to dispatch. */
export function undispatchedKg(a: Pick<AllocationFigures, "kg" | "dispatchedKg" | "cancelled">): number {
  return a.cancelled ? 0 : Math.max(0, a.kg - a.dispatchedKg);
}

export type CancelOutcome = { ok: true; kg: number; cancelledKg: number; cancelled: boolean } | { ok: false; error: "nothing_to_cancel" };

/**
 * Cancelling an allocation: with nothing dispatched, all of it (it becomes CANCELLED and stops
 * counting); otherwise its undispatched remainder (kg becomes what was dispatched).
 */
export function cancelRemainder(a: Pick<AllocationFigures, "kg" | "dispatchedKg" | "cancelled">): CancelOutcome {
  const rest = undispatchedKg(a);
  if (rest === 0) return { ok: false, error: "nothing_to_cancel" };
  if (a.dispatchedKg === 0) return { ok: true, kg: a.kg, cancelledKg: a.kg, cancelled: true };
  return { ok: true, kg: a.dispatchedKg, cancelledKg: rest, cancelled: false };
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
