import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { listSuppliers } from "@/server/queries/suppliers";
import { createSupplier, setSupplierActive, updateSupplier } from "@/server/use-cases/suppliers";
import { actors, auditOf } from "./supply-helpers";
import { loadAuditSearch } from "@/app/(app)/audit/search-params";
import { loadSuppliersSearch } from "@/app/(app)/suppliers/search-params";

let a: Awaited<ReturnType<typeof actors>>;
let regionId: string;
beforeAll(async () => {
  a = await actors();
  regionId = (await prisma.region.findUniqueOrThrow({ where: { code: "36.04" } })).id;
});

const valid = () => ({
  name: "PT Uji Gas Serang",
  kind: "DISTRIBUTOR",
  regionId,
  address: "Jl. Uji 1",
  contactName: "Budi",
  contactPhone: "+62 812 3456 7890",
});

describe("suppliers", () => {
  it("staff create a supplier, with an audit event", async () => {
    const r = await createSupplier(a.staff, valid());
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    expect(r.value).toMatchObject({ name: "PT Uji Gas Serang", kind: "DISTRIBUTOR", active: true });
    const events = await auditOf("Supplier", r.value.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "supplier.create", actorId: a.staff.id, before: null });
  });

  it("refuses bad input field by field", async () => {
    const r = await createSupplier(a.staff, { ...valid(), name: " ", kind: "SHOP", regionId: "", contactPhone: "call me" });
    expect(r).toMatchObject({ ok: false, error: "invalid" });
    if (r.ok) throw new Error("unreachable: asserted refused above");
    expect(r.fieldErrors).toMatchObject({ name: "too_short", kind: "invalid_choice", regionId: "required", contactPhone: "invalid_format" });
  });

  it("refuses an unknown region", async () => {
    const r = await createSupplier(a.staff, { ...valid(), regionId: "nope" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { regionId: "invalid_choice" } });
  });

  it("refuses officials and hospital admins", async () => {
    for (const who of [a.official, a.hospital, null]) {
      expect(await createSupplier(who, valid())).toEqual({ ok: false, error: "forbidden" });
    }
    const any = await prisma.supplier.findFirstOrThrow();
    expect(await updateSupplier(a.official, { ...valid(), id: any.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await setSupplierActive(a.hospital, { id: any.id, active: false })).toEqual({ ok: false, error: "forbidden" });
    expect(await prisma.supplier.findUniqueOrThrow({ where: { id: any.id } })).toEqual(any); // refused: nothing changed
  });

  it("edits with before and after in the audit trail", async () => {
    const created = await createSupplier(a.admin, { ...valid(), name: "PT Sebelum" });
    if (!created.ok) throw new Error("setup");
    const r = await updateSupplier(a.staff, { ...valid(), id: created.value.id, name: "PT Sesudah" });
    expect(r.ok).toBe(true);
    const events = await auditOf("Supplier", created.value.id);
    expect(events.at(-1)).toMatchObject({ action: "supplier.update", before: { name: "PT Sebelum" }, after: { name: "PT Sesudah" } });
    expect(await updateSupplier(a.staff, { ...valid(), id: "missing" })).toMatchObject({ ok: false, error: "not_found" });
  });

  it("deactivates without losing history, and lists by status", async () => {
    // its own producer with history, so no other test's supplier changes under it
    const made = await createSupplier(a.staff, { ...valid(), name: "PT Produsen Nonaktif", kind: "PRODUCER" });
    if (!made.ok) throw new Error("setup: supplier");
    await prisma.dailyCapacity.create({
      data: { supplierId: made.value.id, day: new Date("2021-07-26T00:00:00Z"), producedKg: 1000, medicalKg: 600, industrialKg: 400 },
    });
    const producer = await prisma.supplier.findUniqueOrThrow({ where: { id: made.value.id }, include: { _count: { select: { capacities: true } } } });
    expect(producer._count.capacities).toBe(1);
    const r = await setSupplierActive(a.staff, { id: producer.id, active: false });
    expect(r).toMatchObject({ ok: true, value: { active: false } });
    expect(await prisma.dailyCapacity.count({ where: { supplierId: producer.id } })).toBe(producer._count.capacities);
    const active = await listSuppliers(loadSuppliersSearch({ q: producer.name }));
    expect(active.rows.map((x) => x.id)).not.toContain(producer.id);
    const inactive = await listSuppliers(loadSuppliersSearch({ q: producer.name, status: "inactive" }));
    expect(inactive.rows.map((x) => x.id)).toContain(producer.id);
    expect((await auditOf("Supplier", producer.id)).at(-1)).toMatchObject({
      action: "supplier.deactivate",
      before: { active: true },
      after: { active: false },
    });
  });

  it("searches, sorts and paginates", async () => {
    const asc = await listSuppliers(loadSuppliersSearch({ sort: "name", dir: "asc", status: "all" }));
    const names = asc.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "en", { sensitivity: "base" })));
    const desc = await listSuppliers(loadSuppliersSearch({ sort: "name", dir: "desc", status: "all" }));
    expect(desc.rows[0].name).toBe(names.at(-1));
    const page2 = await listSuppliers(loadSuppliersSearch({ page: "2", status: "all" }));
    expect(page2.page).toBe(2);
    const hit = await listSuppliers(loadSuppliersSearch({ q: "chandra" }));
    expect(hit.rows.map((r) => r.name)).toEqual(["PT Chandra Asri Petrochemical"]);
  });
});

describe("history view", () => {
  it("lists a record's audit events newest first, with who and what changed", async () => {
    const { auditEvents, changedFields } = await import("@/server/queries/audit");
    const created = await createSupplier(a.staff, { ...valid(), name: "PT Riwayat" });
    if (!created.ok) throw new Error("setup");
    await updateSupplier(a.admin, { ...valid(), id: created.value.id, name: "PT Riwayat Baru" });
    const events = await auditEvents(a.staff, loadAuditSearch({ entity: "Supplier", id: created.value.id }));
    expect(events.total).toBe(2);
    expect(events.rows.map((e) => e.action)).toEqual(["supplier.update", "supplier.create"]);
    expect(events.rows[0].actor?.email).toBe("admin@satgas.test");
    expect(changedFields(events.rows[0].before, events.rows[0].after)).toEqual([{ field: "name", before: "PT Riwayat", after: "PT Riwayat Baru" }]);
  });
});
