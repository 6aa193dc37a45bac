import { afterAll, inject } from "vitest";
import pg from "pg";

// One database per test file, copied from the seeded template.
const templateUrl = new URL(inject("dbUrl"));
const adminUrl = new URL(templateUrl);
adminUrl.pathname = "/postgres";
let ownName: string | null = null;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

ownName = `oxy_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
await admin(`CREATE DATABASE "${ownName}" TEMPLATE "${decodeURIComponent(templateUrl.pathname.slice(1))}"`);
const url = new URL(templateUrl);
url.pathname = `/${ownName}`;
process.env.DATABASE_URL = url.toString();
// A client cached by an earlier file in this worker would point at that file's database.
delete (globalThis as { prisma?: unknown }).prisma;

afterAll(async () => {
  const cached = (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma;
  await cached?.$disconnect();
  delete (globalThis as { prisma?: unknown }).prisma;
  if (ownName) await admin(`DROP DATABASE IF EXISTS "${ownName}" WITH (FORCE)`);
});
