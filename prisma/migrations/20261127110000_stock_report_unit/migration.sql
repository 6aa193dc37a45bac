-- AlterEnum
ALTER TYPE "MassUnit" ADD VALUE 'LITRE_LIQUID';

-- AlterTable
ALTER TABLE "StockReport" ADD COLUMN     "cylinderSizeM3" DECIMAL(6,2),
ADD COLUMN     "kgPerUnit" DECIMAL(12,6) NOT NULL DEFAULT 1000,
ADD COLUMN     "stockAmount" DECIMAL(14,3),
ADD COLUMN     "unit" "MassUnit" NOT NULL DEFAULT 'TONNE_LIQUID',
ADD COLUMN     "usedAmount" DECIMAL(14,3);

-- Hand-written: the conversion is a positive rate, and a count of cylinders names their size.
ALTER TABLE "StockReport"
  ADD CONSTRAINT "StockReport_unit_rate" CHECK ("kgPerUnit" > 0 AND ("stockAmount" IS NULL OR "stockAmount" >= 0) AND ("usedAmount" IS NULL OR "usedAmount" >= 0)),
  ADD CONSTRAINT "StockReport_cylinder_size" CHECK (("unit" = 'CYLINDER') = ("cylinderSizeM3" IS NOT NULL));
