import "server-only";
import { z } from "zod";
import { addDays, startOfWibDay } from "@/domain/day";
import { hashToken, newToken } from "../api-auth";
import { recordAudit } from "../audit";
import { now } from "../clock";
import { prisma } from "../db";
import { authorize, type Actor } from "../permissions";
import { RuleError, useCase } from "../use-case";
import { dayWithin } from "./inputs";

// API tokens, managed by ADMIN: a token acts as the chosen user (e.g. a service OFFICIAL
// account), with that user's role. The token is shown once on issue; only its SHA-256 is stored,
// so the audit trail and the list never hold it either.

const tokenName = z
  .string({ error: "required" })
  .trim()
  .refine((s) => s !== "", "required")
  .refine((s) => s.length <= 100, "too_long");

// An optional last day (WIB): the token works through that day and answers 401 from the next
// midnight WIB. Today at the earliest, a year ahead at the latest (a longer-lived token is one
// without an expiry, revoked by hand).
const lastDay = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  dayWithin((today) => ({ min: today, max: addDays(today, 366) })).optional(),
);

type Safe = { id: string; name: string; userId: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null };
const safe = (t: Safe) => ({ id: t.id, name: t.name, userId: t.userId, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt });

/** Issue a token; the value is returned here and nowhere else, ever. */
export const issueToken = useCase({
  action: "token:manage",
  input: z.object({ name: tokenName, userId: z.string({ error: "required" }).trim().min(1, "required"), lastDay }),
  run: async ({ tx, actor, input }) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user || !user.active) throw new RuleError("invalid", { userId: "invalid_choice" });
    const token = newToken();
    const expiresAt = input.lastDay ? startOfWibDay(addDays(input.lastDay, 1)) : null;
    const row = await tx.apiToken.create({ data: { name: input.name, userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: now() } });
    await recordAudit(tx, actor, "token.issue", "ApiToken", row.id, null, safe(row));
    return { id: row.id, token };
  },
});

/** Revoke a token: from now on it gets 401. Revoking twice changes nothing. */
export const revokeToken = useCase({
  action: "token:manage",
  input: z.object({ id: z.string({ error: "required" }).trim().min(1, "required") }),
  run: async ({ tx, actor, input }) => {
    const before = await tx.apiToken.findUnique({ where: { id: input.id } });
    if (!before) throw new RuleError("not_found");
    if (before.revokedAt) return safe(before);
    const after = await tx.apiToken.update({ where: { id: input.id }, data: { revokedAt: now() } });
    await recordAudit(tx, actor, "token.revoke", "ApiToken", input.id, safe(before), safe(after));
    return safe(after);
  },
});

/** The tokens (never their hashes) for the admin list, newest first. */
export async function listTokens(actor: Actor) {
  authorize(actor, "token:manage");
  return prisma.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, user: { select: { email: true, role: true } } },
  });
}
