import "server-only";
import { z } from "zod";
import { VEHICLE_KINDS } from "@/domain/trip";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { checkbox, id, integer, text } from "./inputs";

// The fleet register (decision 0038): vehicles and drivers of the distributors and producers
// that carry oxygen. Never deleted — a trip keeps its vehicle and driver; retiring one takes it
// off the dispatch form. A plate is kept as the dispatch form writes it (upper case, single
// spaces), so "b 9123 xy" and "B 9123 XY" are the same vehicle.

/** A number plate: upper case, single spaces, letters, digits and dashes. */
export const plate = z
  .string({ error: "required" })
  .trim()
  .transform((s) => s.toUpperCase().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(3, "too_short")
      .max(20, "too_long")
      .regex(/^[A-Z0-9 -]+$/, "invalid_format"),
  );

const phone = z
  .string()
  .trim()
  .max(40, "too_long")
  .default("")
  .refine((v) => v === "" || /^\+?[0-9 ()\-.]{6,}$/.test(v), "invalid_format");

/** An operator is a distributor or a producer (a vendor sells equipment, it runs no fleet). */
async function checkOperator(tx: Tx, operatorId: string) {
  const s = await tx.supplier.findUnique({ where: { id: operatorId }, select: { kind: true } });
  if (!s || s.kind === "VENDOR") throw new RuleError("invalid", { operatorId: "invalid_choice" });
}

const vehicleFields = z.object({
  plate,
  kind: z.enum(VEHICLE_KINDS),
  /** kg of liquid oxygen, or cylinders for a cylinder truck; 40 t is above any road tanker */
  capacity: integer(1, 40_000),
  operatorId: id,
});

export const createVehicle = useCase({
  action: "fleet:manage",
  input: vehicleFields,
  run: async ({ tx, actor, input }) => {
    await checkOperator(tx, input.operatorId);
    if (await tx.vehicle.findUnique({ where: { plate: input.plate } })) throw new RuleError("invalid", { plate: "plate_taken" });
    const row = await tx.vehicle.create({ data: input });
    await recordAudit(tx, actor, "vehicle.create", "Vehicle", row.id, null, row);
    return row;
  },
});

export const updateVehicle = useCase({
  action: "fleet:manage",
  input: vehicleFields.extend({ id, active: checkbox }),
  run: async ({ tx, actor, input: { id, ...data } }) => {
    const before = await tx.vehicle.findUnique({ where: { id } });
    if (!before) throw new RuleError("not_found");
    await checkOperator(tx, data.operatorId);
    const other = await tx.vehicle.findUnique({ where: { plate: data.plate } });
    if (other && other.id !== id) throw new RuleError("invalid", { plate: "plate_taken" });
    const after = await tx.vehicle.update({ where: { id }, data });
    await recordAudit(tx, actor, "vehicle.update", "Vehicle", id, before, after);
    return after;
  },
});

const driverFields = z.object({ name: text(2, 120), phone, operatorId: id });

export const createDriver = useCase({
  action: "fleet:manage",
  input: driverFields,
  run: async ({ tx, actor, input }) => {
    await checkOperator(tx, input.operatorId);
    const row = await tx.driver.create({ data: input });
    await recordAudit(tx, actor, "driver.create", "Driver", row.id, null, row);
    return row;
  },
});

export const updateDriver = useCase({
  action: "fleet:manage",
  input: driverFields.extend({ id, active: checkbox }),
  run: async ({ tx, actor, input: { id, ...data } }) => {
    const before = await tx.driver.findUnique({ where: { id } });
    if (!before) throw new RuleError("not_found");
    await checkOperator(tx, data.operatorId);
    const after = await tx.driver.update({ where: { id }, data });
    await recordAudit(tx, actor, "driver.update", "Driver", id, before, after);
    return after;
  },
});
