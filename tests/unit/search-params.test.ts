import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { loadDashboardSearch } from "@/app/(app)/dashboard/search-params";
import { loadForecastSearch } from "@/app/(app)/forecast/search-params";
import { loadReportSearch } from "@/app/(app)/report/search-params";
import { listParsers, loadCreatedNotice } from "@/app/search-params";

// The routes' search-param loaders (nuqs): typed values, and a fallback instead of an error for
// what does not parse. A bad day is the exception: it comes back with its error code for the
// page to show (tests/integration/bad-days.test.ts checks the codes against the data's window).

describe("search params", () => {
  it("give the defaults for an empty query", () => {
    expect(loadDashboardSearch({})).toEqual({ date: { day: null }, range: 30, province: null });
    expect(loadReportSearch("")).toEqual({ date: { day: null }, province: null, lang: "id" });
  });

  it("read a URL, a Request or the page's searchParams alike, the first of a repeated key", async () => {
    const expected = { date: { day: "2021-07-26" }, range: 90, province: "36" };
    expect(loadDashboardSearch(new Request("http://x/dashboard?date=2021-07-26&range=90&province=36"))).toEqual(expected);
    expect(await loadDashboardSearch(Promise.resolve({ date: "2021-07-26", range: ["90", "30"], province: " 36 " }))).toEqual(expected);
  });

  it("fall back on an unknown enum or number, never throw", () => {
    expect(loadDashboardSearch("range=45&province=%20")).toMatchObject({ range: 30, province: null });
    expect(loadReportSearch("lang=fr")).toMatchObject({ lang: "id" });
    expect(loadForecastSearch("basis=vibes&wave=lots&shift=&pledged=1,5")).toMatchObject({ basis: null, wave: null, shift: null, pledged: 1.5 });
    expect(loadCreatedNotice("created=yes")).toEqual({ created: false });
    expect(loadCreatedNotice("created=1")).toEqual({ created: true });
  });

  it("keep a bad day with its error code instead of another day", () => {
    expect(loadDashboardSearch("date=2021-02-30").date).toEqual({ day: null, error: "impossible_date", raw: "2021-02-30" });
    expect(loadForecastSearch("asOf=26-07-2021").asOf).toMatchObject({ day: null, error: "invalid_format" });
  });

  it("give a list only a known sort, a direction and a page from 1 to 10,000", () => {
    const load = createLoader(listParsers(["name", "updatedAt"] as const, "name"));
    expect(load("")).toEqual({ q: "", sort: "name", dir: "asc", page: 1 });
    expect(load("sort=password&dir=sideways&page=-3&q=%20%20krakatau%20")).toEqual({ q: "krakatau", sort: "name", dir: "asc", page: 1 });
    expect(load("sort=updatedAt&dir=desc&page=abc")).toMatchObject({ sort: "updatedAt", dir: "desc", page: 1 });
    expect(load("page=999999").page).toBe(10_000);
    expect(load(`q=${"x".repeat(500)}`).q).toHaveLength(100);
  });
});
