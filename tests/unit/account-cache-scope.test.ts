import { describe, expect, it } from "vitest";
import { accountCache, invalidateReads } from "@/server/cache";

// Accounts, sessions and tokens are kept through a figures-only write and dropped by any other.
describe("the account cache and what a write touches", () => {
  it("keeps accounts through a figures-only write and drops them on any other", async () => {
    let reads = 0;
    const actor = accountCache.wrap("unit-account", async (id: string) => ({ id, read: ++reads }));
    expect(await actor("u1")).toEqual({ id: "u1", read: 1 });
    invalidateReads("figures");
    expect(await actor("u1"), "after a stock report or an allocation").toEqual({ id: "u1", read: 1 });
    invalidateReads("all");
    expect(await actor("u1"), "after a write that may touch an account").toEqual({ id: "u1", read: 2 });
    invalidateReads();
    expect(await actor("u1"), "a write that declares nothing counts as all").toEqual({ id: "u1", read: 3 });
  });
});
