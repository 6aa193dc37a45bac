import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { pickMessages, type MessagePath } from "@/i18n/messages";

/**
 * Gives the client components below it the messages they translate in the browser, in the
 * reader's language only: the error codes' (every form shows them), the error page's, the forms'
 * feedback (saving…, confirm), and the
 * given namespaces. Labels a server component can translate are passed as props instead and are
 * never sent as messages.
 */
export async function IntlProvider({ namespaces = [], children }: { namespaces?: readonly MessagePath[]; children: React.ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={pickMessages(locale, ["errors", "shell.error", "feedback", ...namespaces])}>{children}</NextIntlClientProvider>;
}
