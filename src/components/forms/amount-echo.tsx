"use client";

import { useEffect, useState } from "react";
import { toKilograms, type MassUnit } from "@/domain/mass";
import { readingErrorCode, readNumber } from "@/domain/number-input";
import { useTranslations } from "next-intl";
import { errorText } from "@/i18n/error-text";
import { formatNumber } from "@/i18n/format";
import { asLocale, type Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";

// What a typed amount will be saved as, shown next to the field before saving (decision 0017):
// "= 1.500 t (1.500.000 kg)", or the refusal the server would give ("did you mean 1,5?").
// The page's language is the form's language: the one <html lang> was rendered in.

/** The page's language, once mounted (null while rendering on the server). */
export function useFormLanguage(): Locale | null {
  const [locale, setLocale] = useState<Locale | null>(null);
  // Read after hydration so the server's HTML and the first render agree.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- deliberate, see above
  useEffect(() => setLocale(asLocale(document.documentElement.lang)), []);
  return locale;
}

/** The form's language as a hidden field, so the server reads its numbers the same way. */
export function FormLanguage() {
  const locale = useFormLanguage();
  return <input type="hidden" name="locale" value={locale ?? ""} />;
}

export type AmountKind = {
  /** Digits allowed after the decimal mark; 3 by default (whole kilograms of tonnes). */
  decimals?: number;
  /** The unit typed: a mass unit echoes tonnes and kilograms; "NUMBER" echoes the number. */
  unit?: MassUnit | "NUMBER";
  cylinderSizeM3?: number;
};

export function echoText(text: string, locale: Locale, kind: AmountKind, t: Translator<"errors">): { ok: boolean; text: string } | null {
  if (text.trim() === "") return null;
  const r = readNumber(text, locale, kind.decimals ?? 3);
  if (!r.ok) return { ok: false, text: errorText(t, locale, readingErrorCode(r)) ?? "" };
  const unit = kind.unit ?? "TONNE_LIQUID";
  if (unit === "NUMBER") return { ok: true, text: `= ${formatNumber(r.value, locale, kind.decimals ?? 3)}` };
  if (r.value < 0) return { ok: false, text: t("not_negative") };
  if (unit === "CYLINDER" && !(kind.cylinderSizeM3 && kind.cylinderSizeM3 > 0)) return null;
  const { kg } = toKilograms(r.value, unit, unit === "CYLINDER" ? kind.cylinderSizeM3 : undefined);
  return { ok: true, text: `= ${formatNumber(kg / 1000, locale, 3)} t (${formatNumber(kg, locale)} kg)` };
}

/** The echo line under an amount field. */
export function AmountEcho({ text, kind, id }: { text: string; kind: AmountKind; id: string }) {
  const locale = useFormLanguage();
  const t = useTranslations("errors");
  const echo = locale ? echoText(text, locale, kind, t) : null;
  return (
    <output
      id={id}
      htmlFor={id.replace(/-echo$/, "")}
      aria-live="polite"
      data-testid={id}
      className={`mt-1 block min-h-4 text-xs tabular-nums ${echo && !echo.ok ? "text-amber-800" : "text-slate-600"}`}
    >
      {echo?.text ?? ""}
    </output>
  );
}
