import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, portIsFree, startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { prepareDatabase } from "../../scripts/lib/prepare-db";
import { createPrisma } from "@/server/db";

// The demo's default path (decision 0024): no DATABASE_URL, an embedded PostgreSQL started from
// the npm package, migrated and seeded on first start, kept across restarts, stopped cleanly.
describe("embedded PostgreSQL", () => {
  it("initialises, migrates and seeds, keeps its data across a restart, and frees its port", { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "oxy-embedded-"));
    const port = await freePort();
    let users = 0;
    try {
      const first = await startEmbeddedDb(dir, port);
      try {
        await prepareDatabase(first.url);
        const prisma = createPrisma(first.url);
        try {
          const [{ version }] = await prisma.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
          expect(version).toMatch(/^15\./); // the production major
          const [{ sum }] = await prisma.$queryRaw<{ sum: bigint }[]>`SELECT sum("producedKg") AS sum FROM "DailyCapacity" WHERE day = '2021-07-26'`;
          expect(Number(sum)).toBe(1_500_000);
          users = await prisma.user.count();
          expect(users).toBeGreaterThanOrEqual(5);
        } finally {
          await prisma.$disconnect();
        }
      } finally {
        await first.stop();
      }
      expect(await portIsFree(port)).toBe(true);

      // the second start finds the data (the demo's ./.postgres survives restarts)
      const second = await startEmbeddedDb(dir, port);
      const prisma = createPrisma(second.url);
      try {
        expect(await prisma.user.count()).toBe(users);
      } finally {
        await prisma.$disconnect();
        await second.stop();
      }
      expect(await portIsFree(port)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
