-- DropForeignKey
ALTER TABLE "Delivery" DROP CONSTRAINT "Delivery_hospitalId_fkey";

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "depotId" TEXT,
ALTER COLUMN "hospitalId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_depotId_fkey" FOREIGN KEY ("depotId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A trip goes to exactly one place: a hospital, or a distributor's depot; only a pledge tranche's
-- trip may go to a depot (a request's oxygen goes to the requesting hospital).
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_one_destination" CHECK (("hospitalId" IS NULL) <> ("depotId" IS NULL));
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_depot_only_for_tranches" CHECK ("depotId" IS NULL OR ("trancheId" IS NOT NULL AND "allocationId" IS NULL));
