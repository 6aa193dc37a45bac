-- CreateTable
CREATE TABLE "PledgeDeliveryTotal" (
    "pledgeId" TEXT NOT NULL,
    "dispatchedKg" BIGINT NOT NULL DEFAULT 0,
    "receivedKg" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PledgeDeliveryTotal_pkey" PRIMARY KEY ("pledgeId")
);

-- AddForeignKey
ALTER TABLE "PledgeDeliveryTotal" ADD CONSTRAINT "PledgeDeliveryTotal_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "PledgeDeliveryDay_day_idx" ON "PledgeDeliveryDay"("day");

-- Hand-written (decision 0044): each pledge's "PledgeDeliveryDay" rows summed over all days,
-- kept by a trigger on that table (itself kept by the trigger on "Delivery", decision 0014), in
-- the same transaction. Pledge progress as of a day is the total less the rows after the day:
-- none or a few for the dashboard's usual day, instead of summing every row up to it.

CREATE FUNCTION pledge_delivery_total_add(pledge text, dispatched bigint, received bigint) RETURNS void
  LANGUAGE sql AS $$
    INSERT INTO "PledgeDeliveryTotal" ("pledgeId", "dispatchedKg", "receivedKg") VALUES (pledge, dispatched, received)
    ON CONFLICT ("pledgeId") DO UPDATE
      SET "dispatchedKg" = "PledgeDeliveryTotal"."dispatchedKg" + EXCLUDED."dispatchedKg",
          "receivedKg" = "PledgeDeliveryTotal"."receivedKg" + EXCLUDED."receivedKg"
  $$;

CREATE FUNCTION pledge_delivery_total_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM pledge_delivery_total_add(OLD."pledgeId", -OLD."dispatchedKg"::bigint, -OLD."receivedKg"::bigint); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM pledge_delivery_total_add(NEW."pledgeId", NEW."dispatchedKg"::bigint, NEW."receivedKg"::bigint); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "PledgeDeliveryDay_pledge_delivery_total"
  AFTER INSERT OR UPDATE OR DELETE ON "PledgeDeliveryDay"
  FOR EACH ROW EXECUTE FUNCTION pledge_delivery_total_track();

-- The totals recomputed from the day rows: the backfill below, and after a bulk load
-- (bench/generate.ts).
CREATE FUNCTION pledge_delivery_total_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "PledgeDeliveryTotal";
    INSERT INTO "PledgeDeliveryTotal" ("pledgeId", "dispatchedKg", "receivedKg")
    SELECT "pledgeId", sum("dispatchedKg"), sum("receivedKg") FROM "PledgeDeliveryDay" GROUP BY 1
  $$;

SELECT pledge_delivery_total_rebuild();
