import type { Locale } from "@/i18n/locales";
import { setLanguage } from "./language-actions";

/** Works without JavaScript: each language is a submit button of a tiny form. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: { label: string; id: string; en: string } }) {
  return (
    <form action={setLanguage} className="flex items-center gap-1 text-sm" aria-label={label.label}>
      {(["id", "en"] as const).map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} aria-pressed={locale === l}
          className={`rounded px-2 py-1 ${locale === l ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-200"}`}>
          {l === "id" ? "ID" : "EN"}
          <span className="sr-only"> {label[l]}</span>
        </button>
      ))}
    </form>
  );
}
