import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "../../scripts/lib/fresh-db";
import { prepareDatabase } from "../../scripts/lib/prepare-db";

// Integration tests run against a real PostgreSQL: TEST_DATABASE_URL or DATABASE_URL names a
// server on which we build a migrated, seeded template database once; each test file then gets
// its own copy (tests/integration/setup.ts). With neither set, an embedded PGlite is used instead
// (one shared database: tests that need true concurrency skip themselves there).

declare module "vitest" {
  export interface ProvidedContext {
    dbMode: "server" | "embedded";
    dbUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (base) {
    await dropStaleDatabases(base, "oxy_tmpl");
    const template = await createFreshDatabase(base, "oxy_tmpl");
    await prepareDatabase(template);
    project.provide("dbMode", "server");
    project.provide("dbUrl", template);
    return async () => dropDatabase(template);
  }
  const port = 54000 + Math.floor(Math.random() * 900);
  const db = await startEmbeddedDb(`memory://`, port);
  process.env.DB_POOL_SIZE = "1"; // PGlite is one session inside
  await prepareDatabase(db.url);
  project.provide("dbMode", "embedded");
  project.provide("dbUrl", db.url);
  return async () => db.stop();
}
