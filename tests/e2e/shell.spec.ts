import { expect, test } from "@playwright/test";
import { loginAs, switchLanguage } from "./helpers";

test("a signed-out visit is sent to the login page", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Masuk" })).toBeVisible();
});

test("a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill("staff@satgas.test");
  await page.locator("#password").fill("not-the-password");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toContainText("salah");
});

const ROLES = [
  { email: "admin@satgas.test", sees: ["Dasbor", "Pemasok", "Pengguna"], not: ["Rumah sakit saya"] },
  { email: "staff@satgas.test", sees: ["Dasbor", "Pemasok", "Permintaan"], not: ["Pengguna", "Rumah sakit saya"] },
  { email: "official@satgas.test", sees: ["Dasbor"], not: ["Pengguna", "Rumah sakit saya"] },
  { email: "rs1@satgas.test", sees: ["Rumah sakit saya", "Permintaan"], not: ["Dasbor", "Pemasok", "Pengguna"] },
];

for (const role of ROLES) {
  test(`${role.email} sees their navigation`, async ({ page }) => {
    await loginAs(page, role.email);
    const nav = page.locator("header nav").last();
    for (const label of role.sees) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of role.not) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
  });
}

test("a hospital admin is refused the dashboard even by URL", async ({ page }) => {
  await loginAs(page, "rs2@satgas.test");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("the language switch turns the shell into English and back", async ({ page }) => {
  await loginAs(page, "official@satgas.test");
  await switchLanguage(page, "en");
  await expect(page.locator("header nav").last().getByRole("link", { name: "Dashboard", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await switchLanguage(page, "id");
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await loginAs(page, "staff@satgas.test");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/suppliers");
  await expect(page).toHaveURL(/\/login/);
});
