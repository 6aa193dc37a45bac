-- CreateTable
CREATE TABLE "HospitalSupplyState" (
    "hospitalId" TEXT NOT NULL,
    "lastDay" DATE NOT NULL,
    "stockKg" INTEGER NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "weightedBurnKg" DOUBLE PRECISION,
    "newestBurnKg" DOUBLE PRECISION,

    CONSTRAINT "HospitalSupplyState_pkey" PRIMARY KEY ("hospitalId")
);

-- AddForeignKey
ALTER TABLE "HospitalSupplyState" ADD CONSTRAINT "HospitalSupplyState_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (decision 0044): each hospital's latest stock report and its burn rate's two
-- terms, as the dashboard's supply CTE reads them for a day on or after that report
-- (src/server/queries/dashboard-hospitals.ts), kept by a trigger on "StockReport" in the same
-- transaction as every report, so the national dashboard reads 3,000 rows instead of walking
-- three indexes per hospital. A day before a hospital's latest report still walks them.

-- The hospital's row recomputed from its reports (its latest, whether held for review or not;
-- the burn: a 7…1-weighted mean of its last 7 reports not held for review, and the newest of
-- them) — the SQL of burnRateLateral without a day bound. No report: no row.
CREATE FUNCTION hospital_supply_state_refresh(hospital text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "HospitalSupplyState" ("hospitalId", "lastDay", "stockKg", "reportedAt", "weightedBurnKg", "newestBurnKg")
  SELECT hospital, l.day, l."stockKg", l."reportedAt", b.weighted, b.newest
  FROM (SELECT s.day, s."stockKg", s."reportedAt" FROM "StockReport" s WHERE s."hospitalId" = hospital ORDER BY s.day DESC LIMIT 1) l
  CROSS JOIN (
    SELECT sum(w."usedKg" * (8 - w.n))::float8 / sum(8 - w.n) AS weighted,
           max(w."usedKg") FILTER (WHERE w.n = 1)::float8 AS newest
    FROM (
      SELECT s."usedKg", row_number() OVER (ORDER BY s.day DESC) AS n FROM "StockReport" s
      WHERE s."hospitalId" = hospital AND NOT s."flaggedForReview"
      ORDER BY s.day DESC LIMIT 7
    ) w
  ) b
  ON CONFLICT ("hospitalId") DO UPDATE
    SET "lastDay" = EXCLUDED."lastDay", "stockKg" = EXCLUDED."stockKg", "reportedAt" = EXCLUDED."reportedAt",
        "weightedBurnKg" = EXCLUDED."weightedBurnKg", "newestBurnKg" = EXCLUDED."newestBurnKg";
  IF NOT FOUND THEN
    DELETE FROM "HospitalSupplyState" WHERE "hospitalId" = hospital;
  END IF;
END $$;

CREATE FUNCTION hospital_supply_state_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM hospital_supply_state_refresh(OLD."hospitalId"); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."hospitalId" <> OLD."hospitalId") THEN
    PERFORM hospital_supply_state_refresh(NEW."hospitalId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "StockReport_hospital_supply_state"
  AFTER INSERT OR UPDATE OR DELETE ON "StockReport"
  FOR EACH ROW EXECUTE FUNCTION hospital_supply_state_track();

-- Every hospital's row recomputed: the backfill below, and after a bulk load that ran with the
-- trigger disabled (bench/generate.ts).
CREATE FUNCTION hospital_supply_state_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "HospitalSupplyState";
    INSERT INTO "HospitalSupplyState" ("hospitalId", "lastDay", "stockKg", "reportedAt", "weightedBurnKg", "newestBurnKg")
    SELECT h.id, l.day, l."stockKg", l."reportedAt", b.weighted, b.newest
    FROM "Hospital" h
    JOIN LATERAL (SELECT s.day, s."stockKg", s."reportedAt" FROM "StockReport" s WHERE s."hospitalId" = h.id ORDER BY s.day DESC LIMIT 1) l ON true
    CROSS JOIN LATERAL (
      SELECT sum(w."usedKg" * (8 - w.n))::float8 / sum(8 - w.n) AS weighted,
             max(w."usedKg") FILTER (WHERE w.n = 1)::float8 AS newest
      FROM (
        SELECT s."usedKg", row_number() OVER (ORDER BY s.day DESC) AS n FROM "StockReport" s
        WHERE s."hospitalId" = h.id AND NOT s."flaggedForReview"
        ORDER BY s.day DESC LIMIT 7
      ) w
    ) b
  $$;

SELECT hospital_supply_state_rebuild();
