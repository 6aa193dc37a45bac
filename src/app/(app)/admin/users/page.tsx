import { getI18n } from "@/i18n/server";
import { prisma } from "@/server/db";
import { requireActor } from "@/server/session";

export default async function UsersPage() {
  await requireActor("user:manage");
  const { t } = await getI18n();
  const users = await prisma.user.findMany({ orderBy: { email: "asc" }, include: { hospital: true } });
  return (
    <>
      <h1>{t.shell.nav.users}</h1>
      <div className="card overflow-x-auto">
        <table className="table">
          <tbody>
            {users.map((u) => (
              <tr key={u.id}><td>{u.email}</td><td>{u.name}</td><td>{t.shell.roles[u.role]}</td><td>{u.hospital?.name ?? ""}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
