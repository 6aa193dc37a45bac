import "server-only";
import { prisma } from "../db";

/** Every account, for the user administration page: active first, then by role and email. */
export function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      hospitalId: true,
      mustChangePassword: true,
      onDutyUntil: true,
      hospital: { select: { name: true } },
    },
  });
}

/** The task-force staff on duty at `now` (decision 0033), the duty ending soonest first. */
export function staffOnDuty(now: Date) {
  return prisma.user.findMany({
    where: { active: true, role: "STAFF", onDutyUntil: { gt: now } },
    orderBy: [{ onDutyUntil: "asc" }, { email: "asc" }],
    select: { id: true, name: true, onDutyUntil: true },
  });
}

/** The active accounts, for the API token form's picker. */
export function activeUserOptions() {
  return prisma.user.findMany({ where: { active: true }, orderBy: [{ role: "asc" }, { email: "asc" }], select: { id: true, email: true, role: true } });
}
