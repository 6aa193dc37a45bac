import { prisma } from "./db";
import { verifyPassword } from "./passwords";
import type { Actor } from "./permissions";

// Throttling: after this many failures in the window, an account (or an address) must wait.
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * The client's address, from the first X-Forwarded-For hop — only when TRUST_PROXY=1 says a
 * reverse proxy sets that header. Otherwise any client could write it (and dodge the per-address
 * limit), and Next gives no socket address, so there is no address to throttle: null.
 */
export function clientAddress(headers: Pick<Headers, "get"> | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  return headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

export async function isThrottled(email: string, address: string | null, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, at: { gte: since } } }),
    address === null ? 0 : prisma.loginAttempt.count({ where: { address, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

/** The actor for these credentials, or null. Records the attempt; refuses while throttled. */
export async function checkCredentials(email: string, password: string, address: string | null): Promise<Actor | null> {
  if (await isThrottled(email, address)) return null;
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = !!user && user.active && (await verifyPassword(password, user.passwordHash));
  await prisma.loginAttempt.create({ data: { email, address: address ?? "unknown", success: ok } });
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, hospitalId: user.hospitalId };
}
