import { z } from "zod";
import { recordAudit } from "../audit";
import { hashPassword } from "../passwords";
import { ROLES } from "../permissions";
import { RuleError, useCase } from "../use-case";
import { id, text } from "./hospital-inputs";

// Accounts, managed by ADMIN. A HOSPITAL account is bound to exactly one hospital; the other
// roles to none. Accounts are disabled, never deleted (the audit trail names them).

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
      .refine((s) => s === "" || s.length >= 10, "password_short")
      .refine((s) => s.length <= 200, "too_long"),
  }),
  run: async ({ tx, actor, input }) => {
    if (input.role === "HOSPITAL") {
      if (!input.hospitalId) throw new RuleError("invalid", { hospitalId: "required" });
      const hospital = await tx.hospital.findUnique({ where: { id: input.hospitalId } });
      if (!hospital) throw new RuleError("invalid", { hospitalId: "invalid_choice" });
    } else if (input.hospitalId) {
      throw new RuleError("invalid", { hospitalId: "hospital_only_for_hospital_role" });
    }
    if (await tx.user.findUnique({ where: { email: input.email } })) throw new RuleError("invalid", { email: "email_taken" });
    const row = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        hospitalId: input.role === "HOSPITAL" ? input.hospitalId : null,
        passwordHash: await hashPassword(input.password),
      },
    });
    await recordAudit(tx, actor, "user.create", "User", row.id, null, safe(row));
    return safe(row);
  },
});

/** Disable (or re-enable) an account; a disabled account is locked out at once (src/server/actors.ts). */
export const setUserActive = useCase({
  action: "user:manage",
  input: z.object({ id, active: z.boolean() }),
  run: async ({ tx, actor, input }) => {
    if (input.id === actor.id && !input.active) throw new RuleError("self_disable");
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new RuleError("not_found");
    if (before.active === input.active) return safe(before);
    const after = await tx.user.update({ where: { id: input.id }, data: { active: input.active } });
    await recordAudit(tx, actor, input.active ? "user.enable" : "user.disable", "User", input.id, safe(before), safe(after));
    return safe(after);
  },
});
