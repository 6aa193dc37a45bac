import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs, switchLanguage } from "./helpers";
import { pagesOf, ROLES } from "./pages";

// Every page of every role, in each language (issue #16 item 8): nothing of the other language
// in what the reader sees or hears (text, tab title, labels for screen readers), no ISO date
// (2021-07-26) where a reader's date belongs, and no time without its zone said once (WIB); and
// the accessibility scan (axe) finds nothing on any of them.
//
// Not the reader's language by design, and so not searched: a part marked with another `lang`
// (the language switch, the report in its own language), machine text in <code> (CSV column
// names, API paths), and what people typed (a pledge's note), marked translate="no".

/** Words that give English away under Bahasa Indonesia, and the other way round (whole words, as written; not "No": "Jl. Raya No. 8"). */
const TELLTALES = {
  id: [
    "the",
    "and",
    "of",
    "to",
    "with",
    "from",
    "Save",
    "Cancel",
    "hours",
    "hour",
    "days",
    "Login",
    "Sign",
    "Request",
    "Requests",
    "Delivered",
    "Received",
    "Stock",
    "Supplier",
    "Suppliers",
    "Producer",
    "Loading",
    "Next",
    "Previous",
    "Back",
    "Show",
    "Search",
    "Date",
    "today",
    "yesterday",
    "tonnes",
    "none",
    "never",
    "Edit",
    "Delete",
    "Add",
    "Hospital",
    "Hospitals",
    "Capacity",
    "Pledge",
    "Pledges",
    "Pending",
    "Approved",
    "Rejected",
    "Cancelled",
    "Export",
    "Download",
    "Print",
    "Report",
    "Notifications",
    "Alerts",
    "Users",
    "Forecast",
    "Dashboard",
    "ago",
    "minutes",
    "since",
    "until",
    "left",
    "Name",
    "Role",
    "Active",
    "Disabled",
    "Password",
    "Yes",
    "Settings",
    "Submit",
    "Close",
    "Open",
    "Help",
    "Day",
    "Week",
    "Month",
  ],
  en: [
    "dan",
    "yang",
    "dari",
    "untuk",
    "dengan",
    "tidak",
    "belum",
    "sudah",
    "ada",
    "pada",
    "atau",
    "ini",
    "itu",
    "Simpan",
    "Batal",
    "jam",
    "hari",
    "Masuk",
    "Keluar",
    "Permintaan",
    "Pengiriman",
    "Stok",
    "Pemasok",
    "Produsen",
    "Tanggal",
    "Kirim",
    "baru",
    "Baru",
    "Ubah",
    "Hapus",
    "Tambah",
    "semua",
    "Semua",
    "Unduh",
    "Cetak",
    "Laporan",
    "Pemberitahuan",
    "Peringatan",
    "Pengguna",
    "Kebijakan",
    "Riwayat",
    "Prakiraan",
    "Dasbor",
    "lalu",
    "menit",
    "sejak",
    "sampai",
    "sisa",
    "Nama",
    "Peran",
    "Aktif",
    "Nonaktif",
    "sandi",
    "ton",
    "Diterima",
    "Dikirim",
    "Disetujui",
    "Ditolak",
    "Dibatalkan",
    "Menunggu",
    "sakit",
    "Kapasitas",
    "Komitmen",
    "Tidak",
    "Belum",
    "Ya",
    "Tutup",
    "Bantuan",
    "Minggu",
    "Bulan",
    "Agu",
    "Mei",
    "Okt",
    "Des",
  ],
} as const;

/** What the reader of the page's language sees or hears: visible text, the tab title, and the labels of controls and images. */
function readerTexts(page: Page) {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const skip = (el: Element) => {
      const own = el.closest("[lang]")?.getAttribute("lang");
      return (own && own !== lang) || !!el.closest("code, script, style, noscript, [translate=no]");
    };
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (el && text && !skip(el) && el.checkVisibility()) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")))
      if (!skip(el)) for (const a of ["title", "aria-label", "placeholder", "alt"]) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    // A date box is drawn in the browser's language, not the page's (Chromium ignores lang there):
    // each one with a day in it must say that day in words under it (decision 0052).
    const unreadDays = Array.from(document.querySelectorAll<HTMLInputElement>("input[type=date], input[type=datetime-local]"))
      .filter((i) => i.value && i.checkVisibility())
      .filter((i) => {
        const said = (i.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id));
        return !said.some((el) => el?.tagName === "OUTPUT" && (el.textContent ?? "").trim() !== "");
      })
      .map((i) => i.name || i.id);
    return { lang, texts: out, unreadDays };
  });
}

function findings(path: string, lang: "id" | "en", texts: string[]): string[] {
  const words = new Set<string>(TELLTALES[lang]);
  const found = new Set<string>();
  for (const text of texts) {
    const hits = text.split(/[^\p{L}]+/u).filter((w) => words.has(w));
    if (hits.length) found.add(`${path}: ${hits.join(", ")} in "${text.slice(0, 100)}"`);
    if (/\b\d{4}-\d{2}-\d{2}\b/.test(text)) found.add(`${path}: ISO date in "${text.slice(0, 100)}"`);
    if (/WIB\W+WIB/.test(text)) found.add(`${path}: WIB twice in "${text.slice(0, 100)}"`);
  }
  return [...found];
}

for (const lang of ["id", "en"] as const) {
  test(`signed out, ${lang}: the sign-in page is all in ${lang} and passes axe`, async ({ page, context }) => {
    await context.addCookies([{ name: "lang", value: lang, url: test.info().project.use.baseURL! }]);
    await page.goto("/login");
    const { lang: shown, texts } = await readerTexts(page);
    expect(shown).toBe(lang);
    expect(findings("/login", lang, texts)).toEqual([]);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

for (const [role, email] of Object.entries(ROLES)) {
  for (const lang of ["id", "en"] as const) {
    test(`${role}, ${lang}: every page speaks ${lang} only, with readable dates${lang === "id" ? ", and passes axe" : ""}`, async ({ page }) => {
      test.setTimeout(600_000);
      await loginAs(page, email);
      if (lang === "en") await switchLanguage(page, "en");
      const pages = await pagesOf(page);
      expect(pages.length).toBeGreaterThan(2);
      const wrong: string[] = [];
      const violations: string[] = [];
      for (const path of pages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(400);
        const { lang: shown, texts, unreadDays } = await readerTexts(page);
        expect(shown, path).toBe(lang);
        wrong.push(...findings(path, lang, texts));
        wrong.push(...unreadDays.map((name) => `${path}: a date box that does not say its day in words: ${name}`));
        // Accessibility does not depend on the language: scanned once, in the primary one.
        if (lang === "id") {
          const axe = await new AxeBuilder({ page }).analyze();
          violations.push(...axe.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
        }
      }
      expect(wrong, `other-language words or ISO dates (${role}, ${lang})`).toEqual([]);
      expect(violations, `axe (${role})`).toEqual([]);
    });
  }
}
