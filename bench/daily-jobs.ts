// Each role's daily job, done through the UI as a person would, timed and counted (issue #16):
//
//   npx tsx bench/daily-jobs.ts --base-url http://127.0.0.1:3308 --out /tmp/jobs
//   npx tsx bench/daily-jobs.ts --fresh-server --port 3308 --runs 3 --out /tmp/jobs
//
// --base-url runs every job once per viewport on a server you started (the jobs change its data:
// the second pass finds no truck waiting, the request already allocated). --fresh-server starts
// scripts/e2e-server.ts (the existing build, a new seeded database on TEST_DATABASE_URL) for every
// run and viewport, so each pass starts from the seed's story; --runs N repeats and reports medians.
// Options: --viewports 390,1280  --roles hospital,staff,official,admin  --headed.
//
// Counted: clicks/taps (menu button, links, buttons, ticks), fields typed or chosen, and seconds
// from opening the sign-in page to being signed out, each step ending when the network went quiet
// (bench/lib/ui-driver.ts). Controls are found by role, label and visible Bahasa Indonesia text
// (the `lang` cookie is `id`, the primary language); a step that cannot be found is reported as
// missing, not a crash, so the same script measures the app before and after its pages change.
// Output: <out>/daily-jobs.json and <out>/daily-jobs.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import { startServer, stopServer } from "./lib/fresh-server";
import { Driver, type Tally } from "./lib/ui-driver";

const PASSWORD = "demo-password";
const { values: opt } = parseArgs({
  options: {
    "base-url": { type: "string" },
    "fresh-server": { type: "boolean", default: false },
    port: { type: "string", default: "3308" },
    runs: { type: "string", default: "1" },
    out: { type: "string", default: "bench/daily-jobs-out" },
    viewports: { type: "string", default: "390,1280" },
    roles: { type: "string", default: "hospital,staff,official,admin" },
    headed: { type: "boolean", default: false },
  },
});

const VIEWPORTS: Record<string, { width: number; height: number; mobile: boolean }> = {
  "390": { width: 390, height: 844, mobile: true },
  "1280": { width: 1280, height: 800, mobile: false },
};

type Job = { role: string; email: string; run: (d: Driver) => Promise<void> };

// ---- the jobs -------------------------------------------------------------------------------

async function signIn(d: Driver, email: string) {
  const p = d.page;
  await d.step("open sign-in page", async () => {
    await p.goto("/login");
  });
  await d.step("sign in", async () => {
    if (!(await d.fill([p.getByLabel(/^email$/i), p.locator("#email")], email))) return false;
    if (!(await d.fill([p.getByLabel(/^(kata sandi|password)$/i), p.locator("#password")], PASSWORD))) return false;
    if (!(await d.click([p.getByRole("button", { name: /^(masuk|sign in)$/i }), p.getByTestId("login-submit")]))) return false;
    // the role's home: "/" redirects there
    await p.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/", { timeout: 15_000 });
  });
}

async function signOut(d: Driver) {
  const p = d.page;
  await d.step("sign out", async () => {
    if (!(await d.click([p.getByRole("button", { name: /^(keluar|sign out)$/i })]))) {
      // behind a menu on a phone, perhaps
      const menu = await d.find([p.locator("header summary"), p.getByRole("button", { name: /^menu$/i })], 1_000);
      if (!menu) return false;
      await menu.click();
      d.tally.clicks++;
      if (!(await d.click([p.getByRole("button", { name: /^(keluar|sign out)$/i }), p.getByRole("menuitem", { name: /^(keluar|sign out)$/i })]))) return false;
    }
    await p.waitForURL(/\/login/, { timeout: 15_000 });
  });
}

/**
 * Back to the role's home: its menu link when it is on screen (a wide screen), else the app's
 * name in the header (it opens the home page) rather than the phone's menu, else the menu.
 */
async function home(d: Driver, label: RegExp, path: RegExp) {
  const p = d.page;
  if (path.test(new URL(p.url()).pathname)) return true;
  if (await d.find([p.locator("header nav a, header a").filter({ hasText: label })], 0)) return d.nav(label, path);
  const name = await d.find([p.locator('header a[href="/"]')], 0);
  if (!name) return d.nav(label, path);
  await name.click();
  d.tally.clicks++;
  return d.arrived(path);
}

/** A form (by test id, else the section/heading it sits under) and its submit button. */
function submitOf(scope: ReturnType<Page["locator"]>, name: RegExp) {
  return [scope.getByRole("button", { name }), scope.locator("button[type=submit]")];
}

