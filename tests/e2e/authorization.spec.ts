import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, request as requestFactory, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import pg from "pg";
import { can, type Action, type Actor } from "../../src/server/permissions";
import { e2eDatabaseServerUrl, findDatabaseByLoginMarker } from "../../scripts/lib/e2e-db";
import { loginAs } from "./helpers";

// The authorization matrix over HTTP: every page and route handler under src/app, requested
// against the production server by anonymous, ADMIN, STAFF, OFFICIAL, the hospital admin of the
// record's hospital (rs1) and the hospital admin of another hospital (rs2), each with a real
// session made by logging in through the form once. Allowed → 200; refused → /login (signed
// out), /forbidden (role), 404 (another hospital's record), 401/403 (routes).
// Use cases and server actions: tests/integration/authorization-matrix.test.ts.
// A page or route that is not in ROUTES fails the discovery test: add it with its permission.

type Who = "anonymous" | "ADMIN" | "STAFF" | "OFFICIAL" | "HOSPITAL-own" | "HOSPITAL-other";
const WHO: Who[] = ["anonymous", "ADMIN", "STAFF", "OFFICIAL", "HOSPITAL-own", "HOSPITAL-other"];
const EMAIL: Record<Exclude<Who, "anonymous">, string> = {
  ADMIN: "admin@satgas.test",
  STAFF: "staff@satgas.test",
  OFFICIAL: "official@satgas.test",
  "HOSPITAL-own": "rs1@satgas.test",
  "HOSPITAL-other": "rs2@satgas.test",
};

type Ids = { ownHospital: string; request: string; pledge: string; supplier: string; trip: string };
type Route = {
  kind: "page" | "route";
  /** The URL to request; dynamic segments filled with records of rs1's hospital or shared ones. */
  url: (ids: Ids) => string;
  /** Who may: "public", "signed-in", a permission (own: the record belongs to rs1's hospital), or nobody (a 404 for all). */
  access: "public" | "signed-in" | "nobody" | { action: Action; own?: true };
  /** For own-scoped API lists: every row must be the caller's hospital. */
  scopedRows?: true;
};

