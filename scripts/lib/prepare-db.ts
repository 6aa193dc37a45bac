import { createPrisma } from "../../src/server/db";
import { run } from "./run";

/**
 * Applies the committed migrations, then seeds the demo data if the database is empty.
 * Answers whether the database holds the demo scenario (which then runs on its scenario clock).
 */
export async function prepareDatabase(url: string, { seedDemo = true } = {}): Promise<{ demo: boolean }> {
  const env = { ...process.env, DATABASE_URL: url };
  await run("npx", ["prisma", "migrate", "deploy"], env);
  const prisma = createPrisma(url);
  try {
    const { seed, DEMO_MARKER_ID } = await import("../../prisma/seed");
    if (seedDemo && (await prisma.region.count()) === 0) await seed(prisma);
    return { demo: (await prisma.medicalPriorityPeriod.count({ where: { id: DEMO_MARKER_ID } })) > 0 };
  } finally {
    await prisma.$disconnect();
  }
}
