import "server-only";
import type { AlertKind } from "@/domain/alerts";
import { formatDateTime, formatNumber } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";

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
};

const TEXT = {
  id: {
    red: (f: AlertFacts) => `MERAH: ${f.hospital} — oksigen diperkirakan habis dalam ${hours(f, "id")} jam`,
    amber: (f: AlertFacts) => `KUNING: ${f.hospital} — oksigen tersisa sekitar ${hours(f, "id")} jam`,
    missed_report: (f: AlertFacts) => `${f.hospital} belum melaporkan stok oksigen`,
    escalated: "Belum ada yang menanggapi peringatan ini; diteruskan ke tingkat berikutnya.",
    asOf: "per",
    act: "Tanggapi di",
  },
  en: {
    red: (f: AlertFacts) => `RED: ${f.hospital} — oxygen projected to run out in ${hours(f, "en")} h`,
    amber: (f: AlertFacts) => `AMBER: ${f.hospital} — about ${hours(f, "en")} h of oxygen left`,
    missed_report: (f: AlertFacts) => `${f.hospital} has not reported its oxygen stock`,
    escalated: "Nobody has acknowledged this alert yet; it has been passed up a level.",
    asOf: "as of",
    act: "Acknowledge at",
  },
} as const;

function hours(f: AlertFacts, locale: Locale): string {
  return f.hoursLeft === null ? "?" : formatNumber(f.hoursLeft, locale, 1);
}

function line(f: AlertFacts, locale: Locale): string {
  const t = TEXT[locale];
  return `${t[f.kind](f)} (${t.asOf} ${formatDateTime(f.raisedAt, locale)} WIB)`;
}

/** Subject and body of the email, and the short text the SMS/WhatsApp gateway sends. */
export function alertMessage(f: AlertFacts, appUrl: string | undefined): { subject: string; body: string; text: string } {
  const link = appUrl ? `${appUrl.replace(/\/$/, "")}/alerts` : null;
  const part = (locale: Locale) =>
    [line(f, locale), f.level > 0 ? TEXT[locale].escalated : null, link ? `${TEXT[locale].act} ${link}` : null].filter(Boolean).join("\n");
  return {
    subject: `[Satgas Oksigen] ${TEXT.id[f.kind](f)}`,
    body: `${part("id")}\n\n—\n\n${part("en")}\n`,
    text: `${line(f, "id")}${link ? ` ${link}` : ""}`,
  };
}