const ROUTES: Record<string, Route> = {
  "/": { kind: "page", url: () => "/", access: "signed-in" },
  "/admin/tokens": { kind: "page", url: () => "/admin/tokens", access: { action: "token:manage" } },
  "/admin/users": { kind: "page", url: () => "/admin/users", access: { action: "user:manage" } },
  "/audit": { kind: "page", url: () => "/audit", access: { action: "audit:read" } },
  "/capacity": { kind: "page", url: () => "/capacity", access: { action: "supplier:read" } },
  "/cylinders": { kind: "page", url: () => "/cylinders", access: { action: "cylinder:read" } },
  "/capacity/export": { kind: "route", url: () => "/capacity/export?date=2021-07-26", access: { action: "supplier:read" } },
  "/dashboard": { kind: "page", url: () => "/dashboard?date=2021-07-26", access: { action: "dashboard:read" } },
  "/dashboard/export/[table]": { kind: "route", url: () => "/dashboard/export/summary?date=2021-07-26", access: { action: "dashboard:read" } },
  "/dispatches": { kind: "page", url: () => "/dispatches", access: { action: "delivery:read" } },
  "/dispatches/new": { kind: "page", url: () => "/dispatches/new", access: { action: "dispatch:write" } },
  "/fleet": { kind: "page", url: () => "/fleet", access: { action: "fleet:read" } },
  "/trips": { kind: "page", url: () => "/trips", access: { action: "trip:read" } },
  "/trips/[id]": { kind: "page", url: (i) => `/trips/${i.trip}`, access: { action: "trip:read" } },
  "/forecast": { kind: "page", url: () => "/forecast", access: { action: "forecast:read" } },
  "/hospitals": { kind: "page", url: () => "/hospitals", access: { action: "hospital:read" } },
  "/hospitals/[id]": { kind: "page", url: (i) => `/hospitals/${i.ownHospital}`, access: { action: "hospital:read", own: true } },
  "/hospitals/new": { kind: "page", url: () => "/hospitals/new", access: { action: "hospital:write" } },
  "/map": { kind: "page", url: () => "/map", access: { action: "dashboard:read" } },
  "/my-hospital": { kind: "page", url: () => "/my-hospital", access: { action: "stock:report" } },
  "/notifications": { kind: "page", url: () => "/notifications", access: { action: "notification:read" } },
  "/alerts": { kind: "page", url: () => "/alerts", access: { action: "alert:read" } },
  "/pledges": { kind: "page", url: () => "/pledges", access: { action: "supplier:read" } },
  "/pledges/[id]": { kind: "page", url: (i) => `/pledges/${i.pledge}`, access: { action: "supplier:read" } },
  "/pledges/new": { kind: "page", url: () => "/pledges/new", access: { action: "pledge:write" } },
  "/policy": { kind: "page", url: () => "/policy", access: { action: "supplier:read" } },
  "/report": { kind: "page", url: () => "/report?date=2021-07-26", access: { action: "report:read" } },
  "/requests": { kind: "page", url: () => "/requests", access: { action: "request:read" } },
  "/requests/[id]": { kind: "page", url: (i) => `/requests/${i.request}`, access: { action: "request:read", own: true } },
  "/suppliers": { kind: "page", url: () => "/suppliers", access: { action: "supplier:read" } },
  "/suppliers/[id]": { kind: "page", url: (i) => `/suppliers/${i.supplier}`, access: { action: "supplier:read" } },
  "/suppliers/new": { kind: "page", url: () => "/suppliers/new", access: { action: "supplier:write" } },
  "/triage": { kind: "page", url: () => "/triage", access: { action: "request:decide" } },
  // Signed-out visitors are sent to /login by src/proxy.ts before they see it.
  "/forbidden": { kind: "page", url: () => "/forbidden", access: "signed-in" },
  "/guide": { kind: "page", url: () => "/guide", access: "signed-in" },
  "/password": { kind: "page", url: () => "/password", access: "signed-in" },
  "/login": { kind: "page", url: () => "/login", access: "public" },
  "/api/auth/[...nextauth]": { kind: "route", url: () => "/api/auth/session", access: "public" },
  "/api/health": { kind: "route", url: () => "/api/health", access: "public" },
  "/api/me": { kind: "route", url: () => "/api/me", access: "signed-in" },
  "/api/[...path]": { kind: "route", url: () => "/api/v1/no-such-endpoint", access: "nobody" },
  "/api/v1/hospitals": {
    kind: "route",
    url: (i) => `/api/v1/hospitals?date=2021-07-26&hospitalId=${i.ownHospital}`,
    access: { action: "api:hospitals" },
    scopedRows: true,
  },
  "/api/v1/pledges": { kind: "route", url: () => "/api/v1/pledges?date=2021-07-26", access: { action: "api:pledges" } },
  "/api/v1/summary": { kind: "route", url: () => "/api/v1/summary?date=2021-07-26", access: { action: "api:summary" } },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** src/app/(app)/hospitals/[id]/page.tsx → /hospitals/[id] */
function routeOf(file: string): string {
  const parts = relative("src/app", file)
    .split(sep)
    .slice(0, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

test("discovery: every page.tsx and route.ts under src/app is in the table", () => {
  const found = walk("src/app")
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f))
    .map(routeOf)
    .sort();
  const known = Object.keys(ROUTES).sort();
  expect(
    found.filter((r) => !known.includes(r)),
    "routes missing from the table",
  ).toEqual([]);
  expect(
    known.filter((r) => !found.includes(r)),
    "table entries that no longer exist",
  ).toEqual([]);
});

const BASE = e2eDatabaseServerUrl();
const sessions = new Map<Who, APIRequestContext>();
const actors = new Map<Who, Actor | null>();
let ids: Ids;
let otherHospital: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;
  // The database behind the server: found by a failed-login marker (scripts/lib/e2e-db.ts).
  if (!BASE)
    throw new Error(
      "no PostgreSQL server for the e2e app's database (TEST_DATABASE_URL, DATABASE_URL or E2E_DB_URL_FILE): this test reads record ids from it and never skips",
    );
  const marker = `authz-${randomBytes(6).toString("hex")}@satgas.test`;
  const probe = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.50" } });
  await probe.goto("/login");
  await probe.getByLabel(/email/i).fill(marker);
  await probe.locator("#password").fill("wrong-password");
  await probe.getByTestId("login-submit").click();
  await expect(probe.getByTestId("login-error")).toBeVisible();
  await probe.close();
  const db = new pg.Client({ connectionString: await findDatabaseByLoginMarker(BASE!, marker) });
  await db.connect();
  try {
    const users = await db.query<{ email: string; id: string; name: string; role: Actor["role"]; hospitalId: string | null }>(
      `SELECT email, id, name, role, "hospitalId" FROM "User" WHERE email = ANY($1)`,
      [Object.values(EMAIL)],
    );
    for (const who of WHO) actors.set(who, who === "anonymous" ? null : (users.rows.find((u) => u.email === EMAIL[who]) ?? null));
    const own = actors.get("HOSPITAL-own")!.hospitalId!;
    otherHospital = actors.get("HOSPITAL-other")!.hospitalId!;
    const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).rows[0].id;
    ids = {
      ownHospital: own,
      request: await one(`SELECT id FROM "SupplyRequest" WHERE "hospitalId" = $1 ORDER BY "createdAt" LIMIT 1`, [own]),
      pledge: await one(`SELECT id FROM "Pledge" LIMIT 1`),
      supplier: await one(`SELECT id FROM "Supplier" LIMIT 1`),
      trip: await one(`SELECT id FROM "Trip" ORDER BY id LIMIT 1`),
    };
  } finally {
    await db.end();
  }
  sessions.set("anonymous", await requestFactory.newContext({ baseURL }));
  for (const who of WHO.filter((w) => w !== "anonymous")) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, EMAIL[who as keyof typeof EMAIL]);
    sessions.set(who, await requestFactory.newContext({ baseURL, storageState: await context.storageState() }));
    await context.close();
  }
});

