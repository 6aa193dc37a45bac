import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { e2eDatabaseServerUrl, findDatabaseByLoginMarker, queryOn } from "../../scripts/lib/e2e-db";
import { loginAs, emptyFormAction, loginWith } from "./helpers";

// Security checks against the production build the e2e server runs (scripts/e2e-server.ts):
// secrets in the client bundle, CSRF on server actions, headers, login throttling, session
// expiry and account disabling, and error pages. Tests that need the database find the e2e
// server's own database through a login marker (scripts/lib/e2e-db.ts).

const DIST = process.env.NEXT_DIST_DIR || ".next";
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789";
const BASE = e2eDatabaseServerUrl();
const COOKIE = "authjs.session-token"; // over http; "__Secure-authjs.session-token" over https

let dbUrl: string | null = null;
const sql = <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []) => queryOn<T>(dbUrl!, text, params);

/** Each test's failed logins come from their own address, so the per-address throttle stays clear for other specs. */
async function fromAddress(page: Page, address: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
}

async function failLogin(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.locator("#password").fill("definitely-wrong");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toBeVisible();
}

async function newUser(role: "STAFF" | "OFFICIAL", password: string) {
  const email = `sec-${randomBytes(4).toString("hex")}@satgas.test`;
  const hash = await bcrypt.hash(password, 4); // as older versions and the seed wrote them
  const [{ id }] = await sql<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES ($1, $2, 'Security test', $3, $4) RETURNING id`,
    [`sec_${randomBytes(8).toString("hex")}`, email, hash, role],
  );
  return { id, email };
}

test.beforeAll(async ({ browser }) => {
  if (!BASE)
    throw new Error(
      "no PostgreSQL server for the e2e app's database (TEST_DATABASE_URL, DATABASE_URL or E2E_DB_URL_FILE): these tests look into it and never skip",
    );
  const page = await browser.newPage();
  const marker = `marker-${randomBytes(6).toString("hex")}@satgas.test`;
  await fromAddress(page, "192.0.2.1");
  await failLogin(page, marker);
  await page.close();
  dbUrl = await findDatabaseByLoginMarker(BASE, marker);
});

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test("no secret in any client bundle", () => {
  const chunks = files(join(DIST, "static")).filter((f) => /\.(js|css|json|txt|html)$/.test(f));
  expect(chunks.length, `client output under ${DIST}/static`).toBeGreaterThan(5);
  const secrets = [AUTH_SECRET];
  const local = existsSync(".env.local") ? readFileSync(".env.local", "utf8").match(/^AUTH_SECRET=(.+)$/m)?.[1] : undefined;
  if (local) secrets.push(local);
  const forbidden: [string, RegExp][] = [
    ...secrets.map((s, i): [string, RegExp] => [`AUTH_SECRET #${i + 1}`, new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))]),
    ["DATABASE_URL", /DATABASE_URL/],
    ["postgresql://", /postgres(ql)?:\/\//],
    ["bcrypt hash", /\$2[aby]\$\d\d\$/],
    ["argon2 hash", /\$argon2id\$/],
    // The password-strength dictionaries (several MB) are checked on the server only.
    ["zxcvbn dictionaries", /commonWords-id|wikipedia-id|diceware/],
    ["passwordHash", /passwordHash/],
    ["tokenHash", /tokenHash/],
  ];
  const found: string[] = [];
  for (const f of chunks) {
    const text = readFileSync(f, "utf8");
    for (const [name, re] of forbidden) if (re.test(text)) found.push(`${name} in ${f}`);
  }
  expect(found).toEqual([]);
});

test("security headers on pages, API responses and static files", async ({ request, page }) => {
  await loginAs(page, "official@satgas.test");
  const chunk = files(join(DIST, "static", "chunks")).find((f) => f.endsWith(".js"));
  const paths = ["/login", "/api/health", "/api/v1/summary", "/_next/static/chunks/does-not-exist.js"];
  if (chunk) paths.push(`/_next/static/${chunk.split(`${join(DIST, "static")}/`)[1]}`);
  const responses = await Promise.all(paths.map((p) => request.get(p, { maxRedirects: 0 })));
  const dashboard = await page.request.get("/dashboard");
  responses.push(dashboard);
  for (const res of responses) {
    const h = res.headers();
    const where = res.url();
    const csp = h["content-security-policy"];
    expect(csp, where).toBeTruthy();
    expect(csp, where).not.toContain("unsafe-eval");
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).toContain("object-src 'none'");
    // Scripts: a nonce and 'strict-dynamic' on pages, nothing inline anywhere.
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc, where).not.toContain("unsafe-inline");
    if (/text\/html/.test(h["content-type"] ?? "")) expect(scriptSrc, where).toMatch(/^'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
    expect(h["x-content-type-options"], where).toBe("nosniff");
    expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], where).toBe("DENY");
    // Served over plain HTTP (and X-Forwarded-Proto is not trusted here): no HSTS.
    expect(h["strict-transport-security"], where).toBeUndefined();
    expect(h["x-powered-by"], where).toBeUndefined();
  }
});

