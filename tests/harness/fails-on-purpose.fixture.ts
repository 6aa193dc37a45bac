import { expect, it } from "vitest";

// Run only by tests/integration/harness.test.ts (vitest.config.mts includes it when
// HARNESS_FIXTURE names it): fails, unless HARNESS_FIXTURE_PASS is set.
it("fails on purpose", () => {
  expect(process.env.HARNESS_FIXTURE_PASS ? "pass" : "fail").toBe("pass");
});
