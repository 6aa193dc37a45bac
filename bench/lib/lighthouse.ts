// Lighthouse (the npm CLI) against the running bench server, in Debian's Chromium, desktop and
// mobile, for /dashboard (signed in: the session cookie is sent as an extra header) and /login.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LighthouseScore } from "./report";

const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage";

export async function runLighthouse(base: string, cookie: string, outDir: string): Promise<LighthouseScore[]> {
  mkdirSync(outDir, { recursive: true });
  const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chrome)) throw new Error(`No Chromium at ${chrome} (apt-get install chromium, or set CHROME_PATH)`);
  const cli = join(process.cwd(), "node_modules/lighthouse/cli/index.js");
  const scores: LighthouseScore[] = [];
  for (const page of ["/dashboard", "/login"]) {
    for (const formFactor of ["desktop", "mobile"] as const) {
      const out = join(outDir, `${page.slice(1)}-${formFactor}.json`);
      const args = [
        cli,
        `${base}${page}`,
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        `--chrome-flags=${CHROME_FLAGS}`,
        "--only-categories=performance,accessibility,best-practices,seo",
        "--max-wait-for-load=60000",
        ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
        ...(page === "/dashboard" ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
      ];
      process.stderr.write(`  lighthouse ${page} ${formFactor} …\n`);
      const r = spawnSync(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome }, encoding: "utf8", timeout: 5 * 60 * 1000 });
      if (r.status !== 0 || !existsSync(out)) {
        process.stderr.write(`  lighthouse failed (${r.status}): ${(r.stderr ?? "").slice(-1000)}\n`);
        scores.push({ page, formFactor, performance: null, accessibility: null, bestPractices: null, seo: null, lcpMs: null, tbtMs: null, cls: null });
        continue;
      }
      const lhr = JSON.parse(readFileSync(out, "utf8")) as {
        finalDisplayedUrl?: string;
        categories: Record<string, { score: number | null }>;
        audits: Record<string, { numericValue?: number }>;
      };
      if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.includes(page)) process.stderr.write(`  note: ${page} ended on ${lhr.finalDisplayedUrl}\n`);
      scores.push({
        page,
        formFactor,
        performance: lhr.categories.performance?.score ?? null,
        accessibility: lhr.categories.accessibility?.score ?? null,
        bestPractices: lhr.categories["best-practices"]?.score ?? null,
        seo: lhr.categories.seo?.score ?? null,
        lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? null,
        tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? null,
        cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? null,
      });
    }
  }
  return scores;
}