test("an /api path no route answers is a JSON 404, whatever the method, not the HTML page", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/no-such-thing"],
    ["POST", "/api/v1/hospitals/123/stock"],
    ["GET", "/api/v2/summary"],
    ["DELETE", "/api/nothing"],
  ] as const) {
    const res = await request.fetch(path, { method, maxRedirects: 0 });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()["content-type"], `${method} ${path}`).toContain("application/json");
    expect(await res.json()).toMatchObject({ error: "not_found", path });
  }
  // the named routes still win
  expect((await request.get("/api/health")).status()).toBe(200);
  expect((await request.get("/api/v1/summary")).status()).toBe(401);
});

test("every page answer has a nonce of its own, cached or not, and the pages run under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  await loginAs(page, "official@satgas.test");
  const nonces: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await page.request.get("/dashboard?date=2021-07-26");
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"])![1];
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    expect(
      scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
      "every script carries this answer's nonce",
    ).toEqual([]);
    expect(html.includes(nonces[0] ?? "no nonce yet"), "an earlier answer's nonce").toBe(false);
    nonces.push(nonce);
  }
  expect(new Set(nonces).size).toBe(3);
  // The app hydrates and navigates under the policy: a client-side link works, nothing is refused.
  await page.goto("/dashboard?date=2021-07-26");
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await page.goto("/report?date=2021-07-26");
  await page.goto("/dashboard?date=2021-07-26");
  await expect(page.getByTestId("dashboard")).toBeVisible();
  expect(violations).toEqual([]);
});

test("API answers and exports are never stored by a browser or proxy", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  for (const path of [
    "/api/v1/summary?date=2021-07-26",
    "/api/v1/hospitals?date=2021-07-26",
    "/api/v1/pledges?date=2021-07-26",
    "/api/auth/session",
    "/dashboard/export/hospitals?date=2021-07-26",
    "/capacity/export?from=2021-07-20&to=2021-07-26",
  ]) {
    const res = await page.request.get(path);
    expect([path, res.status()]).toEqual([path, 200]);
    expect([path, res.headers()["cache-control"]]).toEqual([path, expect.stringContaining("no-store")]);
  }
});

test("a supplier named like a formula comes out of both exports as text", async ({ page }) => {
  const evil = '=HYPERLINK("http://evil","x")';
  const [producer] = await sql<{ id: string; name: string }>(
    `SELECT s.id, s.name FROM "Supplier" s WHERE kind = 'PRODUCER' AND EXISTS (SELECT 1 FROM "DailyCapacity" c WHERE c."supplierId" = s.id AND c.day = '2021-07-26') ORDER BY name LIMIT 1`,
  );
  await sql(`UPDATE "Supplier" SET name = $1 WHERE id = $2`, [evil, producer.id]);
  try {
    await loginAs(page, "staff@satgas.test");
    const capacity = await (await page.request.get("/capacity/export?from=2021-07-26&to=2021-07-26")).text();
    expect(capacity).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(capacity).not.toMatch(/(^|[,;\n])"?=HYPERLINK/);
    // (the dashboard's figures are cached: a direct UPDATE shows within the cache's 30 s)
    await expect
      .poll(async () => (await page.request.get("/dashboard/export/producers?date=2021-07-26")).text(), { timeout: 40_000, intervals: [2_000] })
      .toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  } finally {
    await sql(`UPDATE "Supplier" SET name = $1 WHERE id = $2`, [producer.name, producer.id]);
  }
});

test("STAFF cannot read the accounts' or tokens' audit trail; ADMIN can", async ({ browser }) => {
  const marker = `audit-${randomBytes(4).toString("hex")}@satgas.test`;
  const [{ id: adminId }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@satgas.test'`);
  await sql(
    `INSERT INTO "AuditEvent" ("actorId", action, entity, "entityId", after) VALUES ($1, 'user.create', 'User', 'u-audit', $2), ($1, 'token.issue', 'ApiToken', 't-audit', $2)`,
    [adminId, JSON.stringify({ email: marker, role: "OFFICIAL" })],
  );
  const as = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, email);
    return { page, close: () => context.close() };
  };
  const staff = await as("staff@satgas.test");
  for (const url of ["/audit?entity=User", "/audit?entity=ApiToken", "/audit?id=u-audit", "/audit?entity=User&id=u-audit", "/audit"]) {
    const res = await staff.page.request.get(url);
    expect([url, res.status()]).toEqual([url, 200]);
    expect([url, (await res.text()).includes(marker)]).toEqual([url, false]);
  }
  await staff.close();
  const admin = await as("admin@satgas.test");
  expect(await (await admin.page.request.get("/audit?entity=User")).text()).toContain(marker);
  await admin.close();
});

