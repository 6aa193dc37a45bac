import Link from "next/link";
import { noticeText } from "@/components/hospital/texts";
import { formatDateTime } from "@/i18n/format";
import { getLocale, getTranslations } from "next-intl/server";
import { listNotifications } from "@/server/queries/notifications";
import { requireActor } from "@/server/session";
import { refreshNoticesFor } from "@/server/use-cases/notifications";
import { markAllReadAction } from "./actions";

export default async function NotificationsPage() {
  const actor = await requireActor("notification:read");
  const t = await getTranslations();
  const locale = await getLocale();
  await refreshNoticesFor(actor);
  const notices = await listNotifications(actor);
  const unread = notices.filter((x) => !x.readAt).length;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("hospital.notifications.title")}</h1>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button type="submit" className="btn-secondary">
              {t("hospital.notifications.markAllRead")}
            </button>
          </form>
        )}
      </div>
      {notices.length === 0 ? (
        <p className="text-slate-500">{t("hospital.notifications.empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-100 p-0" data-testid="notifications">
          {notices.map((x) => {
            const p = (x.params ?? {}) as Record<string, unknown>;
            const href =
              typeof p.requestId === "string"
                ? `/requests/${p.requestId}`
                : typeof p.hospitalId === "string" && actor.role !== "HOSPITAL"
                  ? `/hospitals/${p.hospitalId}`
                  : null;
            const text = noticeText(x.kind, x.params as never, t, locale);
            return (
              <li
                key={x.id}
                className={`flex flex-wrap items-start justify-between gap-2 p-3 text-sm ${x.readAt ? "text-slate-600" : "bg-brand-50 font-medium"}`}
                data-testid="notification"
                data-kind={x.kind}
              >
                {href ? (
                  <Link href={href} className="hover:underline">
                    {text}
                  </Link>
                ) : (
                  <span>{text}</span>
                )}
                <span className="whitespace-nowrap text-xs text-slate-600">{formatDateTime(x.createdAt, locale)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
