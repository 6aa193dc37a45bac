import type { Locale } from "./locales";
import type { Messages } from "./messages";

// next-intl's keys and locales are typed from the Indonesian messages: `tsc` rejects a key that
// does not exist.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
