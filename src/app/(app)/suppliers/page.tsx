import { getI18n } from "@/i18n/server";
import { prisma } from "@/server/db";
import { requireActor } from "@/server/session";

export default async function SuppliersPage() {
  await requireActor("supplier:read");
  const { t } = await getI18n();
  const suppliers = await prisma.supplier.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }], include: { region: true } });
  return (
    <>
      <h1>{t.shell.nav.suppliers}</h1>
      <div className="card overflow-x-auto">
        <table className="table">
          <thead><tr><th>{t.shell.common.name}</th><th>{t.shell.common.region}</th></tr></thead>
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.id}><td>{s.name}</td><td>{s.region.name}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
