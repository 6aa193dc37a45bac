import { comparePriority } from "@/domain/priority";
import { dateToDay } from "@/domain/day";
import type { TriageCard } from "@/server/queries/requests";
import { SCENARIO_CLOCK_START } from "../../prisma/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { listRequests, pageOfRequests, requestFor, triageBoard } from "@/server/queries/requests";
import { approveRequest, cancelRequest, createRequest, rejectRequest } from "@/server/use-cases/requests";
import { actor, auditOf } from "./supply-helpers";

let staff: Actor, official: Actor, rs1: Actor, rs2: Actor;
beforeAll(async () => {
  [staff, official, rs1, rs2] = await Promise.all(["staff@satgas.test", "official@satgas.test", "rs1@satgas.test", "rs2@satgas.test"].map(actor));
});

let n = 0;
const key = () => `test-key-${Date.now()}-${n++}`;
const form = (over: Record<string, unknown> = {}) => ({
  requestedKg: "12,5",
  neededBy: "2099-01-01",
  urgency: "URGENT",
  reason: "Pasien bertambah",
  idempotencyKey: key(),
  ...over,
});

describe("hospital requests", () => {
  it("creates a request for the actor's own hospital from tonnes, with audit", async () => {
    const r = await createRequest(rs1, { ...form(), hospitalId: rs2.hospitalId });
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    expect(r.value).toMatchObject({ hospitalId: rs1.hospitalId, requestedKg: 12_500, status: "SUBMITTED", createdById: rs1.id });
    expect(await auditOf("SupplyRequest", r.value.id)).toHaveLength(1);
  });

  it("returns field errors and refuses other roles", async () => {
    const bad = await createRequest(rs1, form({ requestedKg: "0", neededBy: "2001-01-01", urgency: "SOON", reason: "" }));
    expect(bad).toMatchObject({ ok: false, error: "invalid" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["reason", "requestedKg", "urgency"]);
    const past = await createRequest(rs1, form({ neededBy: "2001-01-01" }));
    expect(past).toMatchObject({ ok: false, fieldErrors: { neededBy: "past_day" } });
    expect(await createRequest(staff, form())).toMatchObject({ ok: false, error: "forbidden" });
    expect(await createRequest(official, form())).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("creates one request for a double submit with the same key", async () => {
    const f = form();
    const [a, b] = [await createRequest(rs1, f), await createRequest(rs1, f)];
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    expect(await prisma.supplyRequest.count({ where: { idempotencyKey: f.idempotencyKey } })).toBe(1);
  });

  it("creates one request for concurrent submits with the same key", async () => {
    const f = form();
    const results = await Promise.all(Array.from({ length: 8 }, () => createRequest(rs1, f)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.value.id : null))).size).toBe(1);
    expect(await prisma.supplyRequest.count({ where: { idempotencyKey: f.idempotencyKey } })).toBe(1);
  });

  it("tells staff about an emergency request", async () => {
    const r = await createRequest(rs1, form({ urgency: "EMERGENCY" }));
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    const notice = await prisma.notification.findFirst({
      where: { kind: "emergency_request", role: "STAFF", params: { path: ["requestId"], equals: r.value.id } },
    });
    expect(notice).not.toBeNull();
  });

  it("lets the hospital cancel its own submitted request, never another's, never after a decision", async () => {
    const mine = await createRequest(rs1, form());
    if (!mine.ok) throw new Error("setup");
    expect(await cancelRequest(rs2, { id: mine.value.id, reason: "tidak jadi" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await cancelRequest(staff, { id: mine.value.id, reason: "tidak jadi" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await cancelRequest(rs1, { id: mine.value.id, reason: "tidak jadi" })).toMatchObject({ ok: true, value: { status: "CANCELLED" } });
    expect(await cancelRequest(rs1, { id: mine.value.id, reason: "tidak jadi" })).toMatchObject({ ok: false, error: "bad_transition" });
    expect(await cancelRequest(rs1, { id: "nope", reason: "tidak jadi" })).toMatchObject({ ok: false, error: "not_found" });
  });

  it("a cancel says why: the reason is required, kept on the request and in its audit event", async () => {
    const r = await createRequest(rs1, form());
    if (!r.ok) throw new Error("setup");
    expect(await cancelRequest(rs1, { id: r.value.id })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reason: expect.any(String) } });
    expect(await cancelRequest(rs1, { id: r.value.id, reason: "  " })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { reason: expect.any(String) },
    });
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id: r.value.id } })).status).toBe("SUBMITTED");
    expect(await cancelRequest(rs1, { id: r.value.id, reason: " Pasien sudah dirujuk " })).toMatchObject({ ok: true, value: { status: "CANCELLED" } });
    expect(await prisma.supplyRequest.findUniqueOrThrow({ where: { id: r.value.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Pasien sudah dirujuk",
    });
    const cancel = (await auditOf("SupplyRequest", r.value.id)).find((e) => e.action === "request.cancel");
    expect(cancel?.after).toMatchObject({ cancelReason: "Pasien sudah dirujuk", status: "CANCELLED" });
    // the database holds the line too: a reason only on a cancelled request, never blank
    await expect(prisma.$executeRaw`UPDATE "SupplyRequest" SET "cancelReason" = ' ' WHERE id = ${r.value.id}`).rejects.toThrow(/cancel_reason/);
    await expect(
      prisma.$executeRaw`UPDATE "SupplyRequest" SET "cancelReason" = 'x' WHERE id = (SELECT id FROM "SupplyRequest" WHERE status = 'SUBMITTED' LIMIT 1)`,
    ).rejects.toThrow(/cancel_reason/);
  });

  it("approves in part, tells the hospital, and then refuses a cancel", async () => {
    const r = await createRequest(rs1, form({ requestedKg: "20" }));
    if (!r.ok) throw new Error("setup");
    expect(await approveRequest(staff, { id: r.value.id, approvedKg: "25" })).toMatchObject({ ok: false, fieldErrors: { approvedKg: "over_requested" } });
    expect(await approveRequest(rs1, { id: r.value.id, approvedKg: "5" })).toMatchObject({ ok: false, error: "forbidden" });
    // a partial approval carries a reason the hospital sees
    expect(await approveRequest(staff, { id: r.value.id, approvedKg: "15,5" })).toMatchObject({ ok: false, fieldErrors: { note: "required" } });
    const ok = await approveRequest(staff, { id: r.value.id, approvedKg: "15,5", note: "Pasokan produsen hari ini terbatas" });
    expect(ok).toMatchObject({
      ok: true,
      value: { status: "APPROVED", approvedKg: 15_500, decidedById: staff.id, approvalNote: "Pasokan produsen hari ini terbatas" },
    });
    expect((await requestFor(rs1, r.value.id))?.approvalNote).toBe("Pasokan produsen hari ini terbatas");
    expect(await cancelRequest(rs1, { id: r.value.id, reason: "tidak jadi" })).toMatchObject({ ok: false, error: "bad_transition" });
    expect(await approveRequest(staff, { id: r.value.id, approvedKg: "1" })).toMatchObject({ ok: false, error: "bad_transition" });
    const notice = await prisma.notification.findFirst({
      where: { kind: "request_approved", hospitalId: rs1.hospitalId, params: { path: ["requestId"], equals: r.value.id } },
    });
    expect(notice?.params).toMatchObject({ approvedKg: 15_500, requestedKg: 20_000, reason: "Pasokan produsen hari ini terbatas" });
  });

  it("rejects only with a reason, which the hospital sees", async () => {
    const r = await createRequest(rs1, form());
    if (!r.ok) throw new Error("setup");
    expect(await rejectRequest(staff, { id: r.value.id, reason: " " })).toMatchObject({ ok: false, fieldErrors: { reason: "required" } });
    expect(await rejectRequest(staff, { id: r.value.id, reason: "Tangki masih cukup" })).toMatchObject({ ok: true, value: { status: "REJECTED" } });
    const seen = await requestFor(rs1, r.value.id);
    expect(seen?.rejectionReason).toBe("Tangki masih cukup");
    expect(seen?.history.map((h) => h.action)).toEqual(["request.create", "request.reject"]);
    expect(await prisma.notification.count({ where: { kind: "request_rejected", hospitalId: rs1.hospitalId } })).toBeGreaterThan(0);
  });

  it("lets only one of a concurrent cancel and approval win", async () => {
    const r = await createRequest(rs1, form());
    if (!r.ok) throw new Error("setup");
    const [c, a] = await Promise.all([
      cancelRequest(rs1, { id: r.value.id, reason: "tidak jadi" }),
      approveRequest(staff, { id: r.value.id, approvedKg: "1", note: "sebagian" }),
    ]);
    expect([c.ok, a.ok].filter(Boolean)).toHaveLength(1);
  });

  it("never shows a hospital another hospital's requests, whatever the id", async () => {
    const theirs = await createRequest(rs2, form());
    if (!theirs.ok) throw new Error("setup");
    expect(await requestFor(rs1, theirs.value.id)).toBeNull();
    expect(await requestFor(rs2, theirs.value.id)).not.toBeNull();
    expect(await requestFor(staff, theirs.value.id)).not.toBeNull();
    const list = await listRequests(rs1, {});
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((x) => x.hospitalId === rs1.hospitalId)).toBe(true);
  });

  it("pages the request list: 20 a page, newest first, every request once across the pages, a page past the end is the last", async () => {
    const all = await listRequests(staff, { take: 10_000 });
    const first = await pageOfRequests(staff, { page: 1 });
    expect(first.total).toBe(all.length);
    expect(first.pages).toBe(Math.max(1, Math.ceil(all.length / 20)));
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const p = await pageOfRequests(staff, { page });
      expect(p.rows.length).toBe(page < first.pages ? 20 : all.length - 20 * (first.pages - 1));
      seen.push(...p.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all.map((r) => r.id));
    const past = await pageOfRequests(staff, { page: first.pages + 5 });
    expect(past.page).toBe(first.pages);
    // a hospital's pages hold only its own, filtered by status too
    const mine = await pageOfRequests(rs1, { page: 1, status: "SUBMITTED" });
    expect(mine.rows.every((r) => r.hospitalId === rs1.hospitalId && r.status === "SUBMITTED")).toBe(true);
  });

  it("ranks submitted requests by urgency, then needed-by day, then age (requests of its own, order worked out by hand)", async () => {
    // All from rs1, so the same supply figures; each pair differs in one thing only, and is created
    // in the opposite order to the one expected, so that age alone cannot explain the result.
    const made = async (urgency: string, neededBy: string) => {
      const r = await createRequest(rs1, form({ urgency, neededBy, confirmUnusual: "1" }));
      if (!r.ok) throw new Error(`setup: ${JSON.stringify(r)}`);
      return r.value.id;
    };
    const routineLater = await made("ROUTINE", "2099-01-02");
    const routine = await made("ROUTINE", "2099-01-01");
    const urgent = await made("URGENT", "2099-01-01");
    const emergency = await made("EMERGENCY", "2099-01-01");
    const routineYounger = await made("ROUTINE", "2099-01-01");
    const board = await triageBoard(new Date(SCENARIO_CLOCK_START));
    const submitted = board.columns.find((c) => c.status === "SUBMITTED")!.cards.map((c) => c.id);
    const mine = submitted.filter((id) => [routineLater, routine, urgent, emergency, routineYounger].includes(id));
    // emergency before urgent before routine; of two routine ones needed the same day the older
    // first; one needed a day later after both, though it is the oldest of all
    expect(mine).toEqual([emergency, urgent, routine, routineYounger, routineLater]);
  });

  it("puts each open column of the triage board in the one priority order, closed-short, rejected and cancelled aside", async () => {
    const board = await triageBoard(new Date(SCENARIO_CLOCK_START));
    const key = (c: TriageCard) => ({
      requestId: c.id,
      urgency: c.urgency,
      hoursLeft: c.supply?.hoursLeft ?? null,
      stale: c.supply?.stale ?? true,
      neededBy: dateToDay(c.neededBy),
      isReferral: c.hospital.isReferral,
      createdAt: c.createdAt,
    });
    let compared = 0;
    for (const col of board.columns.filter((c) => c.status !== "FULFILLED")) {
      for (let i = 1; i < col.cards.length; i++, compared++) expect(comparePriority(key(col.cards[i - 1]), key(col.cards[i]))).toBeLessThan(0);
    }
    expect(compared).toBeGreaterThan(3);
    expect(board.aside.every((c) => c.status === "REJECTED" || c.status === "CANCELLED" || c.status === "CLOSED_SHORT")).toBe(true);
    expect(board.aside.some((c) => c.status === "CLOSED_SHORT")).toBe(true); // the seed's short receipt, closed short
    expect(board.columns.map((c) => c.status)).toEqual(["SUBMITTED", "APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED"]);
  });
});
