import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { headlineFor, latestCapacityDay } from "@/server/queries/headline";
import { dayToDate } from "@/domain/day";

describe("migrations and demo seed", () => {
  it("loads Banten's eight regencies and cities under the province", async () => {
    const province = await prisma.region.findUniqueOrThrow({ where: { code: "36" }, include: { children: true } });
    expect(province.children.map((r) => r.code).sort()).toEqual(["36.01", "36.02", "36.03", "36.04", "36.71", "36.72", "36.73", "36.74"]);
  });

  it("reads 1,500 t of capacity against the 2,500 t target on 2021-07-26", async () => {
    const h = await headlineFor("2021-07-26");
    expect(h.capacityKg).toBe(1_500_000);
    expect(h.gap.targetKg).toBe(2_500_000);
    expect(h.medicalKg! + h.industrialKg!).toBe(h.capacityKg);
  });

  it("has 60 days of capacity history and at least 12 hospitals", async () => {
    const days = await prisma.dailyCapacity.groupBy({ by: ["day"] });
    expect(days.length).toBeGreaterThanOrEqual(60);
    expect(await prisma.hospital.count()).toBeGreaterThanOrEqual(12);
    expect(await latestCapacityDay()).not.toBeNull();
  });

  it("records the published pledges", async () => {
    const pledges = await prisma.pledge.findMany({ include: { supplier: true, tranches: true } });
    const chandra = pledges.find((p) => p.supplier.name.includes("Chandra Asri"));
    const krakatau = pledges.find((p) => p.supplier.name.includes("Krakatau"));
    expect(chandra?.totalKg).toBe(120_000);
    expect(chandra?.tranches.reduce((s, t) => s + t.kg, 0)).toBe(120_000);
    expect(chandra?.tranches.length).toBeGreaterThan(1);
    expect(krakatau?.totalKg).toBe(309_000);
  });

  it("binds the two hospital demo accounts to two different hospitals", async () => {
    const [rs1, rs2] = await Promise.all(["rs1@satgas.test", "rs2@satgas.test"].map((email) => prisma.user.findUniqueOrThrow({ where: { email } })));
    expect(rs1.role).toBe("HOSPITAL");
    expect(rs1.hospitalId).toBeTruthy();
    expect(rs2.hospitalId).toBeTruthy();
    expect(rs1.hospitalId).not.toBe(rs2.hospitalId);
  });

  it("is re-runnable without duplicating anything", async () => {
    const before = await Promise.all([
      prisma.dailyCapacity.count(),
      prisma.stockReport.count(),
      prisma.supplyRequest.count(),
      prisma.user.count(),
      prisma.delivery.count(),
    ]);
    const { seed } = await import("../../prisma/seed");
    await seed(prisma);
    const after = await Promise.all([
      prisma.dailyCapacity.count(),
      prisma.stockReport.count(),
      prisma.supplyRequest.count(),
      prisma.user.count(),
      prisma.delivery.count(),
    ]);
    expect(after).toEqual(before);
  });
});

describe("the database refuses impossible figures", () => {
  const producer = () => prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER" } });

  it("a split that does not add up", async () => {
    const s = await producer();
    await expect(
      prisma.dailyCapacity.create({ data: { supplierId: s.id, day: dayToDate("2030-01-01"), producedKg: 1000, medicalKg: 400, industrialKg: 500 } }),
    ).rejects.toThrow(/DailyCapacity_split_sums/);
  });

  it("negative mass", async () => {
    const s = await producer();
    await expect(
      prisma.dailyCapacity.create({ data: { supplierId: s.id, day: dayToDate("2030-01-02"), producedKg: -10, medicalKg: -10, industrialKg: 0 } }),
    ).rejects.toThrow(/DailyCapacity_non_negative/);
  });

  it("a second capacity row for the same producer and day", async () => {
    const s = await producer();
    const data = { supplierId: s.id, day: dayToDate("2030-01-03"), producedKg: 10, medicalKg: 5, industrialKg: 5 };
    await prisma.dailyCapacity.create({ data });
    await expect(prisma.dailyCapacity.create({ data })).rejects.toThrow(/Unique constraint/);
  });

  it("rewriting or deleting the audit trail", async () => {
    const e = await prisma.auditEvent.create({ data: { action: "test", entity: "Test", entityId: "1", after: { a: 1 } } });
    await expect(prisma.auditEvent.update({ where: { id: e.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
  });
});
