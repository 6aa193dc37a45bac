import { z } from "zod";
import { checkDay, reportWindow } from "@/domain/day";
import { today } from "@/server/clock";
import { defaultViewDay } from "@/server/queries/cached";

const DAY_REASONS = {
  required: "must be a calendar day written YYYY-MM-DD, e.g. 2021-07-26",
  invalid_format: "must be a calendar day written YYYY-MM-DD, e.g. 2021-07-26",
  impossible_date: "is not a calendar day (YYYY-MM-DD, e.g. 2021-07-26)",
  day_too_early: "must not be before the data begins",
  day_too_late: "must not be after tomorrow (WIB)",
} as const;

/** ?date=YYYY-MM-DD, optional: a real calendar day (WIB), from the data's start to tomorrow. */
export const dateQuery = z.object({
  date: z
    .string()
    .superRefine((v, ctx) => {
      const c = checkDay(v, reportWindow(today()));
      if (!c.ok) ctx.addIssue({ code: "custom", message: "bound" in c ? `${DAY_REASONS[c.code]}: ${c.bound}` : DAY_REASONS[c.code] });
    })
    .optional(),
});

/** The requested day, or the latest day with data not after today (null on an empty database). */
export async function dayOrLatest(date: string | undefined) {
  return date ?? (await defaultViewDay());
}

export function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
