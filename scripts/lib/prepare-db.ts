import { createPrisma } from "../../src/server/db";
import { run } from "./run";

/** Applies the committed migrations, then seeds the demo data if the database is empty. */
export async function prepareDatabase(url: string, { seedDemo = true } = {}) {
  const env = { ...process.env, DATABASE_URL: url };
  await run("npx", ["prisma", "migrate", "deploy"], env);
  if (!seedDemo) return;
  const prisma = createPrisma(url);
  try {
    if ((await prisma.region.count()) === 0) {
      const { seed } = await import("../../prisma/seed");
      await seed(prisma);
    }
  } finally {
    await prisma.$disconnect();
  }
}
