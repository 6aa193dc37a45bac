import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

// An official explores the demand forecast: the scenario controls re-run the forecast in the
// browser at once, the URL follows, and a saved scenario reopens by its link.

test("an official moves the wave, sees the shortage appear, saves the scenario and reopens it by link", async ({ page }) => {
  await loginAs(page, "official@satgas.test");
  await page.locator("header nav").last().getByRole("link", { name: "Proyeksi", exact: true }).click();
  await expect(page).toHaveURL(/\/forecast$/);
  await expect(page.getByRole("heading", { name: "Proyeksi kebutuhan oksigen" })).toBeVisible();
  // From the seed's last reports (25 Aug 2021), whatever other specs reported since (hospital.spec
  // reports today's stock): the days below are the seed's.
  await page.goto("/forecast?asOf=2021-08-25");
  await expect(page.getByRole("heading", { name: "Proyeksi kebutuhan oksigen" })).toBeVisible();

  const first = page.getByTestId("first-short-day");
  const shortfall = page.getByTestId("max-shortfall");
  const peak = page.getByTestId("peak-demand");
  // The seed's wave is receding and the province's medical supply is far above the reporting
  // hospitals' demand: no shortage.
  await expect(first).toHaveText("Tidak kekurangan dalam 14 hari");
  await expect(shortfall).toHaveText("0 t");
  const peakAt1 = await peak.textContent();

  // A wave ×5: five times the demand, still covered.
  await page.locator("#wave").fill("5");
  await expect(page.getByTestId("wave-value")).toHaveText("×5");
  await expect(peak).not.toHaveText(peakAt1!);
  await expect(first).toHaveText("Tidak kekurangan dalam 14 hari");

  // The governor's instruction ends: 56 points of production go back to industry, and the ×5 wave runs short at once.
  await page.locator("#shift").fill("-56");
  await expect(page.getByTestId("shift-value")).toContainText("-56");
  await expect(first).toHaveText("26 Agu 2021");
  await expect(shortfall).not.toHaveText("0 t");
  const shortAt5 = await shortfall.textContent();
  // how far the split may go back to industry before this wave runs short
  await expect(page.getByTestId("close-gap")).toContainText("boleh kembali ke industri");
  await expect(page).toHaveURL(/wave=5/);
  await expect(page).toHaveURL(/shift=-56/);

  // Back to today's wave: with a hundred hospitals reporting, even today's demand runs short once
  // the instruction lapses; with the split as it is, the shortage disappears again.
  await page.locator("#wave").fill("1");
  await expect(first).toHaveText("26 Agu 2021");
  await expect(shortfall).not.toHaveText(shortAt5!);
  await page.locator("#shift").fill("0");
  await expect(first).toHaveText("Tidak kekurangan dalam 14 hari");
  await page.locator("#wave").fill("5");
  await page.locator("#shift").fill("-56");
  await expect(shortfall).toHaveText(shortAt5!);

  // Save and reopen by link.
  await page.getByLabel("Nama skenario").fill("Ingub berakhir, gelombang ×5");
  await page.getByRole("button", { name: "Simpan skenario" }).click();
  await expect(page.getByTestId("form-ok")).toBeVisible();
  const link = page.getByTestId("scenario-link");
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/forecast\?scenario=/);

  await page.goto("/dashboard");
  await page.goto(href!);
  await expect(page.getByTestId("opened-scenario")).toContainText("Ingub berakhir, gelombang ×5");
  await expect(page.getByTestId("wave-value")).toHaveText("×5");
  await expect(page.getByTestId("first-short-day")).toHaveText("26 Agu 2021");
  await expect(page.getByTestId("max-shortfall")).toHaveText(shortAt5!);
  await expect(page.getByTestId("saved-scenarios")).toContainText("Ingub berakhir, gelombang ×5");
});

test("a hospital admin cannot open the forecast", async ({ page }) => {
  await loginAs(page, "rs1@satgas.test");
  await expect(page.locator("header nav").last().getByRole("link", { name: "Proyeksi", exact: true })).toHaveCount(0);
  await page.goto("/forecast");
  await expect(page).toHaveURL(/\/forbidden/);
});
