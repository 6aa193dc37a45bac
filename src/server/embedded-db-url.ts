import { env } from "./env";

// Where the embedded PostgreSQL (scripts/demo.ts, decision 0024) listens when no DATABASE_URL is given.
export const EMBEDDED_PORT = env().EMBEDDED_DB_PORT;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
