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

/** The claims of a valid, unexpired session cookie among `cookie(name)`, or null. */
export async function sessionClaimsOf(cookie: (name: string) => string | undefined, now: number = Date.now()): Promise<Claims | null> {
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
