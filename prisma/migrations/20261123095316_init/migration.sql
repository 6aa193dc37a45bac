-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('PROVINCE', 'REGENCY', 'CITY');

-- CreateEnum
CREATE TYPE "SupplierKind" AS ENUM ('PRODUCER', 'DISTRIBUTOR', 'VENDOR');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'STAFF', 'OFFICIAL', 'HOSPITAL');

-- CreateEnum
CREATE TYPE "Earmark" AS ENUM ('NONE', 'ASSOCIATION', 'HOSPITALS');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('ROUTINE', 'URGENT', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'ALLOCATED', 'IN_TRANSIT', 'FULFILLED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AllocationStatus" AS ENUM ('PLANNED', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MassUnit" AS ENUM ('KG', 'TONNE_LIQUID', 'M3_GAS', 'CYLINDER');

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "parentId" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supplier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SupplierKind" NOT NULL,
    "regionId" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyCapacity" (
    "id" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "producedKg" INTEGER NOT NULL,
    "medicalKg" INTEGER NOT NULL,
    "industrialKg" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DailyCapacity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "dailyTargetKg" INTEGER NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalPriorityPeriod" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "minMedicalSharePct" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MedicalPriorityPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "totalKg" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "earmark" "Earmark" NOT NULL DEFAULT 'NONE',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeTranche" (
    "id" TEXT NOT NULL,
    "pledgeId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "kg" INTEGER NOT NULL,

    CONSTRAINT "PledgeTranche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeHospital" (
    "pledgeId" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,

    CONSTRAINT "PledgeHospital_pkey" PRIMARY KEY ("pledgeId","hospitalId")
);

-- CreateTable
CREATE TABLE "Hospital" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "isReferral" BOOLEAN NOT NULL DEFAULT false,
    "isAssociationMember" BOOLEAN NOT NULL DEFAULT false,
    "beds" INTEGER NOT NULL DEFAULT 0,
    "covidBeds" INTEGER NOT NULL DEFAULT 0,
    "icuBeds" INTEGER NOT NULL DEFAULT 0,
    "tankCapacityKg" INTEGER NOT NULL DEFAULT 0,
    "tankResidualKg" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hospital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockReport" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stockKg" INTEGER NOT NULL,
    "usedKg" INTEGER NOT NULL,
    "severePatients" INTEGER NOT NULL DEFAULT 0,
    "criticalPatients" INTEGER NOT NULL DEFAULT 0,
    "bedsOccupied" INTEGER NOT NULL DEFAULT 0,
    "flaggedForReview" BOOLEAN NOT NULL DEFAULT false,
    "reportedById" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyRequest" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "requestedKg" INTEGER NOT NULL,
    "approvedKg" INTEGER,
    "neededBy" DATE NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "rejectionReason" TEXT,
    "idempotencyKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "pledgeId" TEXT,
    "day" DATE NOT NULL,
    "kg" INTEGER NOT NULL,
    "status" "AllocationStatus" NOT NULL DEFAULT 'PLANNED',
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "allocationId" TEXT,
    "trancheId" TEXT,
    "supplierId" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "vehiclePlate" TEXT NOT NULL,
    "driverName" TEXT NOT NULL DEFAULT '',
    "dispatchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAmount" DECIMAL(12,3) NOT NULL,
    "dispatchedUnit" "MassUnit" NOT NULL,
    "cylinderSizeM3" DECIMAL(6,2),
    "kgPerUnit" DECIMAL(12,6) NOT NULL,
    "dispatchedKg" INTEGER NOT NULL,
    "dispatchedById" TEXT,
    "receivedKg" INTEGER,
    "receivedAt" TIMESTAMP(3),
    "receivedById" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseStat" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "recovered" INTEGER NOT NULL,
    "deaths" INTEGER NOT NULL,

    CONSTRAINT "CaseStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "hospitalId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "role" "Role",
    "hospitalId" TEXT,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowRateSet" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "severeLpm" DECIMAL(6,2) NOT NULL,
    "criticalLpm" DECIMAL(6,2) NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FlowRateSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_parentId_idx" ON "Region"("parentId");

-- CreateIndex
CREATE INDEX "Supplier_kind_active_idx" ON "Supplier"("kind", "active");

-- CreateIndex
CREATE INDEX "Supplier_regionId_idx" ON "Supplier"("regionId");

-- CreateIndex
CREATE INDEX "DailyCapacity_day_idx" ON "DailyCapacity"("day");

-- CreateIndex
CREATE UNIQUE INDEX "DailyCapacity_supplierId_day_key" ON "DailyCapacity"("supplierId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_regionId_validFrom_key" ON "Policy"("regionId", "validFrom");

-- CreateIndex
CREATE INDEX "MedicalPriorityPeriod_regionId_startsOn_idx" ON "MedicalPriorityPeriod"("regionId", "startsOn");

-- CreateIndex
CREATE INDEX "Pledge_supplierId_idx" ON "Pledge"("supplierId");

-- CreateIndex
CREATE INDEX "PledgeTranche_pledgeId_dueOn_idx" ON "PledgeTranche"("pledgeId", "dueOn");

-- CreateIndex
CREATE INDEX "Hospital_regionId_idx" ON "Hospital"("regionId");

-- CreateIndex
CREATE INDEX "StockReport_day_idx" ON "StockReport"("day");

-- CreateIndex
CREATE UNIQUE INDEX "StockReport_hospitalId_day_key" ON "StockReport"("hospitalId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyRequest_idempotencyKey_key" ON "SupplyRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SupplyRequest_status_urgency_idx" ON "SupplyRequest"("status", "urgency");

-- CreateIndex
CREATE INDEX "SupplyRequest_hospitalId_createdAt_idx" ON "SupplyRequest"("hospitalId", "createdAt");

-- CreateIndex
CREATE INDEX "SupplyRequest_createdAt_idx" ON "SupplyRequest"("createdAt");

-- CreateIndex
CREATE INDEX "Allocation_requestId_idx" ON "Allocation"("requestId");

-- CreateIndex
CREATE INDEX "Allocation_supplierId_day_idx" ON "Allocation"("supplierId", "day");

-- CreateIndex
CREATE INDEX "Allocation_pledgeId_idx" ON "Allocation"("pledgeId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_idempotencyKey_key" ON "Delivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Delivery_hospitalId_dispatchedAt_idx" ON "Delivery"("hospitalId", "dispatchedAt");

-- CreateIndex
CREATE INDEX "Delivery_allocationId_idx" ON "Delivery"("allocationId");

-- CreateIndex
CREATE INDEX "Delivery_trancheId_idx" ON "Delivery"("trancheId");

-- CreateIndex
CREATE INDEX "Delivery_dispatchedAt_idx" ON "Delivery"("dispatchedAt");

-- CreateIndex
CREATE INDEX "CaseStat_day_idx" ON "CaseStat"("day");

-- CreateIndex
CREATE UNIQUE INDEX "CaseStat_regionId_day_key" ON "CaseStat"("regionId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_address_at_idx" ON "LoginAttempt"("address", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_role_createdAt_idx" ON "Notification"("role", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_hospitalId_createdAt_idx" ON "Notification"("hospitalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FlowRateSet_key_key" ON "FlowRateSet"("key");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyCapacity" ADD CONSTRAINT "DailyCapacity_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalPriorityPeriod" ADD CONSTRAINT "MedicalPriorityPeriod_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeTranche" ADD CONSTRAINT "PledgeTranche_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeHospital" ADD CONSTRAINT "PledgeHospital_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeHospital" ADD CONSTRAINT "PledgeHospital_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockReport" ADD CONSTRAINT "StockReport_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRequest" ADD CONSTRAINT "SupplyRequest_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupplyRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_trancheId_fkey" FOREIGN KEY ("trancheId") REFERENCES "PledgeTranche"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStat" ADD CONSTRAINT "CaseStat_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
