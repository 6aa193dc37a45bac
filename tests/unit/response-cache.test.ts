import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateReads, responseCache } from "@/server/cache";
import { newNonce, nonceOf, pagePolicy } from "@/server/csp";
import { serveCached } from "@/server/response-cache";
import type { Actor } from "@/server/permissions";
import { audienceOf, liveAudienceWith, sessionUserIdOf, witnessActor } from "@/server/session-cookie";

// The response cache (src/server/response-cache.ts) in front of a stand-in for Next's handler, over real
// HTTP with real Auth.js session cookies: what is shared, with whom, and what never is.

const SECRET = "page-cache-test-secret-0123456789abcdef";
const COOKIE = "authjs.session-token";

let server: Server;
let base = "";
let renders = 0;

/** The accounts the stand-in knows, as the app looks them up by the session's user id. */
const ACCOUNTS: Record<string, Actor> = Object.fromEntries(
  (
    [
      ["official-a", "OFFICIAL", null],
      ["official-b", "OFFICIAL", null],
      ["staff-a", "STAFF", null],
      ["rs-1", "HOSPITAL", "hospital-1"],
      ["rs-1b", "HOSPITAL", "hospital-1"],
      ["rs-2", "HOSPITAL", "hospital-2"],
    ] as const
  ).map(([id, role, hospitalId]) => [id, { id, name: `Name of ${id}`, email: `${id}@x.test`, role, hospitalId }]),
);
ACCOUNTS["must-change"] = { ...ACCOUNTS["official-b"], id: "must-change", mustChangePassword: true };
/** Users whose sessions ended (signed out, disabled, idle): the app's live-session check fails. */
const ended = new Set<string>();

/**
 * Stands in for Next: a page naming the call, the user it was rendered for and the URL; ?status=,
 * ?cookie= vary it. Like the app (src/server/session.ts), it reads the session from the cookies as
 * Next parses them; like src/proxy.ts, it gives a page a CSP nonce and puts it on its scripts.
 * `x-render-as` stands in for any way a rendering could come to read another session than the
 * one the request's key was made from, `x-actor-as` for its account read with another role (a
 * change between the key's lookup and the rendering); ?personal= for a page that reads the user's name.
 */
async function render(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) {
  renders++;
  const url = new URL(req.url ?? "/", "http://x");
  const page = !url.pathname.startsWith("/api/");
  const jar = parseCookie(String(req.headers["x-render-as"] ?? req.headers.cookie ?? ""));
  const user = page || !req.headers.authorization || req.headers["x-api-session"] ? await sessionUserIdOf((name) => jar.get(name)) : "token";
  // as src/server/session.ts's currentActor: the actor, noted and watched while the cache renders
  const account = String(req.headers["x-actor-as"] ?? user);
  const actor = user === "token" ? null : witnessActor(user && !ended.has(user) ? (ACCOUNTS[account] ?? null) : null);
  const who = actor ? (url.searchParams.has("personal") ? actor.name : audienceOf(actor)) : user;
  await new Promise((r) => setTimeout(r, 20)); // long enough for concurrent requests to overlap
  res.statusCode = Number(url.searchParams.get("status") ?? 200);
  res.setHeader("content-type", page ? "text/html; charset=utf-8" : "application/json");
  const nonce = newNonce();
  if (page) res.setHeader("content-security-policy", pagePolicy(nonce, false));
  if (page) res.setHeader("link", `</a.css>; rel=preload; as="style"; nonce="${nonce}"`);
  if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "x=1");
  const html = `<p>render ${renders} for ${who}</p>${page ? `<script nonce="${nonce}">1</script><script nonce="${nonce}" src="/a.js"></script>` : ""}<p>${req.url}</p>`;
  if (url.searchParams.has("gz")) {
    // Like Next, compressed for a client that takes gzip.
    res.setHeader("content-encoding", "gzip");
    return void res.end(gzipSync(html));
  }
  res.write(html.slice(0, 30));
  res.end(html.slice(30));
}

async function session(sub: string, maxAge = 3600) {
  return `${COOKIE}=${await encode({ token: { sub }, secret: SECRET, salt: COOKIE, maxAge })}`;
}

