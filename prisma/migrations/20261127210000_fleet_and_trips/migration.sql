-- CreateEnum
CREATE TYPE "VehicleKind" AS ENUM ('ROAD_TANKER', 'ISO_CONTAINER', 'CYLINDER_TRUCK');

-- CreateEnum
CREATE TYPE "TripStatus" AS ENUM ('LOADING', 'IN_TRANSIT', 'ARRIVED', 'RECEIVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "TripEventKind" AS ENUM ('LOADING', 'IN_TRANSIT', 'ARRIVED', 'RECEIVED', 'RETURNED', 'DIVERTED');

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "tripId" TEXT;

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" TEXT NOT NULL,
    "plate" TEXT NOT NULL,
    "kind" "VehicleKind" NOT NULL,
    "capacity" INTEGER NOT NULL,
    "operatorId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Driver" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "operatorId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Driver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trip" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "vehicleId" TEXT,
    "vehiclePlate" TEXT NOT NULL,
    "driverId" TEXT,
    "driverName" TEXT NOT NULL DEFAULT '',
    "status" "TripStatus" NOT NULL DEFAULT 'LOADING',
    "plannedDepartureAt" TIMESTAMP(3),
    "departedAt" TIMESTAMP(3),
    "plannedArrivalAt" TIMESTAMP(3),
    "etaAt" TIMESTAMP(3),
    "arrivedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "returnedAt" TIMESTAMP(3),
    "divertedAt" TIMESTAMP(3),
    "divertReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TripEvent" (
    "id" TEXT NOT NULL,
    "tripId" TEXT NOT NULL,
    "kind" "TripEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "hospitalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TripEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vehicle_plate_key" ON "Vehicle"("plate");

-- CreateIndex
CREATE INDEX "Vehicle_operatorId_idx" ON "Vehicle"("operatorId");

-- CreateIndex
CREATE INDEX "Driver_operatorId_idx" ON "Driver"("operatorId");

-- CreateIndex
CREATE INDEX "Trip_status_idx" ON "Trip"("status");

-- CreateIndex
CREATE INDEX "Trip_vehicleId_idx" ON "Trip"("vehicleId");

-- CreateIndex
CREATE INDEX "TripEvent_tripId_at_idx" ON "TripEvent"("tripId", "at");

-- CreateIndex
CREATE INDEX "Delivery_tripId_idx" ON "Delivery"("tripId");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Driver" ADD CONSTRAINT "Driver_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trip" ADD CONSTRAINT "Trip_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trip" ADD CONSTRAINT "Trip_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trip" ADD CONSTRAINT "Trip_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "Driver"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TripEvent" ADD CONSTRAINT "TripEvent_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TripEvent" ADD CONSTRAINT "TripEvent_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (decision 0038): what the fleet register and the trips must always hold.
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_capacity_positive" CHECK ("capacity" > 0);
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_plate_not_blank" CHECK (length(btrim("plate")) >= 3);
ALTER TABLE "Driver" ADD CONSTRAINT "Driver_name_not_blank" CHECK (length(btrim("name")) >= 2);
-- Each step a trip has reached has its time; a step not reached has none.
ALTER TABLE "Trip" ADD CONSTRAINT "Trip_step_times" CHECK (
  ("status" = 'LOADING' OR "departedAt" IS NOT NULL)
  AND ("status" NOT IN ('ARRIVED', 'RECEIVED', 'RETURNED') OR "arrivedAt" IS NOT NULL)
  AND ("status" NOT IN ('RECEIVED', 'RETURNED') OR "receivedAt" IS NOT NULL)
  AND ("status" <> 'RETURNED' OR "returnedAt" IS NOT NULL)
);
ALTER TABLE "Trip" ADD CONSTRAINT "Trip_arrival_after_departure" CHECK ("arrivedAt" IS NULL OR "departedAt" IS NULL OR "arrivedAt" >= "departedAt");
ALTER TABLE "Trip" ADD CONSTRAINT "Trip_diverted_with_reason" CHECK (("divertedAt" IS NULL) = ("divertReason" IS NULL));
-- The trip board's lists: trips not yet arrived by their estimate (late ones first).
CREATE INDEX "Trip_on_the_road_idx" ON "Trip" (COALESCE("etaAt", "plannedArrivalAt")) WHERE "status" IN ('LOADING', 'IN_TRANSIT');
