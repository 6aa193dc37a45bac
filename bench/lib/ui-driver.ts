// A user's hands on the app for the usability benches (bench/daily-jobs.ts, bench/screenshots.ts):
// find a control the way a person does (its role, label or visible text, Bahasa Indonesia first),
// count every click/tap and every field typed or chosen, and time each step up to the moment the
// network went quiet — the short quiet window that proves it is quiet is not counted, nor is the
// time spent looking for a control that is not there (that step is recorded as missing instead).
import type { Locator, Page } from "@playwright/test";

export type Tally = {
  clicks: number;
  fields: number;
  ms: number;
  missing: string[];
  steps: { name: string; ms: number; ok: boolean; clicks: number; fields: number }[];
};

const QUIET_MS = 150; // no request in flight for this long = the step is done
const FIND_MS = 4_000; // how long to look for a control before calling the step missing
const SETTLE_MAX_MS = 30_000;
const STUCK_MS = 10_000;

export class Driver {
  readonly tally: Tally = { clicks: 0, fields: 0, ms: 0, missing: [], steps: [] };
  private inflight = new Map<unknown, { url: string; since: number }>();
  /** The last control looked for and not found, to say why a step is missing. */
  lastMiss = "";
  private lastActivity = Date.now();
  /** Time spent looking for controls that were not there: not the user's time, not counted. */
  private searching = 0;

  constructor(readonly page: Page) {
    const busy = (r: { url(): string; headers(): Record<string, string> }) => {
      // the router's prefetches of links run in the background: nobody waits for them
      if (r.headers()["next-router-prefetch"]) return;
      this.inflight.set(r, { url: r.url(), since: Date.now() });
      this.lastActivity = Date.now();
    };
    const done = (r: unknown) => {
      this.inflight.delete(r);
      this.lastActivity = Date.now();
    };
    page.on("request", busy);
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  }

  /** Waits for the network to go quiet; returns when the last request ended (or `since`). */
  async settle(since: number): Promise<number> {
    const deadline = Date.now() + SETTLE_MAX_MS;
    // a click's navigation or server action starts a request a moment later: give it one tick
    await this.page.waitForTimeout(10);
    while (Date.now() < deadline) {
      // a request left hanging by a page that has gone (or a stream) is not the step's
      for (const [k, r] of this.inflight) if (Date.now() - r.since > STUCK_MS) this.inflight.delete(k);
      if (this.inflight.size === 0 && Date.now() - this.lastActivity >= QUIET_MS) break;
      await this.page.waitForTimeout(20);
    }
    if (this.inflight.size > 0 && process.env.DEBUG)
      console.warn(
        "still in flight:",
        [...this.inflight.values()].map((r) => r.url),
      );
    await this.page.waitForLoadState("load").catch(() => {});
    return Math.max(since, this.inflight.size === 0 ? this.lastActivity : Date.now());
  }

  /** The first of the candidates that is visible, or null after FIND_MS. */
  async find(candidates: Locator[], timeout = FIND_MS): Promise<Locator | null> {
    const start = Date.now();
    const deadline = start + timeout;
    do {
      for (const c of candidates) {
        const n = await c.count().catch(() => 0);
        for (let i = 0; i < Math.min(n, 5); i++)
          if (
            await c
              .nth(i)
              .isVisible()
              .catch(() => false)
          )
            return c.nth(i);
      }
      await this.page.waitForTimeout(50);
    } while (Date.now() < deadline);
    this.lastMiss = candidates.map(String).join(" | ");
    this.searching += Date.now() - start;
    return null;
  }

  /**
   * One step of the job: `act` returns false (or throws) when it cannot be done the way a user
   * would; the step is then recorded as missing and its time is not counted.
   */
  async step(name: string, act: () => Promise<boolean | void>): Promise<boolean> {
    const start = Date.now();
    const before = { clicks: this.tally.clicks, fields: this.tally.fields };
    const searchingBefore = this.searching;
    let ok: boolean;
    try {
      ok = (await act()) !== false;
    } catch (e) {
      ok = false;
      console.warn(`[${name}] ${(e as Error).message.split("\n")[0]}`);
    }
    if (!ok) {
      // the clicks and fields of a step that could not be finished are not the job's
      Object.assign(this.tally, before);
      if (process.env.DEBUG) {
        console.warn(`[${name}] missing; last control not found: ${this.lastMiss} (at ${this.page.url()})`);
        await this.page.screenshot({ path: `${process.env.DEBUG}/missing-${name.replace(/\W+/g, "-")}.png`, fullPage: true }).catch(() => {});
      }
      this.tally.missing.push(name);
      this.tally.steps.push({ name, ms: 0, ok, clicks: 0, fields: 0 });
      await this.settle(Date.now());
      return false;
    }
    const end = await this.settle(Date.now());
    const ms = Math.max(0, end - start - (this.searching - searchingBefore));
    this.tally.ms += ms;
    this.tally.steps.push({ name, ms, ok, clicks: this.tally.clicks - before.clicks, fields: this.tally.fields - before.fields });
    return true;
  }

  async click(candidates: Locator[]): Promise<boolean> {
    const el = await this.find(candidates);
    if (!el) return false;
    await el.click();
    this.tally.clicks++;
    return true;
  }

  async fill(candidates: Locator[], value: string): Promise<boolean> {
    const el = await this.find(candidates);
    if (!el) return false;
    await el.fill(value);
    this.tally.fields++;
    return true;
  }

  async choose(candidates: Locator[], option: { label: string | RegExp } | string): Promise<boolean> {
    const el = await this.find(candidates);
    if (!el) return false;
    if (typeof option === "string") await el.selectOption(option);
    else {
      const labels = await el.locator("option").allTextContents();
      const label = labels.find((l) => (typeof option.label === "string" ? l.trim() === option.label : option.label.test(l)));
      if (!label) return false;
      await el.selectOption({ label });
    }
    this.tally.fields++;
    return true;
  }

  /** Opens a page from the main menu, through the phone's menu button when the links are hidden. */
  async nav(label: RegExp, path: RegExp): Promise<boolean> {
    if (path.test(new URL(this.page.url()).pathname)) return true; // already there
    const link = () => [this.page.locator("header nav a, header a").filter({ hasText: label })];
    const direct = await this.find(link(), 0);
    if (direct) {
      await direct.click();
      this.tally.clicks++;
      return this.arrived(path);
    }
    const menu = await this.find(
      [this.page.locator("header summary"), this.page.getByRole("button", { name: /^(menu|navigasi)$/i }), this.page.locator("header [aria-expanded]")],
      1_000,
    );
    if (!menu) return false;
    await menu.click();
    this.tally.clicks++;
    if (!(await this.click(link()))) return false;
    return this.arrived(path);
  }

  async arrived(path: RegExp): Promise<boolean> {
    await this.page.waitForURL((u) => path.test(u.pathname), { timeout: 15_000 });
    return true;
  }

  /** The confirm-to-proceed tick for an unusual amount (decision 0022): when it appears, tick and submit again. */
  async confirmIfAsked(scope: Locator, submit: Locator[]): Promise<void> {
    await this.settle(Date.now());
    const tick = await this.find([scope.getByTestId("confirm-unusual"), scope.getByRole("checkbox", { name: /memang benar|is correct|are correct/i })], 300);
    if (!tick) return;
    await tick.check();
    this.tally.clicks++;
    await this.click(submit);
  }
}
