import { today } from "@/server/clock";
import { addDays } from "@/domain/day";
import { loadCapacityExportSearch } from "./search-params";
import { kgToTonnes } from "@/domain/mass";
import { can } from "@/server/permissions";
import { capacityForExport } from "@/server/queries/capacity";
import { currentActor } from "@/server/session";
import { CSV_HEADER } from "@/server/use-cases/capacity";
import { csvHeaders, toCsv } from "@/server/csv/write";
import { getI18n } from "@/i18n/server";

/** CSV export of capacity rows, in the same columns the import reads, laid out for the reader's language. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!can(actor, "supplier:read")) return new Response("forbidden", { status: actor ? 403 : 401 });
  const bad = (parameter: string, reason: string) =>
    Response.json({ error: "bad_request", parameter, reason }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const { from: askedFrom, to: askedTo } = loadCapacityExportSearch(request);
  if (askedTo.error) return bad("to", askedTo.error);
  if (askedFrom.error) return bad("from", askedFrom.error);
  const to = askedTo.day ?? today();
  const from = askedFrom.day ?? addDays(to, -30);
  if (from > to) return bad("from", "date_order");
  const rows = await capacityForExport(from, to);
  const { locale } = await getI18n();
  const csv = toCsv(
    CSV_HEADER,
    rows.map((r) => [r.day, r.supplier, kgToTonnes(r.producedKg), kgToTonnes(r.medicalKg), kgToTonnes(r.industrialKg)]),
    locale,
  );
  return new Response(csv, { headers: csvHeaders(`capacity-${from}-${to}.csv`) });
}
