import "server-only";
import { createTranslator } from "next-intl";
import type { AlertKind } from "@/domain/alerts";
import { formatDateTime, formatNumber } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";

// What an alert says outside the app. The recipient's language is not known (accounts have none),
// so a message carries Bahasa Indonesia first and English after it; both say what, where, how
// long is left, as of when (WIB), and where to act.

export type AlertFacts = {
  alertId: string;
  kind: AlertKind;
  level: number;
  hospitalId: string;
  hospital: string;
  hoursLeft: number | null;
  raisedAt: Date;
  /** level 1 found no staff on duty and went to every staff account */
  nobodyOnDuty?: boolean;
};

/** The alert's message parts in one language, from the app's ICU messages (hospital.alerts.message). */
function textIn(locale: Locale, f: AlertFacts) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: "Asia/Jakarta" });
  const hours = f.hoursLeft === null ? "?" : formatNumber(f.hoursLeft, locale, 1);
  const what = t(`hospital.alerts.message.${f.kind}`, { hospital: f.hospital, hours });
  return {
    what,
    line: t("hospital.alerts.message.asOf", { what, time: formatDateTime(f.raisedAt, locale) }),
    escalated: t("hospital.alerts.message.escalated"),
    nobodyOnDuty: t("hospital.alerts.message.nobodyOnDuty"),
    act: (link: string) => t("hospital.alerts.message.act", { link }),
  };
}

/** Subject and body of the email, and the short text the SMS/WhatsApp gateway sends. */
export function alertMessage(f: AlertFacts, appUrl: string | undefined): { subject: string; body: string; text: string } {
  const link = appUrl ? `${appUrl.replace(/\/$/, "")}/alerts` : null;
  const id = textIn("id", f);
  const en = textIn("en", f);
  const part = (x: typeof id) =>
    [x.line, f.level > 0 ? x.escalated : null, f.nobodyOnDuty ? x.nobodyOnDuty : null, link ? x.act(link) : null].filter(Boolean).join("\n");
  return {
    subject: `[Satgas Oksigen] ${id.what}`,
    body: `${part(id)}\n\n—\n\n${part(en)}\n`,
    // the gateway's short text says it too: a staff member told only by SMS must know they were not picked
    text: [id.line, f.nobodyOnDuty ? id.nobodyOnDuty : null, link].filter(Boolean).join(" "),
  };
}
