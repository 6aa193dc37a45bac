import "server-only";
import { randomBytes } from "node:crypto";
import { SESSION_MAX_AGE_S } from "./auth-config";
import { accountCache } from "./cache";
import { prisma, writePrisma } from "./db";
import type { Tx } from "./use-case";

// Sessions kept on the server (decision 0023). The session cookie (an Auth.js JWT) names a
// UserSession row; a cookie whose row is gone opens nothing, whatever its own expiry says. The
// row goes when the session ends: sign-out (all of the user's sessions), disabling the account,
// a change of role, hospital or password. A session also ends on its own 8 h after sign-in
// (absolute) and after 30 min without a request (idle). Wall clock on purpose (decision 0015).

export { SESSION_MAX_AGE_S };
export const IDLE_TIMEOUT_S = 30 * 60;
/** lastSeenAt is written at most this often per session: activity within the last minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session for a user who just proved their password; its id goes into the cookie. */
export async function startSession(userId: string, now = new Date()): Promise<{ sid: string; authTime: number }> {
  const sid = randomBytes(24).toString("base64url");
  await writePrisma().userSession.create({ data: { id: sid, userId, createdAt: now, lastSeenAt: now } });
  if (Math.random() < 0.05) {
    // Sessions that ended on their own are dead weight: sweep them now and then.
    const idleBefore = new Date(now.getTime() - IDLE_TIMEOUT_S * 1000);
    const startedBefore = new Date(now.getTime() - SESSION_MAX_AGE_S * 1000);
    writePrisma()
      .userSession.deleteMany({ where: { OR: [{ lastSeenAt: { lt: idleBefore } }, { createdAt: { lt: startedBefore } }] } })
      .catch(() => {});
  }
  return { sid, authTime: Math.floor(now.getTime() / 1000) };
}

/**
 * The row of a session, memoized like the actor (decisions 0012, 0013): until the next committed
 * write (ending sessions is always one, in a use case) or for the cache's TTL.
 */
const sessionRow = accountCache.wrap("session", (sid: string) =>
  prisma.userSession.findUnique({ where: { id: sid }, select: { userId: true, createdAt: true, lastSeenAt: true } }),
);

export type SessionEnd = "unknown" | "expired" | "idle";

/** Why the session `sid` of user `sub` is over, or null while it is live. Notes the activity. */
export async function sessionEnded(sid: string, sub: string, now = Date.now()): Promise<SessionEnd | null> {
  const row = await sessionRow(sid);
  if (!row || row.userId !== sub) return "unknown";
  if (now - row.createdAt.getTime() >= SESSION_MAX_AGE_S * 1000) return "expired";
  if (now - row.lastSeenAt.getTime() >= IDLE_TIMEOUT_S * 1000) return "idle";
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const seen = new Date(now);
    row.lastSeenAt = seen; // the memoized row too, so the next requests don't write again
    // In the background, on a pool of several connections: an older note landing after a newer
    // one must not move the session's last activity back.
    writePrisma()
      .userSession.updateMany({ where: { id: sid, lastSeenAt: { lt: seen } }, data: { lastSeenAt: seen } })
      .catch(() => {});
  }
  return null;
}

/** Ends every session of a user, inside a use case's transaction (whose commit empties the caches). */
export async function endSessions(tx: Tx, userId: string): Promise<number> {
  return (await tx.userSession.deleteMany({ where: { userId } })).count;
}
