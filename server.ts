// The production server: Next's request handler behind the response cache (src/server/response-cache.ts).
// `npm start` / `npm run demo` run it (scripts/demo.ts); HOST and PORT as for `next start`.
// Development uses `next dev` directly: nothing is cached there.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import { parseEnv } from "./src/server/env";

// The configuration first: a bad value stops the server here, naming the variable.
const config = parseEnv(process.env);
if (!config.ok) {
  console.error(`Bad configuration, the server does not start:\n  ${config.problems.join("\n  ")}`);
  process.exit(1);
}

// Like `next start`: React and Next pick their production builds by NODE_ENV when first loaded,
// so it is set before they are imported.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const { serveCached } = await import("./src/server/response-cache");

const { HOST: host, PORT: port } = config.env;

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

// RESPONSE_CACHE=off answers every request afresh (to compare, or to rule the cache out).
const serve = config.env.RESPONSE_CACHE === "off" ? (req: IncomingMessage, res: ServerResponse, render: () => Promise<void>) => render() : serveCached;

createServer((req, res) => {
  serve(req, res, () => handle(req, res)).catch((e) => {
    console.error("[server]", e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}).listen(port, host, () => {
  console.log(`> Ready on http://${host}:${port}`);
});
