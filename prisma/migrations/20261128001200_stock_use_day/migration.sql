-- CreateTable
CREATE TABLE "StockUseDay" (
    "day" DATE NOT NULL,
    "regionId" TEXT NOT NULL,
    "reports" INTEGER NOT NULL DEFAULT 0,
    "usedKg" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "StockUseDay_pkey" PRIMARY KEY ("day","regionId")
);

-- Hand-written (decision 0044): the hospitals' stock reports summed per day and per region of the
-- hospital (regency/city), kept by triggers on "StockReport" and "Hospital" in the same
-- transaction as every write: the dashboard's daily use (dailySeries), the day's demand
-- (hospitalDemand) and each region's use over 7 days (regionTable) sum a few hundred rows a day
-- instead of every report.

CREATE FUNCTION stock_use_day_add(d date, region text, reports integer, used bigint) RETURNS void
  LANGUAGE sql AS $$
    INSERT INTO "StockUseDay" (day, "regionId", reports, "usedKg") VALUES (d, region, reports, used)
    ON CONFLICT (day, "regionId") DO UPDATE
      SET reports = "StockUseDay".reports + EXCLUDED.reports, "usedKg" = "StockUseDay"."usedKg" + EXCLUDED."usedKg"
  $$;

CREATE FUNCTION stock_use_day_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."hospitalId" = OLD."hospitalId" AND NEW.day = OLD.day AND NEW."usedKg" = OLD."usedKg" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stock_use_day_add(OLD.day, (SELECT h."regionId" FROM "Hospital" h WHERE h.id = OLD."hospitalId"), -1, -OLD."usedKg"::bigint);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stock_use_day_add(NEW.day, (SELECT h."regionId" FROM "Hospital" h WHERE h.id = NEW."hospitalId"), 1, NEW."usedKg"::bigint);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "StockReport_stock_use_day"
  AFTER INSERT OR UPDATE OR DELETE ON "StockReport"
  FOR EACH ROW EXECUTE FUNCTION stock_use_day_track();

-- A hospital moved to another region takes its reports' use with it.
CREATE FUNCTION stock_use_day_track_hospital() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."regionId" = OLD."regionId" THEN RETURN NULL; END IF;
  PERFORM stock_use_day_add(s.day, OLD."regionId", -count(*)::integer, -sum(s."usedKg")),
          stock_use_day_add(s.day, NEW."regionId", count(*)::integer, sum(s."usedKg"))
  FROM "StockReport" s WHERE s."hospitalId" = NEW.id GROUP BY s.day;
  RETURN NULL;
END $$;

CREATE TRIGGER "Hospital_stock_use_day"
  AFTER UPDATE OF "regionId" ON "Hospital"
  FOR EACH ROW EXECUTE FUNCTION stock_use_day_track_hospital();

-- The table recomputed from the reports: the backfill below, and after a bulk load that ran with
-- the trigger disabled (bench/generate.ts).
CREATE FUNCTION stock_use_day_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "StockUseDay";
    INSERT INTO "StockUseDay" (day, "regionId", reports, "usedKg")
    SELECT s.day, h."regionId", count(*), sum(s."usedKg")
    FROM "StockReport" s JOIN "Hospital" h ON h.id = s."hospitalId"
    GROUP BY 1, 2
  $$;

SELECT stock_use_day_rebuild();
