import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, ROLES } from "@/server/permissions";
import { requireActor } from "@/server/session";
import { GUIDE_STEPS } from "./steps";

// A short guide for the reader's role: what to do each day, in order, each step linking to its
// page. An admin also sees the other roles' days (they set up and train those accounts).
export default async function GuidePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const step = (role: string, key: string, part: "title" | "text") => t(`guide.steps.${role}.${key}.${part}` as Parameters<typeof t>[0]);
  const others = actor.role === "ADMIN" ? ROLES.filter((r) => r !== "ADMIN") : [];
  return (
    <>
      <h1>{t("guide.title")}</h1>
      <p className="text-slate-700">{t("guide.intro", { role: t(`shell.roles.${actor.role}`) })}</p>
      <ol className="space-y-3" data-testid="guide-steps">
        {GUIDE_STEPS[actor.role].map((s, i) => (
          <li key={s.key} className="card flex gap-3">
            <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white">
              {i + 1}
            </span>
            <div className="min-w-0 space-y-1">
              <h2 className="text-base font-semibold">{step(actor.role, s.key, "title")}</h2>
              <p className="text-sm text-slate-700">{step(actor.role, s.key, "text")}</p>
              {can(actor, s.action) && (
                <Link href={s.href} className="inline-block text-sm font-medium text-brand-700 hover:underline">
                  {t("guide.open")}
                  <span className="sr-only">: {step(actor.role, s.key, "title")}</span> →
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
      <section className="card space-y-2 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">{t("guide.tipsTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("guide.tips.bell")}</li>
          <li>{t("guide.tips.language")}</li>
          <li>{t("guide.tips.phone")}</li>
          <li>{t("guide.tips.time")}</li>
        </ul>
      </section>
      {others.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold">{t("guide.otherRoles")}</h2>
          {others.map((role) => (
            <details key={role} className="card">
              <summary className="cursor-pointer font-medium">{t(`shell.roles.${role}`)}</summary>
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {GUIDE_STEPS[role].map((s) => (
                  <li key={s.key}>
                    <span className="font-medium">{step(role, s.key, "title")}</span> — {step(role, s.key, "text")}
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      )}
    </>
  );
}