test("a server action body over the limit or nested too deep is a 4xx; a CSV at the limit is read", async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const idOf = (name: string) => Object.entries(manifest.node).find(([, v]) => v.exportedName === name)![0];
  await loginAs(page, "staff@satgas.test");
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const post = (action: string, data: string | Buffer, type: string) =>
    page.request.post("/capacity", {
      headers: { "Next-Action": idOf(action), Origin: origin, Accept: "text/x-component", "Content-Type": type },
      data,
      maxRedirects: 0,
    });
  const boundary = "----e2e";
  const multipart = (csv: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$undefined","$K1"]\r\n--${boundary}--\r\n`,
    );
  const type = `multipart/form-data; boundary=${boundary}`;
  // Over 2 MB: refused before Next reads it.
  expect((await post("importCapacityAction", multipart("x".repeat(2_200_000)), type)).status()).toBe(413);
  // Just under the CSV limit: read, and answered with the import's own field error.
  const atLimit = await post("importCapacityAction", multipart(`day,supplier,produced_t,medical_t,industrial_t\n${"x".repeat(1_990_000)}`), type);
  expect(atLimit.status()).toBe(200);
  expect(await atLimit.text()).toContain("csv_invalid");
  let nested = "1";
  for (let i = 0; i < 20_000; i++) nested = `[${nested}]`;
  expect((await post("markAllReadAction", `[${nested}]`, "text/plain;charset=UTF-8")).status()).toBe(400);
  // arguments typed by hand reach no action (they would arrive as strings: 500); none, or a form's, do
  expect((await post("markAllReadAction", '["x"]', "text/plain;charset=UTF-8")).status()).toBe(400);
  expect((await post("markAllReadAction", "[]", "text/plain;charset=UTF-8")).status()).toBe(200);
  // an empty list sent to an action that reads a form: it finds no form and changes nothing (not a 500)
  expect((await post("importCapacityAction", "[]", "text/plain;charset=UTF-8")).status()).toBe(200);
  expect((await post("markAllReadAction", emptyFormAction().data, emptyFormAction().contentType)).status()).toBe(200);
});

test("a forged X-Forwarded-Host does not make a cross-origin server action same-origin", async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "markAllReadAction")![0];
  await loginAs(page, "rs1@satgas.test");
  const [{ hospitalId }] = await sql<{ hospitalId: string }>(`SELECT "hospitalId" FROM "User" WHERE email = 'rs1@satgas.test'`);
  const noticeId = `xfh_${randomBytes(6).toString("hex")}`;
  await sql(`INSERT INTO "Notification" (id, role, "hospitalId", kind, params) VALUES ($1, 'HOSPITAL', $2, 'request_approved', '{}')`, [noticeId, hospitalId]);
  const res = await page.request.post("/notifications", {
    headers: {
      "Next-Action": actionId,
      Origin: "http://evil.example",
      "X-Forwarded-Host": "evil.example",
      Accept: "text/x-component",
      "Content-Type": emptyFormAction().contentType,
    },
    data: emptyFormAction().data,
    maxRedirects: 0,
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  const [{ readAt }] = await sql<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [noticeId]);
  expect(readAt).toBeNull();
});

