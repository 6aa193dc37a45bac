import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryOn } from "../../scripts/lib/e2e-db";
import { appDatabase, loginAs } from "./helpers";

// Alerts (decision 0033): the worker in the server under test raises them on its own from the
// seeded hospitals' projections; a hospital admin sees only their hospital's and takes one on;
// staff see every hospital's, and who took it on.

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, email);
  return page;
}

let dbUrl = "";
test.beforeAll(async ({ browser }) => {
  dbUrl = await appDatabase(browser);
});

test("the worker raises red alerts for the seeded hospitals that are running out; staff see them", async ({ browser }) => {
  const page = await as(browser, "staff@satgas.test");
  // the worker's first round runs a few seconds after the server starts
  await expect
    .poll(
      async () => {
        await page.goto("/alerts");
        return page.locator("[data-testid=alert][data-kind=red]").count();
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  await expect(page.locator("h1")).toHaveText("Peringatan");
  await expect(page.locator("[data-testid=alert][data-kind=red]").first()).toContainText("Merah: oksigen diperkirakan habis dalam");
});

test("a hospital admin sees only their hospital's alerts and takes one on; staff see who did", async ({ browser }) => {
  const [{ id: hospitalId, name }] = await queryOn<{ id: string; name: string }>(
    dbUrl,
    `SELECT h.id, h.name FROM "Hospital" h JOIN "User" u ON u."hospitalId" = h.id WHERE u.email = 'rs1@satgas.test'`,
  );
  // an alert of its own, so the test does not depend on what the worker or other tests did
  await queryOn(dbUrl, `UPDATE "Alert" SET "clearedAt" = now() WHERE "hospitalId" = $1 AND kind = 'missed_report' AND "clearedAt" IS NULL`, [hospitalId]);
  await queryOn(dbUrl, `INSERT INTO "Alert" (id, "hospitalId", kind, "raisedAt") VALUES ($1, $2, 'missed_report', now())`, [
    `e2e-${randomBytes(4).toString("hex")}`,
    hospitalId,
  ]);

  const rs1 = await as(browser, "rs1@satgas.test");
  await rs1.goto("/alerts");
  const mine = rs1.locator("[data-testid=alert]");
  await expect(mine.first()).toBeVisible();
  for (const text of await mine.allInnerTexts()) expect(text).toContain(name);
  const missed = rs1.locator("[data-testid=alert][data-kind=missed_report]");
  await expect(missed.getByTestId("alert-acknowledged")).toHaveCount(0);
  await missed.getByTestId("alert-acknowledge").click();
  await expect(missed.getByTestId("alert-acknowledged")).toContainText("Ditanggapi oleh Admin RSUD Banten");

  const staff = await as(browser, "staff@satgas.test");
  await staff.goto("/alerts");
  const seen = staff.locator("[data-testid=alert][data-kind=missed_report]", { hasText: name });
  await expect(seen.getByTestId("alert-acknowledged")).toContainText("Admin RSUD Banten");
  await expect(seen.getByTestId("alert-acknowledge")).toHaveCount(0);
});
