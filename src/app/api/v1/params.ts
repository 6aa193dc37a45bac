import { z } from "zod";
import { isDay } from "@/domain/day";
import { cachedLatestCapacityDay } from "@/server/queries/cached";

/** ?date=YYYY-MM-DD, optional: a real calendar day (WIB). */
export const dateQuery = z.object({
  date: z
    .string()
    .refine(isDay, { message: "must be a calendar day written YYYY-MM-DD, e.g. 2021-07-26" })
    .optional(),
});

/** The requested day, or the latest day with capacity data (null on an empty database). */
export async function dayOrLatest(date: string | undefined) {
  return date ?? (await cachedLatestCapacityDay());
}

export function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
