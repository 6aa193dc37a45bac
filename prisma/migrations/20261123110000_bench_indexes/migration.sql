-- Indexes found by the national-scale benchmark (npm run bench; docs/performance.md).
-- Each is a plain b-tree that Prisma's schema language can state (mirror them in
-- schema.prisma with the @@index lines below, so that `migrate diff` keeps them), and each
-- lets PostgreSQL answer a dashboard/triage aggregate from the index alone (index-only scan)
-- instead of one heap page per row.

-- Hospitals' supply (src/server/queries/dashboard-hospitals.ts): the two LATERAL walks over a
-- hospital's latest report and its last 7 reports. 3,000 hospitals x 8 rows: 390 ms -> 60 ms.
-- schema.prisma, model StockReport: @@index([hospitalId, day, stockKg, usedKg, reportedAt])
CREATE INDEX IF NOT EXISTS "StockReport_hospitalId_day_stockKg_usedKg_reportedAt_idx"
  ON "StockReport" ("hospitalId", "day", "stockKg", "usedKg", "reportedAt");

-- Region table "received over 7 days" (receivedAt range): was a sequential scan of Delivery.
-- schema.prisma, model Delivery: @@index([receivedAt, hospitalId, receivedKg])
CREATE INDEX IF NOT EXISTS "Delivery_receivedAt_hospitalId_receivedKg_idx"
  ON "Delivery" ("receivedAt", "hospitalId", "receivedKg");

-- Request funnel "delivered" and the triage totals: deliveries of an allocation, index-only.
-- schema.prisma, model Delivery: @@index([allocationId, receivedAt, receivedKg])
CREATE INDEX IF NOT EXISTS "Delivery_allocationId_receivedAt_receivedKg_idx"
  ON "Delivery" ("allocationId", "receivedAt", "receivedKg");

-- Allocations of a request with what the totals read (triage board, request funnel), index-only.
-- schema.prisma, model Allocation: @@index([requestId, id, kg, status])
CREATE INDEX IF NOT EXISTS "Allocation_requestId_id_kg_status_idx"
  ON "Allocation" ("requestId", "id", "kg", "status");
