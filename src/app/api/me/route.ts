import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import type { Me } from "@/components/header-user";
import { unreadCount } from "@/server/queries/notifications";
import { currentActor } from "@/server/session";
import { refreshNoticesSoon } from "@/server/use-cases/notifications";

export const dynamic = "force-dynamic";

/**
 * The header's parts that belong to the signed-in user (src/components/header-user.tsx), for a
 * page the response cache shares with everyone of the same role and hospital (decision 0045).
 * Never cached: it is the one per-user answer such a page needs.
 */
export async function GET() {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return Response.json({ error: "unauthorized" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const t = await getTranslations();
  // As the layout does for a page rendered per user: the periodic notices are brought up to date
  // after the answer (at most once per cache period per audience), the count only reads.
  const unread = await unreadCount(actor).catch(() => 0);
  after(() => refreshNoticesSoon(actor).catch(() => undefined));
  const me: Me = { name: actor.name, unread, unreadLabel: t("hospital.notifications.unread", { n: unread }) };
  return Response.json(me, { headers: { "Cache-Control": "no-store" } });
}