test("a cross-origin POST to a server action is refused and changes nothing", async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "markAllReadAction")?.[0];
  expect(actionId, "markAllReadAction in the server reference manifest").toBeTruthy();

  await loginAs(page, "rs1@satgas.test");
  const [{ hospitalId }] = await sql<{ hospitalId: string }>(`SELECT "hospitalId" FROM "User" WHERE email = 'rs1@satgas.test'`);
  const noticeId = `csrf_${randomBytes(6).toString("hex")}`;
  await sql(`INSERT INTO "Notification" (id, role, "hospitalId", kind, params) VALUES ($1, 'HOSPITAL', $2, 'request_approved', '{}')`, [noticeId, hospitalId]);
  const readAt = async () => (await sql<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [noticeId]))[0].readAt;

  const post = (origin: string) =>
    page.request.post("/notifications", {
      headers: { "Next-Action": actionId!, Origin: origin, Accept: "text/x-component", "Content-Type": emptyFormAction().contentType },
      data: emptyFormAction().data,
      maxRedirects: 0,
    });
  const evil = await post("http://evil.example");
  expect(evil.status()).toBeGreaterThanOrEqual(400);
  expect(await readAt()).toBeNull();

  // The same request from the app's own origin runs: the refusal above was the Origin check.
  const baseURL = test.info().project.use.baseURL!;
  const same = await post(new URL(baseURL).origin);
  expect(same.status()).toBeLessThan(400);
  await expect.poll(readAt).not.toBeNull();
});

test("five failed logins delay the account, even for the right password, and the delay ends on its own", async ({ page }) => {
  const { email } = await newUser("OFFICIAL", "right-password-123");
  await fromAddress(page, "192.0.2.20");
  await failLogin(page, email);
  await expect(page.getByTestId("login-error")).toHaveText("Email atau kata sandi salah.");
  for (let i = 1; i < 5; i++) await failLogin(page, email);
  await expect(page.getByTestId("login-error")).toHaveText(/^Terlalu banyak percobaan gagal\. Coba lagi dalam \d+ detik\.$/);
  // Twelve failures: the wait has doubled seven times (≈ 4 min). From another address, with the
  // right password: still refused (the delay is per account).
  await sql(`UPDATE "LoginThrottle" SET failures = 12, "lastAt" = now() AT TIME ZONE 'UTC' WHERE key = $1`, [`account:${email}`]);
  await fromAddress(page, "192.0.2.21");
  await loginWith(page, email, "right-password-123");
  await expect(page.getByTestId("login-error")).toHaveText(/^Terlalu banyak percobaan gagal\. Coba lagi dalam [45] menit\.$/);
  await expect(page).toHaveURL(/\/login/);
  // Once the wait is over the right password gets in: no fixed lock anyone can keep renewing.
  await sql(`UPDATE "LoginThrottle" SET "lastAt" = "lastAt" - interval '1 hour' WHERE key = $1`, [`account:${email}`]);
  await loginWith(page, email, "right-password-123");
  await expect(page.getByTestId("whoami")).toBeVisible();
});

test("the session cookie is HttpOnly, SameSite=Lax and lasts 8 hours", async ({ page, context }) => {
  await loginAs(page, "official@satgas.test");
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(cookie).toBeTruthy();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  const hours = (cookie!.expires - Date.now() / 1000) / 3600;
  expect(hours).toBeGreaterThan(7.9);
  expect(hours).toBeLessThanOrEqual(8.01);
});

