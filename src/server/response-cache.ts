import { createHash, timingSafeEqual } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { brotliDecompressSync, constants as zlib, crc32, deflateRawSync, gunzipSync, inflateSync } from "node:zlib";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { readScope, responseCache, type Answered, type ComputeContext, type ReadScope } from "./cache";
import { now as clockNow } from "./clock";
import { newNonce, nonceOf } from "./csp";
import { liveAudienceOf, sessionClaimsOf, sessionIdentity, witnessed, witnessSessions, type Witnessed } from "./session-cookie";

// Whole responses of the read-only pages and API routes that are heavy to produce and asked for
// far more often than the data under them changes, kept per caller and URL. Rendering the national
// dashboard costs tens of ms of CPU however its data is cached (React renders every cell), and
// even a cached API answer pays Next's routing; the same bytes served again cost a fraction of a ms.
//
// Correctness is the read cache's (decision 0012): every committed write empties this cache too,
// and an entry lives at most the TTL. The key holds everything a response depends on: who asks,
// the URL and the language cookie. Who asks is an audience, not a user (decision 0045): the role
// and hospital of a live session, so the officials reading the national dashboard share one page;
// the page leaves out the user's own header parts (name, notices badge), which the browser fills
// in; the API, with a bearer token, is kept per token. Only GETs with a verified, live session or
// a bearer token are kept: never client navigations (RSC requests), server actions, redirects,
// errors, or a response that sets a cookie. See docs/decisions/0013-response-cache.md.
//
// Who asks is read from the cookie header exactly as Next reads it for the page (its own cookie
// parser), a header naming a session cookie twice (or with a variant spelling) is never cached,
// and a response is kept only when every session its rendering read was the request's, every
// actor it read had the key's audience, and it read no actor's id, name or email (issue #13 item
// 7, decision 0045). Each answer carries a fresh CSP nonce: the page is kept in pieces around its
// nonce and put together with a new one for every response (decision 0025).
//
// Readers never wait for a refresh (decision 0048): a request that finds its page late (a
// figures-only write came since it was rendered) is answered with the kept copy at once, and the
// page is rendered again in the background by a request to REFRESH_TARGET (this server, unless
// another process is named) that carries the caller's cookies and a secret header; only the
// answer to that request, made by this process, is ever stored. Every answer says when its
// figures were read (X-Figures-Read-At) and, from the cache, how old the copy is (Age).

/** Paths answered from this cache, and the content type their shareable answers have. */
export const CACHED_PATHS: ReadonlyMap<string, string> = new Map([
  ["/dashboard", "text/html"],
  ["/report", "text/html"],
  ["/api/v1/summary", "application/json"],
  ["/api/v1/hospitals", "application/json"],
  ["/api/v1/pledges", "application/json"],
]);

/**
 * A kept response: status, the headers it shares, and its body in pieces around the nonce
 * (`parts[0] + nonce + parts[1] + …`), each also compressed on its own (raw deflate ending in a
 * full flush), so a gzip answer with a fresh nonce costs a concatenation and a CRC.
 */
export type CachedResponse = {
  status: number;
  headers: [string, string | string[]][];
  policy: string | null;
  nonce: string | null;
  parts: Buffer[];
  deflated: Buffer[];
  /** each part's CRC-32 and x^(8·length) mod P, to combine the CRCs without reading the bytes again */
  crcs: { crc: number; shift: number }[];
  /** when its figures were read (the oldest read a rendering consumed), on the app's clock in ms */
  readAt: number;
  /** when it was rendered, on the app's clock in ms */
  renderedAt: number;
};

/** Response headers that belong to one response, not to what it says; set again for each. */
const PER_RESPONSE = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "content-security-policy",
  "strict-transport-security",
  "set-cookie",
  "x-cache",
  "age",
  "x-figures-read-at",
  "x-oxygen-refresh",
]);

