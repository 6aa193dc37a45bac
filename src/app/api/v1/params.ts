import { z } from "zod";
import { checkDay, reportWindow } from "@/domain/day";
import { today } from "@/server/clock";
import { badRequest } from "@/server/api-auth";
import { cachedProvinceList, defaultViewDay } from "@/server/queries/cached";
import { chooseProvince, provinceCode, type Province } from "@/server/queries/provinces";

const DAY_REASONS = {
  required: "must be a calendar day written YYYY-MM-DD, e.g. 2021-07-26",
  invalid_format: "must be a calendar day written YYYY-MM-DD, e.g. 2021-07-26",
  impossible_date: "is not a calendar day (YYYY-MM-DD, e.g. 2021-07-26)",
  day_too_early: "must not be before the data begins",
  day_too_late: "must not be after tomorrow (WIB)",
} as const;

/** ?date=YYYY-MM-DD, optional: a real calendar day (WIB), from the data's start to tomorrow; ?province=<official code>, optional. */
export const dateQuery = z.object({
  date: z
    .string()
    .superRefine((v, ctx) => {
      const c = checkDay(v, reportWindow(today()));
      if (!c.ok) ctx.addIssue({ code: "custom", message: "bound" in c ? `${DAY_REASONS[c.code]}: ${c.bound}` : DAY_REASONS[c.code] });
    })
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

/** The requested day, or the latest day with data in the province not after today (null without data). */
export async function dayOrLatest(date: string | undefined, province: Province | null = null) {
  return date ?? (await defaultViewDay(province));
}

export function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
