import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Decision 0048, through the response cache over real HTTP: a page a figures-only write made late
// is answered at once from its copy while it is rendered again in the background (by a request
// from the server to itself), and the request after that refresh gets the new figures. The
// refresh header is worth nothing from outside.

vi.hoisted(() => {
  process.env.READ_STALE_MS = "5000"; // before the caches are made (src/server/cache.ts reads it once)
});

const { cached, invalidateReads, responseCache, serverCache } = await import("@/server/cache");
const { newNonce, pagePolicy } = await import("@/server/csp");
const { configureRefresh, serveCached } = await import("@/server/response-cache");
const { audienceOf, liveAudienceWith, sessionUserIdOf, witnessActor } = await import("@/server/session-cookie");

const SECRET = "background-refresh-test-secret-0123456789";
const REFRESH_SECRET = "refresh-secret-of-this-test-process-0123456789";
const COOKIE = "authjs.session-token";
const official = { id: "official-a", name: "Name of official-a", email: "a@x.test", role: "OFFICIAL" as const, hospitalId: null };

let server: Server;
let base = "";
/** The figures in "the database", read through the read cache as the app reads them. */
let figures = 1;
let renders = 0;
let rendersDone = 0;
let renderMs = 0;
/** Headers each rendering saw: the refresh headers never reach the page. */
const seenHeaders: string[][] = [];
const readFigures = cached("bg-refresh-figures", async () => figures);

async function render(req: IncomingMessage, res: ServerResponse) {
  renders++;
  seenHeaders.push(Object.keys(req.headers));
  const jar = parseCookie(String(req.headers.cookie ?? ""));
  const user = await sessionUserIdOf((name) => jar.get(name));
  const actor = witnessActor(user === official.id ? official : null);
  const n = await readFigures();
  await new Promise((r) => setTimeout(r, renderMs));
  const nonce = newNonce();
  res.statusCode = 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", pagePolicy(nonce, false));
  res.end(`<p>figures ${n} for ${actor ? audienceOf(actor) : "nobody"}</p><script nonce="${nonce}">1</script>`);
  rendersDone++;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const r = await fetch(`${base}${path}`, { headers });
  const body = await r.text();
  return { ms: performance.now() - started, body, cache: r.headers.get("x-cache"), readAt: r.headers.get("x-figures-read-at"), age: r.headers.get("age") };
}

