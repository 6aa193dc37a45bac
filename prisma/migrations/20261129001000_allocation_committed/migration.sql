-- CreateTable
CREATE TABLE "RequestCommitted" (
    "requestId" TEXT NOT NULL,
    "allocatedKg" BIGINT NOT NULL DEFAULT 0,
    "dispatchedKg" BIGINT NOT NULL DEFAULT 0,
    "receivedKg" BIGINT NOT NULL DEFAULT 0,
    "awaitingKg" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RequestCommitted_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "SupplyDayCommitted" (
    "supplierId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "committedKg" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SupplyDayCommitted_pkey" PRIMARY KEY ("supplierId","day")
);

-- CreateTable
CREATE TABLE "PledgeCommitted" (
    "pledgeId" TEXT NOT NULL,
    "committedKg" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PledgeCommitted_pkey" PRIMARY KEY ("pledgeId")
);

-- Hand-written (decision 0049): what is committed of each request, of each supplier's supply day
-- and of each pledge, the sums the allocation use case checks before it saves (and settleRequest
-- after every write of the request loop, and the allocation form's free kilograms), kept by
-- triggers on "Allocation" and "Delivery" in the same transaction as every write — the way of
-- the request funnel (decision 0044). The use case then reads one row per request, supply day and
-- pledge, locked, instead of summing their allocations and trips.
--
-- A sum can never be negative: a row that would is a rollup gone wrong, and the write fails.
ALTER TABLE "RequestCommitted" ADD CONSTRAINT "RequestCommitted_non_negative"
  CHECK ("allocatedKg" >= 0 AND "dispatchedKg" >= 0 AND "receivedKg" >= 0 AND "awaitingKg" >= 0);
ALTER TABLE "SupplyDayCommitted" ADD CONSTRAINT "SupplyDayCommitted_non_negative" CHECK ("committedKg" >= 0);
ALTER TABLE "PledgeCommitted" ADD CONSTRAINT "PledgeCommitted_non_negative" CHECK ("committedKg" >= 0);

-- Each adds a signed amount to its row, creating it when it is missing. The UPDATE comes first:
-- INSERT … ON CONFLICT checks the CHECK on the row it would insert, so a negative amount (a row
-- taken back) cannot go through it; the INSERT's ON CONFLICT covers a row another transaction
-- created meanwhile.
CREATE FUNCTION request_committed_add(request text, allocated bigint, dispatched bigint, received bigint, awaiting bigint) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "RequestCommitted"
  SET "allocatedKg" = "allocatedKg" + allocated, "dispatchedKg" = "dispatchedKg" + dispatched,
      "receivedKg" = "receivedKg" + received, "awaitingKg" = "awaitingKg" + awaiting
  WHERE "requestId" = request;
  IF NOT FOUND THEN
    INSERT INTO "RequestCommitted" ("requestId", "allocatedKg", "dispatchedKg", "receivedKg", "awaitingKg")
    VALUES (request, allocated, dispatched, received, awaiting)
    ON CONFLICT ("requestId") DO UPDATE
      SET "allocatedKg" = "RequestCommitted"."allocatedKg" + EXCLUDED."allocatedKg",
          "dispatchedKg" = "RequestCommitted"."dispatchedKg" + EXCLUDED."dispatchedKg",
          "receivedKg" = "RequestCommitted"."receivedKg" + EXCLUDED."receivedKg",
          "awaitingKg" = "RequestCommitted"."awaitingKg" + EXCLUDED."awaitingKg";
  END IF;
END $$;

CREATE FUNCTION supply_day_committed_add(supplier text, d date, kg bigint) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SupplyDayCommitted" SET "committedKg" = "committedKg" + kg WHERE "supplierId" = supplier AND day = d;
  IF NOT FOUND THEN
    INSERT INTO "SupplyDayCommitted" ("supplierId", day, "committedKg") VALUES (supplier, d, kg)
    ON CONFLICT ("supplierId", day) DO UPDATE SET "committedKg" = "SupplyDayCommitted"."committedKg" + EXCLUDED."committedKg";
  END IF;
END $$;

CREATE FUNCTION pledge_committed_add(pledge text, kg bigint) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PledgeCommitted" SET "committedKg" = "committedKg" + kg WHERE "pledgeId" = pledge;
  IF NOT FOUND THEN
    INSERT INTO "PledgeCommitted" ("pledgeId", "committedKg") VALUES (pledge, kg)
    ON CONFLICT ("pledgeId") DO UPDATE SET "committedKg" = "PledgeCommitted"."committedKg" + EXCLUDED."committedKg";
  END IF;
END $$;

-- An allocation's part, counted in (sign 1) or taken back out (sign -1): while it is not
-- cancelled, its kg for its request, its supplier's day and its pledge, and what of it was
-- dispatched for its request.
CREATE FUNCTION allocation_committed_count(a "Allocation", sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF a.status = 'CANCELLED' THEN RETURN; END IF;
  PERFORM request_committed_add(a."requestId", sign * a.kg::bigint, sign * a."dispatchedKg"::bigint, 0, 0);
  PERFORM supply_day_committed_add(a."supplierId", a.day, sign * a.kg::bigint);
  IF a."pledgeId" IS NOT NULL THEN PERFORM pledge_committed_add(a."pledgeId", sign * a.kg::bigint); END IF;
END $$;

CREATE FUNCTION allocation_committed_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  old_kg bigint := 0;
  new_kg bigint := 0;
  old_sent bigint := 0;
  new_sent bigint := 0;
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."requestId" = OLD."requestId" AND NEW."supplierId" = OLD."supplierId"
     AND NEW."pledgeId" IS NOT DISTINCT FROM OLD."pledgeId" AND NEW.day = OLD.day THEN
    -- The same rows: only what changed, on the rows it changes. A trip moves the request's
    -- dispatched kg and touches (so locks) neither the supply day's row nor the pledge's.
    IF OLD.status <> 'CANCELLED' THEN old_kg := OLD.kg; old_sent := OLD."dispatchedKg"; END IF;
    IF NEW.status <> 'CANCELLED' THEN new_kg := NEW.kg; new_sent := NEW."dispatchedKg"; END IF;
    IF new_kg <> old_kg OR new_sent <> old_sent THEN
      PERFORM request_committed_add(NEW."requestId", new_kg - old_kg, new_sent - old_sent, 0, 0);
    END IF;
    IF new_kg <> old_kg THEN
      PERFORM supply_day_committed_add(NEW."supplierId", NEW.day, new_kg - old_kg);
      IF NEW."pledgeId" IS NOT NULL THEN PERFORM pledge_committed_add(NEW."pledgeId", new_kg - old_kg); END IF;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM allocation_committed_count(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM allocation_committed_count(NEW, 1); END IF;
  -- An allocation pointed at another request takes its trips' receipts with it (the app never
  -- does this; psql might).
  IF TG_OP = 'UPDATE' AND NEW."requestId" <> OLD."requestId" THEN
    PERFORM request_committed_add(OLD."requestId", 0, 0, -t.received, -t.awaiting),
            request_committed_add(NEW."requestId", 0, 0, t.received, t.awaiting)
    FROM (SELECT COALESCE(sum(d."receivedKg"), 0)::bigint AS received,
                 COALESCE(sum(d."dispatchedKg") FILTER (WHERE d."receivedKg" IS NULL), 0)::bigint AS awaiting
          FROM "Delivery" d WHERE d."allocationId" = NEW.id) t;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Allocation_committed"
  AFTER INSERT OR UPDATE OR DELETE ON "Allocation"
  FOR EACH ROW EXECUTE FUNCTION allocation_committed_track();

-- A trip's part: received, or on the road, for the request its allocation serves; and a tranche
-- trip made without an allocation, for its producer's supply on the WIB day it left and for its
-- pledge. (What it dispatched against an allocation reaches the request through the allocation's
-- "dispatchedKg", kept by the trigger "Delivery_trip_totals".)
CREATE FUNCTION delivery_committed_count(x "Delivery", sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF x."allocationId" IS NOT NULL THEN
    PERFORM request_committed_add(a."requestId", 0, 0, sign * COALESCE(x."receivedKg", 0)::bigint,
              CASE WHEN x."receivedKg" IS NULL THEN sign * x."dispatchedKg"::bigint ELSE 0 END)
    FROM "Allocation" a WHERE a.id = x."allocationId";
  ELSIF x."trancheId" IS NOT NULL THEN
    PERFORM supply_day_committed_add(x."supplierId", wib_day(x."dispatchedAt"), sign * x."dispatchedKg"::bigint);
    PERFORM pledge_committed_add(t."pledgeId", sign * x."dispatchedKg"::bigint) FROM "PledgeTranche" t WHERE t.id = x."trancheId";
  END IF;
END $$;

CREATE FUNCTION delivery_committed_track() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."allocationId" IS NOT DISTINCT FROM OLD."allocationId"
     AND NEW."trancheId" IS NOT DISTINCT FROM OLD."trancheId"
     AND NEW."supplierId" = OLD."supplierId" AND NEW."dispatchedAt" = OLD."dispatchedAt"
     AND NEW."dispatchedKg" = OLD."dispatchedKg"
     AND NEW."receivedKg" IS NOT DISTINCT FROM OLD."receivedKg" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM delivery_committed_count(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM delivery_committed_count(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Delivery_committed"
  AFTER INSERT OR UPDATE OR DELETE ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION delivery_committed_track();

-- The three tables recomputed from the allocations and trips: the backfill below, and after a
-- bulk load that ran with the triggers disabled (bench/generate.ts).
CREATE FUNCTION allocation_committed_rebuild() RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "RequestCommitted";
    INSERT INTO "RequestCommitted" ("requestId", "allocatedKg", "dispatchedKg", "receivedKg", "awaitingKg")
    SELECT p."requestId", sum(p.allocated), sum(p.dispatched), sum(p.received), sum(p.awaiting)
    FROM (
      SELECT a."requestId", a.kg::bigint AS allocated, a."dispatchedKg"::bigint AS dispatched, 0::bigint AS received, 0::bigint AS awaiting
      FROM "Allocation" a WHERE a.status <> 'CANCELLED'
      UNION ALL
      SELECT a."requestId", 0, 0, COALESCE(d."receivedKg", 0), CASE WHEN d."receivedKg" IS NULL THEN d."dispatchedKg" ELSE 0 END
      FROM "Delivery" d JOIN "Allocation" a ON a.id = d."allocationId"
    ) p
    GROUP BY 1;

    DELETE FROM "SupplyDayCommitted";
    INSERT INTO "SupplyDayCommitted" ("supplierId", day, "committedKg")
    SELECT p."supplierId", p.day, sum(p.kg)
    FROM (
      SELECT a."supplierId", a.day, a.kg::bigint AS kg FROM "Allocation" a WHERE a.status <> 'CANCELLED'
      UNION ALL
      SELECT d."supplierId", wib_day(d."dispatchedAt"), d."dispatchedKg"
      FROM "Delivery" d WHERE d."trancheId" IS NOT NULL AND d."allocationId" IS NULL
    ) p
    GROUP BY 1, 2;

    DELETE FROM "PledgeCommitted";
    INSERT INTO "PledgeCommitted" ("pledgeId", "committedKg")
    SELECT p."pledgeId", sum(p.kg)
    FROM (
      SELECT a."pledgeId", a.kg::bigint AS kg FROM "Allocation" a WHERE a.status <> 'CANCELLED' AND a."pledgeId" IS NOT NULL
      UNION ALL
      SELECT t."pledgeId", d."dispatchedKg" FROM "Delivery" d JOIN "PledgeTranche" t ON t.id = d."trancheId" WHERE d."allocationId" IS NULL
    ) p
    GROUP BY 1;
  $$;

SELECT allocation_committed_rebuild();
