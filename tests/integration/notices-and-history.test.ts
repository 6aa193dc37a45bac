import { beforeAll, describe, expect, it } from "vitest";
import { auditLine, hasSentence } from "@/components/audit/audit-sentence";
import { groupNotices } from "@/domain/notices";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { auditEvents, auditNames } from "@/server/queries/audit";
import { listNotifications, unreadCount } from "@/server/queries/notifications";
import { markNotificationsRead } from "@/server/use-cases/notifications";
import { loadAuditSearch } from "@/app/(app)/audit/search-params";
import { actor } from "./supply-helpers";
import { prepareWorld, VALID } from "./valid-inputs";
import { translatorFor } from "../translator";

let staff: Actor, rs1: Actor, rs2: Actor;
beforeAll(async () => {
  [staff, rs1, rs2] = await Promise.all(["staff@satgas.test", "rs1@satgas.test", "rs2@satgas.test"].map(actor));
  // a clean slate of notices for this file's database: what the seed left is read
  await prisma.notification.updateMany({ data: { readAt: new Date() } });
});

const notice = (id: string, to: { role: "HOSPITAL" | "STAFF"; hospitalId: string | null }, kind: string, createdAt: string, params: object = {}) =>
  prisma.notification.create({ data: { id, ...to, kind, params, createdAt: new Date(createdAt) } });

describe("notifications", () => {
  it("list newest first by when they were raised, whatever order they were written in", async () => {
    const to = { role: "HOSPITAL" as const, hospitalId: rs1.hospitalId };
    await notice("n-old", to, "request_approved", "2030-01-01T01:00:00Z");
    await notice("n-new", to, "request_allocated", "2030-01-01T03:00:00Z");
    await notice("n-mid", to, "request_rejected", "2030-01-01T02:00:00Z");
    const ids = (await listNotifications(rs1)).map((n) => n.id);
    expect(ids.slice(0, 3)).toEqual(["n-new", "n-mid", "n-old"]);
  });

  it("mark read exactly the notices a reader was shown, and only their own", async () => {
    expect(await unreadCount(rs1)).toBe(3);
    // another hospital naming rs1's notices marks nothing
    expect(await markNotificationsRead(rs2, { ids: ["n-new", "n-mid"] })).toMatchObject({ ok: true, value: 0 });
    expect(await unreadCount(rs1)).toBe(3);
    // what the page showed is read; a notice raised after it stays unread
    expect(await markNotificationsRead(rs1, { ids: ["n-new", "n-mid"] })).toMatchObject({ ok: true, value: 2 });
    expect(await unreadCount(rs1)).toBe(1);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: "n-old" } })).readAt).toBeNull();
    // "mark all read": no ids
    expect(await markNotificationsRead(rs1, {})).toMatchObject({ ok: true, value: 1 });
    expect(await unreadCount(rs1)).toBe(0);
    expect(await markNotificationsRead(rs1, { ids: Array.from({ length: 501 }, (_, i) => `x${i}`) })).toMatchObject({ ok: false, error: "invalid" });
  });

  it("read many hospitals not reporting the same day as one entry listing them", async () => {
    const hospitals = await prisma.hospital.findMany({ take: 12, orderBy: { name: "asc" }, select: { id: true, name: true } });
    for (const [i, h] of hospitals.entries())
      await notice(`stale-test-${i}`, { role: "STAFF", hospitalId: h.id }, "hospital_stale", `2030-01-02T0${i % 6}:00:00Z`, {
        hospitalId: h.id,
        hospital: h.name,
        lastDay: null,
      });
    await notice("urgent-test", { role: "STAFF", hospitalId: hospitals[0].id }, "urgent_request", "2030-01-02T03:30:00Z", {
      requestId: "q",
      hospitalId: hospitals[0].id,
    });
    const items = groupNotices(await listNotifications(staff));
    const groups = items.filter((i) => i.type === "stale" && i.day === "2030-01-02");
    expect(groups).toHaveLength(1);
    const group = groups[0];
    expect(group.type === "stale" && group.notices.map((n) => n.id).sort()).toEqual(hospitals.map((_, i) => `stale-test-${i}`).sort());
    expect(group.type === "stale" && group.unread).toBe(true);
    // the group stands where its newest member was raised (05:00), above the urgent request (03:30)
    const at = (pred: (i: (typeof items)[number]) => boolean) => items.findIndex(pred);
    expect(at((i) => i === group)).toBeLessThan(at((i) => i.type === "one" && i.notice.id === "urgent-test"));
    expect(items.filter((i) => i.type === "one" && i.notice.kind === "hospital_stale" && i.notice.id.startsWith("stale-test"))).toEqual([]);
  });
});

