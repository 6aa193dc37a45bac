// The app under test for Playwright: a production build on a fresh, seeded database —
// a new database on the DATABASE_URL server (dropped again on exit), or a fresh embedded
// PGlite when it is unset.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "./lib/fresh-db";
import { run } from "./lib/run";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET ??= "e2e-secret-not-for-production-0123456789";
const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let cleanup = async () => {};
if (base) {
  await dropStaleDatabases(base, "oxy_e2e");
  const url = await createFreshDatabase(base, "oxy_e2e");
  env.DATABASE_URL = url;
  cleanup = () => dropDatabase(url).catch(() => {});
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DIR = mkdtempSync(join(tmpdir(), "oxy-e2e-pglite-"));
  env.EMBEDDED_DB_PORT = String(54000 + Math.floor(Math.random() * 900));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(0);
  });
}
await run("npx", ["tsx", "scripts/demo.ts", ...(process.env.E2E_NO_BUILD ? ["--no-build"] : [])], env);
