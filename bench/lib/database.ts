// The bench database: dropped, created and migrated with the project's own migrations; its
// secondary indexes and foreign keys are set aside during the bulk load and rebuilt after it
// (from their own definitions, so the result is exactly the migrated schema).
import { spawn } from "node:child_process";
import pg from "pg";

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing odd database name ${JSON.stringify(name)}`);
  if (!/bench/i.test(name)) throw new Error(`Refusing to drop ${name}: the bench database's name must contain "bench"`);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

export function migrateDeploy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["prisma", "migrate", "deploy"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${code}`))));
  });
}

export type SetAside = { indexes: { name: string; def: string }[]; fkeys: { table: string; name: string; def: string }[] };

/** Drops every non-primary-key index and every foreign key of the public schema; returns them. */
export async function setAsideIndexes(client: pg.Client): Promise<SetAside> {
  const fkeys = (
    await client.query<{ table: string; name: string; def: string }>(`
      SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`)
  ).rows;
  const indexes = (
    await client.query<{ name: string; def: string }>(`
      SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND NOT EXISTS (
        SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
      ORDER BY 1`)
  ).rows;
  for (const f of fkeys) await client.query(`ALTER TABLE ${f.table} DROP CONSTRAINT "${f.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX "public"."${i.name}"`);
  return { indexes, fkeys };
}

export async function restoreIndexes(client: pg.Client, s: SetAside, onEach: (what: string, seconds: number) => void): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const i of s.indexes) {
    const t = performance.now();
    await client.query(i.def);
    onEach(i.name, (performance.now() - t) / 1000);
  }
  for (const f of s.fkeys) {
    const t = performance.now();
    await client.query(`ALTER TABLE ${f.table} ADD CONSTRAINT "${f.name}" ${f.def}`);
    onEach(f.name, (performance.now() - t) / 1000);
  }
}
