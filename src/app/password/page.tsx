import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/language-switch";
import { setLanguage } from "@/app/language-actions";
import { getI18n } from "@/i18n/server";
import { currentActor } from "@/server/session";
import { changePasswordAction } from "./actions";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Password" };

/** One's own new password; where every page sends an account whose password an admin chose (src/server/session.ts). */
export default async function PasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { t, locale } = await getI18n();
  const a = t.shell.auth;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t.shell.appTagline}</p>
          <h1 className="mt-1">{a.changeTitle}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="password-who">
            {actor.email}
          </p>
        </div>
        <div className="card space-y-4">
          {actor.mustChangePassword && (
            <p className="text-sm text-slate-700" data-testid="must-change">
              {a.mustChange}
            </p>
          )}
          <PasswordForm
            action={changePasswordAction}
            errors={t.errors}
            s={{
              current: a.current,
              newPassword: a.newPassword,
              confirm: a.confirm,
              newHint: a.newHint,
              change: a.change,
              fixErrors: t.shell.common.fixErrors,
            }}
          />
        </div>
        <div className="flex justify-center">
          <LanguageSwitch locale={locale} label={t.shell.language} action={setLanguage} />
        </div>
      </div>
    </main>
  );
}
