import { describe, expect, it } from "vitest";
import { startEmbeddedDb, portIsFree } from "../../scripts/lib/embedded-db";
import { prepareDatabase } from "../../scripts/lib/prepare-db";
import { createPrisma } from "@/server/db";
import { embedded } from "./db-mode";

// The demo's default path: no DATABASE_URL, an embedded PGlite migrated and seeded on first
// start. (When the whole suite already runs on PGlite, global-setup has just done this.)
describe.skipIf(embedded)("embedded database (PGlite)", () => {
  it("migrates and seeds an empty PGlite, then serves the app's queries", { timeout: 240_000 }, async () => {
    const port = 54900 + Math.floor(Math.random() * 90);
    const db = await startEmbeddedDb("memory://", port);
    // PGlite is one session inside: the app always reaches it through a single connection.
    const savedPool = process.env.DB_POOL_SIZE;
    process.env.DB_POOL_SIZE = "1";
    try {
      await prepareDatabase(db.url);
      const prisma = createPrisma(db.url);
      try {
        const [{ sum }] = await prisma.$queryRaw<{ sum: bigint }[]>`SELECT sum("producedKg") AS sum FROM "DailyCapacity" WHERE day = '2021-07-26'`;
        expect(Number(sum)).toBe(1_500_000);
        expect(await prisma.user.count({ where: { email: { endsWith: "@satgas.test" } } })).toBeGreaterThanOrEqual(5);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      process.env.DB_POOL_SIZE = savedPool;
      if (savedPool === undefined) delete process.env.DB_POOL_SIZE;
      await db.stop();
    }
    expect(await portIsFree(port)).toBe(true);
  });
});
