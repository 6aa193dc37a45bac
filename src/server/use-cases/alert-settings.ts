import "server-only";
import { z } from "zod";
import { THRESHOLD_MAX_HOURS, THRESHOLD_MIN_HOURS, thresholdsProblem } from "@/domain/alerts";
import { recordAudit } from "../audit";
import { RuleError, useCase } from "../use-case";
import { checkbox, id, integer, text } from "./inputs";

// The settings of the alerts (decision 0033): a hospital's thresholds, set by task-force staff on
// the hospital's page or by the hospital's own admin; and one's own channels (email, the SMS/
// WhatsApp gateway to a phone number), on one's account page. Both audited.

/** Blank: the app's default applies (null); else whole hours within the CHECKed bounds. */
const hours = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
  integer(THRESHOLD_MIN_HOURS, THRESHOLD_MAX_HOURS).optional(),
);

export const setAlertThresholds = useCase({
  action: "alert:configure",
  input: z.object({ hospitalId: id, redBelowHours: hours, amberBelowHours: hours, missedReportHours: hours }),
  resource: (input) => ({ hospitalId: input.hospitalId }),
  run: async ({ tx, actor, input }) => {
    const before = await tx.hospital.findUnique({
      where: { id: input.hospitalId },
      select: { id: true, alertRedBelowHours: true, alertAmberBelowHours: true, alertMissedReportHours: true },
    });
    if (!before) throw new RuleError("not_found");
    const data = {
      alertRedBelowHours: input.redBelowHours ?? null,
      alertAmberBelowHours: input.amberBelowHours ?? null,
      alertMissedReportHours: input.missedReportHours ?? null,
    };
    if (thresholdsProblem(data)) throw new RuleError("invalid", { redBelowHours: "red_not_below_amber" });
    const after = await tx.hospital.update({
      where: { id: input.hospitalId },
      data,
      select: { id: true, ...Object.fromEntries(Object.keys(data).map((k) => [k, true])) },
    });
    await recordAudit(tx, actor, "hospital.alert_thresholds", "Hospital", input.hospitalId, before, after);
    return after;
  },
});

/** A phone number for the gateway: digits with an optional leading +, spaces and dashes allowed. */
const phone = text(0, 30).refine((s) => s === "" || /^\+?[0-9][0-9 -]{6,24}$/.test(s), "invalid_phone");

export const setOwnAlertChannels = useCase({
  action: "account:settings",
  input: z
    .object({ alertByEmail: checkbox, alertByWebhook: checkbox, phone })
    .refine((d) => !d.alertByWebhook || d.phone !== "", { path: ["phone"], message: "phone_required" }),
  run: async ({ tx, actor, input }) => {
    const select = { alertByEmail: true, alertByWebhook: true, phone: true } as const;
    const before = await tx.user.findUnique({ where: { id: actor.id }, select });
    if (!before) throw new RuleError("not_found");
    const after = await tx.user.update({
      where: { id: actor.id },
      data: { alertByEmail: input.alertByEmail, alertByWebhook: input.alertByWebhook, phone: input.phone.replace(/[ -]/g, "") || null },
      select,
    });
    await recordAudit(tx, actor, "user.alert_channels", "User", actor.id, before, after);
    return after;
  },
});
