// The permission matrix: the ONE place that says who may do what. Every page, server action
// and API route asks `can` (usually through requireActor / authorize); hiding a button is
// never the defence. Tested as a matrix in tests/unit/permissions.test.ts.

export const ROLES = ["ADMIN", "STAFF", "OFFICIAL", "HOSPITAL"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  hospitalId: string | null;
  /** An admin chose this account's password (new account, reset): nothing but choosing a new one until then. */
  mustChangePassword?: boolean;
};

/** "all": any record; "own": only records of the actor's own hospital; "none": refused. */
type Grant = "all" | "own" | "none";

const ALL: Grant = "all";
const OWN: Grant = "own";
const NO: Grant = "none";

//                              ADMIN STAFF OFFICIAL HOSPITAL
const MATRIX = {
  "dashboard:read": [ALL, ALL, ALL, NO],
  "report:read": [ALL, ALL, ALL, NO],
  "forecast:read": [ALL, ALL, ALL, NO],
  "scenario:save": [ALL, ALL, ALL, NO],
  "forecast:configure": [ALL, NO, NO, NO],
  "api:summary": [ALL, ALL, ALL, NO],
  "api:pledges": [ALL, ALL, ALL, NO],
  "api:hospitals": [ALL, ALL, ALL, OWN],
  "supplier:read": [ALL, ALL, ALL, NO],
  "supplier:write": [ALL, ALL, NO, NO],
  "capacity:write": [ALL, ALL, NO, NO],
  "pledge:write": [ALL, ALL, NO, NO],
  "dispatch:write": [ALL, ALL, NO, NO],
  "policy:write": [ALL, NO, NO, NO],
  "hospital:read": [ALL, ALL, ALL, OWN],
  "hospital:write": [ALL, ALL, NO, NO],
  "stock:report": [NO, NO, NO, OWN],
  "stock:read": [ALL, ALL, ALL, OWN],
  "stock:review": [ALL, ALL, NO, NO],
  "stock:report-on-behalf": [ALL, ALL, NO, NO], // war room: a report or a receipt taken by phone (decision 0039)
  "cylinder:read": [ALL, ALL, ALL, OWN],
  "cylinder:count": [NO, NO, NO, OWN], // a cylinder hospital's own count (staff: stock:report-on-behalf)
  "cylinder:move": [ALL, ALL, NO, NO], // refills at a distributor, deliveries and returns of cylinders
  "request:create": [NO, NO, NO, OWN],
  "request:cancel": [NO, NO, NO, OWN],
  "request:read": [ALL, ALL, ALL, OWN],
  "request:decide": [ALL, ALL, NO, NO],
  "allocation:write": [ALL, ALL, NO, NO],
  "allocation:cancel": [ALL, ALL, NO, NO],
  "request:close": [ALL, ALL, NO, NO],
  "receipt:confirm": [NO, NO, NO, OWN],
  "receipt:record": [ALL, ALL, NO, NO], // staff record a tranche trip's receipt (a hospital without an account, a depot)
  "delivery:read": [ALL, ALL, ALL, OWN],
  "fleet:read": [ALL, ALL, ALL, NO], // vehicles and drivers (decision 0038)
  "fleet:manage": [ALL, ALL, NO, NO],
  "trip:read": [ALL, ALL, ALL, NO], // the trip board; a hospital sees its incoming trips under delivery:read
  "trip:move": [ALL, ALL, NO, NO], // departed, arrived, returned (received follows the receipts)
  "trip:divert": [ALL, ALL, NO, NO], // redirect a trip in transit to a hospital in need
  "notification:read": [ALL, ALL, ALL, ALL],
  "alert:read": [ALL, ALL, ALL, OWN],
  "alert:acknowledge": [ALL, ALL, NO, OWN], // whoever takes it on stops its escalation (decision 0033)
  "alert:configure": [ALL, ALL, NO, OWN], // a hospital's thresholds; one's own channels are account settings
  "audit:read": [ALL, ALL, NO, NO], // the business records' history (AUDITED_ENTITIES)
  "audit:accounts": [ALL, NO, NO, NO], // and the accounts' and API tokens' history
  "user:manage": [ALL, NO, NO, NO],
  "token:manage": [ALL, NO, NO, NO],
  "password:change": [ALL, ALL, ALL, ALL], // one's own
  "account:settings": [ALL, ALL, ALL, ALL], // one's own: how alerts reach one (decision 0033)
  "duty:own": [NO, ALL, NO, NO], // a staff member goes on duty (first to be told of an escalation) or off; admins set it under user:manage
  "session:end": [ALL, ALL, ALL, ALL], // one's own: sign out
} as const satisfies Record<string, readonly [Grant, Grant, Grant, Grant]>;

export type Action = keyof typeof MATRIX;
export const ACTIONS = Object.keys(MATRIX) as Action[];

/** A record the action touches; for hospital-owned records, its hospital. */
export type Resource = { hospitalId?: string | null };

function grant(role: Role, action: Action): Grant {
  return MATRIX[action][ROLES.indexOf(role)];
}

/**
 * May this actor do this action (on this resource)? Without a resource, "own" grants
 * mean "on some records" — callers of an own-scoped action must then scope their query
 * to `actor.hospitalId` (see scopeToOwnHospital).
 */
/** All an account whose password an admin chose may do before choosing its own. */
const BEFORE_OWN_PASSWORD: ReadonlySet<Action> = new Set(["password:change", "session:end"]);

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  if (actor.mustChangePassword && !BEFORE_OWN_PASSWORD.has(action)) return false;
  const g = grant(actor.role, action);
  if (g === "all") return true;
  if (g === "none") return false;
  if (!actor.hospitalId) return false;
  return resource === undefined || resource.hospitalId === actor.hospitalId;
}

/** Whether the actor's reads of this action are limited to their own hospital. */
export function isOwnScoped(actor: Actor, action: Action): boolean {
  return grant(actor.role, action) === "own";
}

/** The hospital a query must be limited to, or null when the actor may see all. */
export function hospitalScope(actor: Actor, action: Action): string | null {
  return isOwnScoped(actor, action) ? (actor.hospitalId ?? "__none__") : null;
}

export class Forbidden extends Error {
  constructor(public readonly action: Action) {
    super(`forbidden: ${action}`);
  }
}

export function authorize(actor: Actor | null | undefined, action: Action, resource?: Resource): asserts actor is Actor {
  if (!can(actor, action, resource)) throw new Forbidden(action);
}
