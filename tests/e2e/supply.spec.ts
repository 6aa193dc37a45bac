import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

// Staff run the supply side through the UI: a day's capacity (with a validation error first),
// a pledge with generated tranches, a dispatch against one tranche, and the pledge's progress.

test("staff enter capacity, record a pledge with tranches, dispatch against it and see progress change", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");

  // --- capacity: the day after the seed's last day, starting from yesterday's figures
  await page.goto("/capacity?day=2021-08-26");
  await expect(page.getByTestId("capacity-form")).toBeVisible();
  await page.getByTestId("copy-yesterday").click();
  await expect(page.getByTestId("copied")).toBeVisible();
  expect(new URL(page.url()).search).toBe("?day=2021-08-26"); // copying happens in the form, not in the address
  const row = page.getByTestId("capacity-row").first();
  const produced = row.locator("input[name^='produced.']");
  const medical = row.locator("input[name^='medical.']");
  const industrial = row.locator("output[data-testid^='cap-industrial-']");
  await expect(produced).not.toHaveValue("");
  await expect(row.locator("input[name^='industrial.']")).toHaveCount(0); // computed, never typed
  await produced.fill("100,5");
  await medical.fill("110");
  await expect(industrial).toHaveText(/medis melebihi produksi/);
  await page.getByTestId("capacity-save").click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(row.locator("[data-testid^='error-medical.']")).toBeVisible();
  await expect(medical).toHaveValue("110"); // what the user typed is kept
  await medical.fill("70");
  await expect(industrial).toHaveText("30,5"); // produced − medical, as typed
  await page.getByTestId("capacity-save").click();
  await expect(page.getByTestId("form-ok")).toBeVisible();
  await expect(row).toHaveAttribute("data-saved", "true"); // the saved rows are highlighted
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  // a reload shows what is saved — never yesterday's figures copied over it again
  await page.reload();
  await expect(page.getByTestId("copied")).toHaveCount(0);
  await expect(page.getByTestId("capacity-row").first().locator("input[name^='produced.']")).toHaveValue("100,5");
  await expect(page.getByTestId("capacity-row").first().locator("output[data-testid^='cap-industrial-']")).toHaveText("30,5");
  await expect(page.getByTestId("capacity-total")).not.toHaveText(/^0 t$/);
  // an old link with ?copy=1 fills nothing in
  await page.goto("/capacity?day=2021-08-26&copy=1");
  await expect(page.getByTestId("copied")).toHaveCount(0);
  await expect(page.getByTestId("capacity-row").first().locator("input[name^='produced.']")).toHaveValue("100,5");

  // --- pledge with equal tranches
  await page.goto("/pledges/new");
  const form = page.getByTestId("pledge-form");
  const supplier = form.locator("#f-supplierId");
  const supplierName = (await supplier.locator("option").nth(1).textContent())!.trim();
  await supplier.selectOption({ label: supplierName });
  await form.locator("#f-total").fill("30");
  await form.locator("#f-startsOn").fill("2021-08-01");
  await form.locator("#f-endsOn").fill("2021-08-31");
  await form.locator("#tranche-count").fill("3");
  await page.getByTestId("generate-tranches").click();
  await expect(page.getByTestId("tranche-row")).toHaveCount(3);
  await page.getByTestId("pledge-submit").click();
  await expect(page).toHaveURL(/\/pledges\/[^/?]+\?created=1/);
  await expect(page.getByTestId("form-ok")).toBeVisible();
  const pledgeUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("pledge-total")).toHaveText(/30/);
  await expect(page.getByTestId("pledge-dispatched")).toHaveText(/^0 t$/);

  // --- dispatch against the first tranche
  await page.getByTestId("dispatch-tranche").first().click();
  await expect(page).toHaveURL(/\/dispatches\/new\?tranche=/);
  const d = page.getByTestId("dispatch-form");
  await expect(d.locator("#f-source")).not.toHaveValue("");
  await d.locator("#f-hospitalId").selectOption({ index: 1 });
  await d.locator("#f-vehiclePlate").fill("A 9123 XY");
  await d.locator("#f-driverName").fill("Asep");
  await d.locator("#f-amount").fill("10");
  await d.locator("#f-unit").selectOption("TONNE_LIQUID");
  await page.getByTestId("dispatch-submit").click();
  await expect(page).toHaveURL(/\/dispatches\?created=/);
  await expect(page.getByTestId("form-ok")).toBeVisible();

  // --- the pledge's progress moved
  await page.goto(pledgeUrl);
  await expect(page.getByTestId("pledge-dispatched")).toHaveText(/^10 t$/);
  await expect(page.getByTestId("tranche-table")).toContainText("10 t");
  await page.goto("/pledges?sort=startsOn&dir=desc");
  await expect(page.getByTestId("pledges-table").locator(`a[href='${pledgeUrl}']`)).toBeVisible();
});

test("an official may read the supply lists but gets no write forms", async ({ page }) => {
  await loginAs(page, "official@satgas.test");
  await page.goto("/suppliers");
  await expect(page.getByTestId("suppliers-table")).toBeVisible();
  await expect(page.locator("a[href='/suppliers/new']")).toHaveCount(0);
  await page.goto("/pledges/new");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/dispatches/new");
  await expect(page).toHaveURL(/\/forbidden/);
});
