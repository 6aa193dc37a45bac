import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "@/domain/day";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { allocate, approveAndAllocate } from "@/server/use-cases/allocations";
import { approveRequest, createRequest } from "@/server/use-cases/requests";
import { actor } from "./supply-helpers";

// The one-step "approve in full and allocate the proposal" (issue 16): the approval's and the
// allocation's rules in one transaction. Success leaves what the two steps leave; any refusal
// leaves the request as it was, with nothing allocated, audited or notified.

let staff: Actor, rs1: Actor, official: Actor;
let producer: string;
let n = 0;

beforeAll(async () => {
  [staff, rs1, official] = await Promise.all(["staff@satgas.test", "rs1@satgas.test", "official@satgas.test"].map(actor));
  producer = (await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true }, orderBy: { name: "asc" } })).id;
});

/** A fresh day on which the producer has exactly this medical supply. */
async function dayWith(medicalKg: number): Promise<string> {
  const day = `2041-02-${String(10 + n++).padStart(2, "0")}`;
  await prisma.dailyCapacity.create({ data: { supplierId: producer, day: dayToDate(day), producedKg: medicalKg * 2, medicalKg, industrialKg: medicalKg } });
  return day;
}

async function submitted(tonnes: string): Promise<string> {
  const r = await createRequest(rs1, {
    requestedKg: tonnes,
    neededBy: "2099-01-01",
    urgency: "ROUTINE",
    reason: "uji satu langkah",
    idempotencyKey: `one-step-${Date.now()}-${Math.random()}`,
  });
  if (!r.ok) throw new Error(`create ${r.error}`);
  return r.value.id;
}

/** What the two steps or the one step leave behind for a request, without ids and times. */
async function footprint(id: string) {
  const request = await prisma.supplyRequest.findUniqueOrThrow({ where: { id } });
  const allocations = await prisma.allocation.findMany({ where: { requestId: id }, orderBy: { kg: "asc" } });
  const allocationIds = allocations.map((a) => a.id);
  const audit = await prisma.auditEvent.findMany({ where: { entityId: { in: [id, ...allocationIds] } }, orderBy: { id: "asc" } });
  const notices = await prisma.notification.findMany({ where: { hospitalId: rs1.hospitalId, params: { path: ["requestId"], equals: id } } });
  return {
    status: request.status,
    approvedKg: request.approvedKg,
    approvalNote: request.approvalNote,
    decidedById: request.decidedById,
    allocations: allocations.map((a) => ({ supplierId: a.supplierId, pledgeId: a.pledgeId, kg: a.kg, reason: a.reason, status: a.status, by: a.createdById })),
    audit: audit.map((e) => e.action).sort(),
    notices: notices.map((x) => x.kind).sort(),
  };
}

const line = (requestId: string, kg: string) => ({ requestId, sourceId: `supply:${producer}`, kg, reason: "usulan" });

describe("approve in full and allocate the proposal, in one step", () => {
  it("leaves what approving and then allocating leave", async () => {
    const twoStep = await submitted("4");
    const day1 = await dayWith(10_000);
    expect((await approveRequest(staff, { id: twoStep, approvedKg: "4" })).ok).toBe(true);
    expect((await allocate(staff, { day: day1, lines: [line(twoStep, "4")] })).ok).toBe(true);

    const oneStep = await submitted("4");
    const day2 = await dayWith(10_000);
    const r = await approveAndAllocate(staff, { id: oneStep, day: day2, lines: [line(oneStep, "4")] });
    expect(r).toMatchObject({ ok: true });

    const [a, b] = [await footprint(twoStep), await footprint(oneStep)];
    expect(b).toEqual(a);
    expect(b).toMatchObject({ status: "ALLOCATED", approvedKg: 4000, allocations: [{ kg: 4000 }] });
    expect(b.audit).toEqual(expect.arrayContaining(["request.approve", "allocation.create"]));
    expect(b.notices).toEqual(expect.arrayContaining(["request_approved", "request_allocated"]));
  });

  it("writes nothing when the proposal does not cover the request, a source is short, or the status has moved on", async () => {
    const id = await submitted("4");
    const before = await footprint(id);
    const day = await dayWith(3_000);

    // a proposal short of the request
    expect(await approveAndAllocate(staff, { id, day, lines: [line(id, "3")] })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { lines: "proposal_not_full" },
      detail: { kg: 3000, limitKg: 4000 },
    });
    // the whole request, from a source with 3 t free: the approval, valid alone, is rolled back
    expect(await approveAndAllocate(staff, { id, day, lines: [line(id, "4")] })).toMatchObject({ ok: false, fieldErrors: { "lines.0.kg": "over_source" } });
    // a line for another request
    const other = await submitted("1");
    expect(await approveAndAllocate(staff, { id, day, lines: [line(other, "4")] })).toMatchObject({
      ok: false,
      fieldErrors: { "lines.0.requestId": "invalid_choice" },
    });
    expect(await footprint(id)).toEqual(before);
    expect(before).toMatchObject({ status: "SUBMITTED", approvedKg: null, allocations: [], notices: [] });

    // already approved (a second click, or a colleague): refused on the status, nothing more allocated
    const roomy = await dayWith(10_000);
    expect((await approveAndAllocate(staff, { id, day: roomy, lines: [line(id, "4")] })).ok).toBe(true);
    const done = await footprint(id);
    expect(await approveAndAllocate(staff, { id, day: roomy, lines: [line(id, "4")] })).toMatchObject({ ok: false, error: "bad_transition" });
    expect(await footprint(id)).toEqual(done);
  });

  it("needs both rights: a hospital admin and an official are refused and nothing is written", async () => {
    const id = await submitted("2");
    const day = await dayWith(10_000);
    const before = await footprint(id);
    for (const who of [rs1, official, null]) {
      expect(await approveAndAllocate(who, { id, day, lines: [line(id, "2")] })).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect(await footprint(id)).toEqual(before);
  });
});
