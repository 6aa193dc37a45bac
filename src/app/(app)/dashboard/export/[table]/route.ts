import { dashboardTables, TABLE_KEYS, tableCells, type TableKey } from "@/components/dashboard/tables";
import { csvHeaders, toCsv } from "@/server/csv/write";
import { getI18n } from "@/i18n/server";
import { cachedDashboardData, cachedProvinceList, defaultViewDay } from "@/server/queries/cached";
import { chooseProvince } from "@/server/queries/provinces";
import { can } from "@/server/permissions";
import { currentActor } from "@/server/session";
import { loadDashboardSearch } from "../../search-params";

// GET /dashboard/export/<table>?date=YYYY-MM-DD&range=30|90&province=36 — one dashboard table as
// CSV, with the same columns and headers (in the reader's language) as on the page; for the
// province, or the whole country. An unknown province is a 400, never the whole country.
export async function GET(request: Request, ctx: { params: Promise<{ table: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("unauthorized", { status: 401 });
  if (!can(actor, "dashboard:read")) return new Response("forbidden", { status: 403 });
  const { table } = await ctx.params;
  if (!(TABLE_KEYS as readonly string[]).includes(table)) return new Response("unknown table", { status: 404 });
  const search = loadDashboardSearch(request);
  const asked = search.date;
  if (asked.error)
    return Response.json({ error: "bad_request", parameter: "date", reason: asked.error }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const choice = chooseProvince(search.province, await cachedProvinceList());
  if (!choice.ok)
    return Response.json(
      { error: "bad_request", parameter: "province", reason: "no province has this code" },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  const day = asked.day ?? (await defaultViewDay(choice.province));
  if (!day) return new Response("no data", { status: 404 });
  const { t, locale } = await getI18n();
  const data = await cachedDashboardData(day, search.range, choice.province);
  const spec = dashboardTables(data, t.dashboard, locale)[table as TableKey];
  const { header, rows } = tableCells(spec as Parameters<typeof tableCells>[0]);
  return new Response(toCsv(header, rows, locale), {
    headers: csvHeaders(`oxygen-${table}-${search.province ? `${choice.province?.code}-` : ""}${day}.csv`),
  });
}
