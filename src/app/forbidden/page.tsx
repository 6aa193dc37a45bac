import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1>{t("shell.forbidden.title")}</h1>
      <p className="mt-2 text-slate-600">{t("shell.forbidden.body")}</p>
      <Link href="/" className="btn mt-6">
        {t("shell.common.back")}
      </Link>
    </main>
  );
}
