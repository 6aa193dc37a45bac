import { today } from "@/server/clock";
import { addDays, isDay } from "@/domain/day";
import { kgToTonnes } from "@/domain/mass";
import { can } from "@/server/permissions";
import { capacityForExport } from "@/server/queries/capacity";
import { currentActor } from "@/server/session";
import { csvCell, CSV_HEADER } from "@/server/use-cases/capacity";

/** CSV export of capacity rows, in the same columns the import reads. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!can(actor, "supplier:read")) return new Response("forbidden", { status: actor ? 403 : 401 });
  const url = new URL(request.url);
  const to = isDay(url.searchParams.get("to") ?? "") ? url.searchParams.get("to")! : today();
  const from = isDay(url.searchParams.get("from") ?? "") ? url.searchParams.get("from")! : addDays(to, -30);
  if (from > to) return new Response("from must not be after to", { status: 400 });
  const rows = await capacityForExport(from, to);
  const lines = [CSV_HEADER.join(","), ...rows.map((r) => [r.day, csvCell(r.supplier), kgToTonnes(r.producedKg), kgToTonnes(r.medicalKg), kgToTonnes(r.industrialKg)].join(","))];
  return new Response(lines.join("\n") + "\n", {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="capacity-${from}-${to}.csv"` },
  });
}
