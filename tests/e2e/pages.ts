import type { Page } from "@playwright/test";

// Every page each role can open: the phone layout, the language sweep and the accessibility scan
// walk the same list (the menu, plus one record of each kind and the forms reached from lists).

export const ROLES = {
  ADMIN: "admin@satgas.test",
  STAFF: "staff@satgas.test",
  OFFICIAL: "official@satgas.test",
  HOSPITAL: "rs1@satgas.test",
} as const;

/** Pages reached from the menu, plus one record of each kind found through a list's first link. */
export async function pagesOf(page: Page): Promise<string[]> {
  await page.goto("/"); // each role's home, with the menu
  const menu = await page.locator("nav a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const pages = new Set(menu.filter((h) => !h.includes("?")));
  for (const [list, detail] of [
    ["/requests", /^\/requests\/[^/?]+$/],
    ["/hospitals", /^\/hospitals\/(?!new)[^/?]+$/],
    ["/pledges", /^\/pledges\/(?!new)[^/?]+$/],
    ["/suppliers", /^\/suppliers\/(?!new)[^/?]+$/],
    ["/trips", /^\/trips\/[^/?]+$/],
  ] as const) {
    if (!pages.has(list)) continue;
    await page.goto(list);
    const hrefs = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const first = hrefs.find((h) => detail.test(h));
    if (first) pages.add(first);
    const create = hrefs.find((h) => h === `${list}/new`);
    if (create) pages.add(create);
  }
  if (pages.has("/dispatches")) pages.add("/dispatches/new");
  if (pages.has("/dashboard")) pages.add("/report");
  // reached from the header rather than the menu
  pages.add("/guide");
  if (pages.has("/hospitals")) pages.add("/audit");
  pages.add("/password"); // the account page: password and notification settings
  if (pages.has("/dashboard")) pages.add("/map"); // the map's SVG and its tables, even if the menu drops it
  return [...pages];
}