/** A page with its nonce (different in every answer) taken out. */
function withoutNonce(r: { status: number; body: string }) {
  return { ...r, body: r.body.replace(/nonce="[^"]+"/g, 'nonce="N"') };
}

async function get(path: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${base}${path}`, { headers });
  return { status: r.status, body: await r.text() };
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  // as src/server/session.ts registers it: the audience of a live session's account
  liveAudienceWith(async (claims) => (ACCOUNTS[claims.sub] && !ended.has(claims.sub) ? audienceOf(ACCOUNTS[claims.sub]) : null));
  server = createServer((req, res) => void serveCached(req, res, () => render(req, res)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  invalidateReads();
  renders = 0;
  ended.clear();
});

describe("response cache", () => {
  it("serves a user's page again without rendering it, until a write", async () => {
    const cookie = await session("official-a");
    const first = await get("/dashboard?date=2021-07-26", { cookie });
    const second = await get("/dashboard?date=2021-07-26", { cookie });
    expect(withoutNonce(second)).toEqual(withoutNonce(first));
    expect(renders).toBe(1);

    invalidateReads(); // what every committed use case does
    const third = await get("/dashboard?date=2021-07-26", { cookie });
    expect(third.body).toContain("render 2");
  });

  it("shares one page between users of one role, and keeps roles, hospitals, URLs and languages apart", async () => {
    const a = await session("official-a");
    const b = await session("official-b");
    const first = await raw("/dashboard", { cookie: a });
    expect(first.headers["x-cache"]).toBe("miss");
    // two officials, one entry: the second is answered from the cache
    const second = await raw("/dashboard", { cookie: b });
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body.toString()).toContain("render 1 for OFFICIAL:");
    expect(renders).toBe(1);
    // an official and staff do not share; nor id and en; nor two filters
    expect((await get("/dashboard", { cookie: await session("staff-a") })).body).toContain("render 2 for STAFF:");
    expect((await get("/dashboard", { cookie: `${b}; lang=en` })).body).toContain("render 3");
    expect((await get("/dashboard", { cookie: `${a}; lang=id` })).body).toContain("render 4");
    expect((await get("/dashboard?range=90", { cookie: b })).body).toContain("render 5");
    expect((await get("/dashboard?range=90&province=36", { cookie: b })).body).toContain("render 6");
    expect((await get("/dashboard?range=90", { cookie: a })).body).toContain("render 5");
    // two hospitals' admins do not share; two admins of one hospital do
    expect((await get("/dashboard", { cookie: await session("rs-1") })).body).toContain("render 7 for HOSPITAL:hospital-1");
    expect((await get("/dashboard", { cookie: await session("rs-2") })).body).toContain("render 8 for HOSPITAL:hospital-2");
    expect((await get("/dashboard", { cookie: await session("rs-1b") })).body).toContain("render 7 for HOSPITAL:hospital-1");
    expect((await get("/dashboard", { cookie: a })).body).toContain("render 1");
    expect(renders).toBe(8);
  });

  it("never keeps a page that read the user's name, nor serves an ended session or one that must change its password", async () => {
    const a = await session("official-a");
    const b = await session("official-b");
    expect((await get("/dashboard?personal=1", { cookie: a })).body).toContain("for Name of official-a");
    expect((await get("/dashboard?personal=1", { cookie: b })).body).toContain("render 2 for Name of official-b");
    expect(responseCache.size).toBe(0);

    await get("/dashboard", { cookie: a });
    ended.add("official-b"); // as a sign-out would, without a write reaching this cache
    expect((await get("/dashboard", { cookie: b })).body).toContain("render 4 for official-b");
    const must = await session("must-change");
    await get("/dashboard", { cookie: must });
    expect(renders).toBe(5);
  });

  it("keeps provinces apart: the national view and each province are separate answers", async () => {
    const a = await session("official-a");
    const token = { authorization: "Bearer oxy_province-test" };
    await get("/dashboard?date=2021-07-26", { cookie: a });
    expect((await get("/dashboard?date=2021-07-26&province=36", { cookie: a })).body).toContain("render 2");
    expect((await get("/dashboard?date=2021-07-26&province=32", { cookie: a })).body).toContain("render 3");
    expect((await get("/api/v1/summary?province=36", token)).body).toContain("render 4");
    expect((await get("/api/v1/summary?province=32", token)).body).toContain("render 5");
    expect((await get("/dashboard?date=2021-07-26&province=36", { cookie: a })).body).toContain("render 2");
    expect((await get("/api/v1/summary?province=32", token)).body).toContain("render 5");
  });

  it("shares one rendering between concurrent requests", async () => {
    const cookie = await session("official-a");
    const pages = await Promise.all(Array.from({ length: 8 }, () => get("/dashboard", { cookie })));
    expect(new Set(pages.map((p) => withoutNonce(p).body)).size).toBe(1);
    expect(renders).toBe(1);
  });

  it("never shares a page without a valid session", async () => {
    await get("/dashboard");
    await get("/dashboard");
    expect(renders).toBe(2);
    const expired = await session("official-a", -60);
    await get("/dashboard", { cookie: expired });
    await get("/dashboard", { cookie: expired });
    expect(renders).toBe(4);
    const forged = `${COOKIE}=${(await session("official-a")).split("=")[1].slice(0, -4)}abcd`;
    await get("/dashboard", { cookie: forged });
    await get("/dashboard", { cookie: forged });
    expect(renders).toBe(6);
  });

  it("renders client navigations, server actions, other pages, errors and cookie-setting responses every time", async () => {
    const cookie = await session("official-a");
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      const before = renders;
      await get(path, { cookie, ...headers });
      await get(path, { cookie, ...headers });
      return renders - before;
    };
    expect(await twice("/dashboard", { rsc: "1" })).toBe(2);
    expect(await twice("/dashboard", { "next-router-state-tree": "x" })).toBe(2);
    expect(await twice("/dashboard", { "next-action": "abc" })).toBe(2);
    expect(await twice("/my-hospital")).toBe(2);
    expect(await twice("/dashboard?status=500")).toBe(2);
    expect(await twice("/dashboard?status=307")).toBe(2);
    expect(await twice("/dashboard?cookie=1")).toBe(2);
    expect(responseCache.size).toBe(0);
  });

  it("keeps API answers per bearer token, and never lets a page be keyed by one", async () => {
    const a = { authorization: "Bearer oxy_token_a" };
    const b = { authorization: "Bearer oxy_token_b" };
    const first = await get("/api/v1/summary", a);
    expect(await get("/api/v1/summary", a)).toEqual(first);
    expect(renders).toBe(1);
    expect((await get("/api/v1/summary", b)).body).toContain("render 2");

    // A page is rendered for the session cookie, whatever Authorization says: never shared by it.
    const user = await session("official-a");
    const other = await session("staff-a");
    await get("/dashboard", { ...a, cookie: user });
    expect((await get("/dashboard", { ...a, cookie: other })).body).toContain("render 4");
  });

  it("never keeps a page when the cookie header names the session twice, or in a variant spelling", async () => {
    const a = await session("official-a");
    const b = await session("staff-a");
    const tokenB = b.split("=")[1];
    // Next reads "authjs.session-token" (A) for the page; a parser that trims names reads B.
    for (const header of [
      `${a}; authjs.session-token =${tokenB}`,
      `${a}; ${b}`,
      `${a}; __Secure-${b}`,
      `${a}; Authjs.session-token=${tokenB}`,
      `${a}; authjs.session-token=%E0%A4%A`,
    ]) {
      const before = renders;
      await get("/dashboard", { cookie: header });
      await get("/dashboard", { cookie: header });
      expect([header.slice(-40), renders - before]).toEqual([header.slice(-40), 2]);
    }
    // B's own page is B's, never the page rendered for A under the ambiguous header.
    expect((await get("/dashboard", { cookie: b })).body).toContain("for STAFF:");
    expect(responseCache.size).toBe(1);
  });

  it("keeps a response only for the session and audience that rendered it", async () => {
    const a = await session("official-a");
    const b = await session("staff-a");
    // The key says A, the rendering read B: not kept, and A's next request renders afresh.
    const odd = await get("/dashboard", { cookie: a, "x-render-as": b });
    expect(odd.body).toContain("for STAFF:");
    expect((await get("/dashboard", { cookie: a })).body).toContain("for OFFICIAL:");
    expect(renders).toBe(2);
    // The request's own session, its account read as another role: not kept.
    const before = responseCache.size;
    expect((await get("/dashboard?range=7", { cookie: a, "x-actor-as": "staff-a" })).body).toContain("for STAFF:");
    expect(responseCache.size).toBe(before);
    expect((await get("/dashboard?range=7", { cookie: a })).body).toContain("render 4 for OFFICIAL:");
    // An API answer for a bearer token that read a session instead is not kept either.
    await get("/api/v1/summary", { authorization: "Bearer oxy_x", "x-render-as": a, cookie: a, "x-api-session": "1" });
    expect(responseCache.size).toBe(2);
  });

  it("answers a malformed cookie without failing", async () => {
    const a = await session("official-a");
    expect((await get("/dashboard", { cookie: `${a}; lang=%E0%A4%A; x=%zz` })).status).toBe(200);
    expect((await get("/api/v1/summary", { cookie: "authjs.session-token=%" })).status).toBe(200);
  });

  it("gives every answer a nonce of its own, in the CSP header and on every script, gzip or not", async () => {
    const cookie = await session("official-a");
    const nonces = new Set<string>();
    let body = "";
    for (const [path, encoding] of [
      ["/dashboard", "gzip, deflate, br"],
      ["/dashboard", ""],
      ["/dashboard", "gzip"],
      ["/dashboard", "identity"],
      ["/dashboard?gz=1", "gzip"],
      ["/dashboard?gz=1", ""],
    ]) {
      body = path === "/dashboard?gz=1" && encoding === "gzip" ? "" : body;
      for (let i = 0; i < 3; i++) {
        const r = await raw(path, { cookie, "accept-encoding": encoding });
        const nonce = nonceOf(r.headers["content-security-policy"] as string);
        expect(nonce).toBeTruthy();
        nonces.add(nonce!);
        const text = (r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body).toString();
        if (renders > 0 && nonces.size > 1) expect(r.headers["content-encoding"]).toBe(/gzip/.test(encoding) ? "gzip" : undefined);
        expect(text.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonce}"`, `nonce="${nonce}"`]);
        expect(r.headers.link).toContain(`nonce="${nonce}"`);
        body ||= text.replace(nonce!, "N").replace(nonce!, "N");
        expect(text.replace(nonce!, "N").replace(nonce!, "N")).toBe(body);
      }
    }
    expect(renders).toBe(2);
    expect(nonces.size).toBe(18);
  });
});

/** A GET with the bytes as sent (fetch would undo the compression and hide the encoding). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: import("node:http").IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}
