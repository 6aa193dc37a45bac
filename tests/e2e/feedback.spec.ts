import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs, submitConfirmingIfAsked } from "./helpers";

// Feedback people under pressure can trust (issue #16): a cancel asks for a reason and then
// "are you sure?", a slow submit says it is saving and drops the old error, an empty list says
// what to do first.

/** rs1 asks for 1 t (confirming if asked) and lands on the new request's page: its path. */
async function newRequest(page: Page, reason: string): Promise<string> {
  await loginAs(page, "rs1@satgas.test");
  await page.goto("/requests");
  const form = page.getByTestId("request-form");
  await form.getByLabel(/Jumlah/).fill("1");
  await form.getByLabel(/Alasan/).fill(reason);
  await submitConfirmingIfAsked(form, () => page.waitForURL(/\/requests\/[^/?]+\?created=1/));
  await expect(page).toHaveURL(/\/requests\/[^/?]+\?created=1/);
  return new URL(page.url()).pathname;
}

test("a hospital cancels its request only with a reason and a yes, and the reason stays on the request", async ({ page }) => {
  const requestUrl = await newRequest(page, "Cadangan untuk akhir pekan.");

  await page.getByTestId("cancel-request").locator("summary").click();
  const cancel = page.getByTestId("cancel-request-form");
  await cancel.getByTestId("cancel-request-form-submit").click();
  await expect(cancel.getByTestId("error-reason")).toBeVisible(); // no reason, no question
  await expect(cancel.getByTestId("confirm")).toHaveCount(0);
  await cancel.getByLabel(/Alasan dibatalkan/).fill("Pasien sudah dirujuk ke RS lain");
  await cancel.getByTestId("cancel-request-form-submit").click();
  await expect(cancel.getByTestId("confirm")).toBeVisible();
  await expect(cancel.getByTestId("confirm-yes")).toBeFocused();
  await cancel.getByTestId("confirm-no").click(); // second thoughts: nothing is sent
  await page.reload();
  await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "SUBMITTED");

  await page.getByTestId("cancel-request").locator("summary").click();
  await cancel.getByLabel(/Alasan dibatalkan/).fill("Pasien sudah dirujuk ke RS lain");
  await cancel.getByTestId("cancel-request-form-submit").click();
  await cancel.getByTestId("confirm-yes").click();
  await expect(page).toHaveURL(`${requestUrl}?cancelled=1`);
  await expect(page.getByTestId("cancelled")).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(page.getByTestId("cancel-reason")).toContainText("Pasien sudah dirujuk ke RS lain");
  await expect(page.getByTestId("cancel-request")).toHaveCount(0);
});

test("without JavaScript a request is cancelled too: the server asks, yes cancels, no leaves it", async ({ browser }) => {
  const signIn = await browser.newContext();
  const page = await signIn.newPage();
  const requestUrl = await newRequest(page, "Cadangan tanpa skrip.");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signIn.storageState() });
  await signIn.close();
  const plain = await context.newPage();
  await plain.goto(requestUrl);
  const cancel = plain.getByTestId("cancel-request-form");
  await plain.getByTestId("cancel-request").locator("summary").click();
  // no reason: the server says so, the fold stays open
  await cancel.getByTestId("cancel-request-form-submit").click();
  await expect(cancel.getByTestId("error-reason")).toBeVisible();
  await expect(cancel.getByTestId("confirm")).toHaveCount(0);
  // a reason: the server asks, with the reason kept; "no" is the page again, still submitted
  await cancel.getByLabel(/Alasan dibatalkan/).fill("Dibatalkan tanpa skrip");
  await cancel.getByTestId("cancel-request-form-submit").click();
  await expect(cancel.getByTestId("confirm")).toBeVisible();
  await expect(cancel.getByLabel(/Alasan dibatalkan/)).toHaveValue("Dibatalkan tanpa skrip");
  await expect(plain.getByTestId("request-status")).toHaveAttribute("data-status", "SUBMITTED");
  await cancel.getByTestId("confirm-no").click();
  await expect(cancel.getByTestId("confirm")).toHaveCount(0);
  await expect(plain.getByTestId("request-status")).toHaveAttribute("data-status", "SUBMITTED");
  // asked again, "yes" cancels it
  await plain.getByTestId("cancel-request").locator("summary").click();
  await cancel.getByLabel(/Alasan dibatalkan/).fill("Dibatalkan tanpa skrip");
  await cancel.getByTestId("cancel-request-form-submit").click();
  await cancel.getByTestId("confirm-yes").click();
  await expect(plain).toHaveURL(`${requestUrl}?cancelled=1`);
  await expect(plain.getByTestId("request-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(plain.getByTestId("cancel-reason")).toContainText("Dibatalkan tanpa skrip");
  await context.close();
});

