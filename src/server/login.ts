import { prisma } from "./db";
import { verifyPassword } from "./passwords";
import type { Actor } from "./permissions";

// Throttling: after this many failures in the window, an account (or an address) must wait.
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleState = { throttled: boolean };

export async function isThrottled(email: string, address: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, at: { gte: since } } }),
    prisma.loginAttempt.count({ where: { address, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

/** The actor for these credentials, or null. Records the attempt; refuses while throttled. */
export async function checkCredentials(email: string, password: string, address: string): Promise<Actor | null> {
  if (await isThrottled(email, address)) return null;
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = !!user && user.active && (await verifyPassword(password, user.passwordHash));
  await prisma.loginAttempt.create({ data: { email, address, success: ok } });
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, hospitalId: user.hospitalId };
}
