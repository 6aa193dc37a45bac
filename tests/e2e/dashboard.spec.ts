import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { todayWib } from "../../src/domain/day";
import { formatDay } from "../../src/i18n/format";
import { queryOn } from "../../scripts/lib/e2e-db";
import { appDatabase, PASSWORD, switchLanguage } from "./helpers";
import { ALL_HOSPITALS } from "../../prisma/seed-data/hospitals-generated";
import { SCENARIO_CLOCK_START } from "../../prisma/seed";

const declared = (kind: "red" | "stale") => ALL_HOSPITALS.filter((h) => h.end.kind === kind).length;

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("whoami")).toBeVisible();
}

test("an official reads the 2021-07-26 headline, switches day and language", async ({ page }) => {
  await signIn(page, "official@satgas.test");
  await page.goto("/dashboard?date=2021-07-26");
  await expect(page.getByTestId("capacity")).toHaveText("1.500 t");
  await expect(page.getByTestId("target")).toHaveText("2.500 t");
  await expect(page.getByTestId("shortfall")).toHaveText("1.000 t");
  await expect(page.getByTestId("shortfall-pct")).toContainText("40");

  // another day through the date picker
  await page.getByLabel("Tanggal (WIB)").fill("2021-08-25");
  await page.getByTestId("show-day").click();
  await expect(page).toHaveURL(/date=2021-08-25/);
  // the end states the seed declares for its hospitals at the clock's start
  await expect(page.getByTestId("count-red")).toHaveText(String(declared("red")));
  await expect(page.getByTestId("count-stale")).toHaveText(String(declared("stale")));
  await expect(page.getByTestId("table-hospitals").locator("tbody tr").first()).toContainText("RSUD Pakuhaji");

  // and back a day with the link
  await page.getByTestId("prev-day").click();
  await expect(page).toHaveURL(/date=2021-08-24/);

  await page.goto("/dashboard?date=2021-07-26");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oxygen situation dashboard");
  await expect(page.getByTestId("capacity")).toHaveText("1,500 t");
  await expect(page.getByTestId("shortfall-pct")).toContainText("40% below target");
  await switchLanguage(page, "id");
  await expect(page.getByTestId("capacity")).toHaveText("1.500 t");
});

test("the headline names its three gaps in the task force's words, each as of when, with the province selector", async ({ page }) => {
  await signIn(page, "official@satgas.test");
  await page.goto("/dashboard?date=2021-07-26");
  const production = page.getByTestId("gap-production");
  await expect(production.getByRole("heading")).toHaveText("1 · Kekurangan produksi");
  await expect(production).toContainText("Kapasitas produksi oksigen per hari dibandingkan dengan produksi ideal");
  await expect(page.getByTestId("shortfall-pct")).toHaveText("per hari kurang dari produksi ideal · 40% di bawah target");
  await expect(page.getByTestId("gap-production-as-of")).toHaveText("Per 26 Jul 2021 (WIB)");
  const medical = page.getByTestId("gap-medical");
  await expect(medical.getByRole("heading")).toHaveText("2 · Pasokan medis dan kebutuhan rumah sakit");
  await expect(page.getByTestId("medical-supply")).toHaveText(/^[\d.]+(,\d)? t$/);
  await expect(page.getByTestId("medical-demand")).toHaveText(/^[\d.]+(,\d)? t$/);
  await expect(page.getByTestId("reporting")).toHaveText(/^dilaporkan \d+ dari \d+ RS$/);
  await expect(medical).toContainText("bukan satu selisih");
  const risk = page.getByTestId("gap-risk");
  await expect(risk.getByRole("heading")).toHaveText("3 · Rumah sakit berisiko");
  await expect(page.getByTestId("gap-risk-as-of")).toHaveText("Per akhir hari 26 Jul 2021 (WIB)");

  // one province in the database: the selector shows it, and choosing it keeps the figures
  const select = page.getByTestId("province-select");
  await expect(select).toHaveValue("36");
  await expect(select.locator("option")).toHaveText(["36 · Banten"]);
  await page.getByTestId("show-day").click();
  await expect(page).toHaveURL(/province=36/);
  await expect(page.getByTestId("dashboard-scope")).toHaveText("Banten (36)");
  await expect(page.getByTestId("shortfall")).toHaveText("1.000 t");
  await expect(page.getByTestId("report-link")).toHaveAttribute("href", /province=36/);
  await expect(page.getByTestId("csv-summary")).toHaveAttribute("href", /province=36/);

  // an unknown province is refused by name, never shown as the whole country
  await page.goto("/dashboard?province=99");
  await expect(page.getByTestId("province-unknown")).toHaveText('Tidak ada provinsi dengan kode "99". Pilih provinsi dari daftar.');
  await expect(page.getByTestId("shortfall")).toHaveCount(0);
  expect((await page.request.get("/dashboard/export/summary?province=99")).status()).toBe(400);

  await page.goto("/dashboard?date=2021-07-26");
  await switchLanguage(page, "en");
  await expect(production.getByRole("heading")).toHaveText("1 · Production gap");
  await expect(page.getByTestId("shortfall-pct")).toHaveText("per day short of the ideal production · 40% below target");
  await expect(medical.getByRole("heading")).toHaveText("2 · Medical supply and hospital demand");
  await expect(page.getByTestId("reporting")).toHaveText(/^reported by \d+ of \d+ hospitals$/);
  await expect(risk.getByRole("heading")).toHaveText("3 · Hospitals at risk");
  await expect(page.getByTestId("gap-production-as-of")).toHaveText("As of 26 Jul 2021 (WIB)");
  await expect(page.getByTestId("gap-risk-as-of")).toHaveText("As of the end of 26 Jul 2021 (WIB)");
});

