import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { appDatabase, loginAs, loginWith, PASSWORD } from "./helpers";

// Two app servers on one database (issue #17, decision 0034): a stock report written through the
// server under test (A) shows on a second production server (B) within a second, although B had
// the old answer cached — B's caches are emptied by A's write through PostgreSQL LISTEN/NOTIFY.

const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789"; // as scripts/e2e-server.ts
let b: ChildProcess | null = null;
let bOrigin = "";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
  });

test.beforeAll(async ({ browser }) => {
  // start server B on the database of the server under test
  const url = await appDatabase(browser);
  const port = await freePort();
  bOrigin = `http://127.0.0.1:${port}`;
  b = spawn(process.execPath, ["dist/server.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      SCENARIO_CLOCK: "2021-08-25T09:30:00+07:00",
      ALERT_WORKER: "off",
    },
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`${bOrigin}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  b?.kill("SIGTERM");
});

test("a stock report written through one server shows on the other within a second", async ({ browser }) => {
  // an official reading the hospitals through B; the answer is cached there
  const bPage = await browser.newPage({ baseURL: bOrigin });
  await loginWith(bPage, "official@satgas.test", PASSWORD);
  await expect(bPage.getByTestId("whoami")).toBeVisible();
  const read = async () => {
    const res = await bPage.request.get("/api/v1/hospitals");
    expect(res.status()).toBe(200);
    const rows = (await res.json()) as { name: string; lastReportedAt: string | null; usableStockKg: number }[];
    return rows.find((r) => r.name === "RSUD Banten")!;
  };
  const before = await read();
  expect((await read()).lastReportedAt).toBe(before.lastReportedAt); // served again, from B's cache

  // rs1 reports through A (the server under test)
  const a = await browser.newPage();
  await loginAs(a, "rs1@satgas.test");
  await a.goto("/my-hospital");
  const form = a.getByTestId("stock-form");
  await form.getByLabel(/Oksigen di tangki/).fill("9,9");
  await form.getByLabel(/Terpakai 24 jam/).fill("2,2");
  await form.getByRole("button").click();
  await expect(a.getByTestId("form-ok").or(a.getByTestId("form-flagged"))).toBeVisible();
  const written = Date.now();

  // B answers with the new report within a second
  await expect.poll(async () => (await read()).lastReportedAt, { timeout: 1_000, intervals: [50] }).not.toBe(before.lastReportedAt);
  expect(Date.now() - written).toBeLessThan(1_000);
});
