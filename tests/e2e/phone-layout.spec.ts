import { expect, test, type Page } from "@playwright/test";
import { loginAs, switchLanguage } from "./helpers";
import { pagesOf, ROLES } from "./pages";

// Nothing wider than a phone: every page each role can open, at 390 × 844 and in both languages,
// fits the screen (a table that matters becomes cards or keeps its key columns; issue #16). Neither
// the page nor any table in it scrolls sideways: a table that does not fit becomes one card per row
// (table-stack in globals.css) or drops the columns a card does not need. And every number box
// brings up the phone's number keys (inputmode), whether typed as an amount or as type="number".
// No form has an empty cell in its grid (a notice with nothing to say) leaving a blank strip.

async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const pageWidth = document.documentElement.scrollWidth;
    // the widest element that sticks out, to say where to look
    let culprit = "";
    let widest = width;
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right > widest + 1) {
        let inScroller = false;
        for (let p = el.parentElement; p; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== "visible" && p.scrollWidth > p.clientWidth) inScroller = true;
        if (inScroller) continue;
        widest = r.right;
        culprit = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} → ${Math.round(r.right)} px`;
      }
    }
    // boxes that scroll sideways inside the page: a table wider than its card, or anything else
    const scrollers = Array.from(document.querySelectorAll("main *"))
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .filter((el) => el.tagName !== "INPUT" && el.tagName !== "TEXTAREA" && el.tagName !== "SELECT")
      .map((el) => ({
        table: el.tagName === "TABLE" || !!el.querySelector("table"),
        at: `${el.tagName.toLowerCase()}[${el.querySelector("[data-testid]")?.getAttribute("data-testid") ?? ""}] ${el.scrollWidth}/${el.clientWidth} px`,
      }));
    // number boxes without the phone's number keys
    const keypads = Array.from(document.querySelectorAll<HTMLInputElement>("main input"))
      .filter((i) => i.type === "number" || (i.type === "text" && (i.getAttribute("aria-describedby") ?? "").includes("-echo")))
      .filter((i) => !["decimal", "numeric"].includes(i.inputMode))
      .map((i) => i.name || i.id);
    // a cell of a form's grid with nothing to show still takes a row and a gap: a blank strip
    const blanks = Array.from(document.querySelectorAll("main form > *"))
      .filter((el) => getComputedStyle(el.parentElement!).display === "grid" && getComputedStyle(el).display !== "none")
      .filter((el) => el.getBoundingClientRect().height === 0)
      .map(
        (el) =>
          `${el.closest("form")?.getAttribute("data-testid") ?? "form"} > ${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 2).join(".")}`,
      );
    return { width, pageWidth, culprit, scrollers, keypads, blanks };
  });
}

for (const [role, email] of Object.entries(ROLES)) {
  for (const lang of ["id", "en"] as const) {
    test(`${role}, ${lang}: every page fits a 390 px phone`, async ({ page }) => {
      test.setTimeout(180_000);
      await loginAs(page, email);
      if (lang === "en") await switchLanguage(page, "en");
      await page.setViewportSize({ width: 390, height: 844 });
      const pages = await pagesOf(page);
      expect(pages.length).toBeGreaterThan(2);
      const wide: string[] = [];
      for (const path of pages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(400);
        const o = await overflowOf(page);
        if (o.pageWidth > o.width + 1 || o.culprit) wide.push(`${path}: page ${o.pageWidth} px on ${o.width} px${o.culprit ? `; ${o.culprit}` : ""}`);
        for (const s of o.scrollers) {
          if (s.table) wide.push(`${path}: a table scrolls sideways inside the page: ${s.at}`);
          else console.log(`[phone-layout] ${role} ${lang} ${path}: scrolls sideways inside: ${s.at}`);
        }
        for (const name of o.keypads) wide.push(`${path}: number box without inputmode: ${name}`);
        for (const at of o.blanks) wide.push(`${path}: an empty cell in a form's grid (a blank strip): ${at}`);
      }
      expect(wide, `pages wider than the phone (${role}, ${lang})`).toEqual([]);
    });
  }
}

// Long lists on a phone (issue #16: the dashboard was 12,000 px tall, the request list 10,500):
// a table shows its first rows and a "show all" that opens the rest, by CSS alone (it works with
// the script off), and the request list is a page at a time with links to the next.
test("a phone shows a long list's first rows, the rest behind 'show all' (without JavaScript too); requests come a page at a time", async ({ browser }) => {
  const signIn = await browser.newContext();
  await loginAs(await signIn.newPage(), ROLES.STAFF);
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, storageState: await signIn.storageState() });
    const page = await context.newPage();
    await page.goto("/dashboard");
    const hospitals = page.getByTestId("table-hospitals");
    const section = page.locator("section", { has: hospitals });
    await expect(hospitals.locator("tbody tr:visible")).toHaveCount(5);
    const all = await hospitals.locator("tbody tr").count();
    expect(all).toBeGreaterThan(5);
    await section.getByTestId("phone-fold").locator("summary").click();
    await expect(hospitals.locator("tbody tr:visible")).toHaveCount(all);
    // a laptop sees every row and no "show all"
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(section.getByTestId("phone-fold")).toBeHidden();
    await page.setViewportSize({ width: 390, height: 844 });

    await page.goto("/requests");
    await expect(page.getByTestId("requests-table").locator("tbody tr")).toHaveCount(20);
    await expect(page.getByTestId("pager-label")).toContainText(/Halaman 1 dari \d+/);
    await page.locator("nav[aria-label=pagination] a[rel=next]").click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByTestId("pager-label")).toContainText(/Halaman 2 dari \d+/);
    await context.close();
  }
  await signIn.close();

  // a hospital's own stock history: a week on a phone, every day behind "show all"
  const hospital = await browser.newContext();
  const page = await hospital.newPage();
  await loginAs(page, ROLES.HOSPITAL); // at a laptop's width, where the header names who signed in
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/my-hospital");
  const history = page.getByTestId("stock-history");
  await expect(history.locator("tbody tr:visible")).toHaveCount(7);
  const days = await history.locator("tbody tr").count();
  expect(days).toBeGreaterThan(7);
  await page.locator("div.phone-fold", { has: history }).getByTestId("phone-fold").locator("summary").click();
  await expect(history.locator("tbody tr:visible")).toHaveCount(days);
  await hospital.close();
});
