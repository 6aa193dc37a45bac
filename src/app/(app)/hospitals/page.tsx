import { getI18n } from "@/i18n/server";
import { prisma } from "@/server/db";
import { hospitalScope } from "@/server/permissions";
import { requireActor } from "@/server/session";

export default async function HospitalsPage() {
  const actor = await requireActor("hospital:read");
  const { t } = await getI18n();
  const scope = hospitalScope(actor, "hospital:read");
  const hospitals = await prisma.hospital.findMany({ where: scope ? { id: scope } : {}, orderBy: { name: "asc" }, include: { region: true } });
  return (
    <>
      <h1>{t.shell.nav.hospitals}</h1>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead><tr><th>{t.shell.common.name}</th><th>{t.shell.common.region}</th></tr></thead>
          <tbody>
            {hospitals.map((h) => (
              <tr key={h.id}><td>{h.name}</td><td>{h.region.name}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
