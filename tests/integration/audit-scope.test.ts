import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { ACCOUNT_ENTITIES, auditEvents, AUDITED_ENTITIES } from "@/server/queries/audit";
import { issueToken } from "@/server/use-cases/tokens";
import { setUserActive } from "@/server/use-cases/users";
import { actors } from "./supply-helpers";
import { loadAuditSearch } from "@/app/(app)/audit/search-params";

// Issue #13 item 8: the audit trail of accounts and API tokens (every account's email, role and
// hospital) is ADMIN's; STAFF read the business records' history only. (Over HTTP: tests/e2e/security.spec.ts.)
let a: Awaited<ReturnType<typeof actors>>;

beforeAll(async () => {
  a = await actors();
  const official = await prisma.user.findUniqueOrThrow({ where: { email: "official@satgas.test" } });
  expect((await setUserActive(a.admin, { id: official.id, active: false })).ok).toBe(true);
  expect((await setUserActive(a.admin, { id: official.id, active: true })).ok).toBe(true);
  expect((await issueToken(a.admin, { name: "audit-scope", userId: official.id })).ok).toBe(true);
});

describe("audit scope", () => {
  it("STAFF see no account or token event, asked for by kind, by id, or unfiltered", async () => {
    for (const entity of ACCOUNT_ENTITIES) {
      const events = await auditEvents(a.staff, loadAuditSearch({ entity }));
      expect([entity, events.total]).toEqual([entity, 0]);
      const one = await prisma.auditEvent.findFirstOrThrow({ where: { entity } });
      expect((await auditEvents(a.staff, loadAuditSearch({ entity, id: one.entityId }))).total).toBe(0);
      expect((await auditEvents(a.staff, loadAuditSearch({ id: one.entityId }))).rows.filter((e) => e.entity === entity)).toEqual([]);
    }
    const all = await auditEvents(a.staff, loadAuditSearch({}));
    expect(all.total).toBe(await prisma.auditEvent.count({ where: { entity: { in: [...AUDITED_ENTITIES] } } }));
    const pages = Math.min(all.pages, 20);
    for (let page = 1; page <= pages; page++) {
      const rows = (await auditEvents(a.staff, loadAuditSearch({ page: String(page) }))).rows;
      expect(rows.filter((e) => (ACCOUNT_ENTITIES as readonly string[]).includes(e.entity))).toEqual([]);
    }
  });

  it("an entity kind nobody listed stays ADMIN's", async () => {
    await prisma.auditEvent.create({ data: { actorId: a.admin.id, action: "test.new_kind", entity: "SomethingNew", entityId: "x1" } });
    expect((await auditEvents(a.staff, loadAuditSearch({ entity: "SomethingNew" }))).total).toBe(0);
    expect((await auditEvents(a.admin, loadAuditSearch({ entity: "SomethingNew" }))).total).toBe(1);
  });

  it("ADMIN sees the accounts' and tokens' history", async () => {
    expect((await auditEvents(a.admin, loadAuditSearch({ entity: "User" }))).rows.map((e) => e.action)).toEqual(["user.enable", "user.disable"]);
    expect((await auditEvents(a.admin, loadAuditSearch({ entity: "ApiToken" }))).total).toBeGreaterThanOrEqual(1);
  });
});
