import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateReads, responseCache } from "@/server/cache";
import { serveCached } from "@/server/response-cache";

// The response cache (src/server/response-cache.ts) in front of a stand-in for Next's handler, over real
// HTTP with real Auth.js session cookies: what is shared, with whom, and what never is.

const SECRET = "page-cache-test-secret-0123456789abcdef";
const COOKIE = "authjs.session-token";

let server: Server;
let base = "";
let renders = 0;

/** Stands in for Next: a page naming the call, the user's cookie and the URL; ?status=, ?cookie= vary it. */
async function render(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) {
  renders++;
  const url = new URL(req.url ?? "/", "http://x");
  await new Promise((r) => setTimeout(r, 20)); // long enough for concurrent requests to overlap
  res.statusCode = Number(url.searchParams.get("status") ?? 200);
  res.setHeader("content-type", url.pathname.startsWith("/api/") ? "application/json" : "text/html; charset=utf-8");
  if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "x=1");
  res.write(`<p>render ${renders}</p>`);
  res.end(`<p>${req.url}</p>`);
}

async function session(sub: string, maxAge = 3600) {
  return `${COOKIE}=${await encode({ token: { sub }, secret: SECRET, salt: COOKIE, maxAge })}`;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${base}${path}`, { headers });
  return { status: r.status, body: await r.text() };
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  server = createServer((req, res) => void serveCached(req, res, () => render(req, res)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  invalidateReads();
  renders = 0;
});

describe("response cache", () => {
  it("serves a user's page again without rendering it, until a write", async () => {
    const cookie = await session("user-a");
    const first = await get("/dashboard?date=2021-07-26", { cookie });
    const second = await get("/dashboard?date=2021-07-26", { cookie });
    expect(second).toEqual(first);
    expect(renders).toBe(1);

    invalidateReads(); // what every committed use case does
    const third = await get("/dashboard?date=2021-07-26", { cookie });
    expect(third.body).toContain("render 2");
  });

  it("keeps users, URLs and languages apart", async () => {
    const a = await session("user-a");
    const b = await session("user-b");
    await get("/dashboard", { cookie: a });
    expect((await get("/dashboard", { cookie: b })).body).toContain("render 2");
    expect((await get("/dashboard?range=90", { cookie: a })).body).toContain("render 3");
    expect((await get("/dashboard", { cookie: `${a}; lang=en` })).body).toContain("render 4");
    expect((await get("/dashboard", { cookie: a })).body).toContain("render 1");
  });

  it("keeps provinces apart: the national view and each province are separate answers", async () => {
    const a = await session("user-a");
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
    const cookie = await session("user-a");
    const pages = await Promise.all(Array.from({ length: 8 }, () => get("/dashboard", { cookie })));
    expect(new Set(pages.map((p) => p.body)).size).toBe(1);
    expect(renders).toBe(1);
  });

  it("never shares a page without a valid session", async () => {
    await get("/dashboard");
    await get("/dashboard");
    expect(renders).toBe(2);
    const expired = await session("user-a", -60);
    await get("/dashboard", { cookie: expired });
    await get("/dashboard", { cookie: expired });
    expect(renders).toBe(4);
    const forged = `${COOKIE}=${(await session("user-a")).split("=")[1].slice(0, -4)}abcd`;
    await get("/dashboard", { cookie: forged });
    await get("/dashboard", { cookie: forged });
    expect(renders).toBe(6);
  });

  it("renders client navigations, server actions, other pages, errors and cookie-setting responses every time", async () => {
    const cookie = await session("user-a");
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
    const user = await session("user-a");
    const other = await session("user-b");
    await get("/dashboard", { ...a, cookie: user });
    expect((await get("/dashboard", { ...a, cookie: other })).body).toContain("render 4");
  });
});
