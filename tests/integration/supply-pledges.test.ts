import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { listPledges, pledgeDetail } from "@/server/queries/pledges";
import { createPledge, updatePledge } from "@/server/use-cases/pledges";
import { actors, auditOf } from "./supply-helpers";
import { loadPledgesSearch } from "@/app/(app)/pledges/search-params";

let a: Awaited<ReturnType<typeof actors>>;
let supplierId: string;
let hospitalIds: string[];
beforeAll(async () => {
  a = await actors();
  supplierId = (await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true } })).id;
  hospitalIds = (await prisma.hospital.findMany({ take: 2, orderBy: { name: "asc" } })).map((h) => h.id);
});

const base = () => ({
  supplierId,
  total: "90",
  startsOn: "2020-01-01",
  endsOn: "2020-03-01",
  earmark: "HOSPITALS",
  hospitalIds,
  note: "uji",
  tranches: [
    { dueOn: "2020-01-20", tonnes: "30" },
    { dueOn: "2020-02-10", tonnes: "30" },
    { dueOn: "2020-03-01", tonnes: "30" },
  ],
});

describe("pledges", () => {
  it("staff record a pledge with tranches and earmarked hospitals, audited", async () => {
    const r = await createPledge(a.staff, base());
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    expect(r.value).toMatchObject({ totalKg: 90_000, earmark: "HOSPITALS", startsOn: "2020-01-01" });
    expect(r.value.tranches.map((t) => t.kg)).toEqual([30_000, 30_000, 30_000]);
    expect(r.value.hospitals).toEqual([...hospitalIds].sort());
    expect((await auditOf("Pledge", r.value.id))[0]).toMatchObject({ action: "pledge.create", actorId: a.staff.id });
  });

  it("refuses tranches that do not add up, fall outside the period, or a missing hospital pick", async () => {
    const r = await createPledge(a.staff, {
      ...base(),
      tranches: [
        { dueOn: "2019-12-31", tonnes: "30" },
        { dueOn: "2020-02-10", tonnes: "30,5" },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: "invalid", fieldErrors: { "tranches.0.dueOn": "tranche_outside", tranches: "tranche_sum" } });
    const r2 = await createPledge(a.staff, { ...base(), hospitalIds: [], total: "-1", endsOn: "2019-12-15", tranches: [] });
    expect(r2).toMatchObject({ ok: false, fieldErrors: { total: "positive", endsOn: "date_order", hospitalIds: "required", tranches: "required" } });
    const r3 = await createPledge(a.staff, { ...base(), total: "" });
    expect(r3).toMatchObject({ ok: false, fieldErrors: { total: "required" } });
  });

  it("refuses officials and hospital admins", async () => {
    expect(await createPledge(a.official, base())).toEqual({ ok: false, error: "forbidden" });
    expect(await createPledge(a.hospital, base())).toEqual({ ok: false, error: "forbidden" });
    expect(await updatePledge(a.hospital, { ...base(), id: "x" })).toEqual({ ok: false, error: "forbidden" });
  });

  it("edits the schedule in place and keeps a tranche that has deliveries", async () => {
    const chandra = await prisma.pledge.findFirstOrThrow({
      where: { supplier: { name: { contains: "Chandra Asri" } } },
      include: { tranches: { orderBy: { dueOn: "asc" }, include: { _count: { select: { deliveries: true } } } } },
    });
    const withDeliveries = chandra.tranches.find((t) => t._count.deliveries > 0)!;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const input = {
      id: chandra.id,
      supplierId: chandra.supplierId,
      total: "120",
      startsOn: day(chandra.startsOn),
      endsOn: day(chandra.endsOn),
      earmark: chandra.earmark,
      note: chandra.note,
      tranches: [{ id: withDeliveries.id, dueOn: day(withDeliveries.dueOn), tonnes: "120" }],
    };
    const r = await updatePledge(a.staff, input);
    if (chandra.tranches.filter((t) => t.id !== withDeliveries.id).some((t) => t._count.deliveries > 0)) {
      expect(r).toMatchObject({ ok: false, error: "tranche_has_deliveries" });
    } else {
      expect(r.ok).toBe(true);
      const after = await prisma.pledgeTranche.findMany({ where: { pledgeId: chandra.id } });
      expect(after).toEqual([expect.objectContaining({ id: withDeliveries.id, kg: 120_000 })]);
      expect((await auditOf("Pledge", chandra.id)).at(-1)).toMatchObject({ action: "pledge.update" });
    }
    const removeUsed = await updatePledge(a.staff, { ...input, tranches: [{ dueOn: day(withDeliveries.dueOn), tonnes: "120" }] });
    expect(removeUsed).toMatchObject({ ok: false, error: "tranche_has_deliveries" });
  });

  it("lists pledges with progress summed by the database, sorted and paged", async () => {
    const list = await listPledges(loadPledgesSearch({ sort: "total", dir: "desc" }), "2021-08-25");
    const totals = list.rows.map((r) => r.totalKg);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    const krakatau = list.rows.find((r) => r.supplier.includes("Krakatau"))!;
    expect(krakatau.totalKg).toBe(309_000);
    expect(krakatau.progress.dueToDateKg).toBeGreaterThan(0);
    expect(["on_track", "behind", "complete"]).toContain(krakatau.progress.status);
    const detail = await pledgeDetail(krakatau.id, "2021-08-25");
    expect(detail!.tranches.reduce((s, t) => s + t.kg, 0)).toBe(309_000);
    expect(detail!.progress.deliveredKg).toBe(krakatau.progress.deliveredKg);
    expect((await listPledges(loadPledgesSearch({ q: "krakatau" }), "2021-08-25")).rows).toHaveLength(1);
  });
});
