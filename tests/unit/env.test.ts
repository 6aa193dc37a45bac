import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../src/server/env";

describe("configuration", () => {
  it("takes defaults for what is unset or empty", () => {
    const r = parseEnv({ DB_POOL_SIZE: "", PORT: undefined });
    expect(r).toMatchObject({
      ok: true,
      env: { DB_POOL_SIZE: 10, PORT: 3000, HOST: "127.0.0.1", TRUST_PROXY: "0", READ_CACHE_TTL_MS: 30_000, RESPONSE_CACHE: "on" },
    });
  });

  it("reads good values", () => {
    expect(parseEnv({ DB_POOL_SIZE: "20", TRUST_PROXY: "1", SCENARIO_CLOCK: "2021-08-25T09:30:00+07:00" })).toMatchObject({
      ok: true,
      env: { DB_POOL_SIZE: 20, TRUST_PROXY: "1", SCENARIO_CLOCK: "2021-08-25T09:30:00+07:00" },
    });
  });

  it("names every bad variable and what it got", () => {
    const r = parseEnv({ DB_POOL_SIZE: "abc", PORT: "70000", SCENARIO_CLOCK: "yesterday", DATABASE_URL: "mysql://x", TRUST_PROXY: "yes" });
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error("unreachable: asserted refused above");
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DB_POOL_SIZE="abc": must be a whole number/),
        expect.stringMatching(/^PORT="70000": must be from 1 to 65535/),
        expect.stringMatching(/^SCENARIO_CLOCK="yesterday": must be an ISO instant/),
        expect.stringMatching(/^DATABASE_URL="mysql:\/\/x": must be a postgresql:\/\/ URL/),
        expect.stringMatching(/^TRUST_PROXY="yes": must be "1"/),
      ]),
    );
  });

  it("stops the server at start-up with a message naming the variable", () => {
    const r = spawnSync("npx", ["tsx", "server.ts"], { env: { ...process.env, DB_POOL_SIZE: "abc" }, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DB_POOL_SIZE="abc": must be a whole number');
  }, 60_000); // the spawn's own limit: starting tsx takes seconds on a loaded machine
});
