import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD } from "./helpers";

// Trips end to end (decision 0038): staff see the seed's late truck stand out on the trip board,
// divert a truck in transit to a hospital in need (an SOS) with a reason, and that hospital's
// admin sees it coming on /my-hospital with its expected arrival, marked as diverted to them.
// The truck diverted here is the seed's second load for RSUD dr. Dradjat (seed-trip-0044-2); it
// goes to rs1's hospital (RSUD Banten), under a new emergency request.

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("whoami")).toBeVisible();
  return page;
}

test("the trip board: the late truck stands out", async ({ browser }) => {
  const staff = await as(browser, "staff@satgas.test");
  await staff.goto("/trips");
  const late = staff.getByTestId("trips-late").getByTestId("trip-card");
  await expect(late.filter({ hasText: "RSUD Kota Tangerang" })).toHaveCount(1);
  await expect(late.first()).toHaveAttribute("data-late", "1");
  await expect(late.first().getByTestId("trip-late")).toHaveText("TERLAMBAT");
});

test("staff divert a trip in transit; the other hospital's admin sees it coming", async ({ browser }) => {
  const staff = await as(browser, "staff@satgas.test");
  await staff.goto("/trips/seed-trip-0044-2");
  await expect(staff.getByTestId("trip-status")).toHaveText("Dalam perjalanan");
  const form = staff.getByTestId("divert-form");
  // a reason is required: a field message, not a 500
  await form.getByLabel("Ke rumah sakit").selectOption({ label: "RSUD Banten" });
  await form.getByRole("button").click();
  await expect(form.getByTestId("error-reason")).toBeVisible();
  await form.getByLabel("Alasan").fill("SOS RSUD Banten: stok di bawah 8 jam");
  await form.getByRole("button").click();
  await expect(staff).toHaveURL(/\/trips\/seed-trip-0044-2\?diverted=1/);
  await expect(staff.getByTestId("trip-history")).toContainText("Dialihkan ke RSUD Banten");
  await expect(staff.getByTestId("trip-legs")).toContainText("RSUD Banten");

  const rs1 = await as(browser, "rs1@satgas.test");
  await rs1.goto("/my-hospital");
  const coming = rs1.getByTestId("incoming-delivery").filter({ has: rs1.getByTestId("incoming-diverted") });
  await expect(coming).toHaveCount(1);
  await expect(coming).toContainText("PT Krakatau Steel");
  await expect(coming.getByTestId("incoming-trip-status")).toContainText("Dalam perjalanan");
  await expect(coming.getByTestId("incoming-eta")).not.toHaveText("");
});

test("the dispatch list links a dispatch to its trip, for staff; a hospital admin reads its dispatches without trip pages", async ({ browser }) => {
  const staff = await as(browser, "staff@satgas.test");
  await staff.goto("/dispatches?q=A+8123+KX");
  await staff.getByTestId("dispatch-seed-del-req-0033-1").getByTestId("dispatch-trip").click();
  await expect(staff).toHaveURL(/\/trips\/seed-trip-0033$/);
  const rs1 = await as(browser, "rs1@satgas.test");
  await rs1.goto("/dispatches");
  await expect(rs1.getByTestId("dispatch-seed-del-req-0033-1")).toBeVisible();
  await expect(rs1.getByTestId("dispatch-trip")).toHaveCount(0);
});

test("the trip board, a trip and the fleet have no accessibility violations (axe)", async ({ browser }) => {
  const staff = await as(browser, "staff@satgas.test");
  for (const path of ["/trips", "/trips/seed-trip-0033", "/fleet"]) {
    await staff.goto(path);
    const results = await new AxeBuilder({ page: staff }).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