test("a day without data says 'no data', never a 100 % shortfall or 'target met'", async ({ page }) => {
  await signIn(page, "official@satgas.test");
  await page.goto("/dashboard?date=2021-06-01");
  await expect(page.getByTestId("capacity")).toHaveText("Tidak ada data");
  await expect(page.getByTestId("shortfall")).toHaveText("Tidak ada data");
  await expect(page.getByTestId("shortfall-pct")).toHaveText("Belum ada kapasitas produksi tercatat untuk tanggal ini: kekurangan tidak dapat dihitung.");
  await expect(page.getByTestId("target")).toHaveText("2.500 t");
  await expect(page.getByTestId("medical-supply")).toHaveText("Tidak ada data");
  await expect(page.getByTestId("medical-demand")).toHaveText("Tidak ada data");
  await expect(page.getByTestId("reporting")).toHaveText("Tidak ada RS yang melapor pada tanggal ini");
  await expect(page.getByTestId("gap-production")).not.toContainText("Target terpenuhi");
  await expect(page.getByTestId("gap-production")).not.toContainText("100");
});

test("the dashboard opens on the latest day with data", async ({ page, browser }) => {
  // Other specs add data (a stock report for today, capacity for tomorrow): the latest day up to
  // the app's today (the e2e server runs on the demo's scenario clock) is read from the app's
  // database rather than assumed to be the seed's last, 25 Aug 2021.
  const [{ day }] = await queryOn<{ day: string }>(
    await appDatabase(browser),
    `SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM (
       SELECT max(day) AS day FROM "DailyCapacity" WHERE day <= $1::date UNION ALL SELECT max(day) FROM "StockReport" WHERE day <= $1::date) d`,
    [todayWib(new Date(SCENARIO_CLOCK_START))],
  );
  expect(day >= "2021-08-25", `the latest day with data, ${day}, is at least the seed's last`).toBe(true);
  await signIn(page, "staff@satgas.test");
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-day")).toContainText(formatDay(day, "id"));
});

