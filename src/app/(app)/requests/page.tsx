import { formatTonnes } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { prisma } from "@/server/db";
import { hospitalScope } from "@/server/permissions";
import { requireActor } from "@/server/session";

export default async function RequestsPage() {
  const actor = await requireActor("request:read");
  const { t, locale } = await getI18n();
  const scope = hospitalScope(actor, "request:read");
  const requests = await prisma.supplyRequest.findMany({
    where: scope ? { hospitalId: scope } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { hospital: true },
  });
  return (
    <>
      <h1>{t.shell.nav.requests}</h1>
      <div className="card overflow-x-auto">
        <table className="table">
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}><td>{r.hospital.name}</td><td>{formatTonnes(r.requestedKg, locale)}</td><td>{r.status}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
