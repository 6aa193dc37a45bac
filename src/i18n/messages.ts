import "server-only";
import idAudit from "./messages/id/audit.json";
import idNotices from "./messages/id/notices.json";
import idGuide from "./messages/id/guide.json";
import idFleet from "./messages/id/fleet.json";
import idLogistics from "./messages/id/logistics.json";
import idMap from "./messages/id/map.json";
import idFreshness from "./messages/id/freshness.json";
import idDashboard from "./messages/id/dashboard.json";
import idErrors from "./messages/id/errors.json";
import idFeedback from "./messages/id/feedback.json";
import idForecast from "./messages/id/forecast.json";
import idHospital from "./messages/id/hospital.json";
import idShell from "./messages/id/shell.json";
import idSupply from "./messages/id/supply.json";
import enAudit from "./messages/en/audit.json";
import enNotices from "./messages/en/notices.json";
import enGuide from "./messages/en/guide.json";
import enFleet from "./messages/en/fleet.json";
import enLogistics from "./messages/en/logistics.json";
import enMap from "./messages/en/map.json";
import enFreshness from "./messages/en/freshness.json";
import enDashboard from "./messages/en/dashboard.json";
import enErrors from "./messages/en/errors.json";
import enFeedback from "./messages/en/feedback.json";
import enForecast from "./messages/en/forecast.json";
import enHospital from "./messages/en/hospital.json";
import enShell from "./messages/en/shell.json";
import enSupply from "./messages/en/supply.json";
import type { NamespaceKeys, NestedKeyOf } from "next-intl";
import type { Locale } from "./locales";

// Each area of the app keeps its ICU messages in one JSON file per language and namespace
// (messages/<locale>/<namespace>.json); this index puts a language's namespaces together. Add a
// namespace here, in both languages, when you add its files. The Indonesian files define the keys:
// tests/unit/messages.test.ts checks that English has the same keys and the same ICU arguments.
const id = {
  shell: idShell,
  errors: idErrors,
  dashboard: idDashboard,
  supply: idSupply,
  hospital: idHospital,
  forecast: idForecast,
  audit: idAudit,
  notices: idNotices,
  guide: idGuide,
  feedback: idFeedback,
  fleet: idFleet,
  logistics: idLogistics,
  map: idMap,
  freshness: idFreshness,
};
const en: typeof id = {
  shell: enShell,
  errors: enErrors,
  dashboard: enDashboard,
  supply: enSupply,
  hospital: enHospital,
  forecast: enForecast,
  feedback: enFeedback,
  audit: enAudit,
  notices: enNotices,
  guide: enGuide,
  fleet: enFleet,
  logistics: enLogistics,
  map: enMap,
  freshness: enFreshness,
};

export type Messages = typeof id;

export const MESSAGES: Record<Locale, Messages> = { id, en };

/** A namespace ("forecast") or a part of one ("shell.auth"). */
export type MessagePath = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Only the given parts of a language's messages: what a client provider sends to the browser
 * (src/components/intl-provider.tsx), so a page carries neither the other language nor the
 * namespaces its client components do not use.
 */
export function pickMessages(locale: Locale, paths: readonly MessagePath[]): Partial<Messages> {
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = MESSAGES[locale];
    let to = picked;
    keys.forEach((k, i) => {
      from = (from as Record<string, unknown>)[k];
      if (i === keys.length - 1) to[k] = from;
      else to = (to[k] ??= {}) as Record<string, unknown>;
    });
  }
  return picked as Partial<Messages>;
}
