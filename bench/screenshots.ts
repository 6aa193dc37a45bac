// Every page each role can open, photographed at 390 × 844 and 1280 × 800 in Bahasa Indonesia and
// English, to look at before and after a UI change (issue #16):
//
//   npx tsx bench/screenshots.ts --base-url http://127.0.0.1:3308 --out /tmp/shots
//   npx tsx bench/screenshots.ts --fresh-server --port 3308 --out /tmp/shots
//
// Files: <out>/<role>/<page>-<width>-<lang>.png (full page), plus <out>/login/…; a record's page is
// named for its list ("requests-detail"). The pages are the role's menu plus one record of each kind
// and the pages reached from others (report, new dispatch, audit, password), like
// tests/e2e/phone-layout.spec.ts. Options: --roles admin,staff,official,hospital  --widths 390,1280
// --langs id,en  --only <regex on the path>. <out>/index.md lists what was taken and the pages wider than the screen.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startServer, stopServer } from "./lib/fresh-server";

const { values: opt } = parseArgs({
  options: {
    "base-url": { type: "string" },
    "fresh-server": { type: "boolean", default: false },
    port: { type: "string", default: "3308" },
    out: { type: "string", default: "bench/screenshots-out" },
    roles: { type: "string", default: "admin,staff,official,hospital" },
    widths: { type: "string", default: "390,1280" },
    langs: { type: "string", default: "id,en" },
    only: { type: "string" },
  },
});

const ROLES: Record<string, string> = {
  admin: "admin@satgas.test",
  staff: "staff@satgas.test",
  official: "official@satgas.test",
  hospital: "rs1@satgas.test",
};
const HEIGHT: Record<string, number> = { "390": 844, "1280": 800 };

async function newContext(browser: Browser, baseURL: string, width: string, lang: string): Promise<BrowserContext> {
  const mobile = Number(width) < 768;
  // the browser's own language too: native controls (date fields, file pickers) follow it
  const locale = lang === "en" ? "en-GB" : "id-ID";
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: Number(width), height: HEIGHT[width] ?? 800 },
    isMobile: mobile,
    hasTouch: mobile,
  });
  await context.addCookies([{ name: "lang", value: lang, domain: new URL(baseURL).hostname, path: "/" }]);
  return context;
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("demo-password");
  await page.locator("#password").press("Enter");
  await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/", { timeout: 20_000 });
}

/** The menu's pages, one record of each kind, and pages reached from others. */
async function pagesOf(page: Page): Promise<string[]> {
  await page.goto("/", { waitUntil: "networkidle" });
  const hrefs = async () => page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const menu = await page.locator("nav a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const pages = new Set(menu.map((h) => h.split("?")[0]));
  for (const [list, detail] of [
    ["/requests", /^\/requests\/[^/?]+$/],
    ["/hospitals", /^\/hospitals\/(?!new)[^/?]+$/],
    ["/pledges", /^\/pledges\/(?!new)[^/?]+$/],
    ["/suppliers", /^\/suppliers\/(?!new)[^/?]+$/],
  ] as const) {
    if (!pages.has(list)) continue;
    await page.goto(list, { waitUntil: "networkidle" });
    const found = await hrefs();
    const first = found.find((h) => detail.test(h));
    if (first) pages.add(first);
    if (found.includes(`${list}/new`)) pages.add(`${list}/new`);
  }
  for (const extra of ["/dispatches/new", "/report", "/audit", "/password", "/forecast", "/alerts", "/notifications"]) pages.add(extra);
  return [...pages];
}

function nameOf(path: string): string {
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 2 && !["new", "users", "tokens"].includes(parts[1])) parts[1] = "detail";
  return parts.join("-") || "home";
}

/**
 * Scrolls through the page once, as a reader would: charts and other parts drawn only when they
 * come near the screen are then in the full-page picture.
 */
async function drawLazyParts(page: Page) {
  const { height, step } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, step: window.innerHeight }));
  for (let y = step; y < height; y += step) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState("networkidle");
  // drawing happens in idle moments after the scripts arrive: wait until no placeholder is left growing
  await page.waitForFunction(() => document.readyState === "complete", null, { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(height > 2 * step ? 1_000 : 100);
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function main() {
  const baseURL = opt["base-url"] ?? `http://127.0.0.1:${opt.port}`;
  if (!opt["fresh-server"] && !opt["base-url"]) throw new Error("--base-url or --fresh-server");
  const server = opt["fresh-server"] ? await startServer(opt.port!) : null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const index: string[] = [`# Screenshots (${new Date().toISOString()}, ${baseURL})`, ""];
  const wide: string[] = [];
  try {
    for (const width of opt.widths!.split(","))
      for (const lang of opt.langs!.split(",")) {
        // the sign-in page, as everyone first sees it
        const anon = await newContext(browser, baseURL, width, lang);
        const p0 = await anon.newPage();
        await p0.goto("/login", { waitUntil: "networkidle" });
        mkdirSync(join(opt.out!, "login"), { recursive: true });
        await p0.screenshot({ path: join(opt.out!, "login", `login-${width}-${lang}.png`), fullPage: true });
        await anon.close();
        for (const role of opt.roles!.split(",")) {
          const context = await newContext(browser, baseURL, width, lang);
          const page = await context.newPage();
          page.setDefaultTimeout(20_000);
          try {
            await signIn(page, ROLES[role]);
            const pages = await pagesOf(page);
            const dir = join(opt.out!, role);
            mkdirSync(dir, { recursive: true });
            const taken: string[] = [];
            const only = opt.only ? new RegExp(opt.only) : null;
            for (const path of pages.filter((p) => !only || only.test(p))) {
              const res = await page.goto(path, { waitUntil: "networkidle" }).catch(() => null);
              const at = new URL(page.url()).pathname;
              if (!res || res.status() >= 400 || at === "/forbidden" || at.startsWith("/login")) continue; // not this role's page
              await drawLazyParts(page);
              const file = `${nameOf(path)}-${width}-${lang}.png`;
              await page.screenshot({ path: join(dir, file), fullPage: true });
              taken.push(file);
              const over = await overflow(page);
              if (over > 1) wide.push(`${role} ${path} at ${width} (${lang}): ${over} px wider than the screen`);
            }
            index.push(`- ${role} ${width} ${lang}: ${taken.length} pages — ${taken.map((f) => f.replace(`-${width}-${lang}.png`, "")).join(", ")}`);
            console.log(index.at(-1));
          } finally {
            await context.close();
          }
        }
      }
  } finally {
    await browser.close();
    if (server) await stopServer(server);
  }
  index.push("", "## Pages wider than the screen", "", ...(wide.length ? wide.map((w) => `- ${w}`) : ["none"]));
  writeFileSync(join(opt.out!, "index.md"), index.join("\n") + "\n");
  console.log(wide.join("\n"));
}

await main();
