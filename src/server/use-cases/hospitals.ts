import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { checkbox, count, id, optionalTonnesKg, text, tonnesKg } from "./inputs";

// Hospitals, registered and edited by task-force staff and admins. Never deleted: a hospital's
// reports, requests and deliveries are history.

const hospitalFields = z.object({
  name: text(2, 200),
  regionId: id,
  address: text(0, 300).default(""),
  isReferral: checkbox,
  isAssociationMember: checkbox,
  /** runs on cylinders: stock from its cylinder counts (decision 0039) */
  cylinderSupply: checkbox,
  beds: count,
  covidBeds: count,
  icuBeds: count,
  tankCapacityKg: tonnesKg,
  tankResidualKg: tonnesKg,
  /** blank: 20 % of the tank (src/domain/stock.ts) */
  operatingMinimumKg: optionalTonnesKg.optional().transform((kg) => kg ?? null),
});

type HospitalInput = z.output<typeof hospitalFields>;

/** Cross-field rules: COVID and ICU beds within beds, the residual and the operating minimum within the tank. */
function checkFields(input: HospitalInput) {
  const errors: Record<string, string> = {};
  if (input.covidBeds > input.beds) errors.covidBeds = "beds_exceeded";
  if (input.icuBeds > input.beds) errors.icuBeds = "beds_exceeded";
  if (input.tankResidualKg > input.tankCapacityKg) errors.tankResidualKg = "residual_exceeds_tank";
  if (input.operatingMinimumKg !== null && input.operatingMinimumKg > input.tankCapacityKg) errors.operatingMinimumKg = "residual_exceeds_tank";
  if (Object.keys(errors).length) throw new RuleError("invalid", errors);
}

async function checkRegion(tx: Tx, regionId: string) {
  const region = await tx.region.findUnique({ where: { id: regionId } });
  if (!region) throw new RuleError("invalid", { regionId: "invalid_choice" });
}

export const createHospital = useCase({
  action: "hospital:write",
  input: hospitalFields,
  run: async ({ tx, actor, input }) => {
    checkFields(input);
    await checkRegion(tx, input.regionId);
    const row = await tx.hospital.create({ data: input });
    await recordAudit(tx, actor, "hospital.create", "Hospital", row.id, null, row);
    return row;
  },
});

export const updateHospital = useCase({
  action: "hospital:write",
  input: hospitalFields.extend({ id, active: checkbox }),
  run: async ({ tx, actor, input: { id: hospitalId, ...input } }) => {
    const before = await tx.hospital.findUnique({ where: { id: hospitalId } });
    if (!before) throw new RuleError("not_found");
    checkFields(input);
    await checkRegion(tx, input.regionId);
    const after = await tx.hospital.update({ where: { id: hospitalId }, data: input });
    await recordAudit(tx, actor, "hospital.update", "Hospital", hospitalId, before, after);
    return after;
  },
});
