import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs, switchLanguage } from "./helpers";

// What the browser receives (decision 0028): the page's HTML, its RSC payload and its scripts
// carry the messages of the reader's language only, and only of the namespaces the page's client
// components translate. The forecast page is the test: its explorer translates in the browser.
type Tree = { [k: string]: string | Tree };
const messages = (locale: "id" | "en", ns: string): Tree => JSON.parse(readFileSync(`src/i18n/messages/${locale}/${ns}.json`, "utf8"));

/** Messages of a tree that would be found as they are in HTML and JSON: no argument, no quote or markup character, long enough to be unique. */
function plainTexts(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === "string" ? (/^[\p{L}\p{N} ,.:;()–—%×/-]{24,}$/u.test(v) ? [v] : []) : plainTexts(v)));
}

/** Everything the browser is sent for a page: the HTML (with the inline RSC payload), the RSC payload of a client navigation, and every script. */
async function received(page: Page, path: string): Promise<string> {
  const html = await (await page.request.get(path)).text();
  const rsc = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  const bodies = await Promise.all(scripts.map(async (src) => (await page.request.get(src)).text()));
  return [html, rsc, ...bodies].join("\n");
}

for (const [locale, other] of [
  ["id", "en"],
  ["en", "id"],
] as const) {
  test(`the forecast page sends its messages in ${locale} only, and no namespace it does not use`, async ({ page }) => {
    await loginAs(page, "official@satgas.test");
    if (locale === "en") await switchLanguage(page, "en");
    const sent = await received(page, "/forecast");

    // the explorer's own messages are there (it translates in the browser) …
    const own = plainTexts(messages(locale, "forecast")).filter((s) => !plainTexts(messages(other, "forecast")).includes(s));
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((s) => sent.includes(s))).toEqual(own);

    // … and none of the other language, in any namespace
    const foreign = ["shell", "errors", "dashboard", "supply", "hospital", "forecast"].flatMap((ns) =>
      plainTexts(messages(other, ns)).filter((s) => !plainTexts(messages(locale, ns)).includes(s)),
    );
    expect(foreign.length).toBeGreaterThan(100);
    expect(foreign.filter((s) => sent.includes(s))).toEqual([]);

    // … nor the namespaces no client component on this page translates
    const unused = [...plainTexts(messages(locale, "supply")), ...plainTexts(messages(locale, "hospital"))];
    expect(unused.filter((s) => sent.includes(s))).toEqual([]);
  });
}

// Every value a message names is given: no page shows an ICU argument ("{hours}") unfilled.
const PAGES: [string, string[]][] = [
  [
    "staff@satgas.test",
    [
      "/dashboard?date=2021-07-26",
      "/report?date=2021-07-26",
      "/capacity?day=2021-07-26",
      "/pledges",
      "/dispatches",
      "/requests",
      "/triage",
      "/hospitals",
      "/suppliers",
      "/notifications",
      "/forecast",
    ],
  ],
  ["rs1@satgas.test", ["/my-hospital", "/requests", "/notifications"]],
  ["admin@satgas.test", ["/admin/users", "/admin/tokens", "/policy", "/audit"]],
];
for (const locale of ["id", "en"] as const) {
  for (const [email, paths] of PAGES) {
    test(`no unfilled message argument on ${email}'s pages in ${locale}`, async ({ page }) => {
      await loginAs(page, email);
      if (locale === "en") await switchLanguage(page, "en");
      for (const path of paths) {
        await page.goto(path);
        const text = await page.locator("body").innerText();
        expect(text.match(/\{[a-zA-Z]\w*(,[^}]*)?\}/g) ?? [], path).toEqual([]);
      }
    });
  }
}
