import type { Messages } from "@/i18n/messages";
import type { Translator } from "@/i18n/translator";
import { can, type Action, type Actor } from "@/server/permissions";

// The navigation, derived from the permission matrix: a role sees what it may open.
type Item = { href: string; label: keyof Messages["shell"]["nav"]; action: Action; hospitalOnly?: boolean; staffOnly?: boolean };

const ITEMS: Item[] = [
  { href: "/dashboard", label: "dashboard", action: "dashboard:read" },
  { href: "/map", label: "map", action: "dashboard:read" },
  { href: "/forecast", label: "forecast", action: "forecast:read" },
  { href: "/my-hospital", label: "myHospital", action: "stock:report" },
  { href: "/requests", label: "requests", action: "request:read" },
  { href: "/triage", label: "triage", action: "request:decide" },
  { href: "/suppliers", label: "suppliers", action: "supplier:read" },
  { href: "/capacity", label: "capacity", action: "supplier:read" },
  { href: "/pledges", label: "pledges", action: "supplier:read" },
  { href: "/dispatches", label: "dispatches", action: "delivery:read", staffOnly: true },
  { href: "/trips", label: "trips", action: "trip:read" },
  { href: "/fleet", label: "fleet", action: "fleet:read" },
  { href: "/cylinders", label: "cylinders", action: "cylinder:read", staffOnly: true },
  { href: "/policy", label: "policy", action: "policy:write" },
  { href: "/hospitals", label: "hospitals", action: "hospital:read", staffOnly: true },
  { href: "/admin/users", label: "users", action: "user:manage" },
  { href: "/admin/tokens", label: "tokens", action: "token:manage" },
  { href: "/alerts", label: "alerts", action: "alert:read" },
  { href: "/notifications", label: "notifications", action: "notification:read" },
];

export function navFor(actor: Actor, t: Translator) {
  return ITEMS.filter((i) => can(actor, i.action) && !(i.staffOnly && actor.role === "HOSPITAL")).map((i) => ({
    href: i.href,
    label: t(`shell.nav.${i.label}`),
  }));
}
