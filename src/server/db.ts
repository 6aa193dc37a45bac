import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { EMBEDDED_DATABASE_URL } from "./embedded-db-url";
import { env } from "./env";

// Three pools per process (decision 0046), each a PrismaClient of its own:
//   reads   — DB_POOL_SIZE connections to the primary: every query that is not a write;
//   writes  — DB_WRITE_POOL_SIZE connections to the primary, used only by useCase's transaction
//             and the session and sign-in writes, so a write never waits behind cold reads;
//   replica — DB_POOL_SIZE connections to DATABASE_REPLICA_URL when it is set: the cached reads
//             of the pages and the API, routed there by src/server/replica.ts.
// With the listener of src/server/invalidation.ts, a server holds DB_POOL_SIZE + DB_WRITE_POOL_SIZE
// + 1 connections to the primary (14 by default) and DB_POOL_SIZE to the replica.
//
// `prisma` is the reads client, except inside `readingFrom(replica, …)` where it is the replica's:
// the query functions stay unaware of where they read.

/** DATABASE_URL, or the embedded PostgreSQL that scripts/demo.ts starts when it is unset. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
}

/** `waitMs`: how long a query waits for a free connection before it fails. */
export function createPrisma(connectionString = databaseUrl(), max = env().DB_POOL_SIZE, waitMs = 5000) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max,
      connectionTimeoutMillis: waitMs,
      // JIT compiles our short, repeated aggregates on every run (≈1 s each): pure loss here.
      options: "-c jit=off",
    }),
  });
}

type Clients = { reads?: PrismaClient; writes?: PrismaClient; replica?: PrismaClient | null };

/** The pools of this process, made on first use (a script that only reads opens no write pool). */
function pools() {
  const clients: Clients = {};
  return {
    reads: () => (clients.reads ??= createPrisma()),
    // a write waits as long as its transaction may (useCase's maxWait): better late than refused
    writes: () => (clients.writes ??= createPrisma(databaseUrl(), env().DB_WRITE_POOL_SIZE, 10_000)),
    replica: () => {
      if (clients.replica === undefined) {
        const url = env().DATABASE_REPLICA_URL;
        clients.replica = url ? createPrisma(url) : null;
      }
      return clients.replica;
    },
    async disconnect() {
      await Promise.all([clients.reads, clients.writes, clients.replica].map((c) => c?.$disconnect()));
      delete clients.reads;
      delete clients.writes;
      delete clients.replica;
    },
  };
}

const route = new AsyncLocalStorage<PrismaClient>();

type Pools = ReturnType<typeof pools>;

// The reads client as the rest of the code sees it: forwards to the client of the current route.
function router(p: Pools): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_, prop) {
      if (prop === "$disconnect") return p.disconnect; // every pool of the process
      if (prop === "__pools") return p;
      const client = route.getStore() ?? p.reads();
      const value = Reflect.get(client, prop, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

// One set per process; in development Next reloads modules, so keep it on globalThis (the tests
// drop `prisma` there to start on another database).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? router(pools());
globalForPrisma.prisma = prisma;

const poolsOf = (client: PrismaClient) => (client as unknown as { __pools: Pools }).__pools;

/** The write pool: useCase's transactions and the session and sign-in writes, never a read for a page. */
export function writePrisma(): PrismaClient {
  return poolsOf(prisma).writes();
}

/** The primary's read pool, whatever the route. */
export function primaryPrisma(): PrismaClient {
  return poolsOf(prisma).reads();
}

/** The replica's client, or null without DATABASE_REPLICA_URL. */
export function replicaPrisma(): PrismaClient | null {
  return poolsOf(prisma).replica();
}

/** The client `prisma` means here, when a route is set. */
export function routedClient(): PrismaClient | undefined {
  return route.getStore();
}

/** Runs `fn` with `prisma` meaning `client` (src/server/replica.ts routes the cached reads with it). */
export function readingFrom<T>(client: PrismaClient, fn: () => Promise<T>): Promise<T> {
  return route.run(client, fn);
}
