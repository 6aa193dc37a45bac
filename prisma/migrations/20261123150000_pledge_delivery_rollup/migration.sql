-- CreateTable
CREATE TABLE "PledgeDeliveryDay" (
    "pledgeId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dispatchedKg" INTEGER NOT NULL DEFAULT 0,
    "receivedKg" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PledgeDeliveryDay_pkey" PRIMARY KEY ("pledgeId","day")
);

-- AddForeignKey
ALTER TABLE "PledgeDeliveryDay" ADD CONSTRAINT "PledgeDeliveryDay_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (schema.prisma cannot state functions or triggers): the rollup is kept by a
-- trigger on "Delivery", in the same transaction as every write to it (dispatch, receipt,
-- seed, bulk loads), so it cannot drift from the deliveries it sums. The dashboard's pledge
-- progress then sums a few rows per pledge instead of joining every delivery to its
-- allocation (docs/performance.md).

-- A WIB day (UTC+7, no daylight saving) of a timestamp stored as UTC wall-clock, as the app's
-- startOfWibDay does it: t is on day D when D 00:00 WIB <= t < D+1 00:00 WIB.
CREATE FUNCTION wib_day(ts timestamp) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$ SELECT (ts + interval '7 hours')::date $$;

-- The pledge a delivery counts for: its tranche's, else its allocation's; NULL when neither.
CREATE FUNCTION delivery_pledge_id(tranche_id text, allocation_id text) RETURNS text
  LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
      (SELECT t."pledgeId" FROM "PledgeTranche" t WHERE t.id = tranche_id),
      (SELECT a."pledgeId" FROM "Allocation" a WHERE a.id = allocation_id))
  $$;

CREATE FUNCTION pledge_delivery_day_add(pledge text, d date, dispatched integer, received integer) RETURNS void
  LANGUAGE sql AS $$
    INSERT INTO "PledgeDeliveryDay" ("pledgeId", day, "dispatchedKg", "receivedKg")
    VALUES (pledge, d, dispatched, received)
    ON CONFLICT ("pledgeId", day) DO UPDATE
      SET "dispatchedKg" = "PledgeDeliveryDay"."dispatchedKg" + EXCLUDED."dispatchedKg",
          "receivedKg" = "PledgeDeliveryDay"."receivedKg" + EXCLUDED."receivedKg"
  $$;

-- One delivery's part in the rollup, counted in (sign 1) or taken back out (sign -1): its
-- dispatch (unless with_dispatch is false) and its receipt, if it has one.
CREATE FUNCTION pledge_delivery_day_count(pledge text, d "Delivery", sign integer, with_dispatch boolean) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF pledge IS NULL THEN RETURN; END IF;
  IF with_dispatch THEN
    PERFORM pledge_delivery_day_add(pledge, wib_day(d."dispatchedAt"), sign * d."dispatchedKg", 0);
  END IF;
  IF d."receivedAt" IS NOT NULL AND d."receivedKg" IS NOT NULL THEN
    PERFORM pledge_delivery_day_add(pledge, wib_day(d."receivedAt"), 0, sign * d."receivedKg");
  END IF;
END $$;

CREATE FUNCTION pledge_delivery_day_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  pledge text;
BEGIN
  -- A receipt (the usual update) only moves the received part: the dispatch day's row is left
  -- alone, so concurrent receipts lock as few rows as they can.
  IF TG_OP = 'UPDATE'
     AND NEW."trancheId" IS NOT DISTINCT FROM OLD."trancheId"
     AND NEW."allocationId" IS NOT DISTINCT FROM OLD."allocationId"
     AND NEW."dispatchedAt" = OLD."dispatchedAt" AND NEW."dispatchedKg" = OLD."dispatchedKg" THEN
    IF NEW."receivedAt" IS NOT DISTINCT FROM OLD."receivedAt" AND NEW."receivedKg" IS NOT DISTINCT FROM OLD."receivedKg" THEN
      RETURN NULL;
    END IF;
    pledge := delivery_pledge_id(NEW."trancheId", NEW."allocationId");
    PERFORM pledge_delivery_day_count(pledge, OLD, -1, false);
    PERFORM pledge_delivery_day_count(pledge, NEW, 1, false);
    RETURN NULL;
  END IF;

  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pledge_delivery_day_count(delivery_pledge_id(OLD."trancheId", OLD."allocationId"), OLD, -1, true);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pledge_delivery_day_count(delivery_pledge_id(NEW."trancheId", NEW."allocationId"), NEW, 1, true);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Delivery_pledge_delivery_day"
  AFTER INSERT OR UPDATE OR DELETE ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION pledge_delivery_day_track();

-- The rollup recomputed from the deliveries: the backfill below, and after a bulk load that
-- ran with the trigger disabled (bench/generate.ts).
CREATE FUNCTION pledge_delivery_day_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "PledgeDeliveryDay";
    INSERT INTO "PledgeDeliveryDay" ("pledgeId", day, "dispatchedKg", "receivedKg")
    SELECT COALESCE(t."pledgeId", a."pledgeId"), e.d, sum(e.dispatched)::integer, sum(e.received)::integer
    FROM "Delivery" x
    LEFT JOIN "PledgeTranche" t ON t.id = x."trancheId"
    LEFT JOIN "Allocation" a ON a.id = x."allocationId"
    CROSS JOIN LATERAL (VALUES
      (wib_day(x."dispatchedAt"), x."dispatchedKg", 0),
      (CASE WHEN x."receivedKg" IS NOT NULL THEN wib_day(x."receivedAt") END, 0, x."receivedKg")
    ) AS e(d, dispatched, received)
    WHERE COALESCE(t."pledgeId", a."pledgeId") IS NOT NULL AND e.d IS NOT NULL
    GROUP BY 1, 2
  $$;

SELECT pledge_delivery_day_rebuild();
