import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { createFreshDatabase, dropDatabase, dropStaleDatabases } from "../../scripts/lib/fresh-db";
import { prepareDatabase } from "../../scripts/lib/prepare-db";

// Integration tests run against a real PostgreSQL: the server TEST_DATABASE_URL or DATABASE_URL
// names, or else an embedded PostgreSQL 15 started here (decision 0024). A migrated, seeded
// template database is built once; each test file gets its own copy (tests/integration/setup.ts).

declare module "vitest" {
  export interface ProvidedContext {
    dbUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!base) {
    const db = await startEmbeddedDb(mkdtempSync(join(tmpdir(), "oxy-test-pg-")), await freePort(), { persistent: false });
    base = db.url;
    stopEmbedded = db.stop;
  }
  await dropStaleDatabases(base, "oxy_tmpl");
  const template = await createFreshDatabase(base, "oxy_tmpl");
  await prepareDatabase(template);
  project.provide("dbUrl", template);
  return async () => {
    await dropDatabase(template);
    await stopEmbedded();
  };
}