const hospital: Job = {
  role: "hospital admin",
  email: "rs1@satgas.test", // the seed has a truck on its way to this hospital
  async run(d) {
    const p = d.page;
    await d.step("open my hospital", () => d.nav(/^(rumah sakit saya|my hospital)$/i, /^\/my-hospital/));
    await d.step("report today's stock", async () => {
      const form = (await d.find([p.getByTestId("stock-form"), p.locator("form").filter({ has: p.getByLabel(/oksigen di tangki/i) })])) ?? p.locator("main");
      const fields: [RegExp, string][] = [
        [/oksigen di tangki/i, "6,5"],
        [/terpakai 24 jam/i, "2,1"],
        [/pasien berat/i, "40"],
        [/pasien kritis/i, "9"],
        [/tempat tidur terisi/i, "250"],
      ];
      for (const [label, value] of fields) if (!(await d.fill([form.getByLabel(label)], value))) return false;
      const submit = submitOf(form, /kirim laporan/i);
      if (!(await d.click(submit))) return false;
      await d.confirmIfAsked(form, submit);
      return !!(await d.find([p.getByText(/laporan tersimpan/i), p.getByTestId("form-ok"), p.getByTestId("form-flagged")], 10_000));
    });
    await d.step("request oxygen", async () => {
      // a "new request" button on the hospital's home (one tap on a phone too), else the menu
      const shortcut = await d.find([p.locator("main").getByRole("link", { name: /^ajukan permintaan/i })], 0);
      if (shortcut) {
        await shortcut.click();
        d.tally.clicks++;
        await d.arrived(/^\/requests$/);
      } else if (!(await d.nav(/^(permintaan|requests)$/i, /^\/requests$/))) return false;
      // a "new request" button or link first, when the form is behind one
      if (!(await d.find([p.getByLabel(/^jumlah/i)], 1_000)))
        await d.click([p.getByRole("link", { name: /ajukan permintaan/i }), p.getByRole("button", { name: /ajukan permintaan/i })]);
      const form = (await d.find([p.getByTestId("request-form"), p.locator("form").filter({ has: p.getByLabel(/^jumlah/i) })])) ?? p.locator("main");
      if (!(await d.fill([form.getByLabel(/^jumlah/i)], "5"))) return false;
      if (!(await d.choose([form.getByLabel(/urgensi/i)], { label: /mendesak/i }))) return false;
      if (!(await d.fill([form.getByLabel(/^alasan/i)], "Pasien kritis bertambah, stok tinggal sehari."))) return false;
      const submit = submitOf(form, /^ajukan/i);
      if (!(await d.click(submit))) return false;
      await d.confirmIfAsked(form, submit);
      await p.waitForURL(/\/requests\/[^/?]+/, { timeout: 15_000 });
    });
    await d.step("confirm a waiting receipt", async () => {
      await home(d, /^(rumah sakit saya|my hospital)$/i, /^\/my-hospital/);
      const form = await d.find(
        [p.locator('[data-testid^="receipt-form-"]'), p.locator("form").filter({ has: p.getByRole("button", { name: /konfirmasi penerimaan/i }) })],
        1_500,
      );
      if (!form) {
        const none = await d.find([p.getByText(/tidak ada muatan di jalan/i)], 500);
        if (none) return; // nothing waiting: the step is done with nothing to do
        return false;
      }
      // the first truck waiting: its figures come filled in with what was dispatched
      const forms = p.locator("form").filter({ has: p.getByRole("button", { name: /konfirmasi penerimaan/i }) });
      const waiting = await forms.count();
      const submit = submitOf(form, /konfirmasi penerimaan/i);
      if (!(await d.click(submit))) return false;
      await d.confirmIfAsked(form, submit);
      // done when the truck leaves the waiting list (or the page says so)
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if ((await forms.count()) < waiting || (await p.getByText(/penerimaan dikonfirmasi/i).count()) > 0) return true;
        await p.waitForTimeout(50);
      }
      return false;
    });
    await signOut(d);
  },
};

/** Approve, then allocate the proposal: the request page's two forms. */
async function twoSteps(d: Driver) {
  const p = d.page;
  await d.step("approve it in full", async () => {
    const form =
      (await d.find([p.getByTestId("approve-form"), p.locator("form").filter({ has: p.getByRole("button", { name: /^setujui$/i }) })])) ?? p.locator("main");
    const submit = submitOf(form, /^setujui$/i);
    if (!(await d.click(submit))) return false;
    await d.confirmIfAsked(form, submit);
    return !!(await d.find([p.getByRole("button", { name: /simpan alokasi/i })], 10_000));
  });
  await d.step("allocate (accept the proposal)", async () => {
    const submit = [p.getByRole("button", { name: /simpan alokasi/i })];
    if (!(await d.click(submit))) return false;
    await d.confirmIfAsked(p.locator("main"), submit);
    return !!(await d.find([p.getByRole("link", { name: /catat pengiriman/i })], 10_000));
  });
}

