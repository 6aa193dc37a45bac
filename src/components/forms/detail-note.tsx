import { useTranslations } from "next-intl";
import { formatNumber } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { FormState } from "./form-state";

/**
 * Shows the amount as the server read it and the limit it was compared with, in t and kg: a
 * kg/t slip is seen at once. With `field`, only a detail about that field (shown under it);
 * without, any detail (shown once for the form).
 */
export function DetailNote({ state, locale, field }: { state: FormState; locale: Locale; field?: string }) {
  const t = useTranslations("errors");
  const d = field === undefined ? state.detail : [state.detail, ...(state.detail?.also ?? [])].find((x) => x?.field === field);
  if (!d) return null;
  const kg = (n: number) => `${formatNumber(n / 1000, locale, 3)} t (${formatNumber(n, locale)} kg)`;
  const warning = state.error === "confirm";
  return (
    <p className={`mt-1 text-sm ${warning ? "text-amber-900" : "text-red-800"}`} data-testid={field ? `detail-${field}` : "error-detail"}>
      {d.kg !== undefined && t("detail_read_as", { amount: kg(d.kg) })} {d.limitKg !== undefined && t("detail_limit", { amount: kg(d.limitKg) })}
    </p>
  );
}
