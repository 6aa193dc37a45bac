import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "@/domain/day";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { recommendationFor, sourcesForDay } from "@/server/queries/allocations";
import { allocate } from "@/server/use-cases/allocations";
import { approveRequest, createRequest } from "@/server/use-cases/requests";
import { actor } from "./supply-helpers";

let staff: Actor, rs1: Actor, rs2: Actor, official: Actor;
let producerA: string, producerB: string;
let n = 0;

beforeAll(async () => {
  [staff, rs1, rs2, official] = await Promise.all(["staff@satgas.test", "rs1@satgas.test", "rs2@satgas.test", "official@satgas.test"].map(actor));
  const producers = await prisma.supplier.findMany({ where: { kind: "PRODUCER", active: true }, orderBy: { name: "asc" }, take: 2 });
  [producerA, producerB] = producers.map((p) => p.id);
});

/** A fresh day on which the two producers have exactly these medical kilograms. */
async function dayWith(medicalA: number, medicalB = 0): Promise<string> {
  const day = `2040-01-${String(10 + n++).padStart(2, "0")}`;
  for (const [supplierId, medicalKg] of [
    [producerA, medicalA],
    [producerB, medicalB],
  ] as const) {
    await prisma.dailyCapacity.create({ data: { supplierId, day: dayToDate(day), producedKg: medicalKg * 2, medicalKg, industrialKg: medicalKg } });
  }
  return day;
}

/** A request of the hospital approved for `tonnes`. */
async function approved(hospital: Actor, tonnes: string, urgency = "URGENT"): Promise<string> {
  const r = await createRequest(hospital, {
    requestedKg: tonnes,
    neededBy: "2099-01-01",
    urgency,
    reason: "uji alokasi",
    idempotencyKey: `alloc-${Date.now()}-${Math.random()}`,
  });
  if (!r.ok) throw new Error(`create ${r.error}`);
  const a = await approveRequest(staff, { id: r.value.id, approvedKg: tonnes });
  if (!a.ok) throw new Error(`approve ${a.error}`);
  return r.value.id;
}

const liveSum = async (where: object) =>
  (await prisma.allocation.aggregate({ where: { ...where, status: { not: "CANCELLED" } }, _sum: { kg: true } }))._sum.kg ?? 0;

