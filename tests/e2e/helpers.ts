import { randomBytes } from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { e2eDatabaseServerUrl, findDatabaseByLoginMarker } from "../../scripts/lib/e2e-db";

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

/**
 * The e2e app's own database: a failed sign-in with a marker address, then the oxy_e2e_* database
 * that logged it (scripts/lib/e2e-db.ts). For specs that read what other specs may have changed.
 */
export async function appDatabase(browser: Browser): Promise<string> {
  const server = e2eDatabaseServerUrl();
  if (!server) throw new Error("no PostgreSQL server for the e2e app's database (TEST_DATABASE_URL, DATABASE_URL or E2E_DB_URL_FILE)");
  const page = await browser.newPage();
  const marker = `marker-${randomBytes(6).toString("hex")}@satgas.test`;
  await loginWith(page, marker, "definitely-wrong");
  await expect(page.getByTestId("login-error")).toBeVisible();
  await page.close();
  return findDatabaseByLoginMarker(server, marker);
}

/**
 * Submits a form; when the server asks to confirm an unusual amount (decision 0022: how unusual
 * 20 t is depends on what the hospital holds, i.e. on which test ran before), ticks and submits again.
 */
export async function submitConfirmingIfAsked(form: Locator, done: () => Promise<unknown>) {
  await form.getByRole("button").click();
  const confirm = form.getByTestId("confirm-unusual");
  const asked = confirm.waitFor({ state: "visible" }).then(() => true);
  const saved = done().then(() => false);
  asked.catch(() => {});
  saved.catch(() => {});
  if (await Promise.race([asked, saved])) {
    await confirm.check();
    await form.getByRole("button").click();
  }
}
