import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { freePort } from "../../scripts/lib/embedded-db";
import { appDatabase, loginWith, PASSWORD } from "./helpers";

// Decision 0048 on the real production server (the e2e build's dist/server.mjs, a second one on
// the e2e database, with READ_STALE_MS on): after a stock report, the next reader of a kept page
// or API answer gets the late copy at once (X-Cache: stale, the old figures, the old read time),
// the page is rendered again in the background by a request from the server to itself, and a
// request after that refresh gets the new figures from the cache. A forged refresh header is
// ignored. Named to run after hospital.spec.ts: its report changes rs1's supply.

const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789"; // as scripts/e2e-server.ts
let server: ChildProcess | null = null;
let origin = "";

const status = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => 0,
  );

test.beforeAll(async ({ browser }) => {
  const url = await appDatabase(browser);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["dist/server.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      READ_STALE_MS: "5000",
      // small pools: this shares the machine's PostgreSQL with the server under test
      DB_POOL_SIZE: "3",
      DB_WRITE_POOL_SIZE: "1",
      SCENARIO_CLOCK: "2021-08-25T09:30:00+07:00",
      ALERT_WORKER: "off",
    },
    stdio: "ignore",
  });
  await expect.poll(() => status(`${origin}/api/health`), { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once("exit", r));
  server.kill("SIGTERM");
  await exited;
});

async function signedIn(browser: Browser, email: string) {
  const page = await browser.newPage({ baseURL: origin });
  await loginWith(page, email, PASSWORD);
  await expect(page.getByTestId("whoami")).toBeVisible();
  return page;
}

/** One answer of a kept path: how it was served, when its figures were read, and rs1's last report. */
async function read(request: APIRequestContext, headers: Record<string, string> = {}) {
  const res = await request.get("/api/v1/hospitals", { headers });
  expect(res.status()).toBe(200);
  const rows = (await res.json()) as { name: string; lastReportedAt: string | null }[];
  return { cache: res.headers()["x-cache"], readAt: res.headers()["x-figures-read-at"], last: rows.find((r) => r.name === "RSUD Banten")!.lastReportedAt };
}

async function dashboard(request: APIRequestContext) {
  const res = await request.get("/dashboard");
  expect(res.status()).toBe(200);
  return { cache: res.headers()["x-cache"], readAt: res.headers()["x-figures-read-at"], body: await res.text() };
}

test("after a stock report the late copy is answered at once, and the request after the background refresh gets the new figures", async ({ browser }) => {
  // both sign in first: a session, and the notices brought up to date, are writes that drop everything
  const rs1 = await signedIn(browser, "rs1@satgas.test");
  await rs1.goto("/my-hospital");
  const official = await signedIn(browser, "official@satgas.test");
  const api = official.request;
  await expect.poll(async () => (await read(api)).cache, { timeout: 15_000 }).toBe("hit");
  await expect.poll(async () => (await dashboard(api)).cache, { timeout: 15_000 }).toBe("hit");
  const before = await read(api);
  expect(before.readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  const page = await dashboard(api);

  // rs1 reports stock through the same server
  const form = rs1.getByTestId("stock-form");
  await form.getByLabel(/Oksigen di tangki/).fill("7,7");
  await form.getByLabel(/Terpakai 24 jam/).fill("1,2");
  await form.getByRole("button").click();
  await expect(rs1.getByTestId("form-ok").or(rs1.getByTestId("form-flagged"))).toBeVisible();

  // the next reader: the copy, with the old figures and their old read time
  const late = await read(api);
  expect(late.cache).toBe("stale");
  expect(late.last).toBe(before.last);
  expect(late.readAt).toBe(before.readAt);
  const latePage = await dashboard(api);
  expect(latePage.cache).toBe("stale");
  expect(latePage.readAt).toBe(page.readAt);

  // a forged refresh header changes nothing: an ordinary reader's answer
  const forged = await read(api, { "x-oxygen-refresh": "x".repeat(43), "x-oxygen-refresh-key": "0".repeat(64) });
  expect(["stale", "hit"]).toContain(forged.cache);

  // the refreshes ran in the background: a later request gets the new figures from the cache
  await expect.poll(async () => read(api), { timeout: 15_000 }).toMatchObject({ cache: "hit" });
  const fresh = await read(api);
  expect(fresh.last).not.toBe(before.last);
  expect(Date.parse(fresh.readAt)).toBeGreaterThan(Date.parse(before.readAt));
  await expect.poll(async () => (await dashboard(api)).cache, { timeout: 15_000 }).toBe("hit");
  const freshPage = await dashboard(api);
  expect(Date.parse(freshPage.readAt)).toBeGreaterThan(Date.parse(page.readAt));
  expect(freshPage.body).toContain('data-testid="figures-read-at"');
});
