import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1>{t("shell.notFound.title")}</h1>
      <Link href="/" className="btn mt-6">
        {t("shell.common.back")}
      </Link>
    </main>
  );
}
