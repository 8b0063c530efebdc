-- AlterTable
ALTER TABLE "TourPlanVersion" ADD COLUMN "leaseUntil" DATETIME;
