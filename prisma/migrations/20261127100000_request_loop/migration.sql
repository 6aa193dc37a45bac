-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'CLOSED_SHORT';

-- AlterTable
ALTER TABLE "PledgeTranche" ADD COLUMN     "dispatchedKg" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SupplyRequest" ADD COLUMN     "approvalNote" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedShortReason" TEXT;

-- AlterTable
ALTER TABLE "Allocation" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledKg" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dispatchedKg" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "rejectedKg" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shortReason" TEXT;

-- Hand-written (decision 0016): what is dispatched against an allocation or a pledge tranche
-- never exceeds it, whoever writes (the app, the seed, psql). Each allocation and tranche keeps
-- the sum of its deliveries' dispatchedKg, maintained by a trigger on "Delivery" in the same
-- transaction as the write, and a CHECK holds that sum within its kg. Concurrent trips against
-- one allocation each UPDATE its row: the second waits for the first and, under READ COMMITTED,
-- re-checks against the sum the first committed (under SERIALIZABLE it fails to serialize and is
-- retried), so no interleaving can pass the limit. Lowering an allocation's or a tranche's kg
-- below what already left the plant is refused by the same CHECK.

ALTER TABLE "Allocation"
  ADD CONSTRAINT "Allocation_dispatched_within_kg" CHECK ("dispatchedKg" >= 0 AND "dispatchedKg" <= "kg"),
  ADD CONSTRAINT "Allocation_cancelled_non_negative" CHECK ("cancelledKg" >= 0),
  ADD CONSTRAINT "Allocation_cancelled_never_dispatched" CHECK ("status" <> 'CANCELLED' OR "dispatchedKg" = 0);

ALTER TABLE "PledgeTranche"
  ADD CONSTRAINT "PledgeTranche_dispatched_within_kg" CHECK ("dispatchedKg" >= 0 AND "dispatchedKg" <= "kg");

ALTER TABLE "Delivery"
  ADD CONSTRAINT "Delivery_rejected_within_dispatched" CHECK ("rejectedKg" >= 0 AND "rejectedKg" <= "dispatchedKg");

-- (status compared as text: the enum value added above cannot be used in this transaction)
ALTER TABLE "SupplyRequest"
  ADD CONSTRAINT "SupplyRequest_closed_short_has_reason"
    CHECK ("status"::text <> 'CLOSED_SHORT' OR ("closedShortReason" IS NOT NULL AND btrim("closedShortReason") <> ''));

CREATE FUNCTION delivery_trip_totals() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD."allocationId" IS NOT NULL THEN
      UPDATE "Allocation" SET "dispatchedKg" = "dispatchedKg" - OLD."dispatchedKg" WHERE id = OLD."allocationId";
    END IF;
    IF OLD."trancheId" IS NOT NULL THEN
      UPDATE "PledgeTranche" SET "dispatchedKg" = "dispatchedKg" - OLD."dispatchedKg" WHERE id = OLD."trancheId";
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW."allocationId" IS NOT NULL THEN
      UPDATE "Allocation" SET "dispatchedKg" = "dispatchedKg" + NEW."dispatchedKg" WHERE id = NEW."allocationId";
    END IF;
    IF NEW."trancheId" IS NOT NULL THEN
      UPDATE "PledgeTranche" SET "dispatchedKg" = "dispatchedKg" + NEW."dispatchedKg" WHERE id = NEW."trancheId";
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- A receipt (an update of the received columns only) does not fire it.
CREATE TRIGGER "Delivery_trip_totals"
  AFTER INSERT OR DELETE OR UPDATE OF "dispatchedKg", "allocationId", "trancheId" ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION delivery_trip_totals();

-- The sums recomputed from the deliveries: the backfill below, and after a bulk load that ran
-- with the trigger disabled (bench/generate.ts). Data that already dispatched more than an
-- allocation or tranche holds makes it fail on the CHECK: such rows need a person's decision.
CREATE FUNCTION delivery_trip_totals_rebuild() RETURNS void
  LANGUAGE sql AS $$
    UPDATE "Allocation" a SET "dispatchedKg" = s.kg
    FROM (SELECT a2.id, COALESCE(sum(d."dispatchedKg"), 0)::integer AS kg
          FROM "Allocation" a2 LEFT JOIN "Delivery" d ON d."allocationId" = a2.id GROUP BY a2.id) s
    WHERE s.id = a.id AND a."dispatchedKg" IS DISTINCT FROM s.kg;
    UPDATE "PledgeTranche" t SET "dispatchedKg" = s.kg
    FROM (SELECT t2.id, COALESCE(sum(d."dispatchedKg"), 0)::integer AS kg
          FROM "PledgeTranche" t2 LEFT JOIN "Delivery" d ON d."trancheId" = t2.id GROUP BY t2.id) s
    WHERE s.id = t.id AND t."dispatchedKg" IS DISTINCT FROM s.kg;
  $$;

SELECT delivery_trip_totals_rebuild();
