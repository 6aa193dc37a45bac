import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { clearFailures, countPasswordCheck } from "../login";
import { passwordProblem } from "../password-policy";
import { hashPassword, verifyPassword } from "../passwords";
import { endSessions } from "../sessions";
import { RuleError, useCase } from "../use-case";

// One's own account: signing out (everywhere) and choosing one's password. Both end every
// session of the user on the server (decision 0023); the commit empties the per-account caches.

/** Signing out ends all of the user's sessions, not only this browser's. */
export const signOutEverywhere = useCase({
  action: "session:end",
  input: z.object({}),
  run: async ({ tx, actor }) => {
    const ended = await endSessions(tx, actor.id);
    await recordAudit(tx, actor, "user.sign_out", "User", actor.id, null, { sessionsEnded: ended });
    return { ended };
  },
});

const secret = z
  .string({ error: "required" })
  .refine((s) => s !== "", "required")
  .refine((s) => s.length <= 200, "too_long");

/**
 * A new password of one's own: the current one, the new one twice. Required first when an admin
 * chose the password (a new account, a reset). Every session ends; the user signs in again.
 */
export const changeOwnPassword = useCase({
  action: "password:change",
  input: z.object({ current: secret, password: secret, confirm: z.string().default("") }),
  run: async ({ tx, actor, input }) => {
    const user = await tx.user.findUnique({ where: { id: actor.id } });
    if (!user) throw new RuleError("not_found");
    if (!(await countPasswordCheck(user.email))) throw new RuleError("invalid", { current: "throttled" });
    if (!(await verifyPassword(input.current, user.passwordHash))) throw new RuleError("invalid", { current: "password_wrong" });
    await clearFailures(user.email);
    if (input.password !== input.confirm) throw new RuleError("invalid", { confirm: "password_mismatch" });
    if (input.password === input.current) throw new RuleError("invalid", { password: "password_reused" });
    const problem = passwordProblem(input.password, [user.name, user.email]);
    if (problem) throw new RuleError("invalid", { password: problem });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password), mustChangePassword: false } });
    const ended = await endSessions(tx, user.id);
    await recordAudit(tx, actor, "user.password_change", "User", user.id, null, { sessionsEnded: ended });
    return { ended };
  },
});
