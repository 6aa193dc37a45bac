import "server-only";
import { ALERT_LEVELS } from "@/domain/alerts";
import type { Tx } from "../use-case";

export type Recipient = { userId: string; email: string; byEmail: boolean; phone: string | null; byWebhook: boolean };

/**
 * Who is told at an alert's level: 0 the hospital's own admins, 1 every task-force staff account,
 * 2 the task force's head (the admin accounts). Only active accounts; each says how to reach it.
 */
export async function recipientsAt(tx: Tx, level: number, hospitalId: string): Promise<Recipient[]> {
  const who = ALERT_LEVELS[level];
  const users = await tx.user.findMany({
    where: { active: true, ...(who === "hospital" ? { role: "HOSPITAL", hospitalId } : { role: who === "staff" ? "STAFF" : "ADMIN" }) },
    select: { id: true, email: true, alertByEmail: true, phone: true, alertByWebhook: true },
    orderBy: { email: "asc" },
  });
  return users.map((u) => ({ userId: u.id, email: u.email, byEmail: u.alertByEmail, phone: u.phone, byWebhook: u.alertByWebhook }));
}
