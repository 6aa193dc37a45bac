import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// A failing test must fail the command (issue: a global teardown once reset the exit code to 0 on
// the embedded database, so `npm test` went on to report success whatever failed). This runs the
// integration project, as `npm test` does, on the embedded PostgreSQL (no server URL), over a file
// that fails on purpose — and over the same file made to pass, so the check itself can fail.
function runFixture(pass: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, HARNESS_FIXTURE: "tests/harness/fails-on-purpose.fixture.ts" };
  delete env.TEST_DATABASE_URL;
  delete env.DATABASE_URL;
  delete env.VITEST; // a fresh runner, not a worker of this one
  if (pass) env.HARNESS_FIXTURE_PASS = "1";
  return spawnSync("npx", ["vitest", "run", "--project", "integration", "tests/harness/fails-on-purpose.fixture.ts"], {
    env,
    encoding: "utf8",
    timeout: 300_000,
  });
}

describe("the test command's exit code", () => {
  it("is non-zero when a test fails, and zero when it passes", { timeout: 600_000 }, () => {
    const failing = runFixture(false);
    expect(failing.stdout + failing.stderr).toMatch(/1 failed/);
    expect(failing.status).not.toBe(0);
    const passing = runFixture(true);
    expect(passing.stdout + passing.stderr).toMatch(/1 passed/);
    expect(passing.status).toBe(0);
  });
});
