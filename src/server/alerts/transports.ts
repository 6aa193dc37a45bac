import "server-only";
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { env } from "../env";

// How a message leaves the app: email over SMTP (nodemailer) and a signed JSON POST to whatever
// SMS/WhatsApp gateway the task force uses. Each throws on failure; the outbox retries.

export type OutgoingMessage = { id: string; channel: string; recipient: string; subject: string; body: string; payload: unknown };
export type Transport = (m: OutgoingMessage) => Promise<void>;
export type Transports = Partial<Record<"email" | "webhook", Transport>>;

const TIMEOUT_MS = 10_000;

export function emailTransport(smtpUrl: string, from: string): Transport {
  const mailer = nodemailer.createTransport(smtpUrl, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  // The Message-ID is the outbox row's: a message sent again after a crash between sending and
  // marking it sent carries the same one, so a mail server or client can drop the duplicate.
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "oksigen.invalid";
  return async (m) => {
    await mailer.sendMail({
      from,
      to: m.recipient,
      subject: m.subject,
      text: m.body,
      messageId: `<${m.id}@${domain}>`,
      headers: { "X-Oxygen-Message-Id": m.id },
    });
  };
}

/** HMAC-SHA256 over "<timestamp>.<body>", hex: what the gateway recomputes to trust a request (docs/api.md). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function webhookTransport(url: string, secret: string): Transport {
  return async (m) => {
    const body = JSON.stringify(m.payload);
    // The wall clock, not the app's: the gateway checks the signature's freshness against its own
    // (a demo on a 2021 scenario clock must still sign with today's time).
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-oxygen-timestamp": timestamp,
        "x-oxygen-signature": webhookSignature(secret, timestamp, body),
        // the same message retried carries the same key: a gateway can drop the duplicate
        "idempotency-key": m.id,
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`gateway answered ${res.status}`);
  };
}

/** The transports the configuration names (none when SMTP_URL and ALERT_WEBHOOK_URL are unset). */
export function configuredTransports(): Transports {
  const e = env();
  return {
    ...(e.SMTP_URL ? { email: emailTransport(e.SMTP_URL, e.ALERT_MAIL_FROM) } : {}),
    ...(e.ALERT_WEBHOOK_URL && e.ALERT_WEBHOOK_SECRET ? { webhook: webhookTransport(e.ALERT_WEBHOOK_URL, e.ALERT_WEBHOOK_SECRET) } : {}),
  };
}
