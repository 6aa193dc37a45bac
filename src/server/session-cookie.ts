import { AsyncLocalStorage } from "node:async_hooks";
import { decode } from "next-auth/jwt";
import { SESSION_COOKIES } from "./auth-config";
import type { Actor } from "./permissions";

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
 * What a rendering read about who asks. The response cache (src/server/response-cache.ts)
 * renders inside `witnessSessions` and keeps a response only when every session the rendering
 * read is the one the request came with, every actor it read has the key's audience (role and
 * hospital), and it read nothing that belongs to one user (decision 0045).
 */
export type Witnessed = {
  /** every session read: its sessionIdentity, or null for none or an invalid one */
  sessions: Set<string | null>;
  /** the audience (audienceOf) of every actor read, or null for none */
  audiences: Set<string | null>;
  /** the per-user fields of an actor it read (id, name, email) */
  personal: Set<string>;
};

export function witnessed(): Witnessed {
  return { sessions: new Set(), audiences: new Set(), personal: new Set() };
}

/** On globalThis, so that server.ts and Next's bundles share one. */
const holder = globalThis as {
  __sessionWitness?: AsyncLocalStorage<Witnessed>;
  __liveAudience?: (claims: Claims) => Promise<string | null>;
};
const witness: AsyncLocalStorage<Witnessed> = (holder.__sessionWitness ??= new AsyncLocalStorage());

/** Runs `render`, collecting what it reads about who asks into `seen`. */
export function witnessSessions<T>(seen: Witnessed, render: () => T): T {
  return witness.run(seen, render);
}

/**
 * Whether this rendering is one the response cache may share with everyone of the same
 * audience: then the page leaves out what belongs to the user (the header's name and notices
 * badge are filled in by the browser, src/components/header-user.tsx).
 */
export function sharedRender(): boolean {
  return witness.getStore() !== undefined;
}

/** What an actor sees the same as everyone with the same role and hospital: null when it is not shared (a password to change first). */
export function audienceOf(actor: Pick<Actor, "role" | "hospitalId" | "mustChangePassword">): string | null {
  return actor.mustChangePassword ? null : `${actor.role}:${actor.hospitalId ?? ""}`;
}

/** An actor's fields that belong to one user: reading one makes a rendering unshareable. */
const PERSONAL = new Set<PropertyKey>(["id", "name", "email"]);

/**
 * The actor a rendering reads (src/server/session.ts), noted by its audience; inside a shared
 * rendering, watched: reading its id, name or email (or spreading it) is noted too.
 */
export function witnessActor<A extends Actor>(actor: A | null): A | null {
  const seen = witness.getStore();
  if (!seen) return actor;
  seen.audiences.add(actor ? audienceOf(actor) : null);
  if (!actor) return null;
  const note = (p: PropertyKey) => void (PERSONAL.has(p) && seen.personal.add(String(p)));
  return new Proxy(actor, {
    get: (target, p, receiver) => (note(p), Reflect.get(target, p, receiver)),
    ownKeys: (target) => (PERSONAL.forEach(note), Reflect.ownKeys(target)),
  });
}

/**
 * The audience of a live session (src/server/session.ts registers the lookup when Next starts:
 * the server-side session and the account are read through Next's modules), or null when the
 * session is over, the account unknown or disabled, or no lookup is registered yet.
 */
export function liveAudienceWith(lookup: (claims: Claims) => Promise<string | null>): void {
  holder.__liveAudience = lookup;
}

export async function liveAudienceOf(claims: Claims): Promise<string | null> {
  return holder.__liveAudience ? holder.__liveAudience(claims) : null;
}

/** A session's identity: its user and its server-side session (decision 0023). */
export function sessionIdentity(claims: Claims): string {
  return `${claims.sub}:${claims.sid ?? ""}`;
}

/** The claims of a valid, unexpired session cookie among `cookie(name)`, or null. */
export async function sessionClaimsOf(cookie: (name: string) => string | undefined, now: number = Date.now()): Promise<Claims | null> {
  const claims = await validClaimsOf(cookie, now);
  witness.getStore()?.sessions.add(claims ? sessionIdentity(claims) : null);
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
