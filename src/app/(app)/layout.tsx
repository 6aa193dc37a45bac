import Link from "next/link";
import { after } from "next/server";
import { HeaderUser, type Me } from "@/components/header-user";
import { LanguageSwitch } from "@/components/language-switch";
import { setLanguage } from "@/app/language-actions";
import { getLocale, getTranslations } from "next-intl/server";
import { unreadCount } from "@/server/queries/notifications";
import { requireActor } from "@/server/session";
import { sharedRender } from "@/server/session-cookie";
import { refreshNoticesSoon } from "@/server/use-cases/notifications";
import { navFor } from "./nav-items";
import { signOutAction } from "./sign-out";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = await getLocale();
  const nav = navFor(actor, t);
  // A page the response cache shares with everyone of the actor's role and hospital (decision
  // 0045) holds nothing of the user's own: the browser asks /api/me for the name and the notices
  // badge, and that route does what follows. Reading the actor's name here would make the page
  // unshareable (src/server/session-cookie.ts watches for it).
  let me: Me | null = null;
  if (!sharedRender()) {
    // The bell only reads: a failure never breaks the page (it shows no count). The periodic
    // notices (stale hospitals, dispatches) are brought up to date after the response is sent, at
    // most once per cache period per audience, so rendering never writes; /notifications brings
    // them up to date, and marks what it showed as read, from the browser once the list is on screen.
    const unread = await unreadCount(actor).catch(() => 0);
    after(() => refreshNoticesSoon(actor).catch(() => undefined));
    me = { name: actor.name, unread, unreadLabel: t("hospital.notifications.unread", { n: unread }) };
  }
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold">
            {t("shell.appName")}
          </Link>
          <details className="group md:hidden">
            <summary className="cursor-pointer list-none rounded border border-white/40 px-2 py-1 text-sm">{t("shell.nav.menu")}</summary>
            <NavLinks nav={nav} className="mt-2 flex flex-col gap-1" />
          </details>
          {/* a row of its own below the name and buttons: the name, which a shared page fetches
              after it is shown (decision 0045), then cannot re-wrap the links and push the page down */}
          <NavLinks nav={nav} className="-ml-2 hidden basis-full flex-wrap gap-1 md:order-last md:flex" />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <HeaderUser me={me} roleLabel={t(`shell.roles.${actor.role}`)} bellLabel={t("shell.nav.notifications")}>
              <Link
                href="/guide"
                className="rounded border border-white/50 px-2 py-1 hover:bg-white/10"
                data-testid="guide-link"
                aria-label={t("guide.link")}
                title={t("guide.link")}
              >
                <span aria-hidden="true" className="font-bold">
                  ?
                </span>
                <span className="ml-1 hidden sm:inline">{t("guide.link")}</span>
              </Link>
            </HeaderUser>
            <div className="rounded bg-white/90">
              <LanguageSwitch locale={locale} action={setLanguage} />
            </div>
            <Link href="/password" className="hidden rounded px-2 py-1 hover:bg-white/10 lg:inline">
              {t("shell.auth.changeTitle")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/50 px-2 py-1 hover:bg-white/10">
                {t("shell.auth.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">{children}</main>
    </div>
  );
}

function NavLinks({ nav, className }: { nav: { href: string; label: string }[]; className: string }) {
  return (
    <nav aria-label="main" className={className}>
      {nav.map((n) => (
        <Link key={n.href} href={n.href} className="whitespace-nowrap rounded px-2 py-1 text-sm hover:bg-white/15">
          {n.label}
        </Link>
      ))}
    </nav>
  );
}
