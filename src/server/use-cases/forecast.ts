import "server-only";
import { z } from "zod";
import { isDay } from "@/domain/day";
import { tonnesToKg } from "@/domain/mass";
import {
  BASES,
  PLEDGED_MAX_TONNES,
  REPORTED_RATES_KEY,
  SHIFT_MAX_PP,
  SHIFT_MIN_PP,
  WAVE_MAX,
  WAVE_MIN,
  WAVE_STEP,
  type ScenarioParams,
} from "@/domain/forecast-params";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import type { Locale } from "@/i18n/locales";
import { integer, tonnes, typed } from "./inputs";

// The forecast's writes: saving a named scenario (officials, staff, admin) and configuring the
// flow-rate sets (ADMIN: which one is the default, and their L/min).

/**
 * A decimal within bounds, with at most `decimals` decimals: typed in the form's language, or
 * written by the app into a hidden field (`locale` "en", decision 0017).
 */
const decimal = (min: number, max: number, decimals = 2, locale?: Locale) =>
  typed(decimals, locale).transform((n, ctx) => {
    if (n < min) ctx.addIssue({ code: "custom", message: min === 0 ? "not_negative" : "too_small" });
    else if (n > max) ctx.addIssue({ code: "custom", message: "too_big" });
    return n;
  });

const scenarioInput = z.object({
  name: z.string().trim().min(1).max(80),
  rateSet: z.string().trim().min(1).max(40),
  basis: z.enum(BASES),
  // The scenario's figures are the explorer's slider positions, written by the app: machine numbers.
  waveMultiplier: decimal(WAVE_MIN, WAVE_MAX, 1, "en").refine((n) => Number.isInteger(n / WAVE_STEP), { message: "invalid_format" }),
  shiftPercentagePoints: integer(SHIFT_MIN_PP, SHIFT_MAX_PP, "en"),
  extraPledgedTonnes: tonnes({ locale: "en" }).refine((t) => t <= PLEDGED_MAX_TONNES, { message: "too_big" }),
  asOf: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isDay(v), { message: "invalid_format" }),
});

async function rateSetExists(tx: Tx, key: string) {
  return key === REPORTED_RATES_KEY || (await tx.flowRateSet.count({ where: { key } })) > 0;
}

/** Saves the what-if under a name; its id makes the link /forecast?scenario=<id>. */
export const saveScenario = useCase({
  action: "scenario:save",
  input: scenarioInput,
  run: async ({ tx, actor, input }) => {
    if (!(await rateSetExists(tx, input.rateSet))) throw new RuleError("invalid", { rateSet: "invalid_choice" });
    const params: ScenarioParams = {
      rateSet: input.rateSet,
      basis: input.basis,
      waveMultiplier: input.waveMultiplier,
      shiftPercentagePoints: input.shiftPercentagePoints,
      extraPledgedKgPerDay: tonnesToKg(input.extraPledgedTonnes),
      ...(input.asOf ? { asOf: input.asOf } : {}),
    };
    const after = await tx.scenario.create({ data: { name: input.name, params, createdById: actor.id } });
    await recordAudit(tx, actor, "scenario.create", "Scenario", after.id, null, after);
    return after;
  },
});

/** Makes one rate set the default for everyone. */
export const setDefaultRateSet = useCase({
  action: "forecast:configure",
  input: z.object({ key: z.string().trim().min(1) }),
  run: async ({ tx, actor, input }) => {
    const chosen = await tx.flowRateSet.findUnique({ where: { key: input.key } });
    if (!chosen) throw new RuleError("invalid", { key: "invalid_choice" });
    const before = await tx.flowRateSet.findFirst({ where: { isDefault: true } });
    await tx.flowRateSet.updateMany({ where: { isDefault: true, NOT: { id: chosen.id } }, data: { isDefault: false } });
    const after = await tx.flowRateSet.update({ where: { id: chosen.id }, data: { isDefault: true } });
    await recordAudit(tx, actor, "rateset.default", "FlowRateSet", after.id, before ? { defaultKey: before.key } : null, { defaultKey: after.key });
    return after;
  },
});

/** A flow rate in L/min: above zero, at most 100 (high-flow devices deliver up to 60–80 L/min). */
const lpm = decimal(0, 100, 2).refine((n) => n > 0, { message: "positive" });

/** Edits a rate set's severe and critical flow rates. */
export const updateRateSet = useCase({
  action: "forecast:configure",
  input: z.object({ key: z.string().trim().min(1), severeLpm: lpm, criticalLpm: lpm }),
  run: async ({ tx, actor, input }) => {
    const before = await tx.flowRateSet.findUnique({ where: { key: input.key } });
    if (!before) throw new RuleError("not_found");
    const after = await tx.flowRateSet.update({
      where: { key: input.key },
      data: { severeLpm: String(input.severeLpm), criticalLpm: String(input.criticalLpm) },
    });
    await recordAudit(tx, actor, "rateset.update", "FlowRateSet", after.id, before, after);
    return after;
  },
});