test.afterAll(async () => {
  for (const s of sessions.values()) await s.dispose();
});

type Outcome = "allowed" | "login" | "forbidden" | "not_found" | "unauthorized" | "other";

async function outcomeOf(res: APIResponse, kind: Route["kind"], requested: string): Promise<Outcome> {
  const path = new URL(res.url()).pathname;
  const status = res.status();
  // /login and /forbidden themselves: reaching the page asked for is "allowed".
  if (status === 200 && path === new URL(requested, "http://x").pathname && (path === "/login" || path === "/forbidden")) return "allowed";
  if (kind === "route") {
    if (status === 401) return "unauthorized";
    if (status === 403) return "forbidden";
    if (status === 404) return "not_found";
    if (path.startsWith("/login")) return "login";
    return status === 200 ? "allowed" : "other";
  }
  if (status === 404) return "not_found";
  if (path.startsWith("/login")) return "login";
  if (path.startsWith("/forbidden")) return "forbidden";
  // A redirect thrown after streaming began arrives as a meta refresh.
  const body = await res.text();
  const meta = /__next-page-redirect[^>]*url=([^"]+)"/.exec(body)?.[1];
  if (meta?.startsWith("/login")) return "login";
  if (meta?.startsWith("/forbidden")) return "forbidden";
  return status === 200 ? "allowed" : "other";
}

function expected(route: Route, who: Who): Outcome[] {
  const actor = actors.get(who) ?? null;
  if (route.access === "public") return ["allowed"];
  if (route.access === "nobody") return ["not_found"];
  if (!actor) return route.kind === "route" ? ["unauthorized", "login"] : ["login"];
  if (route.access === "signed-in") return ["allowed"];
  const { action, own } = route.access;
  if (!can(actor, action)) return ["forbidden"];
  if (own && !can(actor, action, { hospitalId: ids.ownHospital })) return ["not_found", "forbidden"];
  return ["allowed"];
}

test("every page and route × 6 actors answers as the permission matrix says", async () => {
  test.setTimeout(300_000);
  const wrong: string[] = [];
  let cells = 0;
  for (const [name, route] of Object.entries(ROUTES)) {
    for (const who of WHO) {
      const res = await sessions.get(who)!.get(route.url(ids));
      const got = await outcomeOf(res, route.kind, route.url(ids));
      const want = expected(route, who);
      cells++;
      if (!want.includes(got)) wrong.push(`${name} as ${who}: got ${got} (${res.status()} ${new URL(res.url()).pathname}), want ${want.join("|")}`);
      if (got === "allowed" && route.scopedRows && actors.get(who)?.role === "HOSPITAL") {
        // Object-level: the hospitalId parameter (rs1's) is ignored; rows are the caller's own.
        const rows = (await res.json()) as { id: string }[];
        const mine = actors.get(who)!.hospitalId;
        if (rows.some((r) => r.id !== mine)) wrong.push(`${name} as ${who}: saw another hospital's row`);
      }
    }
  }
  console.log(`[authorization] ${Object.keys(ROUTES).length} pages/routes × ${WHO.length} actors = ${cells} requests, ${wrong.length} wrong`);
  expect(wrong).toEqual([]);
});

test("another hospital's record by URL is not found, and the API never lists it", async () => {
  const rs2 = sessions.get("HOSPITAL-other")!;
  expect((await rs2.get(`/hospitals/${ids.ownHospital}`)).status()).toBe(404);
  expect((await rs2.get(`/requests/${ids.request}`)).status()).toBe(404);
  const rows = (await (await rs2.get(`/api/v1/hospitals?date=2021-07-26`)).json()) as { id: string }[];
  expect(rows.map((r) => r.id)).toEqual([otherHospital]);
});

test("every page and route answers bad input with less than 500: a NUL byte, a broken escape, a malformed cookie", async () => {
  test.setTimeout(300_000);
  const baseURL = test.info().project.use.baseURL!;
  const admin = sessions.get("ADMIN")!;
  const cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const NUL_PARAMS = ["q", "entity", "id", "scenario", "date", "range", "province", "sort", "dir", "page", "status", "from", "to", "hospitalId", "callbackUrl"]
    .map((k) => `${k}=%00`)
    .join("&");
  const wrong: string[] = [];
  let requests = 0;
  for (const [name, route] of Object.entries(ROUTES)) {
    const url = route.url(ids);
    const [path] = url.split("?");
    const variants = [
      `${url}${url.includes("?") ? "&" : "?"}${NUL_PARAMS}`,
      `${path}?q=%E0%A4%A`,
      `${path.replace(/[^/]+$/, (last) => (name.includes("[") ? "%00" : last))}`,
      `${path}/%E0%A4%A`,
    ];
    for (const variant of variants) {
      for (const headers of [{ cookie }, { cookie: `${cookie}; lang=%E0%A4%A; x=%zz` }, { cookie: `authjs.session-token=%E0%A4%A; ${cookie}` }, {}] as Record<
        string,
        string
      >[]) {
        const res = await fetch(`${baseURL}${variant}`, { headers, redirect: "manual" });
        requests++;
        if (res.status >= 500) wrong.push(`${name}: ${res.status} for ${variant} with ${headers.cookie ? headers.cookie.slice(0, 30) : "no cookie"}`);
      }
    }
  }
  console.log(`[bad input] ${Object.keys(ROUTES).length} pages/routes, ${requests} requests, ${wrong.length} answered 5xx`);
  expect(wrong).toEqual([]);
});
