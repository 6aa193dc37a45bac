import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { freePort, portIsFree } from "../../scripts/lib/embedded-db";
import { haveHaproxy } from "../../scripts/lib/haproxy";
import { appDatabase, loginWith, PASSWORD } from "./helpers";

// scripts/cluster.ts as an operator runs it (decisions 0041, 0051): two production servers behind
// HAProxy on the e2e database, the first taking the writes and the second the reads. A stock
// report written through the balancer (so on the first server) shows within a second on the
// second server and through the balancer, both of which had the old answer cached.
// Needs the build the e2e server made and Debian's haproxy (.ci/run installs it); fails without.
// Named to run after hospital.spec.ts: its report changes rs1's supply, which that spec starts from.

const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789"; // as scripts/e2e-server.ts
let cluster: ChildProcess | null = null;
let balancer = "";
let servers: string[] = [];

/** A port whose next two are free too: the balancer's and its two servers'. */
async function threeFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65_000 && (await portIsFree(port + 1)) && (await portIsFree(port + 2))) return port;
  }
}

const status = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => 0,
  );

test.beforeAll(async ({ browser }) => {
  expect(haveHaproxy(), "haproxy is not installed (apt-get install haproxy)").toBe(true);
  const url = await appDatabase(browser);
  const port = await threeFreePorts();
  balancer = `http://127.0.0.1:${port}`;
  servers = [`http://127.0.0.1:${port + 1}`, `http://127.0.0.1:${port + 2}`];
  cluster = spawn(process.execPath, ["--import", "tsx", "scripts/cluster.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET,
      CLUSTER_PORT: String(port),
      CLUSTER_INSTANCES: "2",
      CLUSTER_WRITERS: "1",
      // small pools: this shares the machine's PostgreSQL with the server under test
      DB_POOL_SIZE: "3",
      DB_WRITE_POOL_SIZE: "1",
      SCENARIO_CLOCK: "2021-08-25T09:30:00+07:00",
      ALERT_WORKER: "off",
    },
    stdio: "ignore",
  });
  await expect.poll(() => status(`${balancer}/api/health`), { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  if (!cluster || cluster.exitCode !== null) return;
  const exited = new Promise((r) => cluster!.once("exit", r));
  cluster.kill("SIGTERM"); // cluster.ts stops the balancer and its servers
  await exited;
  for (const origin of [balancer, ...servers]) expect(await status(`${origin}/api/health`)).toBe(0);
});

/** An official's reader of one hospital's last report through `origin`. */
async function officialOn(browser: Browser, origin: string) {
  const page = await browser.newPage({ baseURL: origin });
  await loginWith(page, "official@satgas.test", PASSWORD);
  await expect(page.getByTestId("whoami")).toBeVisible();
  return async () => {
    const res = await page.request.get("/api/v1/hospitals");
    expect(res.status()).toBe(200);
    const rows = (await res.json()) as { name: string; lastReportedAt: string | null }[];
    return rows.find((r) => r.name === "RSUD Banten")!.lastReportedAt;
  };
}

test("a write through one server of the cluster shows on the other and through the balancer within a second", async ({ browser }) => {
  const onSecond = await officialOn(browser, servers[1]);
  const throughBalancer = await officialOn(browser, balancer);
  const before = await onSecond();
  expect(await throughBalancer()).toBe(before);
  expect(await throughBalancer()).toBe(before); // both servers have it cached now (round robin)

  // rs1 signs in and reports through the balancer, which sends both writes to the first server
  const a = await browser.newPage({ baseURL: balancer });
  await loginWith(a, "rs1@satgas.test", PASSWORD);
  await expect(a.getByTestId("whoami")).toBeVisible();
  await a.goto("/my-hospital");
  const form = a.getByTestId("stock-form");
  await form.getByLabel(/Oksigen di tangki/).fill("8,8");
  await form.getByLabel(/Terpakai 24 jam/).fill("1,1");
  await form.getByRole("button").click();
  await expect(a.getByTestId("form-ok").or(a.getByTestId("form-flagged"))).toBeVisible();
  const written = Date.now();

  await expect.poll(onSecond, { timeout: 1_000, intervals: [50] }).not.toBe(before);
  await expect.poll(throughBalancer, { timeout: 1_000, intervals: [50] }).not.toBe(before);
  expect(Date.now() - written).toBeLessThan(1_000);
  const after = await onSecond();
  for (let i = 0; i < 4; i++) expect(await throughBalancer()).toBe(after); // every server behind it
});
