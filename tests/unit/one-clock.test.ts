import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Decision 0015: every page, form, status, forecast and notice reads src/server/clock.ts. Only
// the modules that protect against real attackers in real time (sign-in throttling, session
// cookies and their lifetimes, API-token use) read the wall clock themselves.
const WALL_CLOCK_ALLOWED = new Set([
  "src/server/clock.ts",
  "src/server/login.ts",
  "src/server/session-cookie.ts",
  "src/server/sessions.ts",
  "src/server/auth.ts",
  "src/server/api-auth.ts",
  "src/server/use-cases/tokens.ts",
  "src/server/alerts/transports.ts", // a webhook's signature timestamp is checked against the gateway's real clock
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("one clock", () => {
  it("no module under src reads the wall clock but the clock and the security modules", () => {
    const root = join(__dirname, "../..");
    const offenders = files(join(root, "src"))
      .map((f) => relative(root, f))
      .filter((f) => !WALL_CLOCK_ALLOWED.has(f))
      .filter((f) => /new Date\(\s*\)|Date\.now\(\)|todayWib\(\s*\)/.test(readFileSync(join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
