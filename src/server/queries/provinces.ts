import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "../db";

// Provinces: the roots of the region tree (PROVINCE → REGENCY/CITY, two levels), each with its
// own target and medical-priority periods. The dashboard, the report, the exports and the API
// show one province (?province=36) or the whole country as the sum of its provinces.

export type Province = { id: string; code: string; name: string };

/** Every province, by official code. */
export function provinceList(): Promise<Province[]> {
  return prisma.region.findMany({ where: { parentId: null }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

/** ?province=<official code>: two digits, e.g. "36" for Banten. Whether it names a province is chooseProvince's to say. */
export const provinceCode = z.string().regex(/^[0-9]{2}$/, { message: "must be a province's official code, two digits, e.g. 36" });

export type ProvinceChoice = { ok: true; province: Province | null } | { ok: false; code: string };

/**
 * Which province a request asks for: the one with the given official code; without a code, the
 * only province when the database holds one, otherwise the whole country (null). An unknown code
 * is refused, never read as "the whole country".
 */
export function chooseProvince(code: string | undefined | null, provinces: readonly Province[]): ProvinceChoice {
  if (code === undefined || code === null) return { ok: true, province: provinces.length === 1 ? provinces[0] : null };
  const p = provinces.find((x) => x.code === code);
  return p ? { ok: true, province: p } : { ok: false, code };
}

/**
 * SQL: `AND` the region aliased `alias` is the province or one of its regencies/cities; nothing
 * for the whole country. `alias` is a fixed identifier from the calling query, never user input.
 */
export function andInProvince(province: Province | null, alias: string): Prisma.Sql {
  if (!province) return Prisma.empty;
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`AND (${r}.id = ${province.id} OR ${r}."parentId" = ${province.id})`;
}

/** The province's region codes (its own and its regencies'/cities'), to filter rows that carry a region code. */
export async function regionCodesOf(province: Province): Promise<Set<string>> {
  const rows = await prisma.region.findMany({ where: { OR: [{ id: province.id }, { parentId: province.id }] }, select: { code: true } });
  return new Set(rows.map((r) => r.code));
}

/**
 * SQL: `AND` the hospital in `column` (e.g. `s."hospitalId"`) lies in the province; nothing for
 * the whole country. `column` is a fixed expression from the calling query, never user input.
 */
export function andHospitalInProvince(province: Province | null, column: string): Prisma.Sql {
  if (!province) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.raw(column)} IN (
    SELECT ph.id FROM "Hospital" ph JOIN "Region" pr ON pr.id = ph."regionId" WHERE pr.id = ${province.id} OR pr."parentId" = ${province.id})`;
}
