import "server-only";
import { alertChanges, alertsDue, escalationLevel, thresholdsOf, type AlertKind } from "@/domain/alerts";
import { todayWib } from "@/domain/day";
import { recordAudit } from "../audit";
import { prisma } from "../db";
import { hospitalSupply } from "../queries/dashboard-hospitals";
import { enqueueAlertMessages, type Channels } from "./enqueue";
import { recipientsAt } from "./recipients";
import { notify } from "../use-cases/notifications";

/** Held for the whole evaluation, so two app servers never raise or escalate the same alert twice. */
const EVALUATION_LOCK = 0x0a1e27;

export type Evaluation = { raised: number; cleared: number; escalated: number; messages: number } | null;

/**
 * Brings the alerts up to date with every active hospital's projected supply at `now`: raises an
 * alert when a hospital crosses a threshold (once per crossing), clears it when the hospital
 * recovers, and passes an unacknowledged alert up a level every ALERT_ESCALATE_AFTER_MINUTES —
 * writing the messages for each in the same transaction. Projections run down with time alone,
 * so this runs periodically (the alert worker), not only after writes. null: another server is
 * evaluating right now.
 */
export async function evaluateAlerts(now: Date, opts: { channels: Channels; escalateAfterMinutes: number }): Promise<Evaluation> {
  const supply = await hospitalSupply(todayWib(now), { now });
  const step = opts.escalateAfterMinutes;
  return prisma.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${EVALUATION_LOCK}) AS locked`;
      if (!locked) return null;
      const hospitals = await tx.hospital.findMany({
        where: { active: true },
        select: { id: true, alertRedBelowHours: true, alertAmberBelowHours: true, alertMissedReportHours: true },
      });
      const thresholds = new Map(hospitals.map((h) => [h.id, thresholdsOf(h)]));
      const open = await tx.alert.findMany({ where: { clearedAt: null } });
      const openBy = new Map<string, typeof open>();
      for (const a of open) openBy.set(a.hospitalId, [...(openBy.get(a.hospitalId) ?? []), a]);
      const result = { raised: 0, cleared: 0, escalated: 0, messages: 0 };

      for (const h of supply) {
        const t = thresholds.get(h.id);
        if (!t) continue;
        const mine = openBy.get(h.id) ?? [];
        const { raise, clear } = alertChanges(
          mine.map((a) => a.kind as AlertKind),
          alertsDue({ ...h, hoursSinceReport: h.lastReportedAt ? (now.getTime() - h.lastReportedAt.getTime()) / 3_600_000 : null }, t),
        );
        for (const a of mine.filter((a) => clear.includes(a.kind as AlertKind))) {
          await tx.alert.update({ where: { id: a.id }, data: { clearedAt: now } });
          await recordAudit(tx, null, "alert.clear", "Alert", a.id, { kind: a.kind, hospitalId: h.id }, { clearedAt: now, hoursLeft: h.hoursLeft });
          result.cleared++;
        }
        for (const kind of raise) {
          const alert = await tx.alert.create({ data: { hospitalId: h.id, kind, raisedAt: now, hoursLeft: kind === "missed_report" ? null : h.hoursLeft } });
          await recordAudit(tx, null, "alert.raise", "Alert", alert.id, null, { kind, hospitalId: h.id, hoursLeft: alert.hoursLeft, raisedAt: now });
          const facts = { alertId: alert.id, kind, level: 0, hospitalId: h.id, hospital: h.name, hoursLeft: alert.hoursLeft, raisedAt: now };
          result.messages += await enqueueAlertMessages(tx, facts, (await recipientsAt(tx, 0, h.id, now)).recipients, now, opts.channels);
          result.raised++;
        }
      }

      // A hospital no longer active has nothing to be alerted about.
      const active = new Set(supply.map((h) => h.id));
      for (const a of open.filter((a) => !active.has(a.hospitalId))) {
        await tx.alert.update({ where: { id: a.id }, data: { clearedAt: now } });
        result.cleared++;
      }

      // Escalation of what stayed open and nobody acknowledged (cleared ones above are skipped).
      const names = new Map(supply.map((h) => [h.id, h]));
      const stillOpen = await tx.alert.findMany({ where: { clearedAt: null, acknowledgedAt: null } });
      for (const a of stillOpen) {
        const level = escalationLevel(a.raisedAt, now, step, false, a.level);
        if (level <= a.level) continue;
        await tx.alert.update({ where: { id: a.id }, data: { level, escalatedAt: now } });
        await recordAudit(tx, null, "alert.escalate", "Alert", a.id, { level: a.level }, { level });
        const h = names.get(a.hospitalId);
        const facts = {
          alertId: a.id,
          kind: a.kind as AlertKind,
          level,
          hospitalId: a.hospitalId,
          hospital: h?.name ?? a.hospitalId,
          hoursLeft: h?.hoursLeft ?? a.hoursLeft,
          raisedAt: a.raisedAt,
        };
        // each level passed is told (a worker that was down for an hour tells staff and the head)
        let nobodyOnDuty = false;
        for (let l = a.level + 1; l <= level; l++) {
          const to = await recipientsAt(tx, l, a.hospitalId, now);
          nobodyOnDuty ||= to.nobodyOnDuty;
          result.messages += await enqueueAlertMessages(tx, { ...facts, level: l, nobodyOnDuty: to.nobodyOnDuty }, to.recipients, now, opts.channels);
        }
        // …and the task force sees it in the app too (the header's bell): staff and admins read these notices
        await notify(tx, { staff: true }, "alert_escalated", { hospitalId: a.hospitalId, hospital: facts.hospital, alertKind: a.kind, level, nobodyOnDuty });
        result.escalated++;
      }
      return result;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
