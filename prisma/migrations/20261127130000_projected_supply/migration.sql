-- AlterTable
ALTER TABLE "Hospital" ADD COLUMN     "operatingMinimumKg" INTEGER;

-- AlterTable
ALTER TABLE "StockReport" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_hospitalId_receivedAt_receivedKg_idx" ON "Delivery"("hospitalId", "receivedAt", "receivedKg");

-- A hospital's operating minimum is a part of its tank (decision 0016).
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_operatingMinimumKg_check"
  CHECK ("operatingMinimumKg" IS NULL OR ("operatingMinimumKg" >= 0 AND "operatingMinimumKg" <= "tankCapacityKg"));
-- A confirmed review has both who and when, and is no longer held.
ALTER TABLE "StockReport" ADD CONSTRAINT "StockReport_review_check"
  CHECK (("reviewedAt" IS NULL) = ("reviewedById" IS NULL) AND NOT ("flaggedForReview" AND "reviewedAt" IS NOT NULL));