describe("the history", () => {
  it("reads every event the use cases write as a sentence naming its records, in both languages", async () => {
    // every use case once, with a valid input, as the first role allowed to run it
    const w = await prepareWorld();
    const failed: string[] = [];
    for (const [key, build] of Object.entries(VALID)) {
      const [mod, name] = key.split(".");
      const m = (await import(`../../src/server/use-cases/${mod}.ts`)) as Record<string, (a: Actor, input: unknown) => Promise<{ ok: boolean }>>;
      let ok = false;
      for (const who of [w.admin, w.staff, w.rs1]) {
        const r = await m[name](who, await build(w, who));
        if (r.ok) {
          ok = true;
          break;
        }
      }
      if (!ok) failed.push(key);
    }
    expect(failed).toEqual([]);
    const total = await prisma.auditEvent.count();
    expect(total).toBeGreaterThan(40);
    const actions = new Set<string>();
    for (let page = 1; (page - 1) * 20 < total; page++) {
      const list = await auditEvents(w.admin, loadAuditSearch({ page: String(page) }));
      const names = await auditNames(list.rows);
      for (const locale of ["id", "en"] as const) {
        const t = translatorFor(locale);
        for (const e of list.rows) {
          actions.add(e.action);
          const line = auditLine({ ...e, actor: e.actor ? { name: e.actor.name, role: e.actor.role } : null }, names, t, locale);
          const where = `${e.action} ${e.entity} ${e.entityId}: ${line.sentence}`;
          expect(line.sentence, where).not.toMatch(/\{|undefined|NaN|\d{4}-\d{2}-\d{2}/);
          expect(line.sentence, where).toMatch(/WIB\.$/);
          expect(hasSentence(e.action, t), where).toBe(true);
          expect(line.sentence, where).not.toContain(t("audit.unknown"));
          expect(line.sentence, where).not.toContain(e.entityId);
          for (const c of line.changes) expect(`${c.before} ${c.after}`, where).not.toMatch(/\{|cuid|\d{4}-\d{2}-\d{2}T/);
        }
      }
    }
    expect(actions.size).toBeGreaterThan(25);
  });

  it("reads a dispatch with the hospital's and supplier's names and links to its request", async () => {
    const e = await prisma.auditEvent.findFirstOrThrow({ where: { action: "dispatch.create" } });
    const d = await prisma.delivery.findUniqueOrThrow({ where: { id: e.entityId }, include: { hospital: true, supplier: true, allocation: true } });
    const events = await auditEvents(staff, loadAuditSearch({ entity: "Delivery", id: d.id }));
    const row = events.rows.find((x) => x.action === "dispatch.create")!;
    const line = auditLine({ ...row, actor: row.actor }, await auditNames(events.rows), translatorFor("en"), "en");
    expect(line.sentence).toContain(`to ${d.hospital!.name}`);
    expect(line.sentence).toContain(`from ${d.supplier.name}`);
    expect(line.sentence).toMatch(/^.+ \((Admin|Task-force staff|[A-Za-z -]+)\) logged a dispatch of [\d.,]+ t/);
    expect(line.links.map((l) => l.href)).toContain(`/requests/${d.allocation!.requestId}`);
  });
});
