import Link from "next/link";
import { EditUserForm, ResetPasswordButton } from "@/components/hospital/user-admin";
import { UserForm } from "@/components/hospital/user-form";
import { dutyOptions } from "@/components/logistics/duty-options";
import { isOnDuty } from "@/domain/alerts";
import { SimpleForm } from "@/components/logistics/simple-form";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/i18n/format";
import { now } from "@/server/clock";
import { hospitalOptions } from "@/server/queries/hospitals";
import { listUsers } from "@/server/queries/users";
import { requireActor } from "@/server/session";
import type { SearchParams } from "nuqs/server";
import { loadSavedNotice } from "@/app/search-params";
import { createUserAction, resetPasswordAction, setUserActiveAction, setUserDutyAction, updateUserAction } from "./actions";

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("user:manage");
  const { saved } = await loadSavedNotice(searchParams);
  const t = await getTranslations();
  const messages = await getMessages();
  const tl = await getTranslations("logistics.account");
  const locale = await getLocale();
  const at = now();
  const [users, hospitals] = await Promise.all([listUsers(), hospitalOptions()]);
  return (
    <>
      <h1>{t("hospital.users.title")}</h1>
      <section className="space-y-2">
        <h2>{t("hospital.users.new")}</h2>
        <UserForm
          action={createUserAction}
          hospitals={hospitals}
          s={{
            email: t("hospital.users.email"),
            name: t("hospital.users.name"),
            role: t("hospital.users.role"),
            hospital: t("hospital.users.hospital"),
            chooseHospital: t("hospital.users.chooseHospital"),
            hospitalHint: t("hospital.users.hospitalHint"),
            password: t("hospital.users.password"),
            passwordHint: t("hospital.users.passwordHint"),
            submit: t("hospital.users.new"),
            saved: t("hospital.users.created"),
            fixErrors: t("shell.common.fixErrors"),
            roles: messages.shell.roles,
          }}
        />
      </section>
      <div className="card p-0">
        <table className="table table-stack" data-testid="users-table">
          <thead>
            <tr>
              <th>{t("hospital.users.email")}</th>
              <th>{t("hospital.users.name")}</th>
              <th>{t("hospital.users.role")}</th>
              <th>{t("hospital.users.hospital")}</th>
              <th>{t("hospital.users.status")}</th>
              <th>{t("shell.common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((x) => (
              <tr
                key={x.id}
                id={`user-${x.id}`}
                className={`${x.active ? "" : "text-slate-400"} ${x.id === saved ? "bg-green-50" : ""}`}
                data-saved={x.id === saved || undefined}
              >
                <td className="break-all">{x.email}</td>
                <td data-label={t("hospital.users.name")} translate="no">
                  {x.name}
                </td>
                <td data-label={t("hospital.users.role")}>{t(`shell.roles.${x.role}`)}</td>
                <td data-label={t("hospital.users.hospital")}>{x.hospital?.name ?? "—"}</td>
                <td data-label={t("hospital.users.status")}>
                  {x.active ? t("hospital.users.active") : t("hospital.users.disabled")}
                  {x.active && x.mustChangePassword ? <span className="block text-xs text-slate-500">{t("hospital.users.mustChange")}</span> : null}
                  {x.active && isOnDuty(x.onDutyUntil, at) ? (
                    <span className="block text-xs font-medium text-green-800" data-testid="user-on-duty">
                      {t("hospital.users.onDutyUntil", { time: formatDateTime(x.onDutyUntil, locale) })}
                    </span>
                  ) : null}
                </td>
                <td data-label={t("shell.common.actions")}>
                  <div className="space-y-2">
                    {x.id === actor.id ? (
                      <span className="text-xs text-slate-500">{t("hospital.users.you")}</span>
                    ) : (
                      <>
                        <form action={setUserActiveAction}>
                          <input type="hidden" name="id" value={x.id} />
                          <input type="hidden" name="active" value={x.active ? "false" : "true"} />
                          <button
                            type="submit"
                            className="btn-secondary px-2 py-1 text-xs"
                            aria-label={`${x.active ? t("hospital.users.disable") : t("hospital.users.enable")} ${x.email}`}
                          >
                            {x.active ? t("hospital.users.disable") : t("hospital.users.enable")}
                          </button>
                        </form>
                        <ResetPasswordButton
                          action={resetPasswordAction}
                          id={x.id}
                          text={t("hospital.users.reset")}
                          label={t("hospital.users.resetOf", { email: x.email })}
                          confirm={t("hospital.users.resetConfirm")}
                          shown={t("hospital.users.oneTime")}
                        />
                      </>
                    )}
                    <details>
                      <summary className="cursor-pointer text-xs text-brand-700" aria-label={t("hospital.users.editOf", { email: x.email })}>
                        {t("hospital.users.edit")}
                      </summary>
                      <EditUserForm
                        action={updateUserAction}
                        user={{ id: x.id, name: x.name, role: x.role, hospitalId: x.hospitalId }}
                        hospitals={hospitals}
                        s={{
                          name: t("hospital.users.name"),
                          role: t("hospital.users.role"),
                          hospital: t("hospital.users.hospital"),
                          chooseHospital: t("hospital.users.chooseHospital"),
                          save: t("hospital.users.save"),
                          saved: t("hospital.users.saved"),
                          fixErrors: t("shell.common.fixErrors"),
                          roles: messages.shell.roles,
                        }}
                      />
                    </details>
                    {x.active && x.role === "STAFF" && (
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">{t("hospital.users.duty")}</summary>
                        <SimpleForm
                          narrow
                          action={setUserDutyAction}
                          testId={`duty-${x.id}`}
                          hidden={{ id: x.id }}
                          fields={[
                            {
                              name: "hours",
                              label: tl("duty.hours"),
                              defaultValue: isOnDuty(x.onDutyUntil, at) ? "0" : "12",
                              options: dutyOptions(tl),
                            },
                          ]}
                          submit={tl("duty.submit")}
                          saved={tl("duty.saved")}
                          fixErrors={t("shell.common.fixErrors")}
                        />
                      </details>
                    )}
                    <Link href={`/audit?entity=User&id=${x.id}`} className="block text-xs text-brand-700">
                      {t("hospital.users.history")}
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
