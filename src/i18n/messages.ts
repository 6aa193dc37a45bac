import { dashboard } from "./dashboard";
import { errors } from "./errors";
import { forecast } from "./forecast";
import { hospital } from "./hospital";
import { shell } from "./shell";
import { supply } from "./supply";
import type { Locale } from "./locales";

// Each area of the app keeps its strings, in both languages, in a file of its own;
// this index puts them together. Add an area here when you add its file.
const areas = { shell, errors, dashboard, supply, hospital, forecast };

type Areas = typeof areas;
export type Messages = { [K in keyof Areas]: Areas[K]["id"] };

export function messagesFor(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(areas).map(([k, v]) => [k, v[locale]])) as Messages;
}
