import { z } from "zod";
import { describe, expect, it } from "vitest";
import { allocate } from "@/server/use-cases/allocations";
import { useCase } from "@/server/use-case";
import { actor } from "./supply-helpers";

// Input the database cannot hold is refused as invalid, never a 500: found by the fuzz, where a
// valid allocation with its day mutated to "0000-01-01" (PostgreSQL has no year 0) got past
// validation and the raw query's "date/time field value out of range" escaped the use case.

describe("data the database cannot hold", () => {
  it("a day in year 0 is refused on its field", async () => {
    const r = await allocate(await actor("staff@satgas.test"), { day: "0000-01-01", lines: [] });
    expect(r).toMatchObject({ ok: false, error: "invalid", fieldErrors: { day: expect.any(String) } });
  });

  it("a data exception raised by a raw query inside a use case is refused as invalid", async () => {
    const probe = useCase({
      action: "allocation:write",
      input: z.object({ day: z.string() }),
      run: async ({ tx, input }) => tx.$queryRaw`SELECT ${input.day}::date AS d`,
    });
    expect(await probe(await actor("staff@satgas.test"), { day: "0000-01-01" })).toEqual({ ok: false, error: "invalid" });
  });

  it("a record that is gone when the write reaches it is not found, not a 500", async () => {
    const probe = useCase({
      action: "allocation:write",
      input: z.object({ id: z.string() }),
      run: async ({ tx, input }) => tx.allocation.update({ where: { id: input.id }, data: { kg: 1 } }),
    });
    expect(await probe(await actor("staff@satgas.test"), { id: "no-such-allocation" })).toEqual({ ok: false, error: "not_found" });
  });
});