/** Says whether an answer came from this cache ("hit"; "stale" for a copy that misses a write, served while its refresh runs) or was rendered for its key ("miss"). */
export const CACHE_HEADER = "x-cache";

/** When the figures of an answer were read (ISO 8601), on every answer the cache keys. */
export const FIGURES_HEADER = "x-figures-read-at";

/** Cookie names Auth.js reads a session from (with its chunked variants). */
const SESSION_NAME = /^(__Secure-|__Host-)?(authjs|next-auth)\.session-token(\.\d+)?$/i;

type Jar = { get(name: string): string | undefined; ambiguous: boolean };

/**
 * The cookies of a request, parsed as Next parses them for the page (split on `; *`, the name
 * as written, the last of a name wins, a value that does not %-decode is skipped), and whether
 * the header is ambiguous about the session: a session cookie named twice, or spelled with
 * spaces or another case, which another parser could read as someone else.
 */
export function cookieJar(header: string | undefined): Jar {
  const jar = new Map<string, string>();
  let sessionNames = 0;
  let ambiguous = false;
  for (const pair of (header ?? "").split(/; */)) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = eq === -1 ? pair : pair.slice(0, eq);
    if (SESSION_NAME.test(name.trim())) {
      sessionNames++;
      if (name !== name.trim() || !/^(__Secure-)?authjs\.session-token$/.test(name)) ambiguous = true;
    }
    if (eq === -1) continue;
    try {
      jar.set(name, decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      if (SESSION_NAME.test(name.trim())) ambiguous = true;
    }
  }
  return { get: (name) => jar.get(name), ambiguous: ambiguous || sessionNames > 1 };
}

/**
 * Who asks, as part of a key: the audience (role and hospital) of a verified, unexpired session
 * cookie whose server-side session is live and whose account is active, checked on every
 * request, hit or miss, as the page itself would (src/server/session.ts); for the API, which
 * authenticates by the Authorization header first (src/server/api-auth.ts), the hash of that
 * header instead: the API checks the token on the miss, an answer is only ever reused for the
 * very token it was made for, and revoking a token is a write, which empties the cache.
 */
async function caller(req: IncomingMessage, jar: Jar, api: boolean): Promise<Omit<Keyed, "contentType"> | null> {
  const authorization = req.headers.authorization;
  if (api && authorization) return { key: `token:${createHash("sha256").update(authorization).digest("hex")}`, identity: null, audience: null };
  const claims = await sessionClaimsOf(jar.get);
  if (!claims) return null;
  // A session that ended (signed out, idle, its account disabled or its role changed) has none.
  const audience = await liveAudienceOf(claims);
  if (!audience) return null;
  return { key: `audience:${audience}`, identity: sessionIdentity(claims), audience };
}

/** `identity`: the request's session; `audience`: its role and hospital (both null for a bearer token). */
type Keyed = { key: string; identity: string | null; audience: string | null; contentType: string };

async function keyed(req: IncomingMessage): Promise<Keyed | null> {
  if (req.method !== "GET" || !req.url) return null;
  const contentType = CACHED_PATHS.get(req.url.split("?")[0]);
  if (!contentType) return null;
  // A client-side navigation or prefetch asks for the RSC payload, a server action posts: both
  // are answered per request.
  if (Object.keys(req.headers).some((h) => h === "rsc" || h === "next-action" || h.startsWith("next-router-"))) return null;
  const jar = cookieJar(req.headers.cookie);
  if (jar.ambiguous) return null;
  const who = await caller(req, jar, contentType === "application/json");
  if (!who) return null; // a page redirects to /login, the API answers 401
  return { ...who, key: JSON.stringify([who.key, req.url, jar.get(LOCALE_COOKIE) ?? ""]), contentType };
}

/** The cache key of a request, or null when its response must not be shared with another request. */
export async function responseKey(req: IncomingMessage): Promise<string | null> {
  return (await keyed(req))?.key ?? null;
}

