import { apiRoute } from "@/server/api-auth";
import { hospitalScope } from "@/server/permissions";
import { cachedHospitalSupply } from "@/server/queries/cached";
import { dateQuery, dayOrLatest, json, provinceOrBadRequest } from "../params";

// GET /api/v1/hospitals?date=YYYY-MM-DD&province=36 — every hospital's supply on the day (in the
// province, if given), most at risk first; a hospital admin (or a token acting as one) gets only
// their own hospital.
export const GET = apiRoute("api:hospitals", dateQuery, async ({ actor, query }) => {
  const scope = await provinceOrBadRequest(query.province);
  if (scope instanceof Response) return scope;
  const day = await dayOrLatest(query.date, scope.province);
  if (!day) return json([]);
  const rows = await cachedHospitalSupply(day, hospitalScope(actor, "api:hospitals") ?? null, scope.province);
  return json(
    rows.map((h) => ({
      id: h.id,
      name: h.name,
      regionCode: h.regionCode,
      asOf: h.asOf.toISOString(),
      lastReportedAt: h.lastReportedAt?.toISOString() ?? null,
      usableStockKg: h.usableStockKg,
      receivedSinceKg: h.receivedSinceKg,
      burnRateKgPerDay: h.burnRateKgPerDay,
      hoursLeft: h.hoursLeft,
      stale: h.stale,
      status: h.status,
    })),
  );
});
