import { expect, test } from "@playwright/test";

// Screenshot comparisons, for the pages whose picture does not depend on the clock or on the data
// other specs write: the sign-in page, at a phone's and a laptop's width, in both languages. The
// rest is held by layout assertions (phone-layout.spec.ts, every-page.spec.ts): decision 0037.
// Baselines are Chromium on Linux (tests/e2e/visual.spec.ts-snapshots); after a deliberate change
// of the sign-in page: E2E_PORT=… npx playwright test tests/e2e/visual.spec.ts --update-snapshots.

for (const lang of ["id", "en"] as const) {
  for (const width of [390, 1280]) {
    test(`the sign-in page looks as it did (${lang}, ${width} px)`, async ({ page, context }) => {
      await context.addCookies([{ name: "lang", value: lang, url: test.info().project.use.baseURL! }]);
      await page.setViewportSize({ width, height: 844 });
      await page.goto("/login");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page).toHaveScreenshot(`login-${lang}-${width}.png`, { fullPage: true, maxDiffPixelRatio: 0.01, animations: "disabled", caret: "hide" });
    });
  }
}
