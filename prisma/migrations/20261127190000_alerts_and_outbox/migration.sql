-- AlterTable
ALTER TABLE "Hospital" ADD COLUMN     "alertAmberBelowHours" INTEGER,
ADD COLUMN     "alertRedBelowHours" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "alertByEmail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "alertByWebhook" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phone" TEXT;

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "hoursLeft" DOUBLE PRECISION,
    "level" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "clearedAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "alertId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_hospitalId_raisedAt_idx" ON "Alert"("hospitalId", "raisedAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_nextAttemptAt_idx" ON "OutboxMessage"("nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_alertId_idx" ON "OutboxMessage"("alertId");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open alert per hospital and kind: a crossing raises one alert, however often the worker runs
-- and however many app servers run it (decision 0033).
CREATE UNIQUE INDEX "Alert_one_open_per_kind" ON "Alert" ("hospitalId", kind) WHERE "clearedAt" IS NULL;
CREATE INDEX "Alert_open" ON "Alert" ("raisedAt") WHERE "clearedAt" IS NULL;
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_kind" CHECK (kind IN ('red', 'amber', 'missed_report'));
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_level" CHECK (level BETWEEN 0 AND 2);
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_acknowledged_together" CHECK (("acknowledgedAt" IS NULL) = ("acknowledgedById" IS NULL));
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_channel" CHECK (channel IN ('email', 'webhook'));
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_attempts" CHECK (attempts >= 0);
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_sent_or_failed" CHECK ("sentAt" IS NULL OR "failedAt" IS NULL);
-- The worker's queue: what is still to be sent, soonest first.
CREATE INDEX "OutboxMessage_due" ON "OutboxMessage" ("nextAttemptAt") WHERE "sentAt" IS NULL AND "failedAt" IS NULL;
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_alert_thresholds" CHECK (
  ("alertRedBelowHours" IS NULL OR "alertRedBelowHours" BETWEEN 1 AND 168) AND
  ("alertAmberBelowHours" IS NULL OR "alertAmberBelowHours" BETWEEN 1 AND 168) AND
  ("alertRedBelowHours" IS NULL OR "alertAmberBelowHours" IS NULL OR "alertRedBelowHours" < "alertAmberBelowHours"));
