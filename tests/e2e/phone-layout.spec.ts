import { expect, test, type Page } from "@playwright/test";
import { loginAs, switchLanguage } from "./helpers";
import { pagesOf, ROLES } from "./pages";

// Nothing wider than a phone: every page each role can open, at 390 × 844 and in both languages,
// fits the screen (a table that matters becomes cards or keeps its key columns; issue #16). The
// page itself must not scroll sideways; a table may scroll inside its own box only when that box
// says so (overflow-x: auto) — and then the test still names it, so it is a choice, not an accident.

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
    // boxes that scroll sideways inside the page (a wide table kept in its card)
    const scrollers = Array.from(document.querySelectorAll("main *"))
      .filter((el) => getComputedStyle(el).overflowX === "auto" && el.scrollWidth > el.clientWidth + 1)
      .map((el) => ({
        stacked: !!el.querySelector("table.table-stack"),
        at: `${el.tagName.toLowerCase()}[${el.querySelector("[data-testid]")?.getAttribute("data-testid") ?? ""}] ${el.scrollWidth}/${el.clientWidth} px`,
      }));
    return { width, pageWidth, culprit, scrollers };
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
          // a table made into cards on a phone (table-stack) must not need a sideways scroll
          if (s.stacked) wide.push(`${path}: a stacked table still scrolls sideways: ${s.at}`);
          else console.log(`[phone-layout] ${role} ${lang} ${path}: scrolls sideways inside: ${s.at}`);
        }
      }
      expect(wide, `pages wider than the phone (${role}, ${lang})`).toEqual([]);
    });
  }
}