const staff: Job = {
  role: "staff",
  email: "staff@satgas.test",
  async run(d) {
    const p = d.page;
    await d.step("open daily capacity", () => d.nav(/^(kapasitas harian|daily capacity)$/i, /^\/capacity/));
    await d.step("copy yesterday's figures", async () => {
      if (!(await d.click([p.getByRole("link", { name: /salin angka kemarin/i }), p.getByRole("button", { name: /salin angka kemarin/i })]))) return false;
      return !!(await d.find([p.getByText(/angka kemarin disalin/i), p.getByTestId("copied")], 10_000));
    });
    await d.step("save today's capacity", async () => {
      if (!(await d.click([p.getByRole("button", { name: /simpan hari ini/i }), p.getByTestId("capacity-save")]))) return false;
      return !!(await d.find([p.getByText(/tersimpan/i)], 10_000));
    });
    await d.step("open triage board", () => d.nav(/^(papan triase|triage)/i, /^\/triage/));
    await d.step("open the top submitted request", async () => {
      const column = p.getByRole("region", { name: /^diajukan/i }).or(p.getByTestId("column-SUBMITTED"));
      if (!(await d.click([column.getByRole("link")]))) return false;
      await p.waitForURL(/\/requests\/[^/?]+/, { timeout: 15_000 });
    });
    // One step where the page offers it: approve in full and allocate the proposal together.
    const oneStep = await d.step("approve in full and allocate (one step)", async () => {
      const form = await d.find(
        [p.getByTestId("approve-allocate-form"), p.locator("form").filter({ has: p.getByRole("button", { name: /setujui penuh dan alokasikan/i }) })],
        1_500,
      );
      if (!form) return false;
      const submit = submitOf(form, /setujui penuh dan alokasikan/i);
      if (!(await d.click(submit))) return false;
      await d.confirmIfAsked(form, submit);
      return !!(await d.find([p.getByRole("link", { name: /catat pengiriman/i })], 10_000));
    });
    if (!oneStep) {
      // an older build (or a proposal that does not cover the request): the two steps
      d.tally.missing.pop();
      d.tally.steps.pop();
      await twoSteps(d);
    }
    await d.step("dispatch it", async () => {
      // one truck per allocation line, as a dispatcher logs them, back to the request in between
      const links = () => [p.getByRole("link", { name: /catat pengiriman/i }), p.getByTestId("dispatch-link")];
      if (!(await d.find(links()))) return false;
      let trucks = 1;
      for (const l of links()) trucks = Math.max(trucks, await l.count());
      for (let i = 0; i < trucks; i++) {
        if (i > 0) {
          // back to the request: a link when the page offers one, else the browser's back (two pages)
          const back = await d.find([p.getByRole("link", { name: /kembali ke permintaan|lihat permintaan/i })], 0);
          if (back) {
            await back.click();
            d.tally.clicks++;
          } else {
            await p.goBack();
            await p.goBack();
            d.tally.clicks += 2;
          }
          await p.waitForURL(/\/requests\/[^/?]+/, { timeout: 15_000 });
          await d.settle(Date.now());
        }
        if (!(await d.click(links()))) return false;
        await p.waitForURL(/\/dispatches\/new/, { timeout: 15_000 });
        await d.settle(Date.now());
        const form = (await d.find([p.getByTestId("dispatch-form"), p.locator("form").filter({ has: p.getByLabel(/nomor polisi/i) })])) ?? p.locator("main");
        if (!(await d.fill([form.getByLabel(/nomor polisi/i)], `A ${1000 + i} XY`))) return false;
        const amount = form.getByLabel(/^jumlah/i);
        if ((await amount.inputValue().catch(() => "")) === "") {
          // the amount the allocation still has to send, as the source's option says it
          const option =
            (await form
              .getByLabel(/^sumber/i)
              .locator("option:checked")
              .textContent()
              .catch(() => "")) ?? "";
          const tonnes = /,\s*([\d.,]+) t/.exec(option)?.[1];
          if (!tonnes || !(await d.fill([amount], tonnes))) return false;
        }
        const submit = [p.getByTestId("dispatch-submit"), ...submitOf(form, /catat pengiriman/i)];
        if (!(await d.click(submit))) return false;
        await d.confirmIfAsked(form, submit);
        await p.waitForURL((u) => !/\/dispatches\/new/.test(u.pathname), { timeout: 15_000 });
      }
    });
    await d.step("check the dashboard", async () => {
      if (!(await d.nav(/^(dasbor|dashboard)$/i, /^\/dashboard/))) return false;
      return !!(await d.find([p.getByRole("heading", { level: 1 })], 10_000));
    });
    await signOut(d);
  },
};