test("an official downloads a dashboard table as CSV", async ({ page }) => {
  await signIn(page, "official@satgas.test");
  await page.goto("/dashboard?date=2021-08-25");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-hospitals").click()]);
  expect(download.suggestedFilename()).toBe("oxygen-hospitals-2021-08-25.csv");
  const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toBe("Rumah sakit;Status;Sisa (jam);Wilayah;Stok terpakai (t);Pemakaian/hari (t);Laporan terakhir");
  expect(rows.length).toBeGreaterThanOrEqual(12);
  expect(rows[0]).toMatch(/^RSUD Pakuhaji;Merah;4;Kab\. Tangerang;[\d,]+;[\d,]+;2021-08-25$/); // the Indonesian layout: ";" and a decimal comma

  const summary = await page.request.get("/dashboard/export/summary?date=2021-07-26");
  expect(summary.headers()["content-type"]).toContain("text/csv");
  expect(await summary.text()).toContain("2021-07-26;2500;1500;1000;40;");
});

test("the printable situation report is one A4 portrait page in Bahasa Indonesia, with its province, day, clock and charts", async ({ page }) => {
  await signIn(page, "official@satgas.test");
  await switchLanguage(page, "en");
  await page.goto("/report?date=2021-07-26");
  // Indonesian by default, whatever the interface language
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laporan Situasi Harian Oksigen");
  await expect(page.getByTestId("r-capacity")).toHaveText("1.500 t");
  await expect(page.getByTestId("r-shortfall")).toContainText("1.000 t");
  // which province, which day, which clock
  await expect(page.getByTestId("report-scope")).toContainText("Banten (36)");
  await expect(page.getByTestId("report-day")).toContainText("26 Jul 2021");
  await expect(page.getByTestId("report-clock")).toHaveText(/^Angka dibaca \d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WIB$/);
  // the producers' compliance and the pledges (pledged against delivered)
  await expect(page.getByTestId("r-producers").locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByTestId("r-pledges").locator("tbody tr")).not.toHaveCount(0);

  // The charts are SVG in the server's HTML (no script, no measuring): they print as they are.
  const html = await (await page.request.get("/report?date=2021-07-26")).text();
  for (const id of ["r-chart-trends", "r-chart-split"])
    expect(html).toMatch(new RegExp(`data-testid="${id}"[^]*?<svg[^>]*viewBox="0 0 \\d+ \\d+"[^]*?<path[^>]*d="M`));

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header").first()).toBeHidden();
  for (const id of ["r-chart-trends", "r-chart-split"]) {
    const box = await page.getByTestId(id).locator("svg[role=img]").boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(60);
  }
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
  // A4 portrait: 210 × 297 mm is 595 × 842 points, the height the longer side.
  const [, w, h] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
  expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([596, 843]);
  // and the same in English, on one sheet too
  await page.goto("/report?date=2021-07-26&lang=en");
  await expect(page.getByTestId("report-clock")).toHaveText(/^Figures read \d{1,2} \w{3} \d{4}, \d{2}:\d{2} WIB$/);
  expect((await page.pdf({ format: "A4" })).toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});

test("the dashboard has no accessibility violations (axe)", async ({ page }) => {
  await signIn(page, "official@satgas.test");
  await page.goto("/dashboard?date=2021-07-26");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("an admin issues an API token, it works once shown, and revoking it ends it", async ({ page }) => {
  await signIn(page, "admin@satgas.test");
  await page.goto("/admin/tokens");
  await page.getByLabel("Nama token").fill("Dinkes e2e");
  await page.getByLabel("Bertindak sebagai").selectOption({ label: "official@satgas.test (Pejabat)" });
  await page.getByRole("button", { name: "Terbitkan token" }).click();
  const token = (await page.getByTestId("new-token").locator("code").textContent())!.trim();
  expect(token).toMatch(/^oxy_/);

  const api = await page.context().browser()!.newContext();
  const ok = await api.request.get(`${test.info().project.use.baseURL}/api/v1/summary?date=2021-07-26`, { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ capacityKg: 1_500_000, targetKg: 2_500_000, shortfallKg: 1_000_000 });

  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0); // shown once
  await page.getByRole("button", { name: "Cabut Dinkes e2e" }).click();
  await expect(page.getByTestId("tokens-table")).toContainText("Dicabut");
  const refused = await api.request.get(`${test.info().project.use.baseURL}/api/v1/summary`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  await api.close();
});
