import pg from "pg";

/** Creates an empty database beside the one `baseUrl` names and returns its URL. */
export async function createFreshDatabase(baseUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Drops databases `<prefix>_<base36 timestamp>_…` made by createFreshDatabase more than
 * `maxAgeMs` ago: test runs that were killed (Playwright stops its web server without a
 * chance to clean up) must not pile databases up on a shared server.
 */
export async function dropStaleDatabases(baseUrl: string, prefix: string, maxAgeMs = 6 * 60 * 60 * 1000): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
    for (const { datname } of rows) {
      const created = parseInt(datname.slice(prefix.length + 1).split("_")[0] ?? "", 36);
      if (Number.isFinite(created) && Date.now() - created > maxAgeMs) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
      }
    }
  } finally {
    await admin.end();
  }
}
