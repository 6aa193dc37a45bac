import "server-only";
import { today, now as clockNow } from "@/server/clock";
import { z } from "zod";
import type { StockReport } from "@/generated/prisma/client";
import { dateToDay, dayToDate } from "@/domain/day";
import { MASS_UNITS, toKilograms, type MassUnit } from "@/domain/mass";
import { checkDailyUse } from "@/domain/plausible";
import { BURN_RATE_WINDOW_REPORTS } from "@/domain/stock";
import { recordAudit } from "../audit";
import type { Actor } from "../permissions";
import { RuleError, useCase, type ErrorDetail, type Tx } from "../use-case";
import { amount, confirmUnusual, count, cylinderSizeM3, id, reportDay, text } from "./inputs";
import { notify } from "./notifications";

// The hospital admin's daily stock report, for their own hospital only: the hospital is the
// actor's, never taken from the form. One report per hospital per WIB day: submitting again the
// same day updates it. A use above what the hospital's tank or beds allow is refused; a use far
// above its own history is asked to be confirmed, then kept but held for review (decisions
// 0018, 0022).
// Stock and use are counted in the unit the hospital chooses (tonnes by default, kg, m³ of gas,
// litres of liquid, cylinders of a size), converted by src/domain/mass.ts; the amounts as typed,
// the unit and the rate are kept on the row.

const stockReportInput = z
  .object({
    day: reportDay,
    /** Stock on hand and use in the last 24 h, in `unit` (named …Kg for the form's history). */
    stockKg: amount,
    usedKg: amount,
    unit: z.enum(MASS_UNITS).default("TONNE_LIQUID"),
    cylinderSizeM3,
    severePatients: count,
    criticalPatients: count,
    bedsOccupied: count,
    /** The user ticked that an unusual use is right (after the server asked). */
    confirmUnusual,
  })
  .refine((d) => d.unit !== "CYLINDER" || d.cylinderSizeM3 !== undefined, {
    path: ["cylinderSizeM3"],
    message: "cylinder_size_required",
    when: (p) => p.issues.every((i) => !["unit", "cylinderSizeM3"].includes(String(i.path?.[0]))),
  })
  .transform((d, ctx) => {
    const size = d.unit === "CYLINDER" ? d.cylinderSizeM3 : undefined;
    if (d.unit === "CYLINDER" && size === undefined) return z.NEVER; // refused just above
    const stock = toKilograms(d.stockKg, d.unit, size);
    const used = toKilograms(d.usedKg, d.unit, size);
    for (const [path, kg] of [
      ["stockKg", stock.kg],
      ["usedKg", used.kg],
    ] as const) {
      if (kg > 1_000_000_000) ctx.addIssue({ code: "custom", path: [path], message: "too_big" });
    }
    return { ...d, cylinderSizeM3: size, stockAmount: d.stockKg, usedAmount: d.usedKg, kgPerUnit: stock.kgPerUnit, stockKg: stock.kg, usedKg: used.kg };
  });

export type StockFigures = {
  day: string;
  stockKg: number;
  usedKg: number;
  unit: MassUnit;
  kgPerUnit: number;
  cylinderSizeM3?: number;
  stockAmount: number;
  usedAmount: number;
  severePatients: number;
  criticalPatients: number;
  bedsOccupied: number;
  confirmUnusual: boolean;
};

export const submitStockReport = useCase({
  action: "stock:report",
  touches: "figures", // figures only: served late by at most READ_STALE_MS (decision 0040)
  input: stockReportInput,
  run: async ({ tx, actor, input }) => {
    if (!actor.hospitalId) throw new RuleError("no_hospital");
    return writeStockReport(tx, actor, actor.hospitalId, input, null);
  },
});

/**
 * War room (decision 0039): task-force staff enter a hospital's report for it, after a phone call
 * say. The same rules as the hospital's own report; the row says it was entered on the hospital's
 * behalf, by whom (reportedById) and how (the note), and the audit event too.
 */
export const submitStockReportOnBehalf = useCase({
  action: "stock:report-on-behalf",
  touches: "figures",
  input: z.intersection(stockReportInput, z.object({ hospitalId: id, onBehalfNote: text(3, 300) })),
  run: async ({ tx, actor, input }) => writeStockReport(tx, actor, input.hospitalId, input, input.onBehalfNote),
});

/**
 * One hospital's report of a day, written by its admin or on its behalf (`onBehalfNote`), or
 * restated from a cylinder hospital's count (`restated`). A cylinder hospital's report is only
 * ever restated (decision 0039): a typed tank report would overwrite the stock its fulls hold.
 * The two reads before the write are plain SQL: each Prisma model query costs 2–5 ms of the
 * query compiler's CPU, and a stock report is the surge's most frequent write (decision 0047).
 */
