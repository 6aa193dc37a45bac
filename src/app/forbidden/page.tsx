import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("shell");
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1>{t("forbidden.title")}</h1>
      <p className="mt-2 text-slate-600">{t("forbidden.body")}</p>
      <Link href="/" className="btn mt-6">
        {t("common.back")}
      </Link>
    </main>
  );
}
