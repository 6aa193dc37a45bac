-- AlterTable
ALTER TABLE "SupplyRequest" ADD COLUMN     "cancelReason" TEXT;

-- A reason belongs to a cancelled request only, and says something (requests cancelled before
-- reasons were asked keep none).
ALTER TABLE "SupplyRequest"
  ADD CONSTRAINT "SupplyRequest_cancel_reason_when_cancelled"
    CHECK ("cancelReason" IS NULL OR ("status" = 'CANCELLED' AND btrim("cancelReason") <> '' AND length("cancelReason") <= 1000));
