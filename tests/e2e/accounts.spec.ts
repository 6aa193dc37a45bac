import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import { e2eDatabaseServerUrl, findDatabaseByLoginMarker, queryOn } from "../../scripts/lib/e2e-db";
import { loginAs, loginWith } from "./helpers";

// Accounts an admin manages (issue #13 item 4, and the usability issue): a new account and a
// reset password must be changed at the first sign-in, the one-time password is shown once, and
// an admin edits name, role and hospital — a new role ends the account's open sessions.

const BASE = e2eDatabaseServerUrl();
let dbUrl: string | null = null;

const sql = <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []) => queryOn<T>(dbUrl!, text, params);

test.beforeAll(async ({ browser }) => {
  if (!BASE)
    throw new Error(
      "no PostgreSQL server for the e2e app's database (TEST_DATABASE_URL, DATABASE_URL or E2E_DB_URL_FILE): these tests look into it and never skip",
    );
  const page = await browser.newPage();
  const marker = `marker-${randomBytes(6).toString("hex")}@satgas.test`;
  await loginWith(page, marker, "definitely-wrong");
  await expect(page.getByTestId("login-error")).toBeVisible();
  await page.close();
  dbUrl = await findDatabaseByLoginMarker(BASE, marker);
});

test("a new account signs in with the admin's password, must choose its own first, then signs in with it", async ({ page, browser }) => {
  const email = `new-${randomBytes(4).toString("hex")}@satgas.test`;
  const admin = await browser.newPage();
  await loginAs(admin, "admin@satgas.test");
  await admin.goto("/admin/users");
  const form = admin.getByTestId("user-form");
  await form.getByLabel("Email").fill(email);
  // a person's name, not words of the interface: /audit shows it in English too (every-page.spec.ts)
  await form.getByLabel("Nama").fill("Rina Wulandari");
  await form.locator("#f-role").selectOption("OFFICIAL");
  await form.getByLabel("Kata sandi awal").fill("password1234");
  await form.getByRole("button").click();
  await expect(form).toContainText("terlalu mudah ditebak");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Nama").fill("Rina Wulandari");
  await form.locator("#f-role").selectOption("OFFICIAL");
  await form.getByLabel("Kata sandi awal").fill("awal-dari-admin-2021");
  await form.getByRole("button").click();
  await expect(admin.getByTestId("users-table").getByRole("row", { name: email })).toContainText("harus ganti kata sandi");
  // the new account is highlighted where it landed in the list, and the form says it was created
  await expect(admin.getByTestId("users-table").getByRole("row", { name: email })).toHaveAttribute("data-saved", "true");
  await expect(admin.getByTestId("form-ok")).toBeVisible();
  await admin.close();

  await loginWith(page, email, "awal-dari-admin-2021");
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByTestId("must-change")).toBeVisible();
  // Every page sends it back here; the API refuses it.
  for (const path of ["/dashboard", "/notifications", "/report"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/password$/);
  }
  expect((await page.request.get("/api/v1/summary?date=2021-07-26")).status()).toBe(403);

  await page.locator("#f-current").fill("awal-dari-admin-2021");
  await page.locator("#f-password").fill("kerbau nila tumbuh pagi");
  await page.locator("#f-confirm").fill("kerbau nila tumbuh pagi");
  await page.getByTestId("password-submit").click();
  await expect(page).toHaveURL(/\/login\?changed=1$/);
  await expect(page.getByTestId("login-notice")).toBeVisible();
  await loginWith(page, email, "kerbau nila tumbuh pagi");
  await expect(page.getByTestId("whoami")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard/);
});

test("an admin's reset shows a one-time password once and ends the account's sessions; a role change ends them too", async ({ page, browser }) => {
  // A throwaway official (the demo accounts stay as they are for the other specs).
  const email = `acct-${randomBytes(4).toString("hex")}@satgas.test`;
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES ($1, $2, 'Account test', $3, 'OFFICIAL')`, [
    `acct_${randomBytes(8).toString("hex")}`,
    email,
    await bcrypt.hash("official-password-123", 4),
  ]);
  const esc = email.replace(/[.]/g, "\\.");
  await loginWith(page, email, "official-password-123");
  await expect(page.getByTestId("whoami")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByTestId("whoami")).toBeVisible();

  const admin = await browser.newPage();
  await loginAs(admin, "admin@satgas.test");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("users-table").getByRole("row", { name: email });
  // A role change (OFFICIAL → STAFF) ends the official's open session.
  await row.getByLabel(new RegExp(`Ubah ${esc}`)).click();
  await row.getByLabel("Peran").selectOption("STAFF");
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect(row.getByRole("cell").nth(2)).toHaveText("Staf Satgas");
  await page.goto("/notifications");
  await expect(page, "the session ended with the role change").toHaveURL(/\/login/);
  await loginWith(page, email, "official-password-123");
  await expect(page.getByTestId("whoami")).toBeVisible();

  admin.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: `Atur ulang kata sandi ${email}` }).click();
  const shown = row.getByTestId("one-time-password");
  await expect(shown).toBeVisible();
  const otp = (await shown.locator("code").innerText()).trim();
  expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  // Stored only as a hash; reloading the page does not show it again.
  const [{ passwordHash }] = await sql<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [email]);
  expect(passwordHash).toMatch(/^\$argon2id\$/);
  await admin.reload();
  await expect(admin.getByTestId("one-time-password")).toHaveCount(0);
  expect(await admin.content()).not.toContain(otp);
  await admin.close();

  await page.goto("/notifications");
  await expect(page, "the session ended with the reset").toHaveURL(/\/login/);
  await loginWith(page, email, "official-password-123");
  await expect(page.getByTestId("login-error")).toBeVisible();
  await loginWith(page, email, otp);
  await expect(page).toHaveURL(/\/password$/);
});
