import { formatDateTime } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { activeUserOptions } from "@/server/queries/users";
import { requireActor } from "@/server/session";
import { listTokens } from "@/server/use-cases/tokens";
import { issueTokenAction, revokeTokenAction } from "./actions";
import { IssueTokenForm } from "./issue-form";

export default async function TokensPage() {
  const actor = await requireActor("token:manage");
  const t = await getTranslations();
  const locale = await getLocale();
  const [tokens, users] = await Promise.all([listTokens(actor), activeUserOptions()]);
  return (
    <>
      <h1>{t("dashboard.tokens.title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("dashboard.tokens.intro")}</p>
      <IssueTokenForm
        action={issueTokenAction}
        users={users.map((u) => ({ id: u.id, label: `${u.email} (${t(`shell.roles.${u.role}`)})` }))}
        s={{
          name: t("dashboard.tokens.name"),
          user: t("dashboard.tokens.user"),
          issue: t("dashboard.tokens.issue"),
          issued: t("dashboard.tokens.issued"),
          fixErrors: t("shell.common.fixErrors"),
        }}
      />
      <section className="space-y-2">
        <h2>{t("dashboard.tokens.list")}</h2>
        {tokens.length === 0 ? (
          <p>{t("dashboard.tokens.none")}</p>
        ) : (
          <div className="card p-0">
            <table className="table table-stack" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.tokens.name")}</th>
                  <th scope="col">{t("dashboard.tokens.user")}</th>
                  <th scope="col">{t("dashboard.tokens.created")}</th>
                  <th scope="col">{t("dashboard.tokens.lastUsed")}</th>
                  <th scope="col">{t("dashboard.tokens.status")}</th>
                  <th scope="col">{t("shell.common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((k) => (
                  <tr key={k.id} className={k.revokedAt ? "text-slate-500" : ""}>
                    <td>{k.name}</td>
                    <td className="break-all" data-label={t("dashboard.tokens.user")}>
                      {k.user.email} ({t(`shell.roles.${k.user.role}`)})
                    </td>
                    <td data-label={t("dashboard.tokens.created")}>{formatDateTime(k.createdAt, locale)}</td>
                    <td data-label={t("dashboard.tokens.lastUsed")}>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("dashboard.tokens.never")}</td>
                    <td data-label={t("dashboard.tokens.status")}>
                      {k.revokedAt ? `${t("dashboard.tokens.revoked")} ${formatDateTime(k.revokedAt, locale)}` : t("dashboard.tokens.active")}
                    </td>
                    <td>
                      {k.revokedAt ? null : (
                        <form action={revokeTokenAction}>
                          <input type="hidden" name="id" value={k.id} />
                          <button type="submit" className="btn-secondary px-2 py-1 text-xs" aria-label={`${t("dashboard.tokens.revoke")} ${k.name}`}>
                            {t("dashboard.tokens.revoke")}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
