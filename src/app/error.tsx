"use client";

import { useTranslations } from "next-intl";

// Shown instead of a stack trace when a page fails (e.g. the database is down), in the reader's
// language: the messages are part of the build and every page's provider carries shell.error.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("shell.error");
  return (
    <main className="mx-auto max-w-md p-8 text-center" data-testid="error-page">
      <h1>{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <button type="button" onClick={reset} className="btn mt-6">
        {t("retry")}
      </button>
    </main>
  );
}
