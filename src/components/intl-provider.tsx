import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { pickMessages, type MessagePath } from "@/i18n/messages";

/**
 * Gives the client components below it the messages they translate in the browser: the error
 * codes' messages (every form shows them) and the given namespaces, in the reader's language only.
 * Labels a server component can translate are passed as props instead and never sent as messages.
 */
export async function IntlProvider({ namespaces = [], children }: { namespaces?: readonly MessagePath[]; children: React.ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={pickMessages(locale, ["errors", ...namespaces])}>{children}</NextIntlClientProvider>;
}
