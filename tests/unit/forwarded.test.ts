import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dropUntrustedForwarding, HSTS, servedOverHttps } from "@/server/forwarded";

// X-Forwarded-* are believed only with TRUST_PROXY=1 (src/server/forwarded.ts, as server.ts uses
// it), over real HTTP: what a handler behind it sees, and when HSTS is sent.

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    dropUntrustedForwarding(req);
    if (servedOverHttps(req)) res.setHeader("strict-transport-security", HSTS);
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        host: req.headers["x-forwarded-host"] ?? null,
        for: req.headers["x-forwarded-for"] ?? null,
        proto: req.headers["x-forwarded-proto"] ?? null,
        forwarded: req.headers.forwarded ?? null,
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  delete process.env.TRUST_PROXY;
});

/** Node's fetch will not send a Host-like header it considers forbidden; a raw request does. */
function get(headers: Record<string, string>): Promise<{ hsts: string | undefined; seen: Record<string, string | null> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ hsts: res.headers["strict-transport-security"] as string | undefined, seen: JSON.parse(body) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const FORGED = {
  "x-forwarded-host": "evil.example",
  "x-forwarded-for": "203.0.113.9",
  "x-forwarded-proto": "https",
  forwarded: "for=203.0.113.9;host=evil.example;proto=https",
};

describe("forwarded headers", () => {
  it("are dropped without TRUST_PROXY: no forged host, address or HTTPS, and no HSTS over HTTP", async () => {
    const r = await get(FORGED);
    expect(r.seen).toEqual({ host: null, for: null, proto: null, forwarded: null });
    expect(r.hsts).toBeUndefined();
  });

  it("are believed with TRUST_PROXY=1, and HTTPS at the proxy brings HSTS", async () => {
    process.env.TRUST_PROXY = "1";
    const r = await get(FORGED);
    expect(r.seen).toMatchObject({ host: "evil.example", for: "203.0.113.9", proto: "https" });
    expect(r.hsts).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect((await get({ "x-forwarded-proto": "http" })).hsts).toBeUndefined();
  });
});