test("a slow save says it is saving and never shows the previous error meanwhile", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await page.goto("/capacity?day=2021-01-15"); // a day nobody entered
  const row = page.getByTestId("capacity-row").first();
  const medical = row.locator("input[name^='medical.']");
  await row.locator("input[name^='produced.']").fill("10");
  await medical.fill("12");
  await page.getByTestId("capacity-save").click();
  await expect(page.getByTestId("form-error")).toBeVisible();

  // the next submit takes two seconds on the way to the server
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/capacity**", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await medical.fill("4");
  await page.getByTestId("capacity-save").click();
  await expect(page.getByTestId("form-pending")).toBeVisible();
  await expect(page.getByTestId("form-pending")).toHaveText(/Menyimpan/);
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await expect(page.getByTestId("capacity-save")).toBeDisabled();
  release();
  await expect(page.getByTestId("form-ok")).toBeVisible();
  await expect(page.getByTestId("form-pending")).toHaveCount(0);
  await expect(row).toHaveAttribute("data-saved", "true");
  await expect(row.locator("output[data-testid^='cap-industrial-']")).toHaveText("6");
});

test("an empty list says what to do first, with the link to do it", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  for (const [path, action] of [
    ["/pledges?q=tidak-ada-yang-cocok", "/pledges"],
    ["/suppliers?q=tidak-ada-yang-cocok", "/suppliers?status=all"],
    ["/dispatches?q=tidak-ada-yang-cocok", "/dispatches"],
  ] as const) {
    await page.goto(path);
    const empty = page.getByTestId("empty-state");
    await expect(empty, path).toBeVisible();
    await expect(empty.locator(`a[href='${action}']`), path).toBeVisible();
  }
});

test("the pages these forms and cards changed have no accessibility violations (axe), on a phone and a laptop", async ({ page }) => {
  test.setTimeout(180_000);
  const scan = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  await loginAs(page, "staff@satgas.test");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of ["/capacity?day=2021-08-25", "/pledges", "/suppliers", "/dispatches", "/pledges?q=tidak-ada-yang-cocok"]) {
      await page.goto(path);
      await scan(`${path} @${width}`);
    }
    await page.goto("/capacity?day=2021-08-25");
    await page.getByTestId("copy-yesterday").click();
    await expect(page.getByTestId("copied")).toBeVisible();
    await scan(`capacity copied @${width}`);
  }
  await page.context().clearCookies();
  await loginAs(page, "rs1@satgas.test");
  await page.goto("/requests");
  const submitted = page.locator("tr:has([data-status='SUBMITTED']) a[href^='/requests/']").first();
  if (await submitted.count()) {
    await submitted.click();
    await page.getByTestId("cancel-request").locator("summary").click();
    await page.getByTestId("cancel-request-form").getByRole("textbox").fill("Cek aksesibilitas");
    await page.getByTestId("cancel-request-form-submit").click();
    await expect(page.getByTestId("confirm")).toBeVisible();
    await scan("request cancel, asking");
  }
});