describe("allocation", () => {
  it("splits an approved request across two sources and marks it ALLOCATED", async () => {
    const day = await dayWith(6000, 6000);
    const id = await approved(rs1, "10");
    const r = await allocate(staff, {
      day,
      lines: [
        { requestId: id, sourceId: `supply:${producerA}`, kg: "6" },
        { requestId: id, sourceId: `supply:${producerB}`, kg: "4" },
      ],
    });
    expect(r.ok).toBe(true);
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ALLOCATED" });
    expect(await liveSum({ requestId: id })).toBe(10_000);
    const sources = await sourcesForDay(day);
    expect(sources.find((s) => s.sourceId === `supply:${producerA}`)).toBeUndefined(); // nothing free left
    expect(sources.find((s) => s.sourceId === `supply:${producerB}`)?.freeKg).toBe(2000);
    expect(await prisma.notification.count({ where: { kind: "request_allocated", hospitalId: rs1.hospitalId } })).toBeGreaterThan(0);
  });

  it("saves the same form sent twice once (its key), and another form's lines again", async () => {
    const day = await dayWith(10_000);
    const id = await approved(rs1, "8");
    const form = { day, lines: [{ requestId: id, sourceId: `supply:${producerA}`, kg: "3" }], formKey: `form-${Date.now()}-${Math.random()}` };
    const first = await allocate(staff, form);
    // pressed twice, both sent at once, and once more later: still the first press's rows
    const [second, third] = await Promise.all([allocate(staff, form), allocate(staff, form)]);
    if (!first.ok || !second.ok || !third.ok) throw new Error("every press answered ok");
    expect(second.value.map((a) => a.id)).toEqual(first.value.map((a) => a.id));
    expect(third.value.map((a) => a.id)).toEqual(first.value.map((a) => a.id));
    expect(await liveSum({ requestId: id })).toBe(3000);
    expect(await prisma.auditEvent.count({ where: { action: "allocation.create", entityId: first.value[0].id } })).toBe(1);
    // the next rendering of the form has a key of its own: a second allocation is saved
    expect(await allocate(staff, { ...form, formKey: `${form.formKey}-next` })).toMatchObject({ ok: true });
    expect(await liveSum({ requestId: id })).toBe(6000);
  });

  it("refuses more than approved and more than a source has free, saving nothing", async () => {
    const day = await dayWith(5000);
    const id = await approved(rs1, "8");
    const over = await allocate(staff, { day, lines: [{ requestId: id, sourceId: `supply:${producerA}`, kg: "9" }] });
    expect(over).toMatchObject({ ok: false, fieldErrors: { "lines.0.kg": "over_approved" } });
    const short = await allocate(staff, {
      day,
      lines: [
        { requestId: id, sourceId: `supply:${producerA}`, kg: "3" },
        { requestId: id, sourceId: `supply:${producerA}`, kg: "3" },
      ],
    });
    expect(short).toMatchObject({ ok: false, fieldErrors: { "lines.1.kg": "over_source" } });
    expect(await liveSum({ requestId: id })).toBe(0);
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "APPROVED" });
  });

  it("refuses a request that is not approved, an unknown source, and roles without the right", async () => {
    const day = await dayWith(5000);
    const sub = await createRequest(rs1, {
      requestedKg: "1",
      neededBy: "2099-01-01",
      urgency: "ROUTINE",
      reason: "belum disetujui",
      idempotencyKey: `na-${Date.now()}`,
    });
    if (!sub.ok) throw new Error("setup");
    expect(await allocate(staff, { day, lines: [{ requestId: sub.value.id, sourceId: `supply:${producerA}`, kg: "1" }] })).toMatchObject({
      ok: false,
      error: "bad_transition",
    });
    const id = await approved(rs1, "1");
    expect(await allocate(staff, { day, lines: [{ requestId: id, sourceId: "supply:no-such-supplier", kg: "1" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.sourceId": "invalid_choice" },
    }); // no capacity that day
    expect(await allocate(staff, { day, lines: [{ requestId: id, sourceId: `supply:${producerB}`, kg: "1" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.kg": "over_source" },
    }); // 0 kg medical that day
    expect(await allocate(rs1, { day, lines: [{ requestId: id, sourceId: `supply:${producerA}`, kg: "1" }] })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await allocate(official, { day, lines: [{ requestId: id, sourceId: `supply:${producerA}`, kg: "1" }] })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await allocate(staff, { day, lines: [] })).toMatchObject({ ok: false, error: "no_lines" });
  });

  it("draws on a pledge's remaining kilograms within its earmark", async () => {
    // the producer has its day's supply logged (a pledge's oxygen comes out of it: decision 0016)
    const day = await dayWith(10_000);
    const supplierId = producerA;
    const pledge = await prisma.pledge.create({
      data: {
        supplierId,
        totalKg: 5000,
        startsOn: dayToDate("2040-01-01"),
        endsOn: dayToDate("2040-03-01"),
        earmark: "HOSPITALS",
        hospitals: { create: [{ hospitalId: rs1.hospitalId! }] },
      },
    });
    const mine = await approved(rs1, "4");
    const theirs = await approved(rs2, "4");
    expect(await allocate(staff, { day, lines: [{ requestId: theirs, sourceId: `pledge:${pledge.id}`, kg: "1" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.sourceId": "earmark" },
    });
    expect((await allocate(staff, { day, lines: [{ requestId: mine, sourceId: `pledge:${pledge.id}`, kg: "4" }] })).ok).toBe(true);
    const second = await approved(rs1, "2");
    expect(await allocate(staff, { day, lines: [{ requestId: second, sourceId: `pledge:${pledge.id}`, kg: "2" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.kg": "over_source" },
    });
    const row = await prisma.allocation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    expect(row).toMatchObject({ supplierId, kg: 4000, requestId: mine });
  });

  it("accepts the recommender's proposal in one step, within every limit", async () => {
    const day = await dayWith(3000, 1000);
    const ids = [await approved(rs1, "3", "EMERGENCY"), await approved(rs2, "3", "ROUTINE")];
    const { recommendation } = await recommendationFor(day);
    const lines = recommendation.lines
      .filter((l) => l.sourceId.startsWith("supply:"))
      .map((l) => ({ requestId: l.requestId, sourceId: l.sourceId, kg: String(l.kg / 1000), reason: l.reason.text }));
    expect(lines.length).toBeGreaterThan(0);
    const r = await allocate(staff, { day, lines });
    expect(r.ok).toBe(true);
    for (const id of ids) {
      const req = await prisma.supplyRequest.findUniqueOrThrow({ where: { id } });
      expect(await liveSum({ requestId: id })).toBeLessThanOrEqual(req.approvedKg!);
    }
    expect(await liveSum({ supplierId: producerA, day: dayToDate(day), pledgeId: null })).toBeLessThanOrEqual(3000);
    expect(await liveSum({ supplierId: producerB, day: dayToDate(day), pledgeId: null })).toBeLessThanOrEqual(1000);
    expect((await prisma.allocation.findMany({ where: { requestId: { in: ids } } })).every((a) => a.reason.length > 0)).toBe(true);
  });

  it("never allocates a source beyond its free kilograms under 30 concurrent staff", { timeout: 120_000 }, async () => {
    const day = await dayWith(100_000); // 100 t free
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await approved(i % 2 ? rs1 : rs2, "7"));
    const results = await Promise.all(ids.map((id) => allocate(staff, { day, lines: [{ requestId: id, sourceId: `supply:${producerA}`, kg: "7" }] })));
    const ok = results.filter((r) => r.ok).length;
    expect(ok).toBe(14); // 14 × 7 t = 98 t ≤ 100 t < 15 × 7 t
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.fieldErrors?.["lines.0.kg"] === "over_source")).toBe(true);
    expect(await liveSum({ supplierId: producerA, day: dayToDate(day), pledgeId: null })).toBe(98_000);
  });

  it("never allocates a request beyond its approval under 20 concurrent staff", { timeout: 120_000 }, async () => {
    const day = await dayWith(100_000, 100_000);
    const id = await approved(rs1, "10");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => allocate(staff, { day, lines: [{ requestId: id, sourceId: `supply:${i % 2 ? producerA : producerB}`, kg: "3" }] })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await liveSum({ requestId: id })).toBe(9000);
  });
});
