import "server-only";
import { now as clockNow } from "@/server/clock";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { STALE_AFTER_HOURS } from "@/domain/stock";
import { accountCache } from "../cache";
import { prisma } from "../db";
import type { Actor } from "../permissions";
import { useCase, type Tx } from "../use-case";
import { id } from "./inputs";

// In-app notifications. A notice goes to one user, to every account of a hospital (role HOSPITAL
// + hospitalId) or to every task-force account (role STAFF, read by STAFF and ADMIN). Notices are
// written in the same transaction as the change they announce; they are derived records, so
// they carry no audit event of their own (the change they announce has one).

export const NOTICE_KINDS = [
  "request_approved",
  "request_rejected",
  "request_allocated",
  "request_dispatched",
  "emergency_request",
  "urgent_request",
  "receipt_difference",
  "allocation_cancelled",
  "request_closed_short",
  "hospital_stale",
  "stock_flagged",
  "alert_escalated",
  "trip_diverted",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a notice stores: ids and raw figures (kg), formatted for the reader when shown. */
export type NoticeData = {
  requestId?: string;
  hospitalId?: string;
  hospital?: string;
  requestedKg?: number;
  approvedKg?: number;
  kg?: number;
  reason?: string;
  vehicle?: string;
  day?: string;
  lastDay?: string | null;
  deliveryId?: string;
  dispatchedKg?: number;
  receivedKg?: number;
  rejectedKg?: number;
  /** an escalated alert's kind and the level it reached (decision 0033) */
  alertKind?: string;
  level?: number;
  /** the escalation found no staff on duty and went to every staff account */
  nobodyOnDuty?: boolean;
};

type Recipient = { hospitalId: string } | { staff: true };

/** Writes a notice inside the caller's transaction. */
export async function notify(tx: Tx, to: Recipient, kind: NoticeKind, params: NoticeData) {
  await tx.notification.create({
    data:
      "staff" in to
        ? { role: "STAFF", kind, params, hospitalId: params.hospitalId ?? null, createdAt: clockNow() }
        : { role: "HOSPITAL", hospitalId: to.hospitalId, kind, params, createdAt: clockNow() },
  });
}

/** The notices an actor sees: their own, their hospital's, or the task force's. */
export function visibleTo(actor: Actor): Prisma.NotificationWhereInput {
  const mine: Prisma.NotificationWhereInput = { userId: actor.id };
  if (actor.role === "HOSPITAL") {
    return actor.hospitalId ? { OR: [mine, { userId: null, role: "HOSPITAL", hospitalId: actor.hospitalId }] } : mine;
  }
  if (actor.role === "STAFF" || actor.role === "ADMIN") return { OR: [mine, { userId: null, role: "STAFF" }] };
  return mine;
}

/**
 * Marks notices the actor sees as read (a shared notice is read for everyone it went to): the ones
 * listed (those the reader's page showed), or every one when none are listed ("mark all read").
 */
export const markNotificationsRead = useCase({
  action: "notification:read",
  input: z.object({ ids: z.array(id).max(500, "too_long").optional() }).optional(),
  run: async ({ tx, actor, input }) => {
    const only: Prisma.NotificationWhereInput = input?.ids ? { id: { in: input.ids } } : {};
    const { count } = await tx.notification.updateMany({ where: { AND: [visibleTo(actor), { readAt: null }, only] }, data: { readAt: clockNow() } });
    return count;
  },
});

/**
 * Tells the task force about active hospitals whose latest stock report is more than 24 h old
 * (or that never reported): one notice per hospital and latest report, however often it runs
 * (the notice id is derived from both). A system job, run when staff open their notifications
 * (after the page is shown) and after a page view at most once per cache period.
 */
export async function notifyStaleHospitals(now: Date = clockNow()): Promise<number> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_HOURS * 3_600_000);
  return prisma.$executeRaw`
    INSERT INTO "Notification" (id, role, "hospitalId", kind, params, "createdAt")
    SELECT 'stale-' || h.id || '-' || COALESCE(to_char(l.day, 'YYYY-MM-DD'), 'never'), 'STAFF', h.id, 'hospital_stale',
           jsonb_build_object('hospitalId', h.id, 'hospital', h.name, 'lastDay', to_char(l.day, 'YYYY-MM-DD')), ${now}
    FROM "Hospital" h
    LEFT JOIN LATERAL (
      SELECT s.day, s."reportedAt" FROM "StockReport" s WHERE s."hospitalId" = h.id ORDER BY s.day DESC LIMIT 1
    ) l ON true
    WHERE h.active AND (l."reportedAt" IS NULL OR l."reportedAt" < ${staleBefore})
    ON CONFLICT (id) DO NOTHING`;
}

/**
 * Tells a hospital about dispatches on their way to it: one notice per delivery (the id is
 * derived from it), whoever logged the dispatch. A system job, run when the hospital opens its notifications
 * (after the page is shown) and after a page view at most once per cache period.
 */
export async function notifyDispatches(hospitalId: string): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "Notification" (id, role, "hospitalId", kind, params, "createdAt")
    SELECT 'dispatch-' || d.id, 'HOSPITAL', d."hospitalId", 'request_dispatched',
           jsonb_build_object('deliveryId', d.id, 'requestId', a."requestId", 'kg', d."dispatchedKg", 'vehicle', d."vehiclePlate"), d."dispatchedAt"
    FROM "Delivery" d LEFT JOIN "Allocation" a ON a.id = d."allocationId"
    WHERE d."hospitalId" = ${hospitalId} AND d."receivedKg" IS NULL
    ON CONFLICT (id) DO NOTHING`;
}

/** The periodic notices an actor should see by now (stale hospitals for staff, dispatches for a hospital). */
export async function refreshNoticesFor(actor: Actor, now: Date = clockNow()): Promise<void> {
  if (actor.role === "STAFF" || actor.role === "ADMIN") await notifyStaleHospitals(now);
  else if (actor.role === "HOSPITAL" && actor.hospitalId) await notifyDispatches(actor.hospitalId);
}

/**
 * refreshNoticesFor, for the header's bell on every page: at most once per cache period per
 * audience, and again after any committed write other than a figures-only one (the account cache
 * is emptied then, so a dispatch just logged is announced on the hospital's next page; a stock
 * report or an allocation raises none of these notices). The stale-hospital job scans every hospital
 * (3,000 nationally); a page view should not pay for that each time.
 */
export function refreshNoticesSoon(actor: Actor): Promise<void> {
  const audience = actor.role === "HOSPITAL" ? `hospital:${actor.hospitalId}` : actor.role === "OFFICIAL" ? null : "staff";
  if (!audience) return Promise.resolve();
  return accountCache.get(`refreshNotices:${audience}`, () => refreshNoticesFor(actor));
}
