import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";

/** What getTranslations() gives a page, for code the tests call outside a request. */
export const translatorFor = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale], timeZone: "Asia/Jakarta" });
