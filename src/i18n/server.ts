import { cookies } from "next/headers";
import { asLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { messagesFor, type Messages } from "./messages";

/** The reader's language (cookie; Bahasa Indonesia by default) and its strings. */
export async function getI18n(): Promise<{ locale: Locale; t: Messages }> {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, t: messagesFor(locale) };
}
