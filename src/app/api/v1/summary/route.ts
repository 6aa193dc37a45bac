import { apiRoute } from "@/server/api-auth";
import { cachedSummaryFor } from "@/server/queries/cached";
import { dateQuery, dayOrLatest, json, provinceOrBadRequest } from "../params";

// GET /api/v1/summary?date=YYYY-MM-DD&province=36 — the day's headline in kilograms, for one
// province or the whole country (docs/api.md).
export const GET = apiRoute("api:summary", dateQuery, async ({ query }) => {
  const scope = await provinceOrBadRequest(query.province);
  if (scope instanceof Response) return scope;
  const day = await dayOrLatest(query.date, scope.province);
  if (!day) return json({ error: "no_data" }, 404);
  return json(await cachedSummaryFor(day, scope.province));
});
