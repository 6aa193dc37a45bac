import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, startOfWibDay, type Day } from "@/domain/day";
import { today } from "@/server/clock";
import { prisma } from "@/server/db";
import { requestFunnel, type RequestFunnel } from "@/server/queries/dashboard-trends";
import type { Province } from "@/server/queries/provinces";
import { prepareWorld, unique, writeAsAllowed, type World } from "./valid-inputs";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// The rollups of decision 0044 against the rows they sum: the request funnel ("RequestFunnelDay",
// kept by triggers on "SupplyRequest", "Delivery" and "Hospital") and each hospital's latest report
// and burn and what it received since ("HospitalSupplyState", kept by triggers on "StockReport" and
// "Delivery"), and the daily use per region
// ("StockUseDay", kept by triggers on "StockReport" and "Hospital"). After each write made
// through the use cases — requests, decisions, allocations, dispatches, receipts, cancels,
// diversions, stock reports, a hospital moved to another province — every row of the rollup
// equals its recomputation from the requests and deliveries by the plain query below, and the
// funnel read from it equals the exact query it replaced, for present and past ranges, for the
// whole country and for each province.

type Row = {
  provinceId: string;
  day: string;
  eventDay: string;
  requests: number;
  requestedKg: number;
  approvedRequests: number;
  approvedKg: number;
  fulfilledRequests: number;
  deliveredKg: number;
};

const asRows = (rows: Record<string, unknown>[]): Row[] =>
  rows.map((r) => ({
    provinceId: String(r.provinceId),
    day: String(r.day),
    eventDay: String(r.eventDay),
    requests: Number(r.requests),
    requestedKg: Number(r.requestedKg),
    approvedRequests: Number(r.approvedRequests),
    approvedKg: Number(r.approvedKg),
    fulfilledRequests: Number(r.fulfilledRequests),
    deliveredKg: Number(r.deliveredKg),
  }));

