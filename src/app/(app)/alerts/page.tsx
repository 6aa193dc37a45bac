import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, formatNumber } from "@/i18n/format";
import { env } from "@/server/env";
import { can } from "@/server/permissions";
import { listAlerts, type AlertRow } from "@/server/queries/alerts";
import { staffOnDuty } from "@/server/queries/users";
import { now } from "@/server/clock";
import { requireActor } from "@/server/session";
import { acknowledgeAlertAction } from "./actions";

const TONE = { red: "border-l-red-600", amber: "border-l-amber-500", missed_report: "border-l-slate-500" } as const;

export default async function AlertsPage() {
  const actor = await requireActor("alert:read");
  const t = await getTranslations("hospital.alerts");
  const locale = await getLocale();
  const { open, cleared } = await listAlerts(actor);
  // who is told when a hospital's admins do not answer (decision 0033); the task force's own business
  const onDuty = actor.role === "HOSPITAL" ? null : await staffOnDuty(now());
  const when = (d: Date) => formatDateTime(d, locale);
  const what = (a: AlertRow) => t(`kinds.${a.kind}`, { hours: a.hoursLeft === null ? "?" : formatNumber(a.hoursLeft, locale, 1) });
  const hospitalLink = (a: AlertRow) => (actor.role === "HOSPITAL" ? "/my-hospital" : `/hospitals/${a.hospitalId}`);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { minutes: env().ALERT_ESCALATE_AFTER_MINUTES })}</p>
      {onDuty && (
        <section className="card mt-3 space-y-1 text-sm" data-testid="staff-on-duty">
          <h2 className="text-base">{t("onDuty.title")}</h2>
          {onDuty.length === 0 ? (
            <p className="text-amber-800" data-testid="nobody-on-duty">
              {t("onDuty.none")}
            </p>
          ) : (
            <ul className="space-y-0.5">
              {onDuty.map((u) => (
                <li key={u.id} data-testid="on-duty">
                  <span translate="no">{u.name}</span> <span className="text-slate-600">{t("onDuty.until", { time: when(u.onDutyUntil!) })}</span>
                </li>
              ))}
            </ul>
          )}
          {actor.role === "STAFF" && (
            <Link href="/password" className="text-brand-700 hover:underline">
              {t("onDuty.set")}
            </Link>
          )}
        </section>
      )}
      <h2 className="mt-4">{t("open", { n: open.length })}</h2>
      {open.length === 0 ? (
        <p className="card text-slate-600" data-testid="alerts-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="alerts-open">
          {open.map((a) => (
            <li
              key={a.id}
              className={`card border-l-4 ${TONE[a.kind]} flex flex-wrap items-start justify-between gap-3`}
              data-testid="alert"
              data-kind={a.kind}
            >
              <div className="min-w-0 space-y-1 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  <Link href={hospitalLink(a)} className="hover:underline">
                    {a.hospital}
                  </Link>
                  {a.level > 0 && !a.acknowledgedAt && (
                    <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="alert-escalated" data-level={a.level}>
                      {t("escalated", { level: String(a.level) })}
                    </span>
                  )}
                </p>
                <p>{what(a)}</p>
                <p className="text-slate-600">
                  {t("raised", { time: when(a.raisedAt) })} · {t("level", { level: String(a.level) })}
                </p>
                {a.acknowledgedAt && (
                  <p className="text-green-800" data-testid="alert-acknowledged">
                    {t("acknowledged", { name: a.acknowledgedBy ?? "?", time: when(a.acknowledgedAt) })}
                  </p>
                )}
              </div>
              {!a.acknowledgedAt && can(actor, "alert:acknowledge", { hospitalId: a.hospitalId }) && (
                <form action={acknowledgeAlertAction}>
                  <input type="hidden" name="id" value={a.id} />
                  <button type="submit" className="btn" data-testid="alert-acknowledge">
                    {t("acknowledge")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {cleared.length > 0 && (
        <>
          <h2 className="mt-6">{t("cleared")}</h2>
          <ul className="card divide-y divide-slate-100 p-0 text-sm" data-testid="alerts-cleared">
            {cleared.map((a) => (
              <li key={a.id} className="flex flex-wrap justify-between gap-2 p-3 text-slate-600">
                <span>
                  {a.hospital}: {what(a)}
                </span>
                <span className="whitespace-nowrap text-xs">{t("clearedAt", { time: when(a.clearedAt!) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
