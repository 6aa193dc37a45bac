-- AlterTable
ALTER TABLE "User" ADD COLUMN     "onDutyUntil" TIMESTAMP(3);
