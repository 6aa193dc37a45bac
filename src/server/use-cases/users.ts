import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { revokeTokensOf } from "../api-auth";
import { recordAudit } from "../audit";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "../password-policy";
import { hashPassword } from "../passwords";
import { ROLES, type Role } from "../permissions";
import { endSessions } from "../sessions";
import { RuleError, useCase, type Tx } from "../use-case";
import { checkbox, id, text } from "./inputs";

// Accounts, managed by ADMIN. A HOSPITAL account is bound to exactly one hospital; the other
// roles to none. Accounts are disabled, never deleted (the audit trail names them). A password an
// admin chose (a new account, a reset) must be changed at the first sign-in; disabling, a change
// of role or hospital, and a reset end every session of the account (decision 0023).

/** The audit record of a user, without the password hash. */
function safe<T extends { passwordHash?: string }>(user: T): Omit<T, "passwordHash"> {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

export const createUser = useCase({
  action: "user:manage",
  input: z.object({
    email: z
      .string({ error: "required" })
      .trim()
      .toLowerCase()
      .refine((s) => s !== "", "required")
      .refine((s) => s === "" || z.email().safeParse(s).success, "invalid_format"),
    name: text(2, 120),
    role: z.enum(ROLES, { error: "invalid_choice" }),
    hospitalId: z.string().trim().default(""),
    password: z
      .string({ error: "required" })
      .refine((s) => s !== "", "required")
      .refine((s) => s === "" || [...s].length >= MIN_PASSWORD_LENGTH, "password_short")
      .refine((s) => s.length <= 200, "too_long"),
  }),
  run: async ({ tx, actor, input }) => {
    await checkHospitalOf(tx, input.role, input.hospitalId);
    if (await tx.user.findUnique({ where: { email: input.email } })) throw new RuleError("invalid", { email: "email_taken" });
    const problem = passwordProblem(input.password, [input.name, input.email]);
    if (problem) throw new RuleError("invalid", { password: problem });
    const row = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        hospitalId: input.role === "HOSPITAL" ? input.hospitalId : null,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: true,
      },
    });
    await recordAudit(tx, actor, "user.create", "User", row.id, null, safe(row));
    return safe(row);
  },
});

/** A HOSPITAL account needs an existing hospital; the other roles none. */
async function checkHospitalOf(tx: Tx, role: Role, hospitalId: string) {
  if (role === "HOSPITAL") {
    if (!hospitalId) throw new RuleError("invalid", { hospitalId: "required" });
    const hospital = await tx.hospital.findUnique({ where: { id: hospitalId } });
    if (!hospital) throw new RuleError("invalid", { hospitalId: "invalid_choice" });
  } else if (hospitalId) {
    throw new RuleError("invalid", { hospitalId: "hospital_only_for_hospital_role" });
  }
}

/**
 * Disable (or re-enable) an account. Disabling ends its sessions and revokes its API tokens, so
 * re-enabling it later revives neither: the user signs in again, an admin issues new tokens.
 */
export const setUserActive = useCase({
  action: "user:manage",
  input: z.object({ id, active: checkbox }),
  run: async ({ tx, actor, input }) => {
    if (input.id === actor.id && !input.active) throw new RuleError("self_disable");
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new RuleError("not_found");
    if (before.active === input.active) return safe(before);
    const after = await tx.user.update({ where: { id: input.id }, data: { active: input.active } });
    await recordAudit(tx, actor, input.active ? "user.enable" : "user.disable", "User", input.id, safe(before), safe(after));
    if (!input.active) {
      await endSessions(tx, input.id);
      for (const tokenId of await revokeTokensOf(tx, input.id))
        await recordAudit(tx, actor, "token.revoke", "ApiToken", tokenId, null, { reason: "user.disable" });
    }
    return safe(after);
  },
});

/**
 * An admin edits an account's name, role and hospital. A change of role or hospital ends the
 * account's sessions: its rights changed, so it signs in again under the new ones.
 */
export const updateUser = useCase({
  action: "user:manage",
  input: z.object({
    id,
    name: text(2, 120),
    role: z.enum(ROLES, { error: "invalid_choice" }),
    hospitalId: z.string().trim().default(""),
  }),
  run: async ({ tx, actor, input }) => {
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new RuleError("not_found");
    // An admin cannot take their own admin rights away (someone must be left to manage users).
    if (input.id === actor.id && input.role !== "ADMIN") throw new RuleError("invalid", { role: "self_demote" });
    await checkHospitalOf(tx, input.role, input.hospitalId);
    const hospitalId = input.role === "HOSPITAL" ? input.hospitalId : null;
    const rightsChanged = before.role !== input.role || before.hospitalId !== hospitalId;
    if (!rightsChanged && before.name === input.name) return safe(before);
    const after = await tx.user.update({ where: { id: input.id }, data: { name: input.name, role: input.role, hospitalId } });
    await recordAudit(tx, actor, rightsChanged ? "user.role_change" : "user.update", "User", input.id, safe(before), safe(after));
    if (rightsChanged) await endSessions(tx, input.id);
    return safe(after);
  },
});

// One-time passwords: 4 groups of 5 from 31 unambiguous characters (≈ 99 bits), easy to read out.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
function oneTimePassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

/**
 * An admin resets a password: a random one-time password, returned by this call only (it is
 * stored as a hash and never shown again), that must be changed at the next sign-in. Every
 * session of the account ends.
 */
export const resetUserPassword = useCase({
  action: "user:manage",
  input: z.object({ id }),
  run: async ({ tx, actor, input }) => {
    if (input.id === actor.id) throw new RuleError("self_reset"); // one's own: change it, knowing the current one
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw new RuleError("not_found");
    const password = oneTimePassword();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password), mustChangePassword: true } });
    const ended = await endSessions(tx, user.id);
    await recordAudit(tx, actor, "user.password_reset", "User", user.id, null, { sessionsEnded: ended });
    return { id: user.id, email: user.email, oneTimePassword: password };
  },
});
