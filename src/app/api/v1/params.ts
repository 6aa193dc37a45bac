import { z } from "zod";
import { isDay } from "@/domain/day";
import { badRequest } from "@/server/api-auth";
import { cachedLatestCapacityDay, cachedProvinceList } from "@/server/queries/cached";
import { chooseProvince, provinceCode, type Province } from "@/server/queries/provinces";

/** ?date=YYYY-MM-DD, optional: a real calendar day (WIB); ?province=<official code>, optional. */
export const dateQuery = z.object({
  date: z
    .string()
    .refine(isDay, { message: "must be a calendar day written YYYY-MM-DD, e.g. 2021-07-26" })
    .optional(),
  province: provinceCode.optional(),
});

/**
 * The province asked for (null: the whole country; without the parameter, the only province when
 * there is one), or a 400 naming the parameter when no province has that code.
 */
export async function provinceOrBadRequest(code: string | undefined): Promise<{ province: Province | null } | Response> {
  const choice = chooseProvince(code, await cachedProvinceList());
  return choice.ok ? { province: choice.province } : badRequest("province", "no province has this code");
}

/** The requested day, or the latest day with capacity data in the province (null when there is none). */
export async function dayOrLatest(date: string | undefined, province: Province | null = null) {
  return date ?? (await cachedLatestCapacityDay(province));
}

export function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
