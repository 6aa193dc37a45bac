import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "./audit";
// Signing in is a chain of writes (attempt counts, the audit event): on the write pool, so a
// surge of dashboard reads cannot make a sign-in time out (decision 0046).
import { writePrisma } from "./db";
import { HashingBusy, hashPassword, needsRehash, verifyNothing, verifyPassword } from "./passwords";
import type { Actor } from "./permissions";

// Sign-in throttling (decision 0021). Every attempt is counted BEFORE its password is checked,
// in one statement per key that also decides whether the attempt may be checked at all, so
// attempts sent in parallel cannot all slip past the limit. The first failures are free; each
// one after that doubles the wait before the next attempt is checked (a growing delay, never a
// lock that anyone could keep an account in for 15 minutes by typing five wrong passwords).
// Attempts refused during a wait are recorded but do not lengthen it. A success clears the
// account's count. Per account always; per client address only behind a trusted proxy.
// Wall clock on purpose (decision 0015).

export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FREE_FAILURES_PER_ADDRESS = 20;
/** The wait after the first failure past the free ones; it doubles with each further failure. */
export const BASE_DELAY_S = 2;
export const MAX_DELAY_S = 15 * 60;
/** A count with no failure for this long starts again from zero. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Seconds to wait after `failures` consecutive failures, of which `free` cost nothing. */
export function delaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** Math.min(failures - free, 20));
}

/**
 * The client's address, from the first X-Forwarded-For hop — only when TRUST_PROXY=1 says a
 * reverse proxy sets that header. Otherwise any client could write it (and dodge the per-address
 * limit), and Next gives no socket address, so there is no address to throttle: null.
 */
export function clientAddress(headers: Pick<Headers, "get"> | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  return headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

/** A timestamp parameter as PostgreSQL `timestamp` in UTC, as Prisma stores DateTime. */
const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Counts one attempt against `key` and answers whether it may be checked: atomically, so of
 * N parallel attempts exactly as many as the limit allows get through.
 */
async function countAttempt(key: string, free: number, now: Date): Promise<boolean> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const rows = await writePrisma().$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" (key, failures, "lastAt") VALUES (${key}, 1, ${utc(now)})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."lastAt" < ${utc(forgetBefore)} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "lastAt" = ${utc(now)}
    WHERE "LoginThrottle"."lastAt" < ${utc(forgetBefore)}
       OR "LoginThrottle".failures < ${free}::int
       OR "LoginThrottle"."lastAt" + make_interval(secs => LEAST(${MAX_DELAY_S}::float8,
            ${BASE_DELAY_S}::float8 * power(2::float8, LEAST("LoginThrottle".failures - ${free}::int, 20)))) <= ${utc(now)}
    RETURNING failures`;
  return rows.length > 0;
}

/** Seconds until `key` may try again (0: now). */
async function waitOf(key: string, free: number, now: Date): Promise<number> {
  const row = await writePrisma().loginThrottle.findUnique({ where: { key } });
  if (!row || row.lastAt.getTime() < now.getTime() - FORGET_AFTER_MS) return 0;
  const until = row.lastAt.getTime() + delaySeconds(row.failures, free) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** Seconds this email (or address) must wait before a sign-in is checked again; 0 when it may try now. */
export async function retryAfterSeconds(email: string, address: string | null, now = new Date()): Promise<number> {
  const [byAccount, byAddress] = await Promise.all([
    waitOf(accountKey(email), FREE_FAILURES_PER_ACCOUNT, now),
    address === null ? 0 : waitOf(addressKey(address), FREE_FAILURES_PER_ADDRESS, now),
  ]);
  return Math.max(byAccount, byAddress);
}

export async function isThrottled(email: string, address: string | null, now = new Date()): Promise<boolean> {
  return (await retryAfterSeconds(email, address, now)) > 0;
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
  hospitalId: string | null;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
};

function actorOf(user: UserRow): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, hospitalId: user.hospitalId, mustChangePassword: user.mustChangePassword };
}

/**
 * The actor for these credentials, or null. Counts the attempt first (refused unchecked while
 * the account or address waits out a delay), verifies off the event loop, takes as long for an
 * unknown or disabled account, upgrades an old hash, and records the attempt and the audit event.
 */
export async function checkCredentials(email: string, password: string, address: string | null, now = new Date()): Promise<Actor | null> {
  const where = address ?? "unknown";
  if (Math.random() < 0.01) {
    // Forgotten counts are dead weight; sweep them now and then.
    writePrisma()
      .loginThrottle.deleteMany({ where: { lastAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } })
      .catch(() => {});
  }
  const allowed =
    (address === null || (await countAttempt(addressKey(address), FREE_FAILURES_PER_ADDRESS, now))) &&
    (await countAttempt(accountKey(email), FREE_FAILURES_PER_ACCOUNT, now));
  if (!allowed) {
    await writePrisma().loginAttempt.create({ data: { email, address: where, success: false, checked: false } });
    return null;
  }

  const user: UserRow | null = await writePrisma().user.findUnique({ where: { email } });
  let ok = false;
  try {
    ok = user ? await verifyPassword(password, user.passwordHash) : await verifyNothing(password);
  } catch (e) {
    if (!(e instanceof HashingBusy)) throw e;
    // Too many sign-ins queued: refuse this one unchecked, and give the attempt back.
    await writePrisma().loginThrottle.updateMany({ where: { key: accountKey(email), failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
    await writePrisma().loginAttempt.create({ data: { email, address: where, success: false, checked: false } });
    return null;
  }
  const success = ok && !!user && user.active;
  await writePrisma().loginAttempt.create({ data: { email, address: where, success } });

  if (!user) return null;
  if (!success) {
    const failures = (await writePrisma().loginThrottle.findUnique({ where: { key: accountKey(email) } }))?.failures ?? 0;
    const delay = delaySeconds(failures, FREE_FAILURES_PER_ACCOUNT);
    const details = { address: where, failures, ...(ok && !user.active ? { reason: "disabled" } : {}) };
    await recordAudit(writePrisma(), null, "user.sign_in_failed", "User", user.id, null, details);
    if (delay > 0) await recordAudit(writePrisma(), null, "user.sign_in_delayed", "User", user.id, null, { ...details, delaySeconds: delay });
    return null;
  }

  await writePrisma().loginThrottle.updateMany({ where: { key: accountKey(email) }, data: { failures: 0 } });
  if (needsRehash(user.passwordHash)) {
    // Only if nobody changed the password meanwhile.
    await writePrisma().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  const actor = actorOf(user);
  await recordAudit(writePrisma(), actor, "user.sign_in", "User", user.id, null, { address: where });
  return actor;
}

/**
 * Counts a check of a signed-in user's current password (changing it) like a sign-in attempt,
 * so a stolen session cannot be used to guess it faster than the sign-in page allows.
 */
export function countPasswordCheck(email: string, now = new Date()): Promise<boolean> {
  return countAttempt(accountKey(email), FREE_FAILURES_PER_ACCOUNT, now);
}

export async function clearFailures(email: string): Promise<void> {
  await writePrisma().loginThrottle.updateMany({ where: { key: accountKey(email) }, data: { failures: 0 } });
}
