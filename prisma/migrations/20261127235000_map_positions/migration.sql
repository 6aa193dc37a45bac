-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Hospital" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- A position is both coordinates or neither, within the globe's ranges (decision 0043).
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_position" CHECK (("latitude" IS NULL) = ("longitude" IS NULL));
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_latitude" CHECK ("latitude" BETWEEN -90 AND 90);
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_longitude" CHECK ("longitude" BETWEEN -180 AND 180);
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_position" CHECK (("latitude" IS NULL) = ("longitude" IS NULL));
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_latitude" CHECK ("latitude" BETWEEN -90 AND 90);
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_longitude" CHECK ("longitude" BETWEEN -180 AND 180);
