// The production server: Next's request handler behind the response cache (src/server/response-cache.ts).
// `npm run build` compiles it to dist/server.mjs (decision 0032); `npm start` and `npm run demo` run
// that with plain node. HOST and PORT as for `next start`. Development uses `next dev` directly:
// nothing is cached there.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import nextEnv from "@next/env"; // CommonJS: no named exports under plain node

import { parseServerEnv } from "./src/server/env";

// The configuration first, from the environment and the .env files Next would read: a bad or
// missing value stops the server here, naming the variable.
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const config = parseServerEnv(process.env);
if (!config.ok) {
  console.error(`Bad configuration, the server does not start:\n  ${config.problems.join("\n  ")}`);
  process.exit(1);
}

// Like `next start`: React and Next pick their production builds by NODE_ENV when first loaded,
// so it is set before they are imported.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const { configureRefresh, serveCached, takeRefreshOrder } = await import("./src/server/response-cache");
const { refusedAction, refusedTarget } = await import("./src/server/request-guard");
const { dropUntrustedForwarding, HSTS, servedOverHttps } = await import("./src/server/forwarded");

const { HOST: host, PORT: port } = config.env;

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

// A late page is rendered again in the background by a request to REFRESH_TARGET: this server
// itself unless another renderer is named, with a secret of this process's own unless one is
// shared with it (decision 0048).
const loopback = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
configureRefresh({
  target: config.env.REFRESH_TARGET ?? `http://${loopback}:${port}`,
  secret: config.env.REFRESH_SECRET ?? randomBytes(32).toString("base64url"),
});

// RESPONSE_CACHE=off answers every request afresh (to compare, or to rule the cache out).
const serve =
  config.env.RESPONSE_CACHE === "off"
    ? (req: IncomingMessage, res: ServerResponse, render: () => Promise<void>) => {
        takeRefreshOrder(req); // never seen by Next
        return render();
      }
    : serveCached;

function refuse(res: ServerResponse, status: number, reason: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  res.end(`${status === 400 ? "Bad request" : status === 411 ? "Length required" : "Payload too large"}: ${reason}\n`);
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  // Input no page can mean is a 400 here, not a 500 deeper down (src/server/request-guard.ts).
  const target = refusedTarget(req.url ?? "/");
  if (target) return refuse(res, 400, target);
  const action = await refusedAction(req);
  if (action) return refuse(res, action.status, action.reason);
  dropUntrustedForwarding(req); // X-Forwarded-* only from a trusted proxy (TRUST_PROXY=1)
  if (servedOverHttps(req)) res.setHeader("strict-transport-security", HSTS);
  await serve(req, res, () => handle(req, res));
}

const server = createServer((req, res) => {
  answer(req, res).catch((e) => {
    console.error("[server]", e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// A balancer in front (scripts/cluster.ts) reuses idle connections to this server; Node's own
// 5 s idle close raced HAProxy's reuse and reset a request in flight. Holding idle connections
// longer than the balancer does leaves the closing to it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => {
  console.log(`> Ready on http://${host}:${port}`);
});
