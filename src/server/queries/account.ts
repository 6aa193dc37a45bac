import "server-only";
import { prisma } from "../db";
import type { Actor } from "../permissions";

/** How alerts reach the signed-in user, and until when they are on duty (decision 0033). */
export async function ownAlertChannels(actor: Actor) {
  return prisma.user.findUnique({ where: { id: actor.id }, select: { alertByEmail: true, alertByWebhook: true, phone: true, onDutyUntil: true } });
}
