import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

// Issue #15 (decision 0039): the war room enters a hospital's report on its behalf after a phone
// call; a hospital's alert thresholds and one's own alert channels are edited in place; a refill
// turns a distributor's empty cylinders into full ones; an escalated alert says so.

/** A hospital of this test's own (green, so the seeded story's red and stale counts stay as they are). */
async function newHospital(page: Page, { cylinders = false } = {}): Promise<string> {
  const name = `RS Uji Telepon ${randomBytes(3).toString("hex")}`;
  await page.goto("/hospitals/new");
  const form = page.getByTestId("hospital-form");
  await form.locator("#f-name").fill(name);
  await form.locator("#f-regionId").selectOption({ index: 1 });
  await form.locator("#f-beds").fill("50");
  await form.locator("#f-tankCapacityKg").fill("10");
  if (cylinders) await form.locator('[name="cylinderSupply"]').check();
  await form.getByRole("button").click();
  await expect(page.getByTestId("created")).toBeVisible();
  await expect(page.getByTestId("hospital-name")).toHaveText(name);
  return name;
}

test("staff enter a stock report on a hospital's behalf after a phone call; its history says so", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await newHospital(page);
  const room = page.getByTestId("war-room");
  const form = room.getByTestId("stock-form");
  await form.getByRole("button").click(); // without the note: refused on its field
  await expect(form.getByTestId("error-onBehalfNote")).toHaveText("Wajib diisi.");
  await form.locator("#f-onBehalfNote").fill("telepon apoteker jaga 09.10");
  await form.locator("#f-stockKg").fill("8");
  await form.locator("#f-usedKg").fill("1");
  await form.getByRole("button").click();
  await expect(form.getByTestId("form-ok")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("on-behalf").first()).toHaveText("diisi oleh satgas: telepon apoteker jaga 09.10");
});

test("staff count a cylinder hospital's cylinders for it: a blank emptied box beside a filled one is refused, not read as 0; the saved count shows its reading", async ({
  page,
}) => {
  await loginAs(page, "staff@satgas.test");
  await newHospital(page, { cylinders: true });
  // sizes in order: 1, 2 and 6 m³
  const form = page.getByTestId("war-room").getByTestId("cylinder-count-on-behalf");
  await form.locator('[name="onBehalfNote"]').fill("telepon kepala ruang 10.05");
  await form.locator('[name="lines[2].full"]').fill("40");
  await form.locator('[name="lines[2].used"]').fill("20");
  await form.getByRole("button").click();
  const blank =
    "Hitung juga tabung ukuran ini yang habis (0 jika tidak ada), atau kosongkan semua kotak tabung habis agar pemakaian tetap seperti laporan terakhir.";
  await expect(form.locator(".field-error")).toHaveText([blank, blank]);
  await expect(form.locator('[name="lines[0].used"]')).toHaveAttribute("aria-invalid", "true");
  await form.locator('[name="lines[0].used"]').fill("0");
  await form.locator('[name="lines[1].used"]').fill("0");
  await form.getByRole("button").click();
  // 40 × 8.124 kg = 325 kg; 20 emptied × 8.124 kg = 162 kg in 24 h
  await expect(form.getByTestId("form-ok")).toHaveText(
    "Hitungan disimpan: 325 kg oksigen dalam tabung penuh. Pemakaian: 162 kg dalam 24 jam, dari tabung yang habis.",
  );
  await page.reload();
  await expect(page.getByTestId("on-behalf").first()).toHaveText("diisi oleh satgas: telepon kepala ruang 10.05");
});

test("staff set a hospital's alert thresholds; red must stay below amber", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await newHospital(page);
  const form = page.getByTestId("thresholds-form");
  await form.locator('[name="redBelowHours"]').fill("30");
  await form.getByRole("button").click();
  await expect(form.locator(".field-error")).toHaveText("Merah harus di bawah kuning.");
  await form.locator('[name="redBelowHours"]').fill("12");
  await form.locator('[name="amberBelowHours"]').fill("36");
  await form.getByRole("button").click();
  await expect(form.getByTestId("form-ok")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("thresholds-form").locator('[name="redBelowHours"]')).toHaveValue("12");
});

test("each user chooses how alerts reach them on their account page", async ({ page }) => {
  await loginAs(page, "official@satgas.test");
  await page.goto("/password");
  const form = page.getByTestId("channels-form");
  await form.getByTestId("check-alertByWebhook").check();
  await form.getByRole("button").click();
  await expect(form.locator(".field-error")).toHaveText("Nomor telepon diperlukan untuk SMS/WhatsApp.");
  await form.locator('[name="phone"]').fill("+62 812 3456 7890");
  await form.getByRole("button").click();
  await expect(form.getByTestId("form-ok")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("channels-form").locator('[name="phone"]')).toHaveValue("+6281234567890");
});

test("a refill turns a distributor's empties into fulls; more than it has is refused", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await page.goto("/cylinders");
  const cell = () =>
    page.getByTestId("distributor-cylinders").locator("[data-testid=cylinder-holder][data-holder='CV Serang Oksigen Medika'] td[data-type=cyl_6m3]");
  const before = { full: Number(await cell().getAttribute("data-full")), empty: Number(await cell().getAttribute("data-empty")) };
  expect(before.empty).toBeGreaterThanOrEqual(5);
  const form = page.getByTestId("refill-form");
  await form.locator("[name=supplierId]").selectOption({ label: "CV Serang Oksigen Medika" });
  await form.locator("[name=count]").fill("5");
  await form.getByRole("button").click();
  await expect(form.getByTestId("form-ok")).toBeVisible();
  await expect(cell()).toHaveAttribute("data-full", String(before.full + 5));
  await expect(cell()).toHaveAttribute("data-empty", String(before.empty - 5));
  // a form that succeeded starts afresh: choose the distributor again
  await form.locator("[name=supplierId]").selectOption({ label: "CV Serang Oksigen Medika" });
  await form.locator("[name=count]").fill("100000");
  await form.getByRole("button").click();
  await expect(form.getByTestId("error-count")).toHaveText("Tabung kosong di sana tidak sebanyak itu.");
  await expect(cell()).toHaveAttribute("data-full", String(before.full + 5));
});

test("an alert nobody acknowledged shows it was passed up, on /alerts and in the bell's notices", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await page.goto("/alerts");
  await expect(page.getByTestId("alert-escalated").first()).toHaveText("Dinaikkan ke tingkat 1 dari 2");
  await page.goto("/notifications");
  await expect(page.locator("[data-kind=alert_escalated]").first()).toContainText("Peringatan dinaikkan ke staf satgas");
});

test("the cylinders page, a hospital's war room and the account page have no accessibility violations (axe)", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "staff@satgas.test");
  const name = await newHospital(page);
  const hospitalPage = page.url();
  for (const path of ["/cylinders", new URL(hospitalPage).pathname, "/password"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      name,
    ).toEqual([]);
  }
});
