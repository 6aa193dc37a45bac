import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";

export async function loginAs(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("whoami")).toBeVisible();
}

export async function switchLanguage(page: Page, to: "id" | "en") {
  await page.locator(`header button[name=locale][value=${to}]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}
