import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

// Plausible quantities (decision 0022): a hospital admin types a day's use the hospital cannot
// have burnt, is told how it was read and what the limit is, corrects it to a figure that is
// merely unusual, confirms it with the tick and saves; the report is held for review.
// RS Sari Asih Serang in the demo: a 3 t tank (at most 9 t a day), 180 beds (60 COVID: at most
// 8,773 kg a day), about 1 t a day in its recent reports.

test("a hospital admin is stopped on an impossible daily use, then confirms an unusual one and saves it", async ({ page }) => {
  await loginAs(page, "rs2@satgas.test");
  await page.goto("/my-hospital");
  const form = page.getByTestId("stock-form");
  await form.getByLabel(/Oksigen di tangki/).fill("1");
  // 2,000 kg typed in a form counting tonnes: "2.000" is two thousand tonnes in Indonesian
  await form.getByLabel(/Terpakai 24 jam/).fill("2.000");
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("error-usedKg")).toContainText("tempat tidur");
  await expect(page.getByTestId("detail-usedKg")).toContainText("Terbaca sebagai 2.000 t (2.000.000 kg).");
  await expect(page.getByTestId("detail-usedKg")).toContainText("Batas: 8,773 t (8.773 kg).");
  await expect(page.getByTestId("confirm-unusual")).toHaveCount(0); // an impossible figure cannot be confirmed

  await form.getByLabel(/Terpakai 24 jam/).fill("5");
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("error-usedKg")).toContainText("3 kali rata-rata");
  await expect(page.getByTestId("detail-usedKg")).toContainText("Terbaca sebagai 5 t (5.000 kg).");
  await expect(page.getByTestId("detail-usedKg")).toContainText("Batas:");
  await expect(page.getByTestId("form-flagged")).toHaveCount(0); // nothing saved yet

  await page.getByTestId("confirm-unusual").check();
  await form.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("form-flagged")).toBeVisible();
  // saved, and held for review (out of the burn rate until staff confirm it)
  const latest = page.getByTestId("stock-history").locator("tbody tr").first();
  await expect(latest).toHaveAttribute("data-flagged", "true");
  await expect(latest).toContainText("5 t");
});
