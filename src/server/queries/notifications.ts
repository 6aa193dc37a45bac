import "server-only";
import { prisma } from "../db";
import type { Actor } from "../permissions";
import { visibleTo } from "../use-cases/notifications";

/** The actor's latest notices, newest first by when they were raised (equal times in id order). */
export function listNotifications(actor: Actor, take = 100) {
  return prisma.notification.findMany({ where: visibleTo(actor), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** How many of the actor's notices are unread (counted by the database). */
export function unreadCount(actor: Actor) {
  return prisma.notification.count({ where: { AND: [visibleTo(actor), { readAt: null }] } });
}
