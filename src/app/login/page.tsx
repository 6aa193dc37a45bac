import type { SearchParams } from "nuqs/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/language-switch";
import { setLanguage } from "@/app/language-actions";
import { getI18n } from "@/i18n/server";
import { safeCallbackPath } from "@/server/redirects";
import { currentActor } from "@/server/session";
import { LoginForm } from "./login-form";
import { loadLoginSearch } from "./search-params";

export const metadata: Metadata = { title: "Login" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl: raw, changed } = await loadLoginSearch(searchParams);
  const callbackUrl = safeCallbackPath(raw ?? undefined);
  if (await currentActor()) redirect(callbackUrl);
  const { t, locale } = await getI18n();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t.shell.appTagline}</p>
          <h1 className="mt-1">{t.shell.appName}</h1>
        </div>
        <div className="card">
          <h2 className="mb-4">{t.shell.auth.title}</h2>
          <LoginForm s={t.shell.auth} errors={t.errors} callbackUrl={callbackUrl} notice={changed ? t.shell.auth.passwordChanged : undefined} />
        </div>
        <div className="flex justify-center">
          <LanguageSwitch locale={locale} label={t.shell.language} action={setLanguage} />
        </div>
      </div>
    </main>
  );
}