const official: Job = {
  role: "official",
  email: "official@satgas.test",
  async run(d) {
    const p = d.page;
    await d.step("read the shortfall dashboard", async () => {
      if (!(await d.nav(/^(dasbor|dashboard)$/i, /^\/dashboard/))) return false;
      return !!(await d.find([p.getByText(/kekurangan/i)], 10_000));
    });
    await d.step("open the printable report", async () => {
      const link = [p.getByRole("link", { name: /laporan situasi harian/i }), p.getByTestId("report-link")];
      const popup = p
        .context()
        .waitForEvent("page", { timeout: 2_000 })
        .catch(() => null);
      if (!(await d.click(link))) return false;
      const tab = await Promise.race([popup, p.waitForURL(/\/report/, { timeout: 15_000 }).then(() => null)]);
      if (tab) await tab.close();
    });
    await d.step("back to the dashboard", async () => {
      if (!/\/report/.test(p.url())) return;
      if (!(await d.click([p.getByRole("link", { name: /kembali|dasbor/i })]))) {
        await p.goBack();
        d.tally.clicks++;
      }
      await p.waitForURL(/\/dashboard/, { timeout: 15_000 });
    });
    await d.step("download a CSV export", async () => {
      const download = p.waitForEvent("download", { timeout: 15_000 });
      if (!(await d.click([p.getByRole("link", { name: /unduh csv/i }), p.getByRole("button", { name: /unduh csv/i }), p.locator("a[download]")])))
        return false;
      const file = await download;
      await file.path();
    });
    await signOut(d);
  },
};

const admin: Job = {
  role: "admin",
  email: "admin@satgas.test",
  async run(d) {
    const p = d.page;
    const email = `petugas.${Date.now().toString(36)}@satgas.test`;
    await d.step("open users", () => d.nav(/^(pengguna|users)$/i, /^\/admin\/users/));
    await d.step("create a user", async () => {
      if (!(await d.find([p.getByLabel(/^email$/i)], 1_000)))
        await d.click([p.getByRole("link", { name: /buat akun/i }), p.getByRole("button", { name: /buat akun/i })]);
      const form = (await d.find([p.getByTestId("user-form"), p.locator("form").filter({ has: p.getByLabel(/kata sandi awal/i) })])) ?? p.locator("main");
      if (!(await d.fill([form.getByLabel(/^email$/i)], email))) return false;
      if (!(await d.fill([form.getByLabel(/^nama$/i)], "Petugas Gudang Serang"))) return false;
      if (!(await d.choose([form.getByLabel(/^peran$/i)], { label: /staf satgas/i }))) return false;
      if (!(await d.fill([form.getByLabel(/kata sandi awal/i)], "tabung-hijau-serang-pagi-2021"))) return false;
      if (!(await d.click(submitOf(form, /buat akun/i)))) return false;
      return !!(await d.find([p.getByText(/akun dibuat/i)], 10_000));
    });
    await d.step("open API tokens", () => d.nav(/^(token api|api tokens)$/i, /^\/admin\/tokens/));
    await d.step("issue an API token", async () => {
      const form = (await d.find([p.locator("form").filter({ has: p.getByLabel(/nama token/i) })])) ?? p.locator("main");
      if (!(await d.fill([form.getByLabel(/nama token/i)], "Dinkes Provinsi"))) return false;
      if (!(await d.choose([form.getByLabel(/bertindak sebagai/i)], { label: /official@satgas\.test/i }))) return false;
      if (!(await d.click(submitOf(form, /terbitkan token/i)))) return false;
      return !!(await d.find([p.getByTestId("new-token"), p.getByText(/token baru/i)], 10_000));
    });
    await signOut(d);
  },
};

const JOBS: Record<string, Job> = { hospital, staff, official, admin };

// ---- running --------------------------------------------------------------------------------

type Result = { role: string; viewport: string; run: number } & Tally;