/** The rollup's rows that count (a row taken back to zero stays, and means nothing). */
async function kept(): Promise<Row[]> {
  return asRows(
    await prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT "provinceId", day::text AS day, "eventDay"::text AS "eventDay", requests, "requestedKg", "approvedRequests",
             "approvedKg", "fulfilledRequests", "deliveredKg"
      FROM "RequestFunnelDay"
      WHERE requests <> 0 OR "requestedKg" <> 0 OR "approvedRequests" <> 0 OR "approvedKg" <> 0 OR "fulfilledRequests" <> 0 OR "deliveredKg" <> 0
      ORDER BY 1, 2, 3`,
  );
}

/** The rollup recomputed from the base rows, written out apart from the migration's functions. */
async function recomputed(): Promise<Row[]> {
  return asRows(
    await prisma.$queryRaw<Record<string, unknown>[]>`
      WITH steps AS (
        SELECT q."hospitalId", q."createdAt" AS made, q."createdAt" AS at, 1 AS requests, q."requestedKg" AS requested,
               0 AS approved_n, 0 AS approved, 0 AS fulfilled_n, 0 AS delivered
        FROM "SupplyRequest" q
        UNION ALL
        SELECT q."hospitalId", q."createdAt", q."decidedAt", 0, 0, 1, COALESCE(q."approvedKg", 0), 0, 0
        FROM "SupplyRequest" q
        WHERE q.status::text IN ('APPROVED', 'ALLOCATED', 'IN_TRANSIT', 'FULFILLED') AND q."decidedAt" IS NOT NULL
        UNION ALL
        SELECT q."hospitalId", q."createdAt", q."fulfilledAt", 0, 0, 0, 0, 1, 0
        FROM "SupplyRequest" q WHERE q."fulfilledAt" IS NOT NULL
        UNION ALL
        SELECT q."hospitalId", q."createdAt", d."receivedAt", 0, 0, 0, 0, 0, d."receivedKg"
        FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId" JOIN "SupplyRequest" q ON q.id = a."requestId"
        WHERE d."receivedAt" IS NOT NULL AND d."receivedKg" IS NOT NULL
      )
      SELECT COALESCE(r."parentId", r.id) AS "provinceId",
             ((s.made + interval '7 hours')::date)::text AS day, ((s.at + interval '7 hours')::date)::text AS "eventDay",
             sum(s.requests) AS requests, sum(s.requested) AS "requestedKg", sum(s.approved_n) AS "approvedRequests",
             sum(s.approved) AS "approvedKg", sum(s.fulfilled_n) AS "fulfilledRequests", sum(s.delivered) AS "deliveredKg"
      FROM steps s JOIN "Hospital" h ON h.id = s."hospitalId" JOIN "Region" r ON r.id = h."regionId"
      GROUP BY 1, 2, 3
      HAVING sum(s.requests) <> 0 OR sum(s.requested) <> 0 OR sum(s.approved_n) <> 0 OR sum(s.approved) <> 0
          OR sum(s.fulfilled_n) <> 0 OR sum(s.delivered) <> 0
      ORDER BY 1, 2, 3`,
  );
}

/** What requestFunnel read before the rollup: the requests of the range and every delivery joined to them. */
async function exactFunnel(from: Day, to: Day, province: Province | null): Promise<RequestFunnel> {
  const start = startOfWibDay(from);
  const end = startOfWibDay(addDays(to, 1));
  const inProvince = province ? `AND (pr.id = '${province.id}' OR pr."parentId" = '${province.id}')` : "";
  const [r] = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT count(*) AS requests, sum(q."requestedKg") AS requested,
       count(*) FILTER (WHERE q.status::text = ANY($3) AND q."decidedAt" < $2) AS approved_n,
       sum(q."approvedKg") FILTER (WHERE q.status::text = ANY($3) AND q."decidedAt" < $2) AS approved,
       count(*) FILTER (WHERE q."fulfilledAt" < $2) AS fulfilled_n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q."fulfilledAt" - q."createdAt") / 3600.0)
         FILTER (WHERE q."fulfilledAt" < $2) AS median_h
     FROM "SupplyRequest" q JOIN "Hospital" ph ON ph.id = q."hospitalId" JOIN "Region" pr ON pr.id = ph."regionId"
     WHERE q."createdAt" >= $1 AND q."createdAt" < $2 ${inProvince}`,
    start,
    end,
    ["APPROVED", "ALLOCATED", "IN_TRANSIT", "FULFILLED"],
  );
  const [d] = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT sum(d."receivedKg") AS delivered
     FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId" JOIN "SupplyRequest" q ON q.id = a."requestId"
       JOIN "Hospital" ph ON ph.id = q."hospitalId" JOIN "Region" pr ON pr.id = ph."regionId"
     WHERE q."createdAt" >= $1 AND q."createdAt" < $2 AND d."receivedAt" < $2 ${inProvince}`,
    start,
    end,
  );
  return {
    requests: Number(r.requests),
    requestedKg: Number(r.requested ?? 0),
    approvedRequests: Number(r.approved_n),
    approvedKg: Number(r.approved ?? 0),
    fulfilledRequests: Number(r.fulfilled_n),
    deliveredKg: Number(d.delivered ?? 0),
    medianHoursToReceipt: r.median_h === null ? null : Math.round(Number(r.median_h) * 10) / 10,
  };
}

/** Each hospital's kept latest report and burn ("HospitalSupplyState"), and the same recomputed from its reports. */
async function supplyStates() {
  const q = (sql: string) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const keptRows = await q(`
    SELECT "hospitalId", "lastDay"::text AS day, "stockKg", "reportedAt", "weightedBurnKg" AS weighted, "newestBurnKg" AS newest,
           "receivedSinceKg"::text AS "receivedSince"
    FROM "HospitalSupplyState" ORDER BY 1`);
  const fromReports = await q(`
    SELECT h.id AS "hospitalId", l.day::text AS day, l."stockKg", l."reportedAt", b.weighted, b.newest,
           COALESCE((SELECT sum(d."receivedKg") FROM "Delivery" d WHERE d."hospitalId" = h.id AND d."receivedAt" > l."reportedAt"), 0)::text AS "receivedSince"
    FROM "Hospital" h
    JOIN LATERAL (SELECT s.day, s."stockKg", s."reportedAt" FROM "StockReport" s WHERE s."hospitalId" = h.id ORDER BY s.day DESC LIMIT 1) l ON true
    CROSS JOIN LATERAL (
      SELECT sum(w."usedKg" * (8 - w.n))::float8 / sum(8 - w.n) AS weighted, max(w."usedKg") FILTER (WHERE w.n = 1)::float8 AS newest
      FROM (SELECT s."usedKg", row_number() OVER (ORDER BY s.day DESC) AS n FROM "StockReport" s
            WHERE s."hospitalId" = h.id AND NOT s."flaggedForReview" ORDER BY s.day DESC LIMIT 7) w
    ) b
    ORDER BY 1`);
  // the latest receipt time kept is an upper bound: never earlier than a receipt of the hospital
  const [{ n: below }] = await q(`
    SELECT count(*)::int AS n FROM "HospitalSupplyState" st JOIN "Delivery" d ON d."hospitalId" = st."hospitalId"
    WHERE d."receivedAt" IS NOT NULL AND (st."lastReceivedAt" IS NULL OR d."receivedAt" > st."lastReceivedAt")`);
  expect(below).toBe(0);
  return { kept: keptRows, fromReports };
}

/** The daily use kept per region ("StockUseDay", rows that count), and the same summed from the reports. */
async function useKept() {
  return prisma.$queryRaw<{ day: string; regionId: string; reports: number; used: string }[]>`
    SELECT day::text AS day, "regionId", reports, "usedKg"::text AS used FROM "StockUseDay" WHERE reports <> 0 OR "usedKg" <> 0 ORDER BY 1, 2`;
}
async function useFromReports() {
  return prisma.$queryRaw<{ day: string; regionId: string; reports: number; used: string }[]>`
    SELECT s.day::text AS day, h."regionId", count(*)::int AS reports, sum(s."usedKg")::text AS used
    FROM "StockReport" s JOIN "Hospital" h ON h.id = s."hospitalId" GROUP BY 1, 2 ORDER BY 1, 2`;
}

async function expectRollupConsistent() {
  const rows = await kept();
  expect(rows).toEqual(await recomputed());
  const states = await supplyStates();
  expect(states.kept).toEqual(states.fromReports);
  expect(await useKept()).toEqual(await useFromReports());
  return rows;
}

/** Ranges ending today and in the past (a past range must not count later decisions or receipts). */
function ranges(): [Day, Day][] {
  const t = today();
  return [
    [addDays(t, -29), t],
    [addDays(t, -89), t],
    [addDays(t, -29), addDays(t, -3)],
    [addDays(t, -10), addDays(t, -10)],
    [addDays(t, -40), addDays(t, -20)],
    [t, t],
  ];
}

async function expectFunnelExact() {
  const provinces: (Province | null)[] = [null, ...(await prisma.region.findMany({ where: { parentId: null }, select: { id: true, code: true, name: true } }))];
  for (const province of provinces)
    for (const [from, to] of ranges()) {
      const label = `${province?.code ?? "national"} ${from}…${to}`;
      expect([label, await requestFunnel(from, to, province)]).toEqual([label, await exactFunnel(from, to, province)]);
    }
}

let w: World;
beforeAll(async () => {
  w = await prepareWorld();
});

/** A use case called with its valid input as an actor allowed to make it. */
const write = (key: string) => writeAsAllowed(w, key);

const WRITES = [
  "requests.createRequest",
  "requests.approveRequest",
  "requests.rejectRequest",
  "requests.cancelRequest",
  "requests.closeRequestShort",
  "allocations.allocate",
  "allocations.cancelAllocation",
  "dispatches.createDispatch",
  "receipts.confirmReceipt",
  "receipts.recordReceiptOnBehalf",
  "receipts.recordTrancheReceipt",
  "trips.divertTrip",
  "trips.moveTrip",
  "stock.submitStockReport",
  "stock.submitStockReportOnBehalf",
  "stock.confirmStockReview",
];

describe("request funnel and hospital state rollups", () => {
  it("holds the seed's requests and deliveries as they were loaded, and answers as the exact query", async () => {
    expect((await expectRollupConsistent()).length).toBeGreaterThan(0);
    await expectFunnelExact();
  });

  for (const key of WRITES)
    it(`follows ${key}`, async () => {
      await write(key);
      await expectRollupConsistent();
    });

  it("answers as the exact query after the mix of writes", async () => {
    await expectFunnelExact();
  });

  it("moves a hospital's requests to the province it moves to, and back", async () => {
    const other = await prisma.region.create({ data: { code: unique("P").slice(0, 20), name: "Provinsi Uji", kind: "PROVINCE" } });
    const hospital = await prisma.hospital.findUniqueOrThrow({ where: { id: w.rs1.hospitalId! } });
    await prisma.hospital.update({ where: { id: hospital.id }, data: { regionId: other.id } });
    const moved = await expectRollupConsistent();
    expect(moved.some((r) => r.provinceId === other.id)).toBe(true);
    await expectFunnelExact();
    await prisma.hospital.update({ where: { id: hospital.id }, data: { regionId: hospital.regionId } });
    expect((await expectRollupConsistent()).some((r) => r.provinceId === other.id)).toBe(false);
  });

  it("follows a hospital's reports deleted, the latest and then all of them", async () => {
    const id = w.rs2.hospitalId!;
    const [latest] = await prisma.stockReport.findMany({ where: { hospitalId: id }, orderBy: { day: "desc" }, take: 1 });
    await prisma.stockReport.delete({ where: { id: latest.id } });
    await expectRollupConsistent();
    await prisma.stockReport.deleteMany({ where: { hospitalId: id } });
    await expectRollupConsistent();
    expect(await prisma.hospitalSupplyState.count({ where: { hospitalId: id } })).toBe(0);
  });

  it("is undone with the write that failed", async () => {
    const before = await kept();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.supplyRequest.updateMany({ where: { hospitalId: w.rs1.hospitalId! }, data: { requestedKg: 1 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await kept()).toEqual(before);
  });
});
