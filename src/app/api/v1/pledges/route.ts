import { apiRoute } from "@/server/api-auth";
import { pledgeStatus } from "@/domain/dashboard-rules";
import { cachedPledgeProgress } from "@/server/queries/cached";
import { dateQuery, dayOrLatest, json, provinceOrBadRequest } from "../params";

// GET /api/v1/pledges[?date=YYYY-MM-DD][&province=36] — each pledge's progress as of the day
// (default: the latest day with data): received vs due to date vs total, on track / behind /
// complete; with a province, the pledges of its suppliers.
export const GET = apiRoute("api:pledges", dateQuery, async ({ query }) => {
  const scope = await provinceOrBadRequest(query.province);
  if (scope instanceof Response) return scope;
  const day = await dayOrLatest(query.date, scope.province);
  if (!day) return json([]);
  const rows = await cachedPledgeProgress(day, scope.province);
  return json(
    rows.map((p) => ({
      id: p.id,
      supplier: p.supplier,
      totalKg: p.totalKg,
      deliveredKg: p.deliveredKg,
      dueToDateKg: p.dueToDateKg,
      status: pledgeStatus(p, day),
    })),
  );
});
