import { describe, expect, it } from "vitest";
import { PROVINCE_OUTLINES } from "@/components/map/outlines";
import { BANTEN_VIEW, chooseView, insideOutline } from "@/domain/map";
import { SCENARIO_CLOCK_START } from "../../prisma/seed";
import { prisma } from "@/server/db";
import { dashboardData } from "@/server/queries/dashboard";
import { mapData, onTheRoad } from "@/server/queries/map";
import { triageBoard } from "@/server/queries/requests";
import { referenceDay } from "@/server/queries/stock";
import { confirmReceipt } from "@/server/use-cases/receipts";
import { actor } from "./supply-helpers";

// The map's query (src/server/queries/map.ts) against the seeded demo: the statuses are the
// dashboard's and the triage board's, every demo hospital and supplier stands in Banten, and
// "on the road" is exactly the trips loading or in transit (decision 0038).

/** The demo's clock start: 2021-08-25 09:30 WIB. */
const CLOCK = new Date(SCENARIO_CLOCK_START);
const BANTEN = PROVINCE_OUTLINES.find((p) => p.code === "36")!.fine!;

describe("the map's hospitals", () => {
  it("carry the dashboard's status and hours for every active hospital, at the same moment", async () => {
    const map = await mapData(CLOCK);
    const day = await referenceDay(CLOCK);
    const dash = await dashboardData(day, 30, { now: CLOCK });
    expect(map.hospitals.length).toBe(await prisma.hospital.count({ where: { active: true } }));
    expect(map.hospitals.length).toBeGreaterThan(50);
    const onDashboard = new Map(dash.hospitals.map((h) => [h.id, h]));
    for (const h of map.hospitals) {
      const d = onDashboard.get(h.id)!;
      expect({ id: h.id, status: h.status, hoursLeft: h.hoursLeft }).toEqual({ id: d.id, status: d.status, hoursLeft: d.hoursLeft });
    }
    expect(map.asOf).toEqual(dash.supplyAsOf);
    // the dashboard's headline counts, from the map's rows
    const count = (s: string) => map.hospitals.filter((h) => h.status === s).length;
    expect({ red: count("red"), amber: count("amber"), green: count("green"), stale: count("stale") }).toEqual(dash.summary.hospitals);
    // the seed's story has a hospital of each colour
    expect(count("red")).toBeGreaterThan(0);
    expect(count("amber")).toBeGreaterThan(0);
    expect(count("stale")).toBeGreaterThan(0);
  });

  it("carry the triage board's status for every hospital on the board", async () => {
    const [map, board] = await Promise.all([mapData(CLOCK), triageBoard(CLOCK)]);
    const status = new Map(map.hospitals.map((h) => [h.id, h.status]));
    const cards = [...board.columns.flatMap((c) => c.cards), ...board.aside].filter((c) => c.supply);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(status.get(c.hospitalId)).toBe(c.supply!.status);
  });

  it("stand in Banten, on land: every seeded hospital and supplier has a position inside the province's outline", async () => {
    const { hospitals, suppliers } = await mapData(CLOCK);
    for (const p of [...hospitals, ...suppliers]) {
      expect(p.position, p.name).not.toBeNull();
      expect(insideOutline(BANTEN, p.position!), p.name).toBe(true);
    }
    expect(
      chooseView(
        [...hospitals, ...suppliers].map((p) => p.position!),
        hospitals.map((h) => h.regionCode),
      ).view,
    ).toEqual(BANTEN_VIEW);
  });

  it("list a hospital without a position, with no position (the page leaves it off the map)", async () => {
    const h = await prisma.hospital.findFirstOrThrow({ where: { active: true }, orderBy: { name: "asc" } });
    await prisma.hospital.update({ where: { id: h.id }, data: { latitude: null, longitude: null } });
    const row = (await mapData(CLOCK)).hospitals.find((x) => x.id === h.id);
    expect(row?.position).toBeNull();
    await prisma.hospital.update({ where: { id: h.id }, data: { latitude: h.latitude, longitude: h.longitude } });
  });
});

