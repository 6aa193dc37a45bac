import "server-only";
import { z } from "zod";
import { checkDay, dayToDate, reportWindow, type Day } from "@/domain/day";
import { today } from "@/server/clock";
import { tonnesToKg } from "@/domain/mass";
import { industrialFrom, validateCapacitySplit } from "@/domain/supply";
import { capacityCommittedSql } from "../queries/capacity-use";
import { recordAudit } from "../audit";
import { RuleError, useCase, type FieldErrors, type Tx } from "../use-case";
import type { Locale } from "@/i18n/locales";
import { typedNumber } from "../input-locale";
import { reportDay } from "./inputs";
import { readCsv } from "../csv/read";
import { MAX_CSV_BYTES } from "../limits";

// Daily capacity: one row per producer per WIB day (unique supplierId + day). Saving a day
// upserts, so editing never duplicates. Figures are typed in tonnes and stored in kilograms;
// medical + industrial must equal produced (the database's CHECK says so too). Industrial may be
// left out: it is then production minus medical (the form computes it on screen the same way;
// a CSV row still gives all three, checked against each other).

export type CapacityFigures = { producedKg: number; medicalKg: number; industrialKg: number };
type RawRow = { produced?: unknown; medical?: unknown; industrial?: unknown };

const FIELDS = ["produced", "medical", "industrial"] as const;

/** Whether a row was left blank (skipped on save). */
export function isBlankRow(row: RawRow): boolean {
  return FIELDS.every((f) => row[f] === undefined || row[f] === null || String(row[f]).trim() === "");
}

/**
 * Validates one row: error code per field, or the figures in kilograms. Typed rows are read in
 * the form's language; CSV rows in the language of the file's layout (src/server/csv/read.ts).
 */
