import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every module under src/server starts with `import "server-only"`, so a client component that
// reaches one fails the build instead of shipping server code (or a secret) to the browser.
// The exceptions run outside Next's server bundles too, where that import throws: server.ts,
// next.config.ts, src/proxy.ts, the scripts, the seed, the benchmark, the test setup
// (docs/decisions/0026-lint-and-layers.md). Each is listed with the reason.
const OUTSIDE_NEXT: Record<string, string> = {
  "src/server/auth-config.ts": "server.ts, src/proxy.ts (the session cookie's names)",
  "src/server/cache.ts": "server.ts (the response cache)",
  "src/server/clock.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/csp.ts": "next.config.ts, src/proxy.ts",
  "src/server/db.ts": "scripts/demo.ts, prisma/seed.ts, bench, tests/integration/global-setup.ts",
  "src/server/embedded-db-url.ts": "prisma.config.ts, scripts, the seed",
  "src/server/env.ts": "server.ts (the configuration check), prisma.config.ts, scripts",
  "src/server/forwarded.ts": "server.ts",
  "src/server/limits.ts": "next.config.ts, server.ts",
  "src/server/passwords.ts": "bench/generate.ts (the demo accounts' hashes)",
  "src/server/permissions.ts": "bench, tests/e2e/authorization.spec.ts (the matrix)",
  "src/server/queries/allocations.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/capacity-use.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/dashboard-hospitals.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/dashboard-supply.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/dashboard-trends.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/dashboard.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/headline.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/provinces.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/requests.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/queries/stock.ts": "bench/run.ts, bench/smoke.ts",
  "src/server/request-guard.ts": "server.ts, src/proxy.ts",
  "src/server/response-cache.ts": "server.ts",
  "src/server/session-cookie.ts": "server.ts (the response cache keys on the session)",
};

const MARKER = /^import "server-only";$/m;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("server-only", () => {
  const files = walk("src/server")
    .map((p) => p.split("\\").join("/"))
    .sort();

  it("every src/server module imports it, except those that also run outside Next", () => {
    const missing = files.filter((f) => !(f in OUTSIDE_NEXT) && !MARKER.test(readFileSync(f, "utf8")));
    expect(missing).toEqual([]);
  });

  it("the exceptions exist and really go without it (an exception that imports it is no longer one)", () => {
    const stale = Object.keys(OUTSIDE_NEXT).filter((f) => !files.includes(f) || MARKER.test(readFileSync(f, "utf8")));
    expect(stale).toEqual([]);
  });
});
