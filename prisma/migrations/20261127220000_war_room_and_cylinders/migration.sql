-- AlterTable
ALTER TABLE "Hospital" ADD COLUMN     "alertMissedReportHours" INTEGER,
ADD COLUMN     "cylinderSupply" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "StockReport" ADD COLUMN     "onBehalf" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "onBehalfNote" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "onBehalfNote" TEXT,
ADD COLUMN     "receivedOnBehalf" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CylinderType" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sizeM3" DECIMAL(6,2) NOT NULL,
    "waterLitres" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CylinderType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CylinderStock" (
    "id" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "hospitalId" TEXT,
    "supplierId" TEXT,
    "full" INTEGER NOT NULL DEFAULT 0,
    "empty" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CylinderStock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CylinderMovement" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "hospitalId" TEXT,
    "supplierId" TEXT,
    "fullDelta" INTEGER NOT NULL,
    "emptyDelta" INTEGER NOT NULL,
    "transferId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT,
    "onBehalf" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CylinderMovement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CylinderType_code_key" ON "CylinderType"("code");

-- CreateIndex
CREATE INDEX "CylinderStock_hospitalId_idx" ON "CylinderStock"("hospitalId");

-- CreateIndex
CREATE INDEX "CylinderStock_supplierId_idx" ON "CylinderStock"("supplierId");

-- CreateIndex
CREATE INDEX "CylinderMovement_hospitalId_at_idx" ON "CylinderMovement"("hospitalId", "at");

-- CreateIndex
CREATE INDEX "CylinderMovement_supplierId_at_idx" ON "CylinderMovement"("supplierId", "at");

-- CreateIndex
CREATE INDEX "CylinderMovement_transferId_idx" ON "CylinderMovement"("transferId");

-- AddForeignKey
ALTER TABLE "CylinderStock" ADD CONSTRAINT "CylinderStock_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CylinderType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CylinderStock" ADD CONSTRAINT "CylinderStock_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CylinderStock" ADD CONSTRAINT "CylinderStock_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "CylinderType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (decision 0039) ---------------------------------------------------------------

ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_alert_missed_report" CHECK ("alertMissedReportHours" IS NULL OR "alertMissedReportHours" BETWEEN 1 AND 168);

-- Entered on a hospital's behalf: always says how (a phone call, a radio message).
ALTER TABLE "StockReport" ADD CONSTRAINT "StockReport_on_behalf_note" CHECK (NOT "onBehalf" OR "onBehalfNote" IS NOT NULL);
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_on_behalf_note" CHECK (NOT "receivedOnBehalf" OR ("onBehalfNote" IS NOT NULL AND "receivedKg" IS NOT NULL));

ALTER TABLE "CylinderType" ADD CONSTRAINT "CylinderType_size" CHECK ("sizeM3" > 0 AND "sizeM3" <= 100);
ALTER TABLE "CylinderType" ADD CONSTRAINT "CylinderType_water" CHECK ("waterLitres" IS NULL OR "waterLitres" BETWEEN 1 AND 1000);

-- A holder's counts never go below zero; a holder is one hospital or one distributor.
ALTER TABLE "CylinderStock" ADD CONSTRAINT "CylinderStock_not_negative" CHECK ("full" >= 0 AND "empty" >= 0);
ALTER TABLE "CylinderStock" ADD CONSTRAINT "CylinderStock_one_holder" CHECK (("hospitalId" IS NULL) <> ("supplierId" IS NULL));
CREATE UNIQUE INDEX "CylinderStock_hospital_type" ON "CylinderStock" ("hospitalId", "typeId") WHERE "hospitalId" IS NOT NULL;
CREATE UNIQUE INDEX "CylinderStock_supplier_type" ON "CylinderStock" ("supplierId", "typeId") WHERE "supplierId" IS NOT NULL;

ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_one_holder" CHECK (("hospitalId" IS NULL) <> ("supplierId" IS NULL));
ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_kind" CHECK (kind IN ('count', 'refill', 'delivery', 'return'));
ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_moves" CHECK ("fullDelta" <> 0 OR "emptyDelta" <> 0);
-- A refill turns empties into fulls one for one, at a distributor.
ALTER TABLE "CylinderMovement" ADD CONSTRAINT "CylinderMovement_refill" CHECK (kind <> 'refill' OR ("supplierId" IS NOT NULL AND "fullDelta" > 0 AND "emptyDelta" = -"fullDelta"));

-- The ledger keeps the counts: each movement adds its deltas to its holder's row, in the same
-- transaction. The row's lock serialises concurrent movements of one holder and type,
-- and the CHECK above refuses any that would take a count below zero (the whole transaction fails).
CREATE FUNCTION cylinder_movement_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Update first: an INSERT … ON CONFLICT would check the CHECK against the bare deltas.
  LOOP
    UPDATE "CylinderStock" SET "full" = "full" + NEW."fullDelta", "empty" = "empty" + NEW."emptyDelta", "updatedAt" = NEW.at
    WHERE "typeId" = NEW."typeId"
      AND ((NEW."hospitalId" IS NOT NULL AND "hospitalId" = NEW."hospitalId") OR (NEW."supplierId" IS NOT NULL AND "supplierId" = NEW."supplierId"));
    IF FOUND THEN RETURN NEW; END IF;
    -- The holder's first movement of this type: its counts start at the deltas (the CHECK refuses a negative one).
    BEGIN
      INSERT INTO "CylinderStock" (id, "typeId", "hospitalId", "supplierId", "full", "empty", "updatedAt")
      VALUES ('cs_' || NEW.id, NEW."typeId", NEW."hospitalId", NEW."supplierId", NEW."fullDelta", NEW."emptyDelta", NEW.at);
      RETURN NEW;
    EXCEPTION WHEN unique_violation THEN
      -- another transaction created the row meanwhile: update it instead
    END;
  END LOOP;
END $$;
CREATE TRIGGER cylinder_movement_apply AFTER INSERT ON "CylinderMovement" FOR EACH ROW EXECUTE FUNCTION cylinder_movement_apply();
-- The ledger is history: corrections are new movements.
CREATE FUNCTION cylinder_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CylinderMovement is append-only';
END $$;
CREATE TRIGGER cylinder_movement_append_only BEFORE UPDATE OR DELETE ON "CylinderMovement" FOR EACH ROW EXECUTE FUNCTION cylinder_movement_append_only();

-- The sizes in common use in Indonesia (gas at 15 °C; water volume at ≈ 150 bar, informative).
INSERT INTO "CylinderType" (id, code, name, "sizeM3", "waterLitres") VALUES
  ('cyl_1m3', '1M3', '1 m³ (± 6 L)', 1, 6),
  ('cyl_2m3', '2M3', '2 m³ (± 14 L)', 2, 14),
  ('cyl_6m3', '6M3', '6 m³ (± 40 L)', 6, 40);
