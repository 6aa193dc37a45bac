import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("shell");
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1>{t("notFound.title")}</h1>
      <Link href="/" className="btn mt-6">
        {t("common.back")}
      </Link>
    </main>
  );
}
