import type { SearchParams } from "nuqs/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IntlProvider } from "@/components/intl-provider";
import { LanguageSwitch } from "@/components/language-switch";
import { setLanguage } from "@/app/language-actions";
import { getLocale, getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@/server/redirects";
import { currentActor } from "@/server/session";
import { LoginForm } from "./login-form";
import { loadLoginSearch } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.auth"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl: raw, changed } = await loadLoginSearch(searchParams);
  const callbackUrl = safeCallbackPath(raw ?? undefined);
  if (await currentActor()) redirect(callbackUrl);
  const t = await getTranslations("shell");
  const locale = await getLocale();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{t("appTagline")}</p>
          <h1 className="mt-1">{t("appName")}</h1>
        </div>
        <div className="card">
          <h2 className="mb-4">{t("auth.title")}</h2>
          <IntlProvider namespaces={["shell.auth", "errors"]}>
            <LoginForm callbackUrl={callbackUrl} notice={changed ? t("auth.passwordChanged") : undefined} />
          </IntlProvider>
        </div>
        <div className="flex justify-center">
          <LanguageSwitch locale={locale} action={setLanguage} />
        </div>
      </div>
    </main>
  );
}
