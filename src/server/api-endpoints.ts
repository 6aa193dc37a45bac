import "server-only";
import { can, isOwnScoped, type Action, type Actor, type Role } from "./permissions";

// The API v1 endpoints and the permission each route checks (src/app/api/v1/*/route.ts): the
// token page lists what a token reaches from its user's role. tests/unit/api-endpoints.test.ts
// keeps this list and the routes in step.
export const API_ENDPOINTS = [
  { key: "summary", path: "/api/v1/summary", action: "api:summary" },
  { key: "hospitals", path: "/api/v1/hospitals", action: "api:hospitals" },
  { key: "pledges", path: "/api/v1/pledges", action: "api:pledges" },
] as const satisfies readonly { key: string; path: string; action: Action }[];

export type ApiEndpoint = (typeof API_ENDPOINTS)[number];

/** What a token acting as a user of this role reaches: each endpoint, for all records or its own hospital's. */
export function apiReach(role: Role): { endpoint: ApiEndpoint; own: boolean }[] {
  // A stand-in with a hospital: an own-scoped grant then counts as reaching (its own records).
  const actor: Actor = { id: "", email: "", name: "", role, hospitalId: "own" };
  return API_ENDPOINTS.filter((e) => can(actor, e.action)).map((endpoint) => ({ endpoint, own: isOwnScoped(actor, endpoint.action) }));
}
