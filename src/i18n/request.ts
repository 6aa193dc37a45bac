import "server-only";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { asLocale, LOCALE_COOKIE } from "./locales";
import { MESSAGES } from "./messages";

// next-intl without i18n routing: the language comes from the `lang` cookie (Bahasa Indonesia
// by default), never from the URL; a page that has its own language (the printable report's
// ?lang) asks for it with getTranslations({ locale }). Dates and times are shown in WIB
// (decision 0003).
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = asked ? asLocale(asked) : asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Jakarta" };
});
