import "server-only";
import { ALERT_LEVELS } from "@/domain/alerts";
import type { Tx } from "../use-case";

export type Recipient = { userId: string; email: string; byEmail: boolean; phone: string | null; byWebhook: boolean };

const select = { id: true, email: true, alertByEmail: true, phone: true, alertByWebhook: true } as const;

/**
 * Who is told at an alert's level: 0 the hospital's own admins, 1 the task-force staff on duty at
 * `now` — or, when nobody is on duty, every task-force staff account, so the alert is not lost
 * (`nobodyOnDuty`, said in the message) — 2 the task force's head (the admin accounts). Only
 * active accounts; each says how to reach it.
 */
export async function recipientsAt(tx: Tx, level: number, hospitalId: string, now: Date): Promise<{ recipients: Recipient[]; nobodyOnDuty: boolean }> {
  const who = ALERT_LEVELS[level];
  const find = (where: object) => tx.user.findMany({ where: { active: true, ...where }, select, orderBy: { email: "asc" } });
  let users = await find(
    who === "hospital" ? { role: "HOSPITAL", hospitalId } : who === "staff" ? { role: "STAFF", onDutyUntil: { gt: now } } : { role: "ADMIN" },
  );
  const nobodyOnDuty = who === "staff" && users.length === 0;
  if (nobodyOnDuty) users = await find({ role: "STAFF" });
  return {
    recipients: users.map((u) => ({ userId: u.id, email: u.email, byEmail: u.alertByEmail, phone: u.phone, byWebhook: u.alertByWebhook })),
    nobodyOnDuty,
  };
}
