import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/server/api-auth";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { issueToken, listTokens, revokeToken } from "@/server/use-cases/tokens";
import { setUserActive } from "@/server/use-cases/users";
import { GET as hospitalsGET } from "@/app/api/v1/hospitals/route";
import { GET as pledgesGET } from "@/app/api/v1/pledges/route";
import { GET as summaryGET } from "@/app/api/v1/summary/route";
import { GET as unknownGET } from "@/app/api/[...path]/route";
import { addDays, startOfWibDay } from "@/domain/day";
import { today } from "@/server/clock";
import { actors } from "./supply-helpers";
import { ALL_HOSPITALS } from "../../prisma/seed-data/hospitals-generated";

// The read-only API v1, called as route handlers with real requests. A session cookie is the
// other way in; here the "session" is whoever `sessionActor` says (none unless a test sets it).
let sessionActor: Actor | null = null;
vi.mock("@/server/session", () => ({ currentActor: async () => sessionActor }));

let a: Awaited<ReturnType<typeof actors>>;
let officialToken: string;
let hospitalToken: string;

beforeAll(async () => {
  a = await actors();
  const o = await issueToken(a.admin, { name: "Dinkes dashboard", userId: a.official.id });
  const h = await issueToken(a.admin, { name: "RS integration", userId: a.hospital.id });
  if (!o.ok || !h.ok) throw new Error("could not issue tokens");
  officialToken = o.value.token;
  hospitalToken = h.value.token;
});