test("a session token past its lifetime, idle, or of a session the server does not know is refused", async ({ page, context }) => {
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'official@satgas.test'`);
  /** A server-side session started `startedMinAgo`, last seen `seenMinAgo`; its id for the token. */
  const session = async (startedMinAgo: number, seenMinAgo: number) => {
    const sid = `e2e_${randomBytes(12).toString("hex")}`;
    await sql(
      `INSERT INTO "UserSession" (id, "userId", "createdAt", "lastSeenAt") VALUES ($1, $2, (now() AT TIME ZONE 'UTC') - make_interval(mins => $3), (now() AT TIME ZONE 'UTC') - make_interval(mins => $4))`,
      [sid, id, startedMinAgo, seenMinAgo],
    );
    return sid;
  };
  const claims = async (sid: string) => ({
    sub: id,
    email: "official@satgas.test",
    name: "Official",
    role: "OFFICIAL",
    hospitalId: null,
    sid,
    authTime: Math.floor(Date.now() / 1000),
  });
  const baseURL = test.info().project.use.baseURL!;
  const setToken = async (token: string) => {
    // Leave the page first: its link prefetches would otherwise come back with a refreshed
    // session cookie and overwrite the one set here.
    await page.goto("about:blank");
    await context.clearCookies();
    await context.addCookies([{ name: COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  };
  await setToken(await encode({ secret: AUTH_SECRET, salt: COOKIE, token: await claims(await session(1, 1)), maxAge: 8 * 3600 }));
  await page.goto("/notifications");
  await expect(page, "a live session").toHaveURL(/\/notifications/);

  // Issued 8 h 5 min ago: expired five minutes ago.
  const realNow = Date.now;
  Date.now = () => realNow() - (8 * 3600 + 300) * 1000;
  let expired: string;
  try {
    expired = await encode({ secret: AUTH_SECRET, salt: COOKIE, token: await claims(await session(1, 1)), maxAge: 8 * 3600 });
  } finally {
    Date.now = realNow;
  }
  await setToken(expired);
  await page.goto("/notifications");
  await expect(page, "an expired token").toHaveURL(/\/login/);

  // A fresh token, but its session started 8 h 5 min ago (active a minute ago): over.
  await setToken(await encode({ secret: AUTH_SECRET, salt: COOKIE, token: await claims(await session(485, 1)), maxAge: 8 * 3600 }));
  await page.goto("/notifications");
  await expect(page, "a session older than 8 h").toHaveURL(/\/login/);

  // Idle for 31 minutes: over.
  await setToken(await encode({ secret: AUTH_SECRET, salt: COOKIE, token: await claims(await session(40, 31)), maxAge: 8 * 3600 }));
  await page.goto("/notifications");
  await expect(page, "an idle session").toHaveURL(/\/login/);

  // Well signed, but naming no session (as tokens from before sessions were kept did): refused.
  await setToken(await encode({ secret: AUTH_SECRET, salt: COOKIE, token: { ...(await claims("")), sid: undefined }, maxAge: 8 * 3600 }));
  await page.goto("/notifications");
  await expect(page, "a token without a server-side session").toHaveURL(/\/login/);

  // Forged with another secret: refused.
  await setToken(await encode({ secret: "forged-secret-0123456789-0123456789", salt: COOKIE, token: await claims(await session(1, 1)), maxAge: 8 * 3600 }));
  await page.goto("/notifications");
  await expect(page, "a token signed with another secret").toHaveURL(/\/login/);
});

test("an admin disabling an account locks its open session out at the next page load", async ({ page, browser }) => {
  const { email } = await newUser("STAFF", "staff-password-123");
  await fromAddress(page, "192.0.2.30");
  await loginWith(page, email, "staff-password-123");
  await expect(page.getByTestId("whoami")).toBeVisible();
  await page.goto("/dashboard?date=2021-07-26"); // kept in the response cache for this user
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByTestId("whoami")).toBeVisible();
  const api = await page.request.get("/api/v1/summary?date=2021-07-26");
  expect(api.status()).toBe(200);

  // The admin disables the account through the app, in another browser.
  const admin = await browser.newPage();
  await fromAddress(admin, "192.0.2.31");
  await loginWith(admin, "admin@satgas.test", "demo-password");
  await expect(admin.getByTestId("whoami")).toBeVisible();
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: new RegExp(`^(Nonaktifkan|Disable) ${email.replace(/[.]/g, "\\.")}$`) }).click();
  await expect(admin.getByTestId("users-table").getByRole("row", { name: email }).getByRole("cell").nth(4)).toHaveText(/^(Nonaktif|Disabled)$/);
  await admin.close();

  await page.goto("/dashboard?date=2021-07-26");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/summary?date=2021-07-26")).status()).toBe(401);
});

test("a failing query shows the error page and a JSON error, never SQL or a stack", async ({ page }) => {
  await loginAs(page, "official@satgas.test");
  await sql(`ALTER TABLE "DailyCapacity" RENAME TO "DailyCapacity_hidden"`);
  try {
    const res = await page.goto("/dashboard?date=2021-07-19");
    expect(res!.status()).toBe(500);
    await expect(page.getByTestId("error-page")).toContainText("Terjadi gangguan");
    const html = await page.content();
    expect(html).not.toMatch(/DailyCapacity|SELECT |relation "|at async|\.ts:\d+|node_modules/);

    const api = await page.request.get("/api/v1/summary?date=2021-07-19");
    expect(api.status()).toBe(500);
    const body = await api.text();
    expect(JSON.parse(body)).toEqual({ error: "internal_error" });

    const csv = await page.request.get("/capacity/export?date=2021-07-19");
    expect(csv.status()).toBe(500);
    expect(await csv.text()).not.toMatch(/DailyCapacity|SELECT |relation "|at async/);
  } finally {
    await sql(`ALTER TABLE "DailyCapacity_hidden" RENAME TO "DailyCapacity"`);
  }
  await page.goto("/dashboard?date=2021-07-19");
  await expect(page.getByTestId("error-page")).toHaveCount(0);
});
