// Where the embedded PostgreSQL (scripts/demo.ts, decision 0024) listens when no DATABASE_URL is given.
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
