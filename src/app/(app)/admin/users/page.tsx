import Link from "next/link";
import { EditUserForm, ResetPasswordButton } from "@/components/hospital/user-admin";
import { UserForm } from "@/components/hospital/user-form";
import { getI18n } from "@/i18n/server";
import { hospitalOptions } from "@/server/queries/hospitals";
import { listUsers } from "@/server/queries/users";
import { requireActor } from "@/server/session";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "./actions";

export default async function UsersPage() {
  const actor = await requireActor("user:manage");
  const { t } = await getI18n();
  const u = t.hospital.users;
  const [users, hospitals] = await Promise.all([listUsers(), hospitalOptions()]);
  return (
    <>
      <h1>{u.title}</h1>
      <section className="space-y-2">
        <h2>{u.new}</h2>
        <UserForm
          action={createUserAction}
          errors={t.errors}
          hospitals={hospitals}
          s={{
            email: u.email,
            name: u.name,
            role: u.role,
            hospital: u.hospital,
            chooseHospital: u.chooseHospital,
            hospitalHint: u.hospitalHint,
            password: u.password,
            passwordHint: u.passwordHint,
            submit: u.new,
            saved: u.created,
            fixErrors: t.shell.common.fixErrors,
            roles: t.shell.roles,
          }}
        />
      </section>
      <div className="card overflow-x-auto p-0">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th>{u.email}</th>
              <th>{u.name}</th>
              <th>{u.role}</th>
              <th>{u.hospital}</th>
              <th>{u.status}</th>
              <th>{t.shell.common.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((x) => (
              <tr key={x.id} className={x.active ? "" : "text-slate-400"}>
                <td className="break-all">{x.email}</td>
                <td>{x.name}</td>
                <td>{t.shell.roles[x.role]}</td>
                <td>{x.hospital?.name ?? "—"}</td>
                <td>
                  {x.active ? u.active : u.disabled}
                  {x.active && x.mustChangePassword ? <span className="block text-xs text-slate-500">{u.mustChange}</span> : null}
                </td>
                <td className="space-y-2">
                  {x.id === actor.id ? (
                    <span className="text-xs text-slate-500">{u.you}</span>
                  ) : (
                    <>
                      <form action={setUserActiveAction}>
                        <input type="hidden" name="id" value={x.id} />
                        <input type="hidden" name="active" value={x.active ? "false" : "true"} />
                        <button type="submit" className="btn-secondary px-2 py-1 text-xs" aria-label={`${x.active ? u.disable : u.enable} ${x.email}`}>
                          {x.active ? u.disable : u.enable}
                        </button>
                      </form>
                      <ResetPasswordButton
                        action={resetPasswordAction}
                        id={x.id}
                        text={u.reset}
                        label={u.resetOf(x.email)}
                        confirm={u.resetConfirm}
                        shown={u.oneTime}
                        errors={t.errors}
                      />
                    </>
                  )}
                  <details>
                    <summary className="cursor-pointer text-xs text-brand-700" aria-label={u.editOf(x.email)}>
                      {u.edit}
                    </summary>
                    <EditUserForm
                      action={updateUserAction}
                      user={{ id: x.id, name: x.name, role: x.role, hospitalId: x.hospitalId }}
                      errors={t.errors}
                      hospitals={hospitals}
                      s={{
                        name: u.name,
                        role: u.role,
                        hospital: u.hospital,
                        chooseHospital: u.chooseHospital,
                        save: u.save,
                        saved: u.saved,
                        fixErrors: t.shell.common.fixErrors,
                        roles: t.shell.roles,
                      }}
                    />
                  </details>
                  <Link href={`/audit?entity=User&id=${x.id}`} className="block text-xs text-brand-700">
                    {u.history}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
