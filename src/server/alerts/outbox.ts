import "server-only";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "@/domain/alerts";
import { prisma } from "../db";
import type { OutgoingMessage, Transports } from "./transports";

export type Delivery = { sent: number; retried: number; failed: number };

/**
 * Sends the outbox's due messages, each in a transaction that holds its row (FOR UPDATE SKIP
 * LOCKED: two servers never send one message twice). A failure waits longer each time
 * (retryDelayMs) and is given up after MAX_SEND_ATTEMPTS, with the last error kept.
 */
export async function deliverDue(now: Date, transports: Transports, limit = 50): Promise<Delivery> {
  const due = await prisma.outboxMessage.findMany({
    where: { sentAt: null, failedAt: null, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const out: Delivery = { sent: 0, retried: 0, failed: 0 };
  for (const { id } of due) {
    await prisma.$transaction(
      async (tx) => {
        const [m] = await tx.$queryRaw<(OutgoingMessage & { attempts: number })[]>`
          SELECT id, channel, recipient, subject, body, payload, attempts FROM "OutboxMessage"
          WHERE id = ${id} AND "sentAt" IS NULL AND "failedAt" IS NULL FOR UPDATE SKIP LOCKED`;
        if (!m) return;
        const send = transports[m.channel as keyof Transports];
        try {
          if (!send) throw new Error(`no ${m.channel} transport configured`);
          await send(m);
          await tx.outboxMessage.update({ where: { id }, data: { sentAt: now, attempts: m.attempts + 1, lastError: null } });
          out.sent++;
        } catch (e) {
          const attempts = m.attempts + 1;
          const lastError = String(e instanceof Error ? e.message : e).slice(0, 500);
          const giveUp = attempts >= MAX_SEND_ATTEMPTS;
          await tx.outboxMessage.update({
            where: { id },
            data: { attempts, lastError, ...(giveUp ? { failedAt: now } : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }) },
          });
          if (giveUp) out.failed++;
          else out.retried++;
        }
      },
      { timeout: 30_000 },
    );
  }
  return out;
}
