import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { RuleError, useCase, type Tx } from "../use-case";
import { checkbox, id } from "./inputs";

// Producers, distributors and vendors. Never deleted: deactivating keeps their capacity,
// pledges and deliveries (history), and takes them off the daily capacity screen.

const text = (max: number) => z.string().trim().max(max);

const supplierFields = z.object({
  name: text(200).min(2),
  kind: z.enum(["PRODUCER", "DISTRIBUTOR", "VENDOR"]),
  regionId: id,
  address: text(300).default(""),
  contactName: text(120).default(""),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .default("")
    .refine((v) => v === "" || /^\+?[0-9 ()\-.]{6,}$/.test(v), "invalid_format"),
});

async function checkRegion(tx: Tx, regionId: string) {
  const region = await tx.region.findUnique({ where: { id: regionId } });
  if (!region) throw new RuleError("invalid", { regionId: "invalid_choice" });
}

export const createSupplier = useCase({
  action: "supplier:write",
  input: supplierFields,
  run: async ({ tx, actor, input }) => {
    await checkRegion(tx, input.regionId);
    const row = await tx.supplier.create({ data: input });
    await recordAudit(tx, actor, "supplier.create", "Supplier", row.id, null, row);
    return row;
  },
});

export const updateSupplier = useCase({
  action: "supplier:write",
  input: supplierFields.extend({ id }),
  run: async ({ tx, actor, input: { id, ...data } }) => {
    const before = await tx.supplier.findUnique({ where: { id } });
    if (!before) throw new RuleError("not_found");
    await checkRegion(tx, data.regionId);
    const after = await tx.supplier.update({ where: { id }, data });
    await recordAudit(tx, actor, "supplier.update", "Supplier", id, before, after);
    return after;
  },
});

/** Deactivate (or reactivate) a supplier; its history stays. */
export const setSupplierActive = useCase({
  action: "supplier:write",
  input: z.object({ id, active: checkbox }),
  run: async ({ tx, actor, input }) => {
    const before = await tx.supplier.findUnique({ where: { id: input.id } });
    if (!before) throw new RuleError("not_found");
    if (before.active === input.active) return before;
    const after = await tx.supplier.update({ where: { id: input.id }, data: { active: input.active } });
    await recordAudit(tx, actor, input.active ? "supplier.reactivate" : "supplier.deactivate", "Supplier", input.id, before, after);
    return after;
  },
});
