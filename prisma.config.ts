import { defineConfig } from "prisma/config";
import { migrateAdapter } from "./prisma/migrate-adapter";
import { EMBEDDED_DATABASE_URL } from "./src/server/embedded-db-url";

// Without DATABASE_URL the CLI talks to the embedded PostgreSQL started by scripts/demo.ts.
process.env.DATABASE_URL ??= EMBEDDED_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js", // Wasm schema engine over a driver adapter: nothing to download (docs/decisions/0004)
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => migrateAdapter(process.env.DATABASE_URL!) as never,
});
