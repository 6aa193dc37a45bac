import type { _Translator, Messages, NamespaceKeys, NestedKeyOf } from "next-intl";

/**
 * What next-intl's getTranslations() and useTranslations() return, for a helper that is handed one
 * (the whole catalogue, or one namespace: Translator<"errors">).
 */
export type Translator<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>> = never> = _Translator<Messages, N>;