/**
 * Answers `req` from the cache, or with `render` (Next's request handler) while keeping a
 * copy. Concurrent requests for one key share the first one's rendering. A late copy is served
 * at once while the page is rendered again in the background (`refreshed`).
 */
export async function serveCached(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>): Promise<void> {
  const order = takeRefreshOrder(req);
  const k = await keyed(req);
  if (!k) return render();
  if (order) return renderForRefresh(res, k, order, render);
  let rendering = false;
  const answered: Answered = { late: false };
  const response = responseCache.get(
    k.key,
    (ctx) => {
      if (ctx.background && refresh) return refreshed(req, k, refresh, ctx);
      rendering = true; // no copy to serve (or nowhere to refresh it): this request renders the page
      res.setHeader(CACHE_HEADER, "miss");
      return captured(res, k, render, ctx);
    },
    answered,
  );
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
  send(req, res, hit, answered.late);
}

/** Sends a kept response with a nonce of its own, gzip-compressed when the client takes gzip. */
function send(req: IncomingMessage, res: ServerResponse, hit: CachedResponse, late: boolean) {
  res.statusCode = hit.status;
  res.setHeader(CACHE_HEADER, late ? "stale" : "hit");
  res.setHeader(FIGURES_HEADER, new Date(hit.readAt).toISOString());
  res.setHeader("age", String(Math.max(0, Math.floor((appNow() - hit.renderedAt) / 1000))));
  const nonce = hit.nonce ? Buffer.from(newNonce()) : null;
  // The nonce is in the CSP header, on the scripts, and in headers such as Link (preloads).
  const fresh = (value: string) => (nonce ? value.replaceAll(hit.nonce!, nonce.toString()) : value);
  for (const [name, value] of hit.headers) res.setHeader(name, Array.isArray(value) ? value.map(fresh) : fresh(value));
  if (hit.policy) res.setHeader("content-security-policy", fresh(hit.policy));
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const pieces = gzip ? gzipPieces(hit, nonce) : hit.parts.flatMap((p, i) => (i === 0 || !nonce ? [p] : [nonce, p]));
  if (gzip) res.setHeader("content-encoding", "gzip");
  res.setHeader(
    "content-length",
    pieces.reduce((n, p) => n + p.length, 0),
  );
  // The kept pieces go out as they are, in one write: putting them together first copied every
  // answer (751 kB for the national hospitals list, 1,450 times a second in the bench).
  res.cork();
  for (const p of pieces) res.write(p);
  res.end();
  res.uncork();
}

