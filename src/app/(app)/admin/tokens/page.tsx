import { formatDateTime } from "@/i18n/format";
import { getI18n } from "@/i18n/server";
import { activeUserOptions } from "@/server/queries/users";
import { requireActor } from "@/server/session";
import { listTokens } from "@/server/use-cases/tokens";
import { issueTokenAction, revokeTokenAction } from "./actions";
import { IssueTokenForm } from "./issue-form";

export default async function TokensPage() {
  const actor = await requireActor("token:manage");
  const { t, locale } = await getI18n();
  const s = t.dashboard.tokens;
  const [tokens, users] = await Promise.all([listTokens(actor), activeUserOptions()]);
  return (
    <>
      <h1>{s.title}</h1>
      <p className="max-w-3xl text-slate-700">{s.intro}</p>
      <IssueTokenForm
        action={issueTokenAction}
        errors={t.errors}
        users={users.map((u) => ({ id: u.id, label: `${u.email} (${t.shell.roles[u.role]})` }))}
        s={{ name: s.name, user: s.user, issue: s.issue, issued: s.issued, fixErrors: t.shell.common.fixErrors }}
      />
      <section className="space-y-2">
        <h2>{s.list}</h2>
        {tokens.length === 0 ? (
          <p>{s.none}</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="table" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">{s.name}</th>
                  <th scope="col">{s.user}</th>
                  <th scope="col">{s.created}</th>
                  <th scope="col">{s.lastUsed}</th>
                  <th scope="col">{s.status}</th>
                  <th scope="col">{t.shell.common.actions}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((k) => (
                  <tr key={k.id} className={k.revokedAt ? "text-slate-500" : ""}>
                    <td>{k.name}</td>
                    <td className="break-all">
                      {k.user.email} ({t.shell.roles[k.user.role]})
                    </td>
                    <td>{formatDateTime(k.createdAt, locale)}</td>
                    <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : s.never}</td>
                    <td>{k.revokedAt ? `${s.revoked} ${formatDateTime(k.revokedAt, locale)}` : s.active}</td>
                    <td>
                      {k.revokedAt ? null : (
                        <form action={revokeTokenAction}>
                          <input type="hidden" name="id" value={k.id} />
                          <button type="submit" className="btn-secondary px-2 py-1 text-xs" aria-label={`${s.revoke} ${k.name}`}>
                            {s.revoke}
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
