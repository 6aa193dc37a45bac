// The app under test for Playwright: a production build on a fresh, seeded database — a new
// database on the TEST_DATABASE_URL / DATABASE_URL server, or on an embedded PostgreSQL started
// here when neither is set (decision 0024); dropped and stopped again on exit.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startEmbeddedDb } from "./lib/embedded-db";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "./lib/fresh-db";
import { run } from "./lib/run";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET ??= "e2e-secret-not-for-production-0123456789";
let base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let stopEmbedded = async () => {};
if (!base) {
  const db = await startEmbeddedDb(mkdtempSync(join(tmpdir(), "oxy-e2e-pg-")), await freePort(), { persistent: false });
  base = db.url;
  stopEmbedded = db.stop;
}
// the tests that look into the database find its server here (scripts/lib/e2e-db.ts)
if (process.env.E2E_DB_URL_FILE) writeFileSync(process.env.E2E_DB_URL_FILE, base);
await dropStaleDatabases(base, "oxy_e2e");
const url = await createFreshDatabase(base, "oxy_e2e");
env.DATABASE_URL = url;
const cleanup = async () => {
  await dropDatabase(url).catch(() => {});
  await stopEmbedded().catch(() => {});
  if (process.env.E2E_DB_URL_FILE) rmSync(process.env.E2E_DB_URL_FILE, { force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(0);
  });
}
try {
  await run("npx", ["tsx", "scripts/demo.ts", ...(process.env.E2E_NO_BUILD ? ["--no-build"] : [])], env);
} finally {
  await cleanup();
}