/** A gzip member, in pieces: the pre-compressed parts, the nonce between them as stored blocks. */
function gzipPieces(hit: CachedResponse, nonce: Buffer | null): Buffer[] {
  const pieces: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])];
  const nonceCrc = nonce ? { crc: crc32(nonce), shift: x2nmodp(nonce.length, 3) } : null;
  let crc = 0;
  let size = 0;
  hit.deflated.forEach((d, i) => {
    if (i > 0 && nonce) {
      // A stored (uncompressed) block: the previous piece ended byte-aligned on a full flush.
      pieces.push(Buffer.from([0, nonce.length & 0xff, nonce.length >> 8, ~nonce.length & 0xff, (~nonce.length >> 8) & 0xff]), nonce);
      crc = crcCombine(crc, nonceCrc!);
      size += nonce.length;
    }
    pieces.push(d);
    crc = crcCombine(crc, hit.crcs[i]);
    size += hit.parts[i].length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  pieces.push(Buffer.from([1, 0, 0, 0xff, 0xff]), trailer); // the final, empty stored block
  return pieces;
}

// CRC-32 of a concatenation from the pieces' CRCs (zlib's crc32_combine, by multiplication
// modulo the CRC polynomial): a kept page's CRC costs a few µs instead of reading 150 kB again.
const POLY = 0xedb88320;

function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

const X2N: number[] = [];
for (let k = 0, p = 1 << 30; k < 32; k++) X2N.push(k === 0 ? p : (p = multmodp(p, p)));

/** x^(n·2^k) mod P */
function x2nmodp(n: number, k: number): number {
  let p = 0x80000000;
  while (n) {
    if (n & 1) p = multmodp(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

function crcCombine(crc: number, next: { crc: number; shift: number }): number {
  return (multmodp(next.shift, crc) ^ next.crc) >>> 0;
}

function decoded(body: Buffer, encoding: string): Buffer {
  if (!encoding || encoding === "identity") return body;
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  throw new Error(`unknown content-encoding ${encoding}`);
}

/** The body in pieces around every occurrence of the nonce (one piece when there is none). */
function split(body: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [body];
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, 0, "latin1"); at !== -1; at = body.indexOf(nonce, from, "latin1")) {
    parts.push(body.subarray(from, at));
    from = at + nonce.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

const appNow = () => clockNow().getTime();

/** When a rendering's figures were read: the oldest cached figure it consumed, or its start when it read none. */
const readTimeOf = (scope: ReadScope, startedAt: number) => Math.min(scope.oldest ?? startedAt, startedAt);

/**
 * Runs `render` against `res`, and resolves with a copy of what it sent if that can be shared.
 * A rendering that consumed a late copy of the figures is kept as a late copy itself
 * (`ctx.late`): the next reader has it refreshed in the background instead of it passing for current.
 */
function captured(res: ServerResponse, k: Keyed, render: () => Promise<void>, ctx: ComputeContext): Promise<CachedResponse> {
  return new Promise<CachedResponse>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const seen = witnessed();
    const scope: ReadScope = { fresh: false, oldest: null, late: false };
    const renderedAt = appNow();
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array),
      );
    };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    // Node sends implicit headers through writeHead too: the figures' time goes out with them.
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader(FIGURES_HEADER, new Date(readTimeOf(scope, renderedAt)).toISOString());
      return writeHead(...args);
    }) as ServerResponse["writeHead"];
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    res.once("finish", () => {
      try {
        const why = refusal(res.statusCode, (name) => res.getHeader(name), k, seen);
        if (why) throw new Error(why);
        ctx.late = scope.late;
        const headers = Object.entries(res.getHeaders()).map(([name, value]): [string, string | string[]] => [
          name,
          Array.isArray(value) ? value : String(value),
        ]);
        resolve(keptCopy(res.statusCode, headers, Buffer.concat(chunks), readTimeOf(scope, renderedAt), renderedAt));
      } catch (e) {
        reject(e);
      }
    });
    res.once("close", () => {
      if (!res.writableFinished) reject(new Error("response not finished"));
    });
    readScope(scope, () => witnessSessions(seen, render)).catch(reject);
  });
}

type HeaderOf = (name: string) => number | string | string[] | undefined;

/** Why a finished response is not one to share, or null when it is. */
function refusal(status: number, header: HeaderOf, k: Keyed, seen: Witnessed): string | null {
  if (status !== 200 || header("set-cookie") || !String(header("content-type") ?? "").startsWith(k.contentType)) return "not shareable";
  // Rendered for the request's session and no other, as one of the key's audience and for no
  // one in particular (a page reads the session and its actor at least once; an API answer for a
  // bearer token reads neither).
  const sessions = [...seen.sessions];
  const audiences = [...seen.audiences];
  if (k.identity ? sessions.length === 0 || sessions.some((id) => id !== k.identity) : sessions.length > 0) return "rendered for another identity";
  if (k.audience ? audiences.length === 0 || audiences.some((a) => a !== k.audience) : audiences.length > 0) return "rendered for another audience";
  if (seen.personal.size > 0) return `read what belongs to one user: ${[...seen.personal].join(", ")}`;
  const policy = header("content-security-policy");
  if (k.contentType === "text/html" && !nonceOf(typeof policy === "string" ? policy : null)) return "a page without a CSP nonce";
  return null;
}

