import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";

/** Fills and submits the sign-in form (from `path`, which may carry a callbackUrl); asserts nothing. */
export async function loginWith(page: Page, email: string, password: string, path = "/login") {
  await page.goto(path);
  await page.getByLabel(/email/i).fill(email);
  await page.locator("#password").fill(password);
  await page.getByTestId("login-submit").click();
}

export async function loginAs(page: Page, email: string) {
  await loginWith(page, email, PASSWORD);
  await expect(page.getByTestId("whoami")).toBeVisible();
}

export async function switchLanguage(page: Page, to: "id" | "en") {
  await page.locator(`header button[name=locale][value=${to}]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}

/**
 * The body React sends for a server action called by a form with no fields: multipart, with the
 * argument list ending in the form (server.ts refuses action bodies that are not a form).
 */
export function emptyFormAction(): { contentType: string; data: Buffer } {
  const boundary = "----e2eform";
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    data: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${boundary}--\r\n`),
  };
}
