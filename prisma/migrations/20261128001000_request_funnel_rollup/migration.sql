-- CreateTable
CREATE TABLE "RequestFunnelDay" (
    "provinceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "eventDay" DATE NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "requestedKg" BIGINT NOT NULL DEFAULT 0,
    "approvedRequests" INTEGER NOT NULL DEFAULT 0,
    "approvedKg" BIGINT NOT NULL DEFAULT 0,
    "fulfilledRequests" INTEGER NOT NULL DEFAULT 0,
    "deliveredKg" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RequestFunnelDay_pkey" PRIMARY KEY ("day","provinceId","eventDay")
);

-- Hand-written (schema.prisma cannot state functions or triggers), decision 0044: the request
-- funnel (requestFunnel) kept per province, per WIB day the requests were made ("day") and per
-- WIB day each step happened ("eventDay": made, decided, fulfilled, received). A range's funnel
-- "as it stood at the end of `to`" is then the sum of the rows with day in from..to and
-- eventDay <= to — exact for any range, past ones included — instead of joining every delivery
-- to its allocation and request. Kept by triggers on "SupplyRequest", "Delivery" and "Hospital",
-- in the same transaction as every write (use cases, seed, psql, restores).
--
-- A request counts where its hospital lies: the province of the hospital's region (the region
-- itself when it is a province), as andHospitalInProvince filters.

CREATE FUNCTION hospital_province_id(hospital text) RETURNS text
  LANGUAGE sql STABLE AS $$
    SELECT COALESCE(r."parentId", r.id) FROM "Hospital" h JOIN "Region" r ON r.id = h."regionId" WHERE h.id = hospital
  $$;

CREATE FUNCTION request_funnel_add(province text, d date, e date, requests integer, requested bigint,
    approved_n integer, approved bigint, fulfilled_n integer, delivered bigint) RETURNS void
  LANGUAGE sql AS $$
    INSERT INTO "RequestFunnelDay" ("provinceId", day, "eventDay", requests, "requestedKg", "approvedRequests", "approvedKg", "fulfilledRequests", "deliveredKg")
    VALUES (province, d, e, requests, requested, approved_n, approved, fulfilled_n, delivered)
    ON CONFLICT ("provinceId", day, "eventDay") DO UPDATE
      SET requests = "RequestFunnelDay".requests + EXCLUDED.requests,
          "requestedKg" = "RequestFunnelDay"."requestedKg" + EXCLUDED."requestedKg",
          "approvedRequests" = "RequestFunnelDay"."approvedRequests" + EXCLUDED."approvedRequests",
          "approvedKg" = "RequestFunnelDay"."approvedKg" + EXCLUDED."approvedKg",
          "fulfilledRequests" = "RequestFunnelDay"."fulfilledRequests" + EXCLUDED."fulfilledRequests",
          "deliveredKg" = "RequestFunnelDay"."deliveredKg" + EXCLUDED."deliveredKg"
  $$;

-- Every part of the funnel, one row per request step or received delivery, with the hospital it
-- belongs to (NULL: every hospital). The one SQL form of the rules, shared by the rebuild and a
-- hospital's move; the triggers below state the same rules for one row.
CREATE FUNCTION request_funnel_parts(hospital text)
  RETURNS TABLE ("hospitalId" text, day date, "eventDay" date, requests integer, requested bigint,
                 approved_n integer, approved bigint, fulfilled_n integer, delivered bigint)
  LANGUAGE sql STABLE AS $$
    SELECT q."hospitalId", wib_day(q."createdAt"), e.d, e.requests, e.requested, e.approved_n, e.approved, e.fulfilled_n, 0::bigint
    FROM "SupplyRequest" q
    CROSS JOIN LATERAL (VALUES
      (wib_day(q."createdAt"), 1, q."requestedKg"::bigint, 0, 0::bigint, 0),
      (CASE WHEN q.status IN ('APPROVED', 'ALLOCATED', 'IN_TRANSIT', 'FULFILLED') THEN wib_day(q."decidedAt") END,
        0, 0::bigint, 1, COALESCE(q."approvedKg", 0)::bigint, 0),
      (wib_day(q."fulfilledAt"), 0, 0::bigint, 0, 0::bigint, 1)
    ) AS e(d, requests, requested, approved_n, approved, fulfilled_n)
    WHERE e.d IS NOT NULL AND (hospital IS NULL OR q."hospitalId" = hospital)
    UNION ALL
    SELECT q."hospitalId", wib_day(q."createdAt"), wib_day(x."receivedAt"), 0, 0, 0, 0, 0, x."receivedKg"::bigint
    FROM "Delivery" x JOIN "Allocation" a ON a.id = x."allocationId" JOIN "SupplyRequest" q ON q.id = a."requestId"
    WHERE x."receivedAt" IS NOT NULL AND x."receivedKg" IS NOT NULL AND (hospital IS NULL OR q."hospitalId" = hospital)
  $$;