function call(handler: (r: Request) => Promise<Response>, path: string, token?: string) {
  return handler(new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
}

describe("authentication", () => {
  it("401 without credentials, with a malformed header and with an unknown token", async () => {
    for (const [h, p] of [
      [summaryGET, "/api/v1/summary"],
      [hospitalsGET, "/api/v1/hospitals"],
      [pledgesGET, "/api/v1/pledges"],
    ] as const) {
      const r = await call(h, p);
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ error: "unauthorized" });
    }
    const bad = await summaryGET(new Request("http://localhost/api/v1/summary", { headers: { authorization: "Basic abc" } }));
    expect(bad.status).toBe(401);
    expect((await call(summaryGET, "/api/v1/summary", "oxy_not-a-real-token")).status).toBe(401);
  });

  it("a bearer token acting as an official reads the published 2021-07-26 summary", async () => {
    const r = await call(summaryGET, "/api/v1/summary?date=2021-07-26", officialToken);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const body = await r.json();
    expect(body).toMatchObject({ date: "2021-07-26", targetKg: 2_500_000, capacityKg: 1_500_000, shortfallKg: 1_000_000 });
    expect(Object.keys(body).sort()).toEqual([
      "asOf",
      "capacityKg",
      "date",
      "demand",
      "hospitals",
      "industrialKg",
      "medicalDemandKg",
      "medicalKg",
      "production",
      "province",
      "provinces",
      "shortfallKg",
      "targetKg",
    ]);
    // one province in the database: it is the default, and its row is the whole
    expect(body.province).toEqual({ code: "36", name: "Banten" });
    expect(body.provinces).toEqual([
      {
        code: "36",
        name: "Banten",
        targetKg: 2_500_000,
        capacityKg: 1_500_000,
        medicalKg: body.medicalKg,
        industrialKg: body.industrialKg,
        shortfallKg: 1_000_000,
      },
    ]);
    expect(body.asOf).toBe("2021-07-26T17:00:00.000Z"); // the end of the WIB day
    expect(Object.keys(body.hospitals).sort()).toEqual(["amber", "green", "red", "stale"]);
    for (const v of [body.targetKg, body.capacityKg, body.shortfallKg, body.medicalKg, body.industrialKg, body.medicalDemandKg])
      expect(Number.isInteger(v)).toBe(true);
    expect(body.medicalKg + body.industrialKg).toBe(1_500_000);
  });

  it("the session cookie works as well as a token", async () => {
    sessionActor = a.staff;
    try {
      const r = await call(summaryGET, "/api/v1/summary?date=2021-07-26");
      expect(r.status).toBe(200);
      expect((await r.json()).capacityKg).toBe(1_500_000);
    } finally {
      sessionActor = null;
    }
  });

  it("a revoked token gets 401 from then on", async () => {
    const issued = await issueToken(a.admin, { name: "to revoke", userId: a.official.id });
    if (!issued.ok) throw new Error("issue failed");
    expect((await call(pledgesGET, "/api/v1/pledges", issued.value.token)).status).toBe(200);
    expect((await revokeToken(a.admin, { id: issued.value.id })).ok).toBe(true);
    expect((await call(pledgesGET, "/api/v1/pledges", issued.value.token)).status).toBe(401);
  });

  it("a token with a last day works through that day (WIB) and answers 401 from the next midnight", async () => {
    const lastDay = today();
    const issued = await issueToken(a.admin, { name: "until today", userId: a.official.id, lastDay });
    if (!issued.ok) throw new Error("issue failed");
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.value.id } });
    expect(row.expiresAt).toEqual(startOfWibDay(addDays(lastDay, 1)));
    const end = row.expiresAt!.getTime();
    expect((await call(summaryGET, "/api/v1/summary", issued.value.token)).status).toBe(200);
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(end - 1);
      expect((await call(pledgesGET, "/api/v1/pledges", issued.value.token)).status).toBe(200);
      vi.setSystemTime(end);
      const r = await call(pledgesGET, "/api/v1/pledges", issued.value.token);
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ error: "unauthorized" });
    } finally {
      vi.useRealTimers();
    }
    // A token without a last day is not touched by the clock.
    expect((await prisma.apiToken.findFirstOrThrow({ where: { name: "Dinkes dashboard" } })).expiresAt).toBeNull();
  });

  it("refuses a last day in the past or more than a year ahead; the table refuses an expiry that is not a WIB midnight", async () => {
    for (const lastDay of [addDays(today(), -1), addDays(today(), 400), "2021-02-30", "soon"]) {
      const r = await issueToken(a.admin, { name: "bad expiry", userId: a.official.id, lastDay });
      expect(r.ok, lastDay).toBe(false);
      expect(r).toMatchObject({ fieldErrors: { lastDay: expect.any(String) } });
    }
    expect((await issueToken(a.admin, { name: "blank expiry", userId: a.official.id, lastDay: " " })).ok).toBe(true);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { name: "blank expiry" } });
    expect(row.expiresAt).toBeNull();
    await expect(prisma.apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date("2021-08-25T05:00:00Z") } })).rejects.toThrow(
      /ApiToken_expiresAt_wib_midnight/,
    );
  });

  it("notes when a token was last used, at most once a minute", async () => {
    const issued = await issueToken(a.admin, { name: "used", userId: a.official.id });
    if (!issued.ok) throw new Error("issue failed");
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.value.id } })).lastUsedAt).toBeNull();
    expect((await call(summaryGET, "/api/v1/summary", issued.value.token)).status).toBe(200);
    await vi.waitFor(async () => expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.value.id } })).lastUsedAt).not.toBeNull());
    const first = (await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.value.id } })).lastUsedAt!;
    expect((await call(summaryGET, "/api/v1/summary", issued.value.token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.value.id } })).lastUsedAt).toEqual(first);
  });

  it("an unknown /api/v1 path answers a JSON 404, not the HTML page", async () => {
    for (const path of ["/api/v1/no-such-endpoint", "/api/v1/summary/extra", "/api/v2/summary"]) {
      const r = await unknownGET(new Request(`http://localhost${path}`));
      expect(r.status).toBe(404);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await r.json()).toMatchObject({ error: "not_found", path });
    }
  });

  it("a token of a disabled account stops working", async () => {
    const u = await prisma.user.create({ data: { email: "service@satgas.test", name: "Service", role: "OFFICIAL", passwordHash: "x" } });
    const issued = await issueToken(a.admin, { name: "service", userId: u.id });
    if (!issued.ok) throw new Error("issue failed");
    expect((await call(summaryGET, "/api/v1/summary", issued.value.token)).status).toBe(200);
    expect((await setUserActive(a.admin, { id: u.id, active: false })).ok).toBe(true);
    expect((await call(summaryGET, "/api/v1/summary", issued.value.token)).status).toBe(401);
  });
});

describe("authorization", () => {
  it("403 for a hospital admin on summary and pledges", async () => {
    for (const [h, p] of [
      [summaryGET, "/api/v1/summary?date=2021-07-26"],
      [pledgesGET, "/api/v1/pledges"],
    ] as const) {
      const r = await call(h, p, hospitalToken);
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({ error: "forbidden" });
    }
  });

  it("a hospital admin gets only their own hospital from /hospitals", async () => {
    const r = await call(hospitalsGET, "/api/v1/hospitals?date=2021-08-25", hospitalToken);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toHaveLength(1);
    // projected to the end of 25 Aug: the 14 h RSUD Banten had at 09:30 ran out by 23:30
    expect(body[0]).toMatchObject({ id: a.hospital.hospitalId, name: "RSUD Banten", status: "red", hoursLeft: 0, asOf: "2021-08-25T17:00:00.000Z" });
  });
});

describe("bad parameters", () => {
  it("400 naming the parameter and why", async () => {
    for (const date of ["2021-02-30", "26-07-2021", "yesterday", ""]) {
      const r = await call(summaryGET, `/api/v1/summary?date=${encodeURIComponent(date)}`, officialToken);
      expect(r.status).toBe(400);
      const body = await r.json();
      expect(body).toMatchObject({ error: "bad_request", parameter: "date" });
      expect(body.reason).toMatch(/YYYY-MM-DD/);
    }
    expect((await call(hospitalsGET, "/api/v1/hospitals?date=2021-13-01", officialToken)).status).toBe(400);
    expect((await call(pledgesGET, "/api/v1/pledges?date=x", officialToken)).status).toBe(400);
  });
});

