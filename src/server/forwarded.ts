import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

// X-Forwarded-* say where a request came from, and any client can write them. They are believed
// only when TRUST_PROXY=1 declares a reverse proxy in front that sets them; otherwise server.ts
// drops them before Next sees the request, and Next fills them in from the connection itself
// (Host, the socket's address and protocol). So Auth.js (which builds its URLs and picks Secure
// cookies from X-Forwarded-Host/-Proto), the server-action origin check (X-Forwarded-Host), the
// login throttle (X-Forwarded-For) and everything below read headers the app can trust.

const FORWARDED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "forwarded", "x-real-ip"];

export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === "1";
}

/** Drops the client's X-Forwarded-* headers unless a trusted proxy set them. */
export function dropUntrustedForwarding(req: IncomingMessage): void {
  if (trustProxy()) return;
  for (const name of FORWARDED) delete req.headers[name];
}

/** Whether the client reached us over HTTPS: a TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function servedOverHttps(req: IncomingMessage): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trustProxy()) return false;
  const proto = req.headers["x-forwarded-proto"];
  return (
    String(Array.isArray(proto) ? proto[0] : (proto ?? ""))
      .split(",")[0]
      .trim()
      .toLowerCase() === "https"
  );
}

/** Two years, subdomains included: sent only over HTTPS (browsers ignore it over HTTP anyway). */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * For code inside Next (a server action setting a cookie): whether this request came over
 * HTTPS, from the X-Forwarded-Proto that server.ts left (a trusted proxy's) or Next filled in
 * from the socket.
 */
export function isHttpsRequest(headers: Pick<Headers, "get">): boolean {
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0].trim().toLowerCase() === "https";
}
