import { noticeText } from "@/components/hospital/texts";
import { NoticeList, type NoticeView } from "@/components/notices/notice-list";
import { groupNotices, noticeTarget } from "@/domain/notices";
import { STALE_AFTER_HOURS } from "@/domain/stock";
import { isDay } from "@/domain/day";
import { formatDateTime, formatDay } from "@/i18n/format";
import { asLocale } from "@/i18n/locales";
import { getLocale, getTranslations } from "next-intl/server";
import { listNotifications, unreadCount } from "@/server/queries/notifications";
import { requireActor } from "@/server/session";
import { markAllReadAction, markSeenAction } from "./actions";

// Rendering only reads. The list, once shown, marks what it showed as read and brings the
// periodic notices up to date through markSeenAction; the header's badge is then rendered again.
export default async function NotificationsPage() {
  const actor = await requireActor("notification:read");
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const [notices, unreadTotal] = await Promise.all([listNotifications(actor), unreadCount(actor)]);
  const reader = actor.role === "HOSPITAL" ? "hospital" : "taskforce";
  const todo = (kind: string) => {
    const key = `notices.todo.${kind}` as Parameters<typeof t>[0];
    return t(t.has(key) ? key : "notices.todo.other");
  };
  const time = (at: Date) => t("notices.at", { time: formatDateTime(at, locale) });
  const items: NoticeView[] = groupNotices(notices).map((item) => {
    if (item.type === "one") {
      const x = item.notice;
      const href = noticeTarget(x.kind, x.params, reader);
      return {
        key: x.id,
        kind: x.kind,
        ids: [x.id],
        unread: !x.readAt,
        text: noticeText(x.kind, x.params as never, t, locale),
        time: time(x.createdAt),
        href,
        todo: href ? todo(x.kind) : null,
      };
    }
    return {
      key: `stale-${item.day}`,
      kind: "hospital_stale_group",
      ids: item.notices.map((n) => n.id),
      unread: item.unread,
      text: t("notices.staleGroup", { n: item.notices.length, hours: STALE_AFTER_HOURS, day: formatDay(item.day, locale) }),
      time: time(item.createdAt),
      href: null,
      todo: null,
      membersLabel: t("notices.showHospitals", { n: item.notices.length }),
      members: item.notices.map((n) => {
        const p = (n.params ?? {}) as { hospital?: string; lastDay?: string | null };
        return {
          key: n.id,
          text: t("notices.staleMember", {
            hospital: p.hospital ?? "—",
            lastDay: p.lastDay && isDay(p.lastDay) ? formatDay(p.lastDay, locale) : "—",
            reported: p.lastDay ? "yes" : "no",
          }),
          href: noticeTarget(n.kind, n.params, reader),
        };
      }),
    };
  });
  // Those shown are marked read once seen; the button is for unread notices beyond the list's length.
  const unreadBeyond = unreadTotal > notices.filter((x) => !x.readAt).length;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("hospital.notifications.title")}</h1>
        {unreadBeyond && (
          <form action={markAllReadAction}>
            <button type="submit" className="btn-secondary">
              {t("hospital.notifications.markAllRead")}
            </button>
          </form>
        )}
      </div>
      <NoticeList items={items} markSeen={markSeenAction} newLabel={t("notices.new")} empty={t("hospital.notifications.empty")} />
    </>
  );
}