describe("positions", () => {
  it("are both coordinates or neither, within the globe (CHECK)", async () => {
    const h = await prisma.hospital.findFirstOrThrow();
    await expect(prisma.hospital.update({ where: { id: h.id }, data: { latitude: null } })).rejects.toThrow(/Hospital_position/);
    await expect(prisma.hospital.update({ where: { id: h.id }, data: { latitude: 91 } })).rejects.toThrow(/Hospital_latitude/);
    await expect(prisma.hospital.update({ where: { id: h.id }, data: { longitude: -181 } })).rejects.toThrow(/Hospital_longitude/);
    const s = await prisma.supplier.findFirstOrThrow();
    await expect(prisma.supplier.update({ where: { id: s.id }, data: { longitude: null } })).rejects.toThrow(/Supplier_position/);
    await expect(prisma.supplier.update({ where: { id: s.id }, data: { latitude: -90.5 } })).rejects.toThrow(/Supplier_latitude/);
  });
});

describe("on the road", () => {
  it("is every trip loading or in transit, from its source to its legs' places, late ones marked by the trip board's rule", async () => {
    const road = await onTheRoad(CLOCK);
    const expected = await prisma.trip.findMany({
      where: { status: { in: ["LOADING", "IN_TRANSIT"] }, legs: { some: { dispatchedAt: { lte: CLOCK } } } },
      include: { source: true, legs: { include: { hospital: true, depot: true } } },
    });
    expect(road.total).toBe(expected.length);
    expect(road.rows.map((r) => r.id).sort()).toEqual(expected.map((t) => t.id).sort());
    for (const r of road.rows) {
      const t = expected.find((x) => x.id === r.id)!;
      expect(r.status).toBe(t.status);
      expect(r.supplierName).toBe(t.source.name);
      expect(r.stops.map((s) => s.name).sort()).toEqual([...new Set(t.legs.map((d) => (d.hospital ?? d.depot)!.name))].sort());
      expect(r.dispatchedKg).toBe(t.legs.reduce((sum, d) => sum + d.dispatchedKg, 0));
      expect(r.from).toEqual({ latitude: t.source.latitude, longitude: t.source.longitude });
      const eta = t.etaAt ?? t.plannedArrivalAt;
      expect(r.expectedAt).toEqual(eta);
      expect(r.late).toBe(eta !== null && eta < CLOCK);
      for (const s of r.stops) expect(s.position).not.toBeNull();
    }
    // the seed's story: RSUD Banten's 6 t truck on its way, RSUD Kota Tangerang's late, Malingping's loading;
    // the diverted truck has arrived at Sari Asih, so it is off the road
    const by = new Map(road.rows.map((r) => [r.id, r]));
    expect(by.get("seed-trip-0033")).toMatchObject({ destinationName: "RSUD Banten", dispatchedKg: 6_000, late: false });
    expect(by.get("seed-trip-0030")).toMatchObject({ late: true, status: "IN_TRANSIT" });
    expect(by.get("seed-trip-0036")).toMatchObject({ status: "LOADING" });
    expect(by.has("seed-trip-ks-8")).toBe(false);
  });

  it("leaves a trip once its leg is received, and does not show one dispatched after the moment asked", async () => {
    const rs1 = await actor("rs1@satgas.test");
    const before = await onTheRoad(CLOCK);
    const load = before.rows.find((r) => r.destinationName === "RSUD Banten")!;
    const leg = await prisma.delivery.findFirstOrThrow({ where: { tripId: load.id } });
    const received = await confirmReceipt(rs1, { id: leg.id, receivedKg: "6", receivedAt: "2021-08-25T10:00" });
    expect(received.ok).toBe(true);
    const after = await onTheRoad(new Date(CLOCK.getTime() + 3_600_000));
    expect(after.rows.map((r) => r.id)).not.toContain(load.id);
    expect(after.total).toBe(before.total - 1);
    // an hour before the earliest dispatch, nothing is on the road yet
    const earliest = before.rows[0].dispatchedAt;
    expect((await onTheRoad(new Date(earliest.getTime() - 3_600_000))).rows.map((r) => r.id)).not.toContain(before.rows[0].id);
  });
});
