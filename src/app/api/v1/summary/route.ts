import { apiRoute } from "@/server/api-auth";
import { cachedSummaryFor } from "@/server/queries/cached";
import { dateQuery, dayOrLatest, json } from "../params";

// GET /api/v1/summary?date=YYYY-MM-DD — the day's headline in kilograms (docs/api.md).
export const GET = apiRoute("api:summary", dateQuery, async ({ query }) => {
  const day = await dayOrLatest(query.date);
  if (!day) return json({ error: "no_data" }, 404);
  return json(await cachedSummaryFor(day));
});
