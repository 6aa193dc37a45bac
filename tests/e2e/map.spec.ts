import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { loginAs, switchLanguage } from "./helpers";

// The map (/map): reached from the dashboard, drawn as SVG with nothing fetched from elsewhere,
// with the same hospitals in its table, in both languages, and clean for axe.

test("staff open the map from the dashboard: an SVG map, its legend, and the same hospitals in the table", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(test.info().project.use.baseURL!).origin && !url.protocol.startsWith("data")) outside.push(r.url());
  });
  await loginAs(page, "staff@satgas.test");
  await page.goto("/dashboard");
  await page.getByTestId("dashboard-map-link").click();
  await expect(page).toHaveURL(/\/map$/);
  await expect(page.getByRole("heading", { level: 1, name: "Peta" })).toBeVisible();

  const svg = page.getByTestId("map-svg");
  await expect(svg).toBeVisible();
  // Banten's outline and its neighbours, drawn from the bundled outlines
  await expect(svg.locator("path[data-province='36']")).toHaveCount(1);
  const rows = page.getByTestId("map-hospitals").locator("tbody tr");
  const markers = svg.getByTestId("map-hospital");
  expect(await rows.count()).toBeGreaterThan(50);
  // one marker per hospital with a position (every demo hospital has one; a hospital another test
  // registered without one is listed, not drawn), with the row's status
  const placed = rows.and(page.locator("[data-placed=yes]"));
  expect(await placed.count()).toBeGreaterThan(50);
  await expect(markers).toHaveCount(await placed.count());
  for (const status of ["red", "amber", "green"]) {
    expect(await markers.and(page.locator(`[data-status=${status}]`)).count(), status).toBe(await placed.and(page.locator(`[data-status=${status}]`)).count());
  }
  expect(await markers.and(page.locator("[data-status=red]")).count()).toBeGreaterThan(0);
  await expect(svg.getByTestId("map-supplier")).toHaveCount(await page.getByTestId("map-suppliers").locator("tbody tr").count());
  // the seed's trucks on the road, RSUD Banten's 6 t among them
  expect(await svg.getByTestId("map-road-line").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("map-road-table").getByRole("row", { name: /RSUD Banten/ })).toBeVisible();
  await expect(page.getByTestId("map-legend")).toBeVisible();
  await expect(page.getByTestId("map-as-of")).toContainText("WIB");

  // a tap on a marker goes to its row
  const first = markers.last(); // drawn last: the most at risk, on top
  const href = await first.getAttribute("href");
  expect(href).toMatch(/^#hospital-/);
  await expect(page.locator(href!)).toHaveCount(1);

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Map" })).toBeVisible();
  await expect(page.getByTestId("map-summary")).toHaveText(/^Map of Banten province: \d+ hospitals red/);
  expect(outside, "requests to other hosts").toEqual([]);
});

for (const lang of ["id", "en"] as const) {
  test(`the map has no accessibility violations (axe), ${lang}`, async ({ page }) => {
    test.setTimeout(180_000); // axe reads every node of a page with a hundred rows and markers
    await loginAs(page, "official@satgas.test");
    if (lang === "en") await switchLanguage(page, "en");
    await page.goto("/map");
    await expect(page.getByTestId("map-svg")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("a hospital admin has no map (it shows every hospital)", async ({ page }) => {
  await loginAs(page, "rs1@satgas.test");
  await expect(page.locator("nav a[href='/map']")).toHaveCount(0);
});
