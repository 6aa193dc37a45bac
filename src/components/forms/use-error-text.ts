import { useLocale, useTranslations } from "next-intl";
import { errorText } from "@/i18n/error-text";

/**
 * The reader's message for a use case's error code, in a client or server component. The "errors"
 * namespace is in every client provider (src/components/intl-provider.tsx).
 */
export function useErrorText(): (code: string | undefined) => string | undefined {
  const t = useTranslations("errors");
  const locale = useLocale();
  return (code) => errorText(t, locale, code);
}
