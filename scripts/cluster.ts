// Two (or more) production servers behind HAProxy, sharing one PostgreSQL:
//
//   npx tsx scripts/cluster.ts            after `npm run build`; DATABASE_URL and AUTH_SECRET as for `npm start`
//
//   CLUSTER_PORT       where the balancer listens (default 3000); the servers take the next ports
//   CLUSTER_INSTANCES  how many servers (default 2)
//   CLUSTER_WRITERS    how many of them take the writes (server actions, sign-in), the others the
//                      reads (default 0: every server takes everything in turn; decision 0051)
//
// Each server is `node dist/server.mjs` (what `npm start` runs) with TRUST_PROXY=1, since HAProxy
// sets X-Forwarded-For. Writes on one are seen by the others through LISTEN/NOTIFY (decision
// 0034). Each server holds DB_POOL_SIZE + DB_WRITE_POOL_SIZE + 1 connections to the primary (its
// read pool, its write pool, its listener; decision 0046): the total is stated at start. Ctrl-C stops the balancer and every server.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { haveHaproxy, startHaproxy } from "./lib/haproxy";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = Number(process.env.CLUSTER_PORT ?? 3000);
const INSTANCES = Number(process.env.CLUSTER_INSTANCES ?? 2);
const WRITERS = Math.min(Number(process.env.CLUSTER_WRITERS ?? 0), INSTANCES - 1);
const POOL = Number(process.env.DB_POOL_SIZE || 10);
const WRITE_POOL = Number(process.env.DB_WRITE_POOL_SIZE || 3);
const PER_SERVER = POOL + WRITE_POOL + 1;

if (!haveHaproxy()) {
  console.error("haproxy not found (apt-get install haproxy, or set HAPROXY_BIN)");
  process.exit(2);
}

const servers: ChildProcess[] = [];
const stopAll = () => {
  for (const s of servers)
    if (s.exitCode === null && s.pid)
      try {
        process.kill(-s.pid, "SIGTERM");
      } catch {
        // gone already
      }
};

async function up(port: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server on ${port} did not answer /api/health within 60 s`);
}

try {
  const ports = Array.from({ length: INSTANCES }, (_, i) => PORT + 1 + i);
  const writers = ports.slice(0, Math.max(0, WRITERS));
  for (const port of ports) {
    const child = spawn(process.execPath, ["dist/server.mjs"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", TRUST_PROXY: "1" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    servers.push(child);
  }
  await Promise.all(ports.map(up));
  const balancer = await startHaproxy(PORT, ports, { writers });
  console.log(
    `> ${INSTANCES} servers (ports ${ports.join(", ")}) behind HAProxy on http://127.0.0.1:${PORT}` +
      (writers.length ? ` (writes to ${writers.join(", ")}, reads to the others)` : "") +
      "; " +
      `database connections: ${PER_SERVER} per server (DB_POOL_SIZE ${POOL} + DB_WRITE_POOL_SIZE ${WRITE_POOL} + 1 listener), ${INSTANCES * PER_SERVER} in all` +
      (process.env.DATABASE_REPLICA_URL ? `, and ${POOL} per server on the replica` : ""),
  );
  const shutdown = async () => {
    await balancer.stop();
    stopAll();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  for (const s of servers) s.on("exit", (code) => console.error(`a server exited (${code}); the balancer sends its share to the others`));
} catch (e) {
  console.error(String(e));
  stopAll();
  process.exit(1);
}