/** The copy to keep of a response found shareable: its headers, and its body in pieces around its nonce. */
function keptCopy(status: number, allHeaders: [string, string | string[]][], raw: Buffer, readAt: number, renderedAt: number): CachedResponse {
  const named = new Map(allHeaders.map(([n, v]) => [n.toLowerCase(), v]));
  const policy = named.get("content-security-policy");
  const nonce = nonceOf(typeof policy === "string" ? policy : null);
  const headers = allHeaders.filter(([name]) => !PER_RESPONSE.has(name.toLowerCase()));
  const parts = split(decoded(raw, String(named.get("content-encoding") ?? "")), nonce);
  const deflated = parts.map((p) => deflateRawSync(p, { finishFlush: zlib.Z_FULL_FLUSH }));
  const crcs = parts.map((p) => ({ crc: crc32(p), shift: x2nmodp(p.length, 3) }));
  return { status, headers, policy: typeof policy === "string" ? policy : null, nonce, parts, deflated, crcs, readAt, renderedAt };
}

// --- The refresh of a late page, off the reader's path (decision 0048) -------------------------
//
// The reader who finds a late copy is answered with it; the page is asked for again, by this
// process, from REFRESH_TARGET (this server itself unless another renderer is named) with the
// reader's cookies, language and token plus two headers: the refresh secret (random per process
// unless REFRESH_SECRET is shared with another renderer) and the hash of the key the answer is
// for. The target renders that request as the reader would see it, waiting for current figures
// (a fresh `readScope`), checks it as a kept response is checked, and answers the whole response at
// once with its verdict; it stores nothing. Only this process, which made the request, stores
// the answer, under the key it computed itself. So the secret header cannot let an outside
// request poison the cache (nothing is stored from a request that carries it) nor see anything
// its own cookies do not (the page is rendered for them, through every check); with a wrong or
// missing secret the header is dropped and the request is an ordinary one.

const REFRESH_HEADER = "x-oxygen-refresh";
const REFRESH_KEY_HEADER = "x-oxygen-refresh-key";
/** The target's verdicts on a refresh: keep it; keep it as a late copy (its figures' refresh began before the latest write). */
const KEEP = "keep";
const KEEP_LATE = "keep; late";
/** What the refresh request carries of the reader's request: who asks, in which language, through which host. */
const PASSED = [
  "cookie",
  "authorization",
  "accept-language",
  "host",
  "user-agent",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-for",
];
/** A refresh that takes longer is given up; the copy stays, within the ceiling, and a later reader tries again. */
const REFRESH_TIMEOUT_MS = 120_000;

type RefreshConfig = { target: URL; secret: Buffer };
let refresh: RefreshConfig | null = null;

/** Where late pages are rendered again (server.ts sets this server itself); null: the reader who finds one renders it, as before decision 0048. */
export function configureRefresh(config: { target: string; secret: string } | null): void {
  refresh = config ? { target: new URL(config.target), secret: Buffer.from(config.secret) } : null;
}

const keyHash = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Takes the refresh headers off a request, so that nothing after (Next, the page) sees them; the
 * hash of the key it asks for when the secret is this process's, null otherwise (ignored).
 */
export function takeRefreshOrder(req: IncomingMessage): string | null {
  const secret = req.headers[REFRESH_HEADER];
  const key = req.headers[REFRESH_KEY_HEADER];
  delete req.headers[REFRESH_HEADER];
  delete req.headers[REFRESH_KEY_HEADER];
  if (!refresh || typeof secret !== "string" || typeof key !== "string") return null;
  const given = Buffer.from(secret);
  return given.length === refresh.secret.length && timingSafeEqual(given, refresh.secret) ? key : null;
}

