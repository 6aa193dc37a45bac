import { expect, test } from "@playwright/test";
import { queryOn } from "../../scripts/lib/e2e-db";
import { appDatabase, loginAs } from "./helpers";

// A hospital admin on a slow phone submits the stock report before the page's script has loaded
// (here: with JavaScript off): the form posts as a plain HTML form, the report is saved once, and
// the page that comes back says so and shows the new supply and history, or the field errors
// with what was typed (decision 0050). Signing in needs the script; the report does not.
// RS Sari Asih Serang: a 3 t tank, about 1 t a day (plausible.spec.ts, which runs before).

test("the stock report posts, is saved once and is shown without JavaScript", async ({ browser }) => {
  const dbUrl = await appDatabase(browser);
  const signIn = await browser.newContext();
  await loginAs(await signIn.newPage(), "rs2@satgas.test");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signIn.storageState() });
  await signIn.close();
  const page = await context.newPage();
  const reports = async () =>
    Number(
      (
        await queryOn<{ n: string }>(
          dbUrl,
          `SELECT count(*) AS n FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
           WHERE u.email = 'rs2@satgas.test' AND a.entity = 'StockReport'`,
        )
      )[0].n,
    );
  const before = await reports();

  await page.goto("/my-hospital");
  const form = page.getByTestId("stock-form");
  // a typo: refused on the field, what was typed kept, nothing saved
  await form.getByLabel(/Oksigen di tangki/).fill("2,4x");
  await form.getByLabel(/Terpakai 24 jam/).fill("1,1");
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("error-stockKg")).toBeVisible();
  await expect(page).toHaveURL(/\/my-hospital#stock-report$/); // back at the form, not the top of the page
  await expect(form.getByLabel(/Oksigen di tangki/)).toHaveValue("2,4x");
  await expect(form.getByLabel(/Terpakai 24 jam/)).toHaveValue("1,1");
  expect(await reports()).toBe(before);

  await form.getByLabel(/Oksigen di tangki/).fill("2,4");
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("form-ok")).toBeVisible();
  const newest = page.getByTestId("stock-history").locator("tbody tr").first();
  await expect(newest).toContainText("2,4 t");
  await expect(newest).toContainText("1,1 t");
  // the supply is the new report's: its usable stock is the newest row's
  const usable = await newest.locator("td").nth(2).textContent();
  await expect(page.getByTestId("current-supply").locator("dd").first()).toHaveText(usable ?? "");
  expect(await reports()).toBe(before + 1);

  // pressed again (the button cannot be disabled without the script): the same report, no second event
  await form.getByLabel(/Oksigen di tangki/).fill("2,4");
  await form.getByLabel(/Terpakai 24 jam/).fill("1,1");
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("form-ok")).toBeVisible();
  expect(await reports()).toBe(before + 1);
  await context.close();
});

test("with JavaScript the form answers with the supply and the history only, report after report", async ({ page }) => {
  await loginAs(page, "rs2@satgas.test");
  await page.goto("/my-hospital");
  const form = page.getByTestId("stock-form");
  // the action's answers, read whole on their way to the page
  const answers: string[] = [];
  await page.route("**/my-hospital", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    answers.push(await response.text());
    await route.fulfill({ response });
  });
  // the second report posts the first one's answer back as the form's previous state
  for (const [i, stock] of ["2,2", "2,3"].entries()) {
    await form.getByLabel(/Oksigen di tangki/).fill(stock);
    await form.getByLabel(/Terpakai 24 jam/).fill("1");
    await form.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => answers.length).toBe(i + 1);
    expect(answers[i]).toContain("stock-history");
    expect(answers[i]).not.toContain("thresholds-form"); // not the whole page (decision 0047)
    await expect(page.getByTestId("stock-history").locator("tbody tr").first()).toContainText(`${stock} t`);
    // React empties the form once saved: the echo under a box goes with what was typed in it
    await expect(form.getByLabel(/Oksigen di tangki/)).toHaveValue("");
    await expect(page.getByTestId("f-stockKg-echo")).toHaveText("");
  }
});
