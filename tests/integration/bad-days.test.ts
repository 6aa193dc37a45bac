import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDays } from "@/domain/day";
import { today } from "@/server/clock";
import type { Actor } from "@/server/permissions";
import { GET as hospitalsGET } from "@/app/api/v1/hospitals/route";
import { GET as pledgesGET } from "@/app/api/v1/pledges/route";
import { GET as summaryGET } from "@/app/api/v1/summary/route";
import { GET as dashboardExportGET } from "@/app/(app)/dashboard/export/[table]/route";
import { GET as capacityExportGET } from "@/app/(app)/capacity/export/route";
import { TABLE_KEYS } from "@/components/dashboard/tables";
import { loadDashboardSearch } from "@/app/(app)/dashboard/search-params";
import { loadTriageSearch } from "@/app/(app)/triage/search-params";
import { dayOrLatest } from "@/app/api/v1/params";
import { prisma } from "@/server/db";
import { dayToDate } from "@/domain/day";
import { actors } from "./supply-helpers";

// Issue #12, item 9: a day in an address that cannot exist, or lies outside the data's window,
// is answered 400 by every API and export route — never 500, never silently another day.
let sessionActor: Actor | null = null;
vi.mock("@/server/session", () => ({ currentActor: async () => sessionActor }));
vi.mock("@/i18n/server", async () => {
  const { messagesFor } = await import("@/i18n/messages");
  return { getI18n: async () => ({ locale: "id", t: messagesFor("id") }) };
});

let a: Awaited<ReturnType<typeof actors>>;
beforeAll(async () => {
  a = await actors();
  sessionActor = a.official;
});

const BAD = ["0001-01-01", "2021-02-30", "abc", "2021-13-01", "9999-12-31", "-001000-01-01", "275760-09-13", "2021-07-26T00:00"];
const get = (handler: (r: Request, ctx: never) => Promise<Response>, path: string, ctx?: unknown) =>
  handler(new Request(`http://localhost${path}`), ctx as never);

describe("a bad day in the address", () => {
  it("the API routes answer 400 naming the parameter", async () => {
    for (const date of [...BAD, addDays(today(), 2)]) {
      for (const [handler, path] of [
        [summaryGET, "/api/v1/summary"],
        [hospitalsGET, "/api/v1/hospitals"],
        [pledgesGET, "/api/v1/pledges"],
      ] as const) {
        const r = await get(handler, `${path}?date=${encodeURIComponent(date)}`);
        expect([path, date, r.status]).toEqual([path, date, 400]);
        expect(await r.json()).toMatchObject({ error: "bad_request", parameter: "date" });
      }
    }
  });

  it("every dashboard table export answers 400", async () => {
    for (const date of BAD) {
      for (const table of TABLE_KEYS) {
        const r = await get(dashboardExportGET, `/dashboard/export/${table}?date=${encodeURIComponent(date)}`, { params: Promise.resolve({ table }) });
        expect([table, date, r.status]).toEqual([table, date, 400]);
        expect(await r.json()).toMatchObject({ error: "bad_request", parameter: "date" });
      }
    }
  });

  it("the capacity export answers 400 for a bad from or to, and for from after to", async () => {
    sessionActor = a.staff;
    for (const date of BAD) {
      for (const param of ["from", "to"]) {
        const r = await get(capacityExportGET, `/capacity/export?${param}=${encodeURIComponent(date)}`);
        expect([param, date, r.status]).toEqual([param, date, 400]);
        expect(await r.json()).toMatchObject({ error: "bad_request", parameter: param });
      }
    }
    expect((await get(capacityExportGET, "/capacity/export?from=2021-08-02&to=2021-08-01")).status).toBe(400);
    expect((await get(capacityExportGET, "/capacity/export?from=2021-08-01&to=2021-08-02")).status).toBe(200);
    sessionActor = a.official;
  });

  it("pages get the error code to show, not a fallback day", () => {
    const date = (raw: string | string[] | undefined) => loadDashboardSearch({ date: raw }).date;
    expect(date("2021-02-30")).toEqual({ day: null, error: "impossible_date", raw: "2021-02-30" });
    expect(date("0001-01-01")).toEqual({ day: null, error: "day_too_early:2019-12-01", raw: "0001-01-01" });
    expect(date("abc")).toMatchObject({ error: "invalid_format" });
    expect(loadTriageSearch({ day: addDays(today(), 2) }).day).toMatchObject({ error: `day_too_late:${addDays(today(), 1)}` });
    expect(date("2021-07-26")).toEqual({ day: "2021-07-26" });
    expect(date(["2021-07-26", "abc"])).toEqual({ day: "2021-07-26" }); // the first of a repeated parameter
    expect(date("")).toEqual({ day: null });
    expect(date(undefined)).toEqual({ day: null });
  });
});

describe("the default day", () => {
  it("is the latest day with data not after today: one entry typed into the future does not move it", async () => {
    const before = await dayOrLatest(undefined);
    expect(before).not.toBeNull();
    expect(before! <= today()).toBe(true);
    const supplier = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER" } });
    // a mistyped row far in the future, written past the forms' checks
    await prisma.dailyCapacity.create({ data: { supplierId: supplier.id, day: dayToDate("2099-07-26"), producedKg: 1000, medicalKg: 500, industrialKg: 500 } });
    const { invalidateReads } = await import("@/server/cache");
    invalidateReads();
    expect(await dayOrLatest(undefined)).toBe(before);
    const r = await get(summaryGET, "/api/v1/summary");
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ date: before });
  });
});