export async function writeStockReport(tx: Tx, actor: Actor, hospitalId: string, input: StockFigures, onBehalfNote: string | null, { restated = false } = {}) {
  {
    // Reports of one hospital queue here, so a double submit reads the first one's row (an
    // update, audited as such) instead of both seeing "no report yet". NO KEY UPDATE does not
    // block inserts elsewhere that merely reference the hospital.
    const [hospital] = await tx.$queryRaw<
      { name: string; beds: number; covidBeds: number; icuBeds: number; tankCapacityKg: number; cylinderSupply: boolean }[]
    >`
      SELECT name, beds, "covidBeds", "icuBeds", "tankCapacityKg", "cylinderSupply" FROM "Hospital" WHERE id = ${hospitalId} FOR NO KEY UPDATE`;
    if (hospital?.cylinderSupply && !restated) throw new RuleError("invalid", { stockKg: "cylinder_hospital" });
    if (input.day > today()) throw new RuleError("invalid", { day: "future_day" });
    if (!hospital) throw new RuleError("not_found");
    const date = dayToDate(input.day);
    const previous = await tx.$queryRaw<{ usedKg: number }[]>`
      SELECT "usedKg" FROM "StockReport" WHERE "hospitalId" = ${hospitalId} AND day < ${date}::date AND NOT "flaggedForReview"
      ORDER BY day DESC LIMIT ${BURN_RATE_WINDOW_REPORTS}`;
    const use = checkDailyUse({ usedKg: input.usedKg, hospital, previousUsedKgNewestFirst: previous.map((r) => r.usedKg), confirmed: input.confirmUnusual });
    // Impossible figures first, all at once, each amount with how it was read and its limit.
    const errors: Record<string, string> = {};
    const details: ErrorDetail[] = [];
    if (hospital.tankCapacityKg > 0 && input.stockKg > hospital.tankCapacityKg) {
      errors.stockKg = "stock_over_tank";
      details.push({ kg: input.stockKg, limitKg: hospital.tankCapacityKg, field: "stockKg" });
    }
    if (!use.ok && use.hard) {
      errors.usedKg = use.error;
      details.push({ kg: input.usedKg, limitKg: use.limitKg, field: "usedKg" });
    }
    if (hospital.beds > 0 && input.bedsOccupied > hospital.beds) errors.bedsOccupied = "beds_exceeded";
    const [first, ...also] = details;
    if (Object.keys(errors).length) throw new RuleError("invalid", errors, first && (also.length ? { ...first, also } : first));
    if (!use.ok) throw new RuleError("confirm", { usedKg: use.error }, { kg: input.usedKg, limitKg: use.limitKg, field: "usedKg" });
    const flaggedForReview = use.heldForReview;
    const before = await tx.stockReport.findUnique({ where: { hospitalId_day: { hospitalId, day: date } } });
    const data = {
      stockKg: input.stockKg,
      usedKg: input.usedKg,
      severePatients: input.severePatients,
      criticalPatients: input.criticalPatients,
      bedsOccupied: input.bedsOccupied,
      unit: input.unit,
      kgPerUnit: String(input.kgPerUnit),
      cylinderSizeM3: input.cylinderSizeM3 === undefined ? null : String(input.cylinderSizeM3),
      stockAmount: String(input.stockAmount),
      usedAmount: String(input.usedAmount),
      flaggedForReview,
      reviewedById: null,
      reviewedAt: null,
      reportedById: actor.id,
      reportedAt: clockNow(),
      onBehalf: onBehalfNote !== null,
      onBehalfNote,
    };
    // The same report again — a second press of a form posted without the script (decision 0050),
    // the browser re-sending an answer — changes nothing: no write, no second audit event.
    if (before && sameReport(before, data)) return before;
    const after = await tx.stockReport.upsert({
      where: { hospitalId_day: { hospitalId, day: date } },
      create: { hospitalId, day: date, ...data },
      update: data,
    });
    const verb = onBehalfNote !== null ? "stock.report_on_behalf" : before ? "stock.update" : "stock.report";
    await recordAudit(tx, actor, verb, "StockReport", after.id, before, after);
    if (flaggedForReview && !before?.flaggedForReview) {
      await notify(tx, { staff: true }, "stock_flagged", { hospitalId, hospital: hospital.name, day: dateToDay(date) });
    }
    return after;
  }
}

type ReportFigures = Pick<
  StockReport,
  "stockKg" | "usedKg" | "severePatients" | "criticalPatients" | "bedsOccupied" | "unit" | "reportedById" | "onBehalf" | "onBehalfNote"
> & { kgPerUnit: unknown; cylinderSizeM3: unknown; stockAmount: unknown; usedAmount: unknown };

/** The same figures, units and amounts as typed, by the same person the same way (decimals compared as numbers). */
function sameReport(before: ReportFigures, next: ReportFigures): boolean {
  const decimal = (v: unknown) => (v === null || v === undefined ? null : Number(String(v)));
  return (
    (["stockKg", "usedKg", "severePatients", "criticalPatients", "bedsOccupied", "unit", "reportedById", "onBehalf", "onBehalfNote"] as const).every(
      (k) => before[k] === next[k],
    ) && (["kgPerUnit", "cylinderSizeM3", "stockAmount", "usedAmount"] as const).every((k) => decimal(before[k]) === decimal(next[k]))
  );
}

/**
 * Staff confirm a report held for review (after a call to the hospital, say): its use then
 * counts in the burn rate (decision 0018). A hospital corrects a wrong figure by reporting the
 * day again instead.
 */
export const confirmStockReview = useCase({
  action: "stock:review",
  input: z.object({ id }),
  resource: async (input, tx) => tx.stockReport.findUnique({ where: { id: input.id }, select: { hospitalId: true } }),
  run: async ({ tx, actor, input }) => {
    const before = await tx.stockReport.findUnique({ where: { id: input.id } });
    if (!before) throw new RuleError("not_found");
    if (!before.flaggedForReview) throw new RuleError("not_flagged");
    const after = await tx.stockReport.update({
      where: { id: input.id },
      data: { flaggedForReview: false, reviewedById: actor.id, reviewedAt: clockNow() },
    });
    await recordAudit(tx, actor, "stock.review", "StockReport", after.id, before, after);
    return after;
  },
});
