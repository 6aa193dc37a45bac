import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { cachedActorById } from "./actors";
import { accountCache } from "./cache";
import { now } from "./clock";
import { prisma, writePrisma } from "./db";
import { can, type Action, type Actor } from "./permissions";
import type { Tx } from "./use-case";

// The read-only API authenticates by the session cookie or by `Authorization: Bearer <token>`.
// Tokens are random, shown once, and stored only as their SHA-256 (a leaked table reveals nothing).

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return `oxy_${randomBytes(32).toString("base64url")}`;
}

// A token by its hash, memoized until the next committed write (issuing or revoking a token is
// one): an API client calls many times a minute, and each call would otherwise cost two lookups.
const tokenByHash = accountCache.wrap("apiToken", (tokenHash: string) =>
  prisma.apiToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, expiresAt: true, revokedAt: true } }),
);

/** Revokes every live token of a user (the account was disabled), inside that use case's transaction. */
export async function revokeTokensOf(tx: Pick<Tx, "apiToken">, userId: string): Promise<string[]> {
  const live = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  if (live.length) await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: new Date() } });
  return live.map((t) => t.id);
}

// lastUsedAt is a hint for admins ("used in the last minute" is precise enough), written at most
// once a minute per token by this process rather than on every call.
const LAST_USED_EVERY_MS = 60_000;
const lastUsedWritten = new Map<string, number>();

function noteUse(tokenId: string, at = now()) {
  if (at.getTime() - (lastUsedWritten.get(tokenId) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(tokenId, at.getTime());
  // Not worth failing the request over.
  writePrisma()
    .apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } })
    .catch(() => {});
}

async function actorFromBearer(header: string | null): Promise<Actor | null | "invalid"> {
  if (!header) return null;
  const m = header.match(/^Bearer\s+(\S+)$/i);
  if (!m) return "invalid";
  const token = await tokenByHash(hashToken(m[1]));
  // Expiry is read against the app's clock each call (the cached row does not change at midnight).
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= now().getTime())) return "invalid";
  noteUse(token.id);
  const actor = await cachedActorById(token.userId);
  // A token does not use its user's password, so an admin-chosen password still waiting to be
  // changed (decision 0021) does not stop it: a service account may never sign in at all.
  return actor && { ...actor, mustChangePassword: false };
}

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function badRequest(parameter: string, reason: string) {
  return json({ error: "bad_request", parameter, reason }, 400);
}

type Handler<Q> = (ctx: { actor: Actor; query: Q; request: Request }) => Promise<Response>;

/**
 * An API route: who is calling (401 without credentials or with a bad token), may they
 * (403), are the query parameters valid (400 naming the parameter), then the handler.
 */
export function apiRoute<S extends z.ZodType>(action: Action, query: S, handler: Handler<z.output<S>>) {
  return safeJson(async (request: Request): Promise<Response> => {
    const bearer = await actorFromBearer(request.headers.get("authorization"));
    let actor: Actor | null = bearer === "invalid" ? null : bearer;
    if (bearer === null) {
      const { currentActor } = await import("./session");
      actor = await currentActor();
    }
    if (!actor) return json({ error: "unauthorized" }, 401);
    if (!can(actor, action)) return json({ error: "forbidden" }, 403);
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = query.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return badRequest(String(issue.path[0] ?? "query"), issue.message);
    }
    return handler({ actor, query: parsed.data, request });
  });
}

/**
 * A failure inside an API route (the database down, a bug) answers JSON without the error's
 * message or stack — SQL and internals stay in the server log. 503 when the database is
 * unreachable (callers should retry), 500 otherwise.
 */
export function safeJson<A extends unknown[]>(route: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await route(...args);
    } catch (e) {
      // Next's redirect()/notFound() are thrown on purpose: let them through.
      const digest = (e as { digest?: unknown })?.digest;
      if (typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest)) throw e;
      console.error("[api]", e);
      const down = isDatabaseUnavailable(e);
      return json({ error: down ? "unavailable" : "internal_error" }, down ? 503 : 500);
    }
  };
}

function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  return (
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "P1001", "P1017", "P2024"].includes(String(code)) ||
    /DatabaseNotReachable|ECONNREFUSED|Connection terminated|connection timeout|Can't reach database|terminating connection/i.test(
      `${err?.name} ${err?.message}`,
    )
  );
}
