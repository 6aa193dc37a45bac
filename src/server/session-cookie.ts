import { AsyncLocalStorage } from "node:async_hooks";
import { decode } from "next-auth/jwt";
import { SESSION_COOKIES } from "./auth-config";

// The signed-in user's id from the Auth.js session cookie (an encrypted JWT), read directly
// rather than through auth(), and in plain Node so that server.ts can use it too. auth()
// answers a whole internal session request per call, and decrypting the JWT (key derivation +
// AES + HMAC) was the largest part of an API call's CPU.
// A cookie that decrypted once is remembered (by its exact value, until its own expiry): the
// same bytes always decrypt to the same claims, so nothing is trusted that was not verified.
// Cookies that fail to decrypt are never remembered. Our JWT is small enough never to be split
// into chunked cookies (Auth.js splits above 4 kB).

/** `sid`: the server-side session (src/server/sessions.ts); cookies from before sessions were kept have none. */
export type Claims = { sub: string; sid: string | null; expiresAtMs: number };

const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, Claims>();

function remember(token: string, claims: Claims) {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(token, claims);
}

async function claimsOf(token: string, cookieName: string): Promise<Claims | null> {
  const known = remembered.get(token);
  if (known) return known;
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const payload = await decode({ token, secret, salt: cookieName }).catch(() => null);
  if (!payload?.sub || typeof payload.exp !== "number") return null;
  const claims = { sub: payload.sub, sid: typeof payload.sid === "string" ? payload.sid : null, expiresAtMs: payload.exp * 1000 };
  remember(token, claims);
  return claims;
}

/**
 * The identities a response was rendered for: the response cache (src/server/response-cache.ts)
 * renders inside `witnessSessions` and keeps a response only when every session the render read
 * is the one its key names. On globalThis, so that server.ts and Next's bundles share one.
 */
const witness: AsyncLocalStorage<Set<string | null>> = ((globalThis as { __sessionWitness?: AsyncLocalStorage<Set<string | null>> }).__sessionWitness ??=
  new AsyncLocalStorage());

/** Runs `render`, collecting the identity (sessionIdentity, or null) of every session read while it runs. */
export function witnessSessions<T>(seen: Set<string | null>, render: () => T): T {
  return witness.run(seen, render);
}

/** A session's identity: its user and its server-side session (decision 0023). */
export function sessionIdentity(claims: Claims): string {
  return `${claims.sub}:${claims.sid ?? ""}`;
}

/** The claims of a valid, unexpired session cookie among `cookie(name)`, or null. */
export async function sessionClaimsOf(cookie: (name: string) => string | undefined, now: number = Date.now()): Promise<Claims | null> {
  const claims = await validClaimsOf(cookie, now);
  witness.getStore()?.add(claims ? sessionIdentity(claims) : null);
  return claims;
}

async function validClaimsOf(cookie: (name: string) => string | undefined, now: number): Promise<Claims | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookie(name);
    if (!token) continue;
    const claims = await claimsOf(token, name);
    if (claims && claims.expiresAtMs > now) return claims;
  }
  return null;
}

/** The user id of a valid, unexpired session cookie among `cookie(name)`, or null. */
export async function sessionUserIdOf(cookie: (name: string) => string | undefined, now: number = Date.now()): Promise<string | null> {
  return (await sessionClaimsOf(cookie, now))?.sub ?? null;
}
