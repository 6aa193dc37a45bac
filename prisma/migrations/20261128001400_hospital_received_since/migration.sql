-- AlterTable
ALTER TABLE "HospitalSupplyState" ADD COLUMN "receivedSinceKg" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "lastReceivedAt" TIMESTAMP(3);

-- Hand-written (decision 0044): what each hospital received (accepted kg) after its latest
-- report, kept beside that report in "HospitalSupplyState", and no earlier than the latest
-- receipt time it has seen ("lastReceivedAt": never lowered by a correction or a deletion, so it
-- is an upper bound). The supply CTE uses the kept sum when the report is on or before the day
-- and no receipt is later than the moment read; otherwise it sums the receipts as before.

CREATE OR REPLACE FUNCTION hospital_supply_state_refresh(hospital text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "HospitalSupplyState" ("hospitalId", "lastDay", "stockKg", "reportedAt", "weightedBurnKg", "newestBurnKg", "receivedSinceKg", "lastReceivedAt")
  SELECT hospital, l.day, l."stockKg", l."reportedAt", b.weighted, b.newest,
         COALESCE((SELECT sum(d."receivedKg") FROM "Delivery" d WHERE d."hospitalId" = hospital AND d."receivedAt" > l."reportedAt"), 0),
         (SELECT max(d."receivedAt") FROM "Delivery" d WHERE d."hospitalId" = hospital)
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
        "weightedBurnKg" = EXCLUDED."weightedBurnKg", "newestBurnKg" = EXCLUDED."newestBurnKg",
        "receivedSinceKg" = EXCLUDED."receivedSinceKg", "lastReceivedAt" = EXCLUDED."lastReceivedAt";
  IF NOT FOUND THEN
    DELETE FROM "HospitalSupplyState" WHERE "hospitalId" = hospital;
  END IF;
END $$;

-- One receipt counted in (sign 1) or taken back out (sign -1) of its hospital's row, when it came
-- after the hospital's latest report.
CREATE FUNCTION hospital_received_since_count(x "Delivery", sign integer) RETURNS void
  LANGUAGE sql AS $$
    UPDATE "HospitalSupplyState"
    SET "receivedSinceKg" = "receivedSinceKg" + CASE WHEN x."receivedAt" > "reportedAt" THEN sign * COALESCE(x."receivedKg", 0) ELSE 0 END,
        "lastReceivedAt" = GREATEST("lastReceivedAt", x."receivedAt")
    WHERE "hospitalId" = x."hospitalId" AND x."receivedAt" IS NOT NULL
  $$;

CREATE FUNCTION hospital_received_since_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."hospitalId" IS NOT DISTINCT FROM OLD."hospitalId"
     AND NEW."receivedAt" IS NOT DISTINCT FROM OLD."receivedAt"
     AND NEW."receivedKg" IS NOT DISTINCT FROM OLD."receivedKg" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM hospital_received_since_count(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM hospital_received_since_count(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Delivery_hospital_received_since"
  AFTER INSERT OR UPDATE OR DELETE ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION hospital_received_since_track();

CREATE OR REPLACE FUNCTION hospital_supply_state_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "HospitalSupplyState";
    INSERT INTO "HospitalSupplyState" ("hospitalId", "lastDay", "stockKg", "reportedAt", "weightedBurnKg", "newestBurnKg", "receivedSinceKg", "lastReceivedAt")
    SELECT h.id, l.day, l."stockKg", l."reportedAt", b.weighted, b.newest,
           COALESCE((SELECT sum(d."receivedKg") FROM "Delivery" d WHERE d."hospitalId" = h.id AND d."receivedAt" > l."reportedAt"), 0),
           (SELECT max(d."receivedAt") FROM "Delivery" d WHERE d."hospitalId" = h.id)
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