/**
 * The refresh target's side: renders the request with current figures (or the figures' one
 * refresh under way), checks it as a kept response is checked, and answers it whole with the
 * verdict (`keep`; `keep; late` when a figure's refresh began before the latest write; or why
 * not) and the figures' read time. Stores nothing.
 */
async function renderForRefresh(res: ServerResponse, k: Keyed, wanted: string, render: () => Promise<void>): Promise<void> {
  if (keyHash(k.key) !== wanted) {
    // the cookies now give another key (the role changed, the session ended): not the page asked for
    res.writeHead(409, { [REFRESH_HEADER]: "another key", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end();
    return;
  }
  const seen = witnessed();
  const scope: ReadScope = { fresh: true, oldest: null, late: false };
  const renderedAt = appNow();
  const chunks: Buffer[] = [];
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array),
    );
  };
  const callback = (args: unknown[]) => args.find((a) => typeof a === "function") as (() => void) | undefined;
  // Held until the end: the verdict is known only once the rendering is over.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((r) => typeof r === "object" && r !== null);
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
    return res;
  }) as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const cb = callback(rest);
    if (cb) process.nextTick(cb);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const body = Buffer.concat(chunks);
    res.writeHead = writeHead as ServerResponse["writeHead"];
    res.setHeader(REFRESH_HEADER, refusal(res.statusCode, (name) => res.getHeader(name), k, seen) ?? (scope.late ? KEEP_LATE : KEEP));
    res.setHeader(FIGURES_HEADER, new Date(readTimeOf(scope, renderedAt)).toISOString());
    res.removeHeader("transfer-encoding");
    res.setHeader("content-length", body.length);
    return end(body, callback([chunk, ...rest]));
  }) as ServerResponse["end"];
  await readScope(scope, () => witnessSessions(seen, render));
}

/** The origin's side: asks the target for the page again and keeps its answer if the target found it shareable. */
function refreshed(req: IncomingMessage, k: Keyed, config: RefreshConfig, ctx: ComputeContext): Promise<CachedResponse> {
  const headers: OutgoingHttpHeaders = {
    [REFRESH_HEADER]: config.secret.toString(),
    [REFRESH_KEY_HEADER]: keyHash(k.key),
    "accept-encoding": "identity",
  };
  for (const name of PASSED) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  const url = new URL(req.url ?? "/", config.target);
  const renderedAt = appNow();
  return new Promise<CachedResponse>((resolve, reject) => {
    const ask = httpRequest(url, { method: "GET", headers, timeout: REFRESH_TIMEOUT_MS }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("error", reject);
      answer.on("end", () => {
        try {
          const copy = fromRefresh(answer.statusCode ?? 0, answer.headers, k, Buffer.concat(chunks), renderedAt);
          ctx.late = answer.headers[REFRESH_HEADER] === KEEP_LATE;
          resolve(copy);
        } catch (e) {
          reject(e);
        }
      });
    });
    ask.on("timeout", () => ask.destroy(new Error("the refresh timed out")));
    ask.on("error", reject);
    ask.end();
  });
}

function fromRefresh(status: number, headers: IncomingHttpHeaders, k: Keyed, body: Buffer, renderedAt: number): CachedResponse {
  const verdict = headers[REFRESH_HEADER];
  if (verdict !== KEEP && verdict !== KEEP_LATE) throw new Error(`refresh not kept: ${String(verdict ?? `status ${status}`)}`);
  if (status !== 200 || headers["set-cookie"] || !String(headers["content-type"] ?? "").startsWith(k.contentType)) throw new Error("refresh not shareable");
  const readAt = Date.parse(String(headers[FIGURES_HEADER] ?? ""));
  const entries = Object.entries(headers)
    .filter((e): e is [string, string | string[]] => e[1] !== undefined)
    .filter(([name]) => name !== REFRESH_KEY_HEADER);
  return keptCopy(status, entries, body, Number.isNaN(readAt) ? renderedAt : readAt, renderedAt);
}
