import { useTranslations } from "next-intl";
import type { Locale } from "@/i18n/locales";

/** Works without JavaScript: each language is a submit button of a tiny form. */
/** `action`: the server action that sets the language cookie (src/app/language-actions.ts). */
export function LanguageSwitch({ locale, action }: { locale: Locale; action: (data: FormData) => Promise<void> }) {
  const t = useTranslations("shell.language");
  return (
    <form action={action} className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      {(["id", "en"] as const).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={locale === l}
          className={`rounded px-2 py-1 ${locale === l ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-200"}`}
        >
          {l === "id" ? "ID" : "EN"}
          <span className="sr-only"> {t(l)}</span>
        </button>
      ))}
    </form>
  );
}