export function parseCapacityRow(
  row: RawRow,
  locale?: Locale,
): { ok: true; value: CapacityFigures } | { ok: false; errors: Partial<Record<(typeof FIELDS)[number], string>> } {
  const errors: Partial<Record<(typeof FIELDS)[number], string>> = {};
  const kg: Partial<Record<(typeof FIELDS)[number], number>> = {};
  const blank = (f: (typeof FIELDS)[number]) => row[f] === undefined || row[f] === null || String(row[f]).trim() === "";
  const derived = blank("industrial");
  for (const f of FIELDS) {
    const raw = row[f];
    if (f === "industrial" && derived) continue;
    if (blank(f)) {
      errors[f] = "required";
      continue;
    }
    const r = typedNumber(raw, 3, locale);
    const t = r.ok ? r.value : 0;
    if (!r.ok) errors[f] = r.code;
    else if (t < 0) errors[f] = "not_negative";
    else if (t > 100_000) errors[f] = "too_big";
    else kg[f] = tonnesToKg(t);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (derived) {
    const industrialKg = industrialFrom(kg.produced!, kg.medical!);
    if (industrialKg === null) return { ok: false, errors: { medical: "medical_over_produced" } };
    kg.industrial = industrialKg;
  }
  const value = { producedKg: kg.produced!, medicalKg: kg.medical!, industrialKg: kg.industrial! };
  const split = validateCapacitySplit(value);
  if (Object.keys(split).length) {
    return { ok: false, errors: Object.fromEntries(Object.entries(split).map(([k, code]) => [k.replace(/Kg$/, ""), code])) };
  }
  return { ok: true, value };
}

async function activeProducerIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  const rows = await tx.supplier.findMany({ where: { id: { in: ids }, kind: "PRODUCER", active: true }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Inserts or updates one producer-day, with an audit event when something changed. */
async function upsertCapacity(tx: Tx, actorId: string, supplierId: string, d: Day, figures: CapacityFigures) {
  const key = { supplierId, day: dayToDate(d) };
  const before = await tx.dailyCapacity.findUnique({ where: { supplierId_day: key } });
  if (before && figures.medicalKg < before.medicalKg) {
    // Never below what staff already allocated from this producer-day: the row is locked first,
    // as allocate() does, so an allocation in flight cannot slip in between.
    await tx.$queryRaw`SELECT id FROM "DailyCapacity" WHERE id = ${before.id} FOR UPDATE`;
    // (what is committed: allocations from the day's supply or the producer's pledges, and its tranche trips that day)
    const [{ used }] = await tx.$queryRaw<{ used: bigint | null }[]>`SELECT ${capacityCommittedSql(supplierId, key.day)} AS used`;
    if (Number(used ?? 0) > figures.medicalKg) throw new RuleError("invalid", { [`medical.${supplierId}`]: "below_allocated" });
  }
  if (before && before.producedKg === figures.producedKg && before.medicalKg === figures.medicalKg && before.industrialKg === figures.industrialKg)
    return { row: before, changed: false, before };
  const row = await tx.dailyCapacity.upsert({
    where: { supplierId_day: key },
    create: { ...key, ...figures, updatedById: actorId },
    update: { ...figures, updatedById: actorId },
  });
  return { row, changed: true, before };
}

const rowInput = z.object({ supplierId: z.string().min(1), produced: z.unknown(), medical: z.unknown(), industrial: z.unknown().optional() });

/**
 * Saves one day's figures for many producers. Blank rows are skipped; errors come back per field
 * as `produced.<supplierId>` etc. and nothing is written unless every filled row is valid.
 */
export const saveCapacityDay = useCase({
  action: "capacity:write",
  input: z.object({ day: reportDay, rows: z.array(rowInput).max(500) }),
  run: async ({ tx, actor, input }) => {
    const filled = input.rows.filter((r) => !isBlankRow(r as RawRow));
    const producers = await activeProducerIds(
      tx,
      filled.map((r) => r.supplierId),
    );
    const errors: FieldErrors = {};
    const good: { supplierId: string; figures: CapacityFigures }[] = [];
    for (const r of filled) {
      if (!producers.has(r.supplierId)) {
        errors[`produced.${r.supplierId}`] = "invalid_choice";
        continue;
      }
      const parsed = parseCapacityRow(r as RawRow);
      if (!parsed.ok) for (const [f, code] of Object.entries(parsed.errors)) errors[`${f}.${r.supplierId}`] = code!;
      else good.push({ supplierId: r.supplierId, figures: parsed.value });
    }
    if (Object.keys(errors).length) throw new RuleError("invalid", errors);
    let changed = 0;
    for (const g of good) {
      const res = await upsertCapacity(tx, actor.id, g.supplierId, input.day, g.figures);
      if (res.changed) {
        changed++;
        await recordAudit(tx, actor, res.before ? "capacity.update" : "capacity.create", "DailyCapacity", res.row.id, res.before, res.row);
      }
    }
    return { saved: good.length, changed };
  },
});

// --- CSV ------------------------------------------------------------------------------------

export const CSV_HEADER = ["day", "supplier", "produced_t", "medical_t", "industrial_t"] as const;
export const MAX_CSV_ROWS = 5000;

/** A CSV row error: the line number (1 = header) and a code from the supply strings' csvErrors. */
export type CsvRowError = { line: number; code: string; field?: string };

/**
 * Imports capacity rows from CSV. Every row is checked first; if any is invalid, nothing is
 * imported and the per-row report comes back (error "csv_invalid", fieldErrors keyed "line.N").
 */
export const importCapacityCsv = useCase({
  action: "capacity:write",
  input: z.object({ csv: z.string().max(MAX_CSV_BYTES) }),
  run: async ({ tx, actor, input }) => {
    const csv = readCsv(input.csv);
    if (!csv.ok) throw new RuleError("csv_invalid", { [`line.${csv.line}`]: "columns" });
    const rowErrors: CsvRowError[] = [];
    if (csv.lines.length === 0) throw new RuleError("csv_invalid", { "line.1": "empty" });
    const [first, ...body] = csv.lines;
    const header = first.cells.map((h) => h.toLowerCase());
    if (first.line !== 1 || CSV_HEADER.some((h, i) => header[i] !== h)) throw new RuleError("csv_invalid", { "line.1": "header" });
    if (body.length === 0) throw new RuleError("csv_invalid", { "line.1": "empty" });
    if (body.length > MAX_CSV_ROWS) throw new RuleError("csv_invalid", { "line.1": "tooMany" });

    const producers = await tx.supplier.findMany({ where: { kind: "PRODUCER", active: true }, select: { id: true, name: true } });
    const byKey = new Map<string, string>();
    for (const p of producers) {
      byKey.set(p.id, p.id);
      byKey.set(p.name.toLowerCase(), p.id);
    }

    const good: { supplierId: string; day: Day; figures: CapacityFigures }[] = [];
    const window = reportWindow(today());
    const seen = new Set<string>();
    for (const { line, cells } of body) {
      if (cells.length < CSV_HEADER.length) {
        rowErrors.push({ line, code: "columns" });
        continue;
      }
      const [d, supplier, produced, medical, industrial] = cells;
      const codes: string[] = [];
      const dayOk = checkDay(d, window).ok;
      if (!dayOk) codes.push("day");
      const supplierId = byKey.get(supplier) ?? byKey.get(supplier.toLowerCase());
      if (!supplierId) codes.push("supplier");
      const parsed = parseCapacityRow({ produced, medical, industrial }, csv.locale);
      if (!parsed.ok) codes.push(Object.values(parsed.errors).some((c) => c === "split_mismatch" || c === "medical_over_produced") ? "split" : "number");
      if (supplierId && dayOk) {
        const k = `${supplierId}|${d}`;
        if (seen.has(k)) codes.push("duplicate");
        seen.add(k);
      }
      if (codes.length) for (const code of codes) rowErrors.push({ line, code });
      else if (parsed.ok) good.push({ supplierId: supplierId!, day: d, figures: parsed.value });
    }
    if (rowErrors.length) {
      const fe: FieldErrors = {};
      for (const e of rowErrors) fe[`line.${e.line}`] = fe[`line.${e.line}`] ? `${fe[`line.${e.line}`]},${e.code}` : e.code;
      throw new RuleError("csv_invalid", fe);
    }
    let changed = 0;
    for (const g of good) {
      const res = await upsertCapacity(tx, actor.id, g.supplierId, g.day, g.figures);
      if (res.changed) {
        changed++;
        await recordAudit(tx, actor, res.before ? "capacity.update" : "capacity.import", "DailyCapacity", res.row.id, res.before, res.row);
      }
    }
    return { imported: good.length, changed };
  },
});
