import { apiRoute } from "@/server/api-auth";
import { hospitalScope } from "@/server/permissions";
import { cachedHospitalSupply } from "@/server/queries/cached";
import { dateQuery, dayOrLatest, json } from "../params";

// GET /api/v1/hospitals?date=YYYY-MM-DD — every hospital's supply on the day, most at risk
// first; a hospital admin (or a token acting as one) gets only their own hospital.
export const GET = apiRoute("api:hospitals", dateQuery, async ({ actor, query }) => {
  const day = await dayOrLatest(query.date);
  if (!day) return json([]);
  const rows = await cachedHospitalSupply(day, hospitalScope(actor, "api:hospitals") ?? null);
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