async function runJob(browser: Browser, baseURL: string, job: Job, vp: string): Promise<Tally> {
  const v = VIEWPORTS[vp];
  const context = await browser.newContext({
    baseURL,
    viewport: { width: v.width, height: v.height },
    locale: "id-ID", // an Indonesian browser: native controls follow it
    isMobile: v.mobile,
    hasTouch: v.mobile,
    acceptDownloads: true,
  });
  const host = new URL(baseURL).hostname;
  await context.addCookies([{ name: "lang", value: "id", domain: host, path: "/" }]);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const d = new Driver(page);
  try {
    await signIn(d, job.email);
    await job.run(d);
  } finally {
    await context.close();
  }
  return d.tally;
}

const loadAtStart = loadavg()[0].toFixed(1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function markdown(results: Result[], runs: number, baseURL: string): string {
  const lines = [
    `# Daily jobs, through the UI (${new Date().toISOString()})`,
    "",
    `Server ${opt["fresh-server"] ? "fresh and seeded for every run and viewport" : baseURL}; ${runs} run(s), median shown; language id.`,
    `Machine: ${cpus().length} cores, load average ${loadAtStart} at the start and ${loadavg()[0].toFixed(1)} at the end — the seconds depend on it; clicks and fields do not.`,
    "",
    "| role | viewport | clicks | fields | seconds | steps missing |",
    "|---|---|---:|---:|---:|---|",
  ];
  const keys = [...new Set(results.map((r) => `${r.role}|${r.viewport}`))];
  for (const k of keys) {
    const rs = results.filter((r) => `${r.role}|${r.viewport}` === k);
    const [role, vp] = k.split("|");
    const missing = [...new Set(rs.flatMap((r) => r.missing))];
    lines.push(
      `| ${role} | ${vp} | ${median(rs.map((r) => r.clicks))} | ${median(rs.map((r) => r.fields))} | ${(median(rs.map((r) => r.ms)) / 1000).toFixed(1)} | ${missing.join("; ") || "—"} |`,
    );
  }
  lines.push("", "Per step: median seconds (clicks c / fields f of the first run):", "");
  for (const k of keys) {
    const rs = results.filter((r) => `${r.role}|${r.viewport}` === k);
    const names = [...new Set(rs.flatMap((r) => r.steps.map((s) => s.name)))];
    const parts = names.map((n) => {
      const ms = rs
        .map((r) => r.steps.find((s) => s.name === n))
        .filter((s) => s?.ok)
        .map((s) => s!.ms);
      const first = rs[0].steps.find((s) => s.name === n && s.ok);
      return ms.length && first ? `${n} ${(median(ms) / 1000).toFixed(1)} s (${first.clicks}c/${first.fields}f)` : `${n} missing`;
    });
    lines.push(`- ${k.replace("|", " @ ")}: ${parts.join(" · ")}`);
  }
  return lines.join("\n") + "\n";
}

async function main() {
  const runs = Number(opt.runs);
  const viewports = opt.viewports!.split(",");
  const roles = opt.roles!.split(",");
  for (const r of roles) if (!JOBS[r]) throw new Error(`unknown role ${r} (${Object.keys(JOBS).join(", ")})`);
  const baseURL = opt["base-url"] ?? `http://127.0.0.1:${opt.port}`;
  if (!opt["fresh-server"] && !opt["base-url"]) throw new Error("--base-url or --fresh-server");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: !opt.headed });
  const results: Result[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const vp of viewports) {
        const server = opt["fresh-server"] ? await startServer(opt.port!) : null;
        try {
          for (const r of roles) {
            const tally = await runJob(browser, baseURL, JOBS[r], vp);
            results.push({ role: JOBS[r].role, viewport: `${VIEWPORTS[vp].width}×${VIEWPORTS[vp].height}`, run, ...tally });
            console.log(
              `run ${run} ${vp} ${JOBS[r].role}: ${tally.clicks} clicks, ${tally.fields} fields, ${(tally.ms / 1000).toFixed(1)} s${tally.missing.length ? `, missing: ${tally.missing.join("; ")}` : ""}`,
            );
          }
        } finally {
          if (server) await stopServer(server);
        }
      }
    }
  } finally {
    await browser.close();
  }
  mkdirSync(opt.out!, { recursive: true });
  writeFileSync(join(opt.out!, "daily-jobs.json"), JSON.stringify({ at: new Date().toISOString(), runs, results }, null, 2));
  const md = markdown(results, runs, baseURL);
  writeFileSync(join(opt.out!, "daily-jobs.md"), md);
  console.log(md);
}

await main();
