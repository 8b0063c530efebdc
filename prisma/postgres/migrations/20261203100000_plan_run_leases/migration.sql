-- AlterTable
ALTER TABLE "TourPlanVersion" ADD COLUMN "leaseUntil" TIMESTAMP(3);
