import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { EMBEDDED_DATABASE_URL } from "./embedded-db-url";
import { env } from "./env";

// One client per process; in development Next reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** DATABASE_URL, or the embedded PostgreSQL that scripts/demo.ts starts when it is unset. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
}

export function createPrisma(connectionString = databaseUrl()) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: env().DB_POOL_SIZE,
      connectionTimeoutMillis: 5000,
      // JIT compiles our short, repeated aggregates on every run (≈1 s each): pure loss here.
      options: "-c jit=off",
    }),
  });
}

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrisma();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
