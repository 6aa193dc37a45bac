import { addDays, wibDayOf } from "@/domain/day";
import { formatDateTime, formatDay } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { apiReach } from "@/server/api-endpoints";
import { now, today } from "@/server/clock";
import type { Role } from "@/server/permissions";
import { getLocale, getTranslations } from "next-intl/server";
import { activeUserOptions } from "@/server/queries/users";
import { requireActor } from "@/server/session";
import { listTokens } from "@/server/use-cases/tokens";
import { issueTokenAction, revokeTokenAction } from "./actions";
import { IssueTokenForm } from "./issue-form";

export default async function TokensPage() {
  const actor = await requireActor("token:manage");
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const at = now();
  const reachText: ReachText = {
    nothing: t("dashboard.tokens.nothing"),
    ownOnly: t("dashboard.tokens.ownOnly"),
    endpoint: {
      summary: t("dashboard.tokens.endpoint.summary"),
      hospitals: t("dashboard.tokens.endpoint.hospitals"),
      pledges: t("dashboard.tokens.endpoint.pledges"),
    },
  };
  const [tokens, users] = await Promise.all([listTokens(actor), activeUserOptions()]);
  return (
    <>
      <h1>{t("dashboard.tokens.title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("dashboard.tokens.intro")}</p>
      <IssueTokenForm
        action={issueTokenAction}
        users={users.map((u) => ({ id: u.id, label: `${u.email} (${t(`shell.roles.${u.role}`)})` }))}
        today={today()}
        s={{
          name: t("dashboard.tokens.name"),
          user: t("dashboard.tokens.user"),
          lastDay: t("dashboard.tokens.lastDay"),
          lastDayHint: t("dashboard.tokens.lastDayHint"),
          copy: t("dashboard.tokens.copy"),
          copied: t("dashboard.tokens.copied"),
          copyFailed: t("dashboard.tokens.copyFailed"),
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
                  <th scope="col">{t("dashboard.tokens.expires")}</th>
                  <th scope="col">{t("dashboard.tokens.reaches")}</th>
                  <th scope="col">{t("dashboard.tokens.status")}</th>
                  <th scope="col">{t("shell.common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((k) => (
                  <tr key={k.id} className={k.revokedAt ? "text-slate-500" : ""}>
                    <td>{k.name}</td>
                    <td data-label={t("dashboard.tokens.user")} className="break-all">
                      {k.user.email} ({t(`shell.roles.${k.user.role}`)})
                    </td>
                    <td data-label={t("dashboard.tokens.created")}>{formatDateTime(k.createdAt, locale)}</td>
                    <td data-label={t("dashboard.tokens.lastUsed")}>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("dashboard.tokens.never")}</td>
                    <td data-label={t("dashboard.tokens.expires")}>
                      {k.expiresAt ? formatDay(addDays(wibDayOf(k.expiresAt), -1), locale) : t("dashboard.tokens.noExpiry")}
                    </td>
                    <td data-label={t("dashboard.tokens.reaches")}>
                      <Reach role={k.user.role as Role} s={reachText} />
                    </td>
                    <td data-label={t("dashboard.tokens.status")}>
                      {k.revokedAt
                        ? `${t("dashboard.tokens.revoked")} ${formatDateTime(k.revokedAt, locale)}`
                        : k.expiresAt && k.expiresAt <= at
                          ? t("dashboard.tokens.expired")
                          : t("dashboard.tokens.active")}
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

type ReachText = { nothing: string; ownOnly: string; endpoint: Record<string, string> };

/** The endpoints a token reaches, by its user's role (the same permission each route checks). */
function Reach({ role, s }: { role: Role; s: ReachText }) {
  const reach = apiReach(role);
  if (reach.length === 0) return <>{s.nothing}</>;
  return (
    <ul className="space-y-1 text-sm">
      {reach.map(({ endpoint, own }) => (
        <li key={endpoint.key}>
          <code className="break-all text-xs">{endpoint.path}</code>{" "}
          <span className="text-slate-600">
            ({s.endpoint[endpoint.key]}
            {own ? `, ${s.ownOnly}` : ""})
          </span>
        </li>
      ))}
    </ul>
  );
}