describe("bodies", () => {
  it("/hospitals lists every hospital with the documented fields, the most at risk first", async () => {
    const r = await call(hospitalsGET, "/api/v1/hospitals?date=2021-08-25", officialToken);
    const body = (await r.json()) as { id: string; status: string; hoursLeft: number | null; usableStockKg: number; regionCode: string }[];
    expect(body).toHaveLength(await prisma.hospital.count({ where: { active: true } }));
    expect(Object.keys(body[0]).sort()).toEqual([
      "asOf",
      "burnRateKgPerDay",
      "hoursLeft",
      "id",
      "lastReportedAt",
      "name",
      "receivedSinceKg",
      "regionCode",
      "stale",
      "status",
      "usableStockKg",
    ]);
    // a past day is projected to its end: 2021-08-26 00:00 WIB
    expect(new Set(body.map((h) => (h as unknown as { asOf: string }).asOf))).toEqual(new Set(["2021-08-25T17:00:00.000Z"]));
    expect(body.slice(0, 2).map((h) => h.status)).toEqual(["red", "red"]);
    // the hospitals that stopped reporting before the 25th (the seed says which) are the stale ones
    const stopped = ALL_HOSPITALS.filter((h) => h.end.kind === "stale")
      .map((h) => h.name)
      .sort();
    expect(stopped.length).toBeGreaterThanOrEqual(2);
    const named = body as unknown as { name: string; stale: boolean; status: string }[];
    expect(
      named
        .filter((h) => h.stale)
        .map((h) => h.name)
        .sort(),
    ).toEqual(stopped);
    expect(named.filter((h) => h.status === "stale").length).toBeGreaterThan(0);
    expect(named.filter((h) => h.status === "stale").every((h) => stopped.includes(h.name))).toBe(true);
    for (const h of body) {
      expect(["red", "amber", "green", "stale"]).toContain(h.status);
      expect(Number.isInteger(h.usableStockKg)).toBe(true);
      expect(h.regionCode).toMatch(/^36\.\d\d$/);
    }
  });

  it("/pledges gives each pledge's progress (default: the latest day with data)", async () => {
    const r = await call(pledgesGET, "/api/v1/pledges", officialToken);
    const body = (await r.json()) as { supplier: string; totalKg: number; deliveredKg: number; dueToDateKg: number; status: string }[];
    expect(Object.keys(body[0]).sort()).toEqual(["deliveredKg", "dueToDateKg", "id", "status", "supplier", "totalKg"]);
    expect(body.find((p) => p.supplier.includes("Chandra Asri"))).toMatchObject({
      totalKg: 120_000,
      dueToDateKg: 75_000,
      deliveredKg: 64_870,
      status: "behind",
    });
    expect(body.find((p) => p.supplier.includes("Krakatau"))).toMatchObject({
      totalKg: 309_000,
      dueToDateKg: 273_000,
      deliveredKg: 273_000,
      status: "on_track",
    });
  });
});

describe("token management", () => {
  it("stores only the token's hash, in the table and in the audit trail", async () => {
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(officialToken) } });
    expect(row.tokenHash).not.toContain(officialToken);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await prisma.auditEvent.findMany({ where: { entity: "ApiToken", entityId: row.id } });
    expect(audit.map((e) => e.action)).toEqual(["token.issue"]);
    const text = JSON.stringify(audit.map((e) => ({ before: e.before, after: e.after })));
    expect(text).not.toContain(officialToken);
    expect(text).not.toContain(row.tokenHash);
  });

  it("lists tokens without their hashes; only ADMIN may issue, list or revoke", async () => {
    const list = await listTokens(a.admin);
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(list)).not.toMatch(/tokenHash/);
    for (const who of [a.staff, a.official, a.hospital]) {
      expect(await issueToken(who, { name: "x", userId: who.id })).toEqual({ ok: false, error: "forbidden" });
      expect(await revokeToken(who, { id: "whatever" })).toEqual({ ok: false, error: "forbidden" });
      await expect(listTokens(who)).rejects.toThrow(/forbidden/);
    }
  });

  it("validates the name and the user", async () => {
    expect(await issueToken(a.admin, { name: " ", userId: a.official.id })).toMatchObject({ ok: false, fieldErrors: { name: "required" } });
    expect(await issueToken(a.admin, { name: "x", userId: "no-such-user" })).toMatchObject({ ok: false, fieldErrors: { userId: "invalid_choice" } });
    expect(await revokeToken(a.admin, { id: "no-such-token" })).toMatchObject({ ok: false, error: "not_found" });
  });
});
