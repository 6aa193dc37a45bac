import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

// Every form is read and answered the same way (decision 0029): field errors are codes the page
// translates, shown under their field, and what was typed stays — the sign-in form included.

test("the sign-in form's field errors are in the page's language, and the typed email stays", async ({ page }) => {
  await page.goto("/login");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("error-email")).toHaveText("Wajib diisi.");
  await expect(page.getByTestId("error-password")).toHaveText("Wajib diisi.");
  await expect(page.getByTestId("login-error")).toHaveCount(0);

  await page.getByLabel(/email/i).fill("bukan-email");
  await page.locator("#password").fill("sembarang");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("error-email")).toHaveText("Format tidak valid.");
  await expect(page.getByTestId("error-password")).toHaveCount(0);
  await expect(page.getByLabel(/email/i)).toHaveValue("bukan-email");
  await expect(page.locator("#password")).toHaveValue(""); // a password is never sent back
});

test("a refused pledge keeps its tranche rows as typed and shows the error on the row", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await page.goto("/pledges/new");
  const form = page.getByTestId("pledge-form");
  await form.locator("#f-supplierId").selectOption({ index: 1 });
  await form.locator("#f-total").fill("30");
  await form.locator("#f-startsOn").fill("2021-08-01");
  await form.locator("#f-endsOn").fill("2021-08-31");
  await form.locator("#tranche-count").fill("2");
  await page.getByTestId("generate-tranches").click();
  const rows = page.getByTestId("tranche-row");
  await expect(rows).toHaveCount(2);
  await rows.nth(1).locator('input[name="tranches[1].tonnes"]').fill("1.5"); // an English habit on an Indonesian form
  await page.getByTestId("pledge-submit").click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(rows.nth(1).locator(".field-error")).toContainText("1,5");
  await expect(rows.nth(1).locator('input[name="tranches[1].tonnes"]')).toHaveValue("1.5");
  await expect(form.locator("#f-total")).toHaveValue("30");
});
