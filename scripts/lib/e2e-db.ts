import { existsSync, readFileSync } from "node:fs";
import pg from "pg";

// For e2e specs that must look at (or change) the database behind the server under test:
// scripts/e2e-server.ts makes a fresh `oxy_e2e_<random>` database whose name the spec does not
// know, and other people's e2e servers may run on the same PostgreSQL at the same time. The spec
// leaves a marker — a failed login with a unique email, recorded in LoginAttempt — and this finds
// the one database that holds it.

export async function findDatabaseByLoginMarker(baseUrl: string, markerEmail: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  let names: string[];
  try {
    const r = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'oxy_e2e_%' ORDER BY oid DESC`);
    names = r.rows.map((row) => row.datname);
  } finally {
    await admin.end();
  }
  for (const name of names) {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      const r = await client.query(`SELECT 1 FROM "LoginAttempt" WHERE email = $1 LIMIT 1`, [markerEmail]);
      if (r.rowCount) return url.toString();
    } catch {
      // a database being created or dropped, or not migrated yet
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`No oxy_e2e_* database holds the login marker ${markerEmail}`);
}

/**
 * The PostgreSQL server the e2e app's database lives on: TEST_DATABASE_URL / DATABASE_URL, or the
 * embedded server scripts/e2e-server.ts started, whose URL it writes to E2E_DB_URL_FILE (set by
 * playwright.config.ts). Tests that look into the database find theirs there, so none skips.
 */
export function e2eDatabaseServerUrl(): string | undefined {
  const file = process.env.E2E_DB_URL_FILE;
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || (file && existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined);
}

/** One query on the database at `url` (a connection of its own, closed after). */
export async function queryOn<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
