import { createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export async function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

/**
 * Starts PGlite (data kept in `dir`) behind a PostgreSQL-protocol socket on 127.0.0.1:port,
 * so Prisma, Migrate and psql reach it as a server. It lives in this process: keep it running.
 */
export async function startEmbeddedDb(dir: string, port: number) {
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is busy: the embedded database cannot start. Stop what uses it or set EMBEDDED_DB_PORT.`);
  }
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 10 });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
