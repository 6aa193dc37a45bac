-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- An expiry is the end of a WIB day (midnight WIB = 17:00 UTC), never a moment in the middle of one.
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_expiresAt_wib_midnight"
  CHECK ("expiresAt" IS NULL OR "expiresAt"::time = '17:00:00');
