import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// A real Chromium: Debian's /usr/bin/chromium where it exists (CI, these machines), otherwise
// Playwright's own browser (a developer's laptop). CHROMIUM_PATH overrides.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Where the e2e server writes the URL of the PostgreSQL server it uses (an embedded one when no
// TEST_DATABASE_URL is set): the tests that look into the database read it (scripts/lib/e2e-db.ts).
process.env.E2E_DB_URL_FILE ??= join(tmpdir(), `oxy-e2e-db-${PORT}.url`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumPath
      ? {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  projects: [{ name: "laptop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT), E2E_DB_URL_FILE: process.env.E2E_DB_URL_FILE },
    // SIGTERM first, so the server drops its database and stops an embedded PostgreSQL it started
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
