import "server-only";
import type { Tx } from "../use-case";
import { alertMessage, type AlertFacts } from "./message";
import type { Recipient } from "./recipients";

/**
 * Writes the messages that tell `recipients` about an alert, in the caller's transaction (the
 * transactional outbox): they exist exactly when the alert's change committed, and the worker
 * sends them later, however long the mail server or gateway is down. Only channels that are
 * configured (SMTP_URL, ALERT_WEBHOOK_URL) and that the person chose get a message.
 */
export type Channels = { email: boolean; webhook: boolean; /** the app's address, for the link in a message */ appUrl?: string };

export async function enqueueAlertMessages(tx: Tx, facts: AlertFacts, recipients: readonly Recipient[], now: Date, channels: Channels): Promise<number> {
  const { subject, body, text } = alertMessage(facts, channels.appUrl);
  const rows = [];
  for (const r of recipients) {
    if (channels.email && r.byEmail) rows.push({ channel: "email", recipient: r.email, subject, body, payload: {} });
    if (channels.webhook && r.byWebhook && r.phone) {
      rows.push({ channel: "webhook", recipient: r.phone, subject, body: text, payload: webhookPayload(facts, r.phone, text) });
    }
  }
  if (rows.length === 0) return 0;
  await tx.outboxMessage.createMany({ data: rows.map((m) => ({ ...m, alertId: facts.alertId, createdAt: now, nextAttemptAt: now })) });
  return rows.length;
}

/** The gateway's JSON body (docs/api.md, "Alert webhook"). */
function webhookPayload(f: AlertFacts, to: string, text: string) {
  return {
    type: "alert",
    alertId: f.alertId,
    kind: f.kind,
    level: f.level,
    hospital: { id: f.hospitalId, name: f.hospital },
    hoursLeft: f.hoursLeft,
    raisedAt: f.raisedAt.toISOString(),
    nobodyOnDuty: f.nobodyOnDuty ?? false,
    to,
    text,
  };
}
