import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { today } from "@/server/clock";
import type { WriteScope } from "@/server/cache";
import { announcement, INSTANCE, listenForWrites, type Listener } from "@/server/invalidation";
import { acknowledgeAlert } from "@/server/use-cases/alerts";
import { submitStockReport } from "@/server/use-cases/stock";
import { actor } from "./supply-helpers";

// Another app server's caches are emptied by this one's writes (decision 0034): the announcement
// is a NOTIFY in the write's transaction, so it arrives at commit, never for a rolled-back write,
// and a listener that lost its connection comes back and drops everything it may have missed.

let other: Listener;
let mine: Listener;
const heard: number[] = [];
const scopes: WriteScope[] = [];
let heardByMine = 0;

const waitFor = async (check: () => boolean, ms = 3_000) => {
  const until = performance.now() + ms;
  while (!check() && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
  return check();
};

async function freshAlert() {
  const h = await prisma.hospital.findFirstOrThrow({ where: { users: { some: { email: "rs1@satgas.test" } } } });
  return prisma.alert.create({ data: { hospitalId: h.id, kind: "amber", raisedAt: new Date(), clearedAt: new Date() } });
}

beforeAll(async () => {
  other = listenForWrites({
    url: process.env.DATABASE_URL,
    instance: "another-server",
    onWrite: (scope) => {
      scopes.push(scope);
      heard.push(performance.now());
    },
  });
  mine = listenForWrites({ url: process.env.DATABASE_URL, instance: INSTANCE, onWrite: () => heardByMine++ });
  await Promise.all([other.ready, mine.ready]);
});

afterAll(async () => {
  await other.stop();
  await mine.stop();
});

describe("writes announced to the other app servers", () => {
  it("a committed write reaches another server within a second; this server does not hear its own", async () => {
    const alert = await freshAlert();
    const before = heard.length;
    const started = performance.now();
    const r = await acknowledgeAlert(await actor("staff@satgas.test"), { id: alert.id });
    expect(r.ok).toBe(true);
    expect(await waitFor(() => heard.length === before + 1)).toBe(true);
    expect(heard.at(-1)! - started).toBeLessThan(1_000);
    expect(heardByMine).toBe(0);
  });

  it("says what the write touches: figures for a stock report, everything for any other write (decision 0040)", async () => {
    const before = heard.length;
    const rs1 = await actor("rs1@satgas.test");
    const report = {
      day: today(),
      unit: "KG",
      stockKg: "900",
      usedKg: "100",
      severePatients: "2",
      criticalPatients: "1",
      bedsOccupied: "5",
      confirmUnusual: "1",
    };
    expect((await submitStockReport(rs1, report)).ok).toBe(true);
    expect(await waitFor(() => heard.length === before + 1)).toBe(true);
    expect(scopes.at(-1)).toBe("figures");
    const alert = await freshAlert();
    expect((await acknowledgeAlert(await actor("staff@satgas.test"), { id: alert.id })).ok).toBe(true);
    expect(await waitFor(() => heard.length === before + 2)).toBe(true);
    expect(scopes.at(-1)).toBe("all");
  });

  it("reads an announcement's sender and scope; anything unknown counts as everything", () => {
    expect(announcement("abc-123:figures")).toEqual({ from: "abc-123", scope: "figures" });
    expect(announcement("abc-123:all")).toEqual({ from: "abc-123", scope: "all" });
    expect(announcement("abc-123")).toEqual({ from: "abc-123", scope: "all" });
    expect(announcement("abc:123:rows")).toEqual({ from: "abc:123:rows", scope: "all" });
    expect(announcement(undefined)).toEqual({ from: "", scope: "all" });
  });

  it("a write refused inside its transaction (rolled back) announces nothing", async () => {
    const alert = await freshAlert();
    const staff = await actor("staff@satgas.test");
    expect((await acknowledgeAlert(staff, { id: alert.id })).ok).toBe(true);
    await waitFor(() => false, 300);
    const before = heard.length;
    expect(await acknowledgeAlert(staff, { id: alert.id })).toMatchObject({ ok: false, error: "already_acknowledged" });
    expect(await acknowledgeAlert(staff, { id: "" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await waitFor(() => heard.length > before, 500)).toBe(false);
  });

  it("a listener whose connection is cut reconnects, drops what it may have missed, and hears later writes", async () => {
    const before = heard.length;
    const cut = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE application_name = 'oxygen-invalidation' AND datname = current_database()`;
    expect(cut[0].n).toBe(2);
    // back after about a second: everything dropped once, for what was missed
    expect(await waitFor(() => heard.length === before + 1, 5_000)).toBe(true);
    const alert = await freshAlert();
    expect((await acknowledgeAlert(await actor("staff@satgas.test"), { id: alert.id })).ok).toBe(true);
    expect(await waitFor(() => heard.length === before + 2)).toBe(true);
  });
});