-- One request's part, counted in (sign 1) or taken back out (sign -1).
CREATE FUNCTION request_funnel_count_request(q "SupplyRequest", sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  province text := hospital_province_id(q."hospitalId");
  d date := wib_day(q."createdAt");
BEGIN
  PERFORM request_funnel_add(province, d, d, sign, sign * q."requestedKg"::bigint, 0, 0, 0, 0);
  IF q.status IN ('APPROVED', 'ALLOCATED', 'IN_TRANSIT', 'FULFILLED') AND q."decidedAt" IS NOT NULL THEN
    PERFORM request_funnel_add(province, d, wib_day(q."decidedAt"), 0, 0, sign, sign * COALESCE(q."approvedKg", 0)::bigint, 0, 0);
  END IF;
  IF q."fulfilledAt" IS NOT NULL THEN
    PERFORM request_funnel_add(province, d, wib_day(q."fulfilledAt"), 0, 0, 0, 0, sign, 0);
  END IF;
END $$;

CREATE FUNCTION request_funnel_track_request() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."hospitalId" = OLD."hospitalId" AND NEW."createdAt" = OLD."createdAt"
     AND NEW."requestedKg" = OLD."requestedKg" AND NEW.status = OLD.status
     AND NEW."approvedKg" IS NOT DISTINCT FROM OLD."approvedKg"
     AND NEW."decidedAt" IS NOT DISTINCT FROM OLD."decidedAt"
     AND NEW."fulfilledAt" IS NOT DISTINCT FROM OLD."fulfilledAt" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM request_funnel_count_request(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM request_funnel_count_request(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "SupplyRequest_request_funnel_day"
  AFTER INSERT OR UPDATE OR DELETE ON "SupplyRequest"
  FOR EACH ROW EXECUTE FUNCTION request_funnel_track_request();

-- One delivery's receipt, counted for the request its allocation serves (none: a tranche trip to
-- a depot, or not received yet).
CREATE FUNCTION request_funnel_count_delivery(x "Delivery", sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  q record;
BEGIN
  IF x."allocationId" IS NULL OR x."receivedAt" IS NULL OR x."receivedKg" IS NULL THEN RETURN; END IF;
  SELECT r."hospitalId", r."createdAt" INTO q
  FROM "Allocation" a JOIN "SupplyRequest" r ON r.id = a."requestId" WHERE a.id = x."allocationId";
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM request_funnel_add(hospital_province_id(q."hospitalId"), wib_day(q."createdAt"), wib_day(x."receivedAt"),
    0, 0, 0, 0, 0, sign * x."receivedKg"::bigint);
END $$;

CREATE FUNCTION request_funnel_track_delivery() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."allocationId" IS NOT DISTINCT FROM OLD."allocationId"
     AND NEW."receivedAt" IS NOT DISTINCT FROM OLD."receivedAt"
     AND NEW."receivedKg" IS NOT DISTINCT FROM OLD."receivedKg" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM request_funnel_count_delivery(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM request_funnel_count_delivery(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Delivery_request_funnel_day"
  AFTER INSERT OR UPDATE OR DELETE ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION request_funnel_track_delivery();

-- A hospital moved to a region of another province takes its requests' funnel with it.
CREATE FUNCTION request_funnel_track_hospital() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  was text := (SELECT COALESCE(r."parentId", r.id) FROM "Region" r WHERE r.id = OLD."regionId");
  now_in text := (SELECT COALESCE(r."parentId", r.id) FROM "Region" r WHERE r.id = NEW."regionId");
BEGIN
  IF was IS NOT DISTINCT FROM now_in THEN RETURN NULL; END IF;
  PERFORM request_funnel_add(was, p.day, p."eventDay", -p.requests, -p.requested, -p.approved_n, -p.approved, -p.fulfilled_n, -p.delivered),
          request_funnel_add(now_in, p.day, p."eventDay", p.requests, p.requested, p.approved_n, p.approved, p.fulfilled_n, p.delivered)
  FROM request_funnel_parts(NEW.id) p;
  RETURN NULL;
END $$;

CREATE TRIGGER "Hospital_request_funnel_day"
  AFTER UPDATE OF "regionId" ON "Hospital"
  FOR EACH ROW EXECUTE FUNCTION request_funnel_track_hospital();

-- The rollup recomputed from the requests and deliveries: the backfill below, and after a bulk
-- load that ran with the triggers disabled (bench/generate.ts).
CREATE FUNCTION request_funnel_day_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "RequestFunnelDay";
    INSERT INTO "RequestFunnelDay" ("provinceId", day, "eventDay", requests, "requestedKg", "approvedRequests", "approvedKg", "fulfilledRequests", "deliveredKg")
    SELECT COALESCE(r."parentId", r.id), p.day, p."eventDay", sum(p.requests), sum(p.requested), sum(p.approved_n), sum(p.approved), sum(p.fulfilled_n), sum(p.delivered)
    FROM request_funnel_parts(NULL) p JOIN "Hospital" h ON h.id = p."hospitalId" JOIN "Region" r ON r.id = h."regionId"
    GROUP BY 1, 2, 3
  $$;

SELECT request_funnel_day_rebuild();

-- The funnel's median hours to receipt still reads the range's requests: index-only.
CREATE INDEX "SupplyRequest_createdAt_fulfilledAt_hospitalId_idx" ON "SupplyRequest"("createdAt", "fulfilledAt", "hospitalId");
