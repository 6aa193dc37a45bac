import type { Action, Role } from "@/server/permissions";

// Each role's day, in the order it is done: the step's message key (guide.steps.<role>.<key>),
// the page it happens on, and what opening that page takes (the link is shown only when the
// matrix lets the reader open it).
export type GuideStep = { key: string; href: string; action: Action };

export const GUIDE_STEPS: Record<Role, GuideStep[]> = {
  STAFF: [
    { key: "dashboard", href: "/dashboard", action: "dashboard:read" },
    { key: "notifications", href: "/notifications", action: "notification:read" },
    { key: "capacity", href: "/capacity", action: "capacity:write" },
    { key: "triage", href: "/triage", action: "request:decide" },
    { key: "dispatch", href: "/dispatches/new", action: "dispatch:write" },
    { key: "hospitals", href: "/hospitals", action: "hospital:read" },
    { key: "pledges", href: "/pledges", action: "pledge:write" },
  ],
  ADMIN: [
    { key: "dashboard", href: "/dashboard", action: "dashboard:read" },
    { key: "users", href: "/admin/users", action: "user:manage" },
    { key: "tokens", href: "/admin/tokens", action: "token:manage" },
    { key: "policy", href: "/policy", action: "policy:write" },
    { key: "forecast", href: "/forecast", action: "forecast:configure" },
    { key: "audit", href: "/audit", action: "audit:read" },
  ],
  OFFICIAL: [
    { key: "dashboard", href: "/dashboard", action: "dashboard:read" },
    { key: "alerts", href: "/alerts", action: "alert:read" },
    { key: "forecast", href: "/forecast", action: "forecast:read" },
    { key: "report", href: "/report", action: "report:read" },
  ],
  HOSPITAL: [
    { key: "stock", href: "/my-hospital", action: "stock:report" },
    { key: "notifications", href: "/notifications", action: "notification:read" },
    { key: "request", href: "/requests", action: "request:create" },
    { key: "receipt", href: "/my-hospital", action: "receipt:confirm" },
    { key: "alerts", href: "/alerts", action: "alert:read" },
  ],
};
