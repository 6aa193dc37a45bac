import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryOn } from "../../scripts/lib/e2e-db";
import { appDatabase, loginAs, switchLanguage } from "./helpers";

// Issue 16: the history reads as sentences, the notifications badge clears once they are seen,
// and each role finds its day's guide from the header.

let dbUrl: string;
test.beforeAll(async ({ browser }) => {
  dbUrl = await appDatabase(browser);
});

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("opening the notifications clears the badge, and what was new stays marked for this visit", async ({ page }) => {
  await loginAs(page, "rs1@satgas.test");
  const [{ hospitalId }] = await queryOn<{ hospitalId: string }>(dbUrl, `SELECT "hospitalId" FROM "User" WHERE email = 'rs1@satgas.test'`);
  const id = `e2e_${randomBytes(6).toString("hex")}`;
  await queryOn(
    dbUrl,
    `INSERT INTO "Notification" (id, role, "hospitalId", kind, params, "createdAt") VALUES ($1, 'HOSPITAL', $2, 'request_rejected', $3, now())`,
    [id, hospitalId, JSON.stringify({ requestedKg: 3000, reason: "uji badge" })],
  );
  await page.goto("/my-hospital");
  await expect(page.getByTestId("unread-count")).toBeVisible();
  await page.getByTestId("notification-bell").click();
  await expect(page).toHaveURL(/\/notifications$/);
  const mine = page.getByTestId("notification").filter({ hasText: "uji badge" });
  await expect(mine).toHaveAttribute("data-new", "1");
  // seen: the badge goes, without leaving the page, and the notice is still marked new
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await expect(mine).toHaveAttribute("data-new", "1");
  const [{ readAt }] = await queryOn<{ readAt: Date | null }>(dbUrl, `SELECT "readAt" FROM "Notification" WHERE id = $1`, [id]);
  expect(readAt).not.toBeNull();
  // elsewhere, and back: still 0, and no longer new
  await page.goto("/requests");
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await page.goto("/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: "uji badge" })).toHaveAttribute("data-new", "0");
  await axe(page);
});

test("staff read many hospitals not reporting as one notice that lists them, each linking to its hospital", async ({ page }) => {
  const hospitals = await queryOn<{ id: string; name: string }>(dbUrl, `SELECT id, name FROM "Hospital" ORDER BY name LIMIT 3`);
  const tag = randomBytes(4).toString("hex");
  for (const [i, h] of hospitals.entries())
    await queryOn(
      dbUrl,
      `INSERT INTO "Notification" (id, role, "hospitalId", kind, params, "createdAt") VALUES ($1, 'STAFF', $2, 'hospital_stale', $3, '2031-03-04 02:00:00+00'::timestamptz + ($4 || ' minutes')::interval)`,
      [`e2e-stale-${tag}-${i}`, h.id, JSON.stringify({ hospitalId: h.id, hospital: h.name, lastDay: null }), String(i)],
    );
  await loginAs(page, "staff@satgas.test");
  await page.goto("/notifications");
  const group = page.locator('[data-kind="hospital_stale_group"]').filter({ hasText: "4 Mar 2031" });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText("3 rumah sakit tidak melapor");
  await group.locator("summary").click();
  for (const h of hospitals) await expect(group.locator(`a[href="/hospitals/${h.id}"]`)).toContainText(h.name);
});

test("the history reads as sentences with names, WIB times, labelled changes and links", async ({ page }) => {
  const [h] = await queryOn<{ id: string; name: string }>(dbUrl, `SELECT id, name FROM "Hospital" ORDER BY name LIMIT 1`);
  const [staff] = await queryOn<{ id: string; name: string }>(dbUrl, `SELECT id, name FROM "User" WHERE email = 'staff@satgas.test'`);
  await queryOn(
    dbUrl,
    `INSERT INTO "AuditEvent" (at, "actorId", action, entity, "entityId", before, after) VALUES ('2031-01-01 08:30:00+00', $1, 'hospital.update', 'Hospital', $2, $3, $4)`,
    [
      staff.id,
      h.id,
      JSON.stringify({ id: h.id, name: h.name, beds: 100, isReferral: false }),
      JSON.stringify({ id: h.id, name: h.name, beds: 120, isReferral: true }),
    ],
  );
  await loginAs(page, "staff@satgas.test");
  await page.goto("/audit");
  const event = page.getByTestId("audit-event").first();
  await expect(event).toContainText(`${staff.name} (Staf Satgas) mengubah data rumah sakit ${h.name}, 1 Jan 2031`);
  await expect(event).toContainText("15.30 WIB");
  await expect(event.getByTestId("audit-change").filter({ hasText: "Tempat tidur" })).toContainText(/100 →.*120/);
  await expect(event.getByTestId("audit-change").filter({ hasText: "RS rujukan" })).toContainText(/tidak →.*ya/);
  await expect(event).not.toContainText(h.id);
  await expect(event.locator(`a[href="/hospitals/${h.id}"]`)).toBeVisible();
  // one record's history, from its link; the filter by kind keeps working
  await event.getByRole("link", { name: "Riwayat data ini" }).click();
  await expect(page.getByTestId("audit-subject")).toContainText(h.name);
  await page.goto("/audit");
  await page.getByLabel("Jenis data").selectOption({ label: "Pemasok" });
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page).toHaveURL(/entity=Supplier/);
  await expect(page.getByTestId("audit-event").filter({ hasText: h.name })).toHaveCount(0);
  await page.goto("/audit");
  await axe(page);
  await switchLanguage(page, "en");
  await expect(page.getByTestId("audit-event").first()).toContainText(`${staff.name} (Task-force staff) changed the details of ${h.name}, 1 Jan 2031`);
});

test("each role finds its day's guide from the header, in both languages", async ({ page }) => {
  for (const [email, first] of [
    ["rs1@satgas.test", "/my-hospital"],
    ["staff@satgas.test", "/dashboard"],
    ["official@satgas.test", "/dashboard"],
    ["admin@satgas.test", "/dashboard"],
  ] as const) {
    await page.context().clearCookies();
    await loginAs(page, email);
    await page.getByTestId("guide-link").click();
    await expect(page).toHaveURL(/\/guide$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Panduan");
    const steps = page.getByTestId("guide-steps").locator(":scope > li");
    expect(await steps.count()).toBeGreaterThanOrEqual(4);
    await expect(steps.first().getByRole("link")).toHaveAttribute("href", first);
  }
  await axe(page);
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guide");
});