async function until(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  liveAudienceWith(async (claims) => (claims.sub === official.id ? audienceOf(official) : null));
  server = createServer((req, res) => void serveCached(req, res, () => render(req, res)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  configureRefresh({ target: base, secret: REFRESH_SECRET }); // this server itself, as server.ts sets it
});

afterAll(() => {
  configureRefresh(null);
  return new Promise<void>((r) => server.close(() => r()));
});

beforeEach(() => {
  invalidateReads();
  figures = 1;
  renders = 0;
  rendersDone = 0;
  renderMs = 0;
  seenHeaders.length = 0;
});

const session = async () => `${COOKIE}=${await encode({ token: { sub: official.id }, secret: SECRET, salt: COOKIE, maxAge: 3600 })}`;

describe("a late page is refreshed in the background (decision 0048)", () => {
  it("READ_STALE_MS turns serving late on, with the ceiling READ_STALE_MAX_MS (30 s), not a cut-off of its own", () => {
    expect(serverCache.staleMs).toBe(30_000);
    expect(responseCache.staleMs).toBe(30_000);
  });

  it("answers the late copy at once while the page renders in the background, and the next request after it gets the new figures", async () => {
    const cookie = await session();
    const first = await get("/dashboard", { cookie });
    expect(first.cache).toBe("miss");
    expect(first.body).toContain("figures 1");
    expect(first.readAt).not.toBeNull();
    expect((await get("/dashboard", { cookie })).cache).toBe("hit");

    figures = 2;
    invalidateReads("figures"); // a stock report committed
    renderMs = 400; // a slow page: the reader must not wait for it
    const late = await get("/dashboard", { cookie });
    expect(late.body).toContain("figures 1");
    expect(late.cache).toBe("stale");
    expect(late.ms).toBeLessThan(300);
    expect(late.readAt).toBe(first.readAt); // as of when its figures were read, not now
    expect(late.age).not.toBeNull();
    // while the refresh runs: the copy again, and no second refresh
    const again = await get("/dashboard", { cookie });
    expect(again.body).toContain("figures 1");
    expect(again.ms).toBeLessThan(300);
    expect(renders).toBe(2);

    await until(() => rendersDone === 2);
    await until(() => responseCache.staleSize === 0); // the refresh's answer is stored
    const fresh = await get("/dashboard", { cookie });
    expect(fresh.body).toContain("figures 2");
    expect(fresh.cache).toBe("hit");
    expect(Date.parse(fresh.readAt!)).toBeGreaterThan(Date.parse(first.readAt!));
    expect(renders).toBe(2);
    // the page never saw the refresh headers
    expect(seenHeaders.flat().filter((h) => h.startsWith("x-oxygen-refresh"))).toEqual([]);
  });

  it("a page rendered from late figures is itself late: the next reader has it refreshed, with current figures", async () => {
    const cookie = await session();
    expect((await get("/dashboard", { cookie })).body).toContain("figures 1");
    figures = 2;
    invalidateReads("figures");
    // a page nobody asked for before the write (another filter): rendered now, from the figures' late copy
    const rendered = await get("/dashboard?range=90", { cookie });
    expect(rendered.cache).toBe("miss");
    expect(rendered.body).toContain("figures 1");
    const next = await get("/dashboard?range=90", { cookie });
    expect(next.cache).toBe("stale");
    await until(() => rendersDone === 3);
    await new Promise((r) => setTimeout(r, 50)); // the refresh's answer travels back and is stored
    expect((await get("/dashboard?range=90", { cookie })).body).toContain("figures 2");
  });

  it("ignores the refresh header from outside: no fresh render, nothing stored, and the page never sees it", async () => {
    const cookie = await session();
    await get("/dashboard", { cookie });
    figures = 2;
    invalidateReads("figures");
    renderMs = 400;
    for (const secret of ["guess", "x".repeat(REFRESH_SECRET.length), ""]) {
      const forged = await get("/dashboard", { cookie, "x-oxygen-refresh": secret, "x-oxygen-refresh-key": "0".repeat(64) });
      expect(forged.cache).toBe("stale"); // answered as any reader: the copy, at once
      expect(forged.body).toContain("figures 1");
      expect(forged.ms).toBeLessThan(300);
    }
    await until(() => rendersDone === 2); // the one background refresh the first of them started
    expect(renders).toBe(2);
    expect(seenHeaders.flat().filter((h) => h.startsWith("x-oxygen-refresh"))).toEqual([]);
  });

  it("stores nothing from a request that carries the refresh header, even with the secret, and renders only for its own cookies", async () => {
    const cookie = await session();
    await get("/dashboard", { cookie });
    figures = 2;
    invalidateReads("figures");
    responseCache.invalidate("figures"); // copies only: no refresh may start by itself below
    const held = await fetch(`${base}/dashboard`, { headers: { cookie, "x-oxygen-refresh": REFRESH_SECRET, "x-oxygen-refresh-key": "f".repeat(64) } });
    expect(held.status).toBe(409); // the key it names is not its cookies' key
    const stranger = await fetch(`${base}/dashboard`, { headers: { "x-oxygen-refresh": REFRESH_SECRET, "x-oxygen-refresh-key": "f".repeat(64) } });
    expect(await stranger.text()).toContain("for nobody"); // no session: an ordinary uncached render
    expect(responseCache.staleSize).toBe(1); // nothing stored over the copy
  });
});
