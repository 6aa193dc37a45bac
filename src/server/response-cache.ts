import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { responseCache } from "./cache";
import { sessionClaimsOf } from "./session-cookie";

// Whole responses of the read-only pages and API routes that are heavy to produce and asked for
// far more often than the data under them changes, kept per caller and URL. Rendering the national
// dashboard costs tens of ms of CPU however its data is cached (React renders every cell), and
// even a cached API answer pays Next's routing; the same bytes served again cost a fraction of a ms.
//
// Correctness is the read cache's (decision 0012): every committed write empties this cache too,
// and an entry lives at most the TTL. The key holds everything a response depends on: who asks
// (the page header shows the user's name, menu and notices; the API answers per role and
// hospital), the URL, the language cookie and the accepted encodings (Next compresses). Only
// GETs with a verified session or a bearer token are kept: never client navigations (RSC
// requests), server actions, redirects, errors, or a response that sets a cookie.
// See docs/decisions/0013-response-cache.md.

/** Paths answered from this cache, and the content type their shareable answers have. */
export const CACHED_PATHS: ReadonlyMap<string, string> = new Map([
  ["/dashboard", "text/html"],
  ["/report", "text/html"],
  ["/api/v1/summary", "application/json"],
  ["/api/v1/hospitals", "application/json"],
  ["/api/v1/pledges", "application/json"],
]);

export type CachedResponse = { status: number; headers: [string, string | string[]][]; body: Buffer };

/** Response headers that belong to one response, not to what it says. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

function cookieReader(header: string | undefined) {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return (name: string) => jar.get(name);
}

/**
 * Who asks, as part of a key: the user of a verified, unexpired session cookie; for the API,
 * which authenticates by the Authorization header first (src/server/api-auth.ts), the hash of
 * that header instead: the API checks the token on the miss, an answer is only ever reused for
 * the very token it was made for, and revoking a token is a write, which empties the cache.
 */
async function caller(req: IncomingMessage, cookie: (name: string) => string | undefined, api: boolean): Promise<string | null> {
  const authorization = req.headers.authorization;
  if (api && authorization) return `token:${createHash("sha256").update(authorization).digest("hex")}`;
  // Per session, not only per user: a session that ended on its own (idle, decision 0023) must not
  // be served what another live session of the same user had rendered.
  const claims = await sessionClaimsOf(cookie);
  return claims ? `user:${claims.sub}:${claims.sid ?? ""}` : null;
}

/** The cache key of a request, or null when its response must not be shared with another request. */
export async function responseKey(req: IncomingMessage): Promise<string | null> {
  if (req.method !== "GET" || !req.url) return null;
  const contentType = CACHED_PATHS.get(req.url.split("?")[0]);
  if (!contentType) return null;
  // A client-side navigation or prefetch asks for the RSC payload, a server action posts: both
  // are answered per request.
  if (Object.keys(req.headers).some((h) => h === "rsc" || h === "next-action" || h.startsWith("next-router-"))) return null;
  const cookie = cookieReader(req.headers.cookie);
  const who = await caller(req, cookie, contentType === "application/json");
  if (!who) return null; // a page redirects to /login, the API answers 401
  return JSON.stringify([who, req.url, cookie(LOCALE_COOKIE) ?? "", req.headers["accept-encoding"] ?? ""]);
}

/**
 * Answers `req` from the cache, or with `render` (Next's request handler) while keeping a
 * copy. Concurrent requests for one key share the first one's rendering.
 */
export async function serveCached(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>): Promise<void> {
  const key = await responseKey(req);
  if (!key) return render();
  const contentType = CACHED_PATHS.get(req.url!.split("?")[0])!;
  let rendering = false;
  const response = responseCache.get(key, () => {
    rendering = true;
    return captured(res, contentType, render);
  });
  if (rendering) {
    await response.catch(() => undefined); // this request got its response as it was rendered
    return;
  }
  let hit: CachedResponse;
  try {
    hit = await response;
  } catch {
    return render(); // the first request's response was not one to share: render this one
  }
  send(res, hit);
}

function send(res: ServerResponse, hit: CachedResponse) {
  res.statusCode = hit.status;
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  res.setHeader("content-length", hit.body.length);
  res.end(hit.body);
}

/** Runs `render` against `res`, and resolves with a copy of what it sent if that can be shared. */
function captured(res: ServerResponse, contentType: string, render: () => Promise<void>): Promise<CachedResponse> {
  return new Promise<CachedResponse>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    res.once("finish", () => {
      const headers = Object.entries(res.getHeaders())
        .filter(([name]) => !PER_RESPONSE.has(name))
        .map(([name, value]): [string, string | string[]] => [name, Array.isArray(value) ? value : String(value)]);
      const shareable = res.statusCode === 200 && !res.getHeader("set-cookie") && String(res.getHeader("content-type") ?? "").startsWith(contentType);
      if (shareable) resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
      else reject(new Error("not shareable"));
    });
    res.once("close", () => {
      if (!res.writableFinished) reject(new Error("response not finished"));
    });
    render().catch(reject);
  });
}
