// The production server: Next's request handler behind the response cache (src/server/response-cache.ts).
// `npm start` / `npm run demo` run it (scripts/demo.ts); HOST and PORT as for `next start`.
// Development uses `next dev` directly: nothing is cached there.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

// Like `next start`: React and Next pick their production builds by NODE_ENV when first loaded,
// so it is set before they are imported.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const { serveCached } = await import("./src/server/response-cache");

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

// RESPONSE_CACHE=off answers every request afresh (to compare, or to rule the cache out).
const serve = process.env.RESPONSE_CACHE === "off" ? (req: IncomingMessage, res: ServerResponse, render: () => Promise<void>) => render() : serveCached;

createServer((req, res) => {
  serve(req, res, () => handle(req, res)).catch((e) => {
    console.error("[server]", e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}).listen(port, host, () => {
  console.log(`> Ready on http://${host}:${port}`);
});
