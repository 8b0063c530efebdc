-- CreateEnum
CREATE TYPE "TourPlanStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "baseEasting" INTEGER,
ADD COLUMN     "baseNorthing" INTEGER;

-- AlterTable
ALTER TABLE "Venue" ADD COLUMN     "cohort" INTEGER,
ADD COLUMN     "dayEnd" TEXT,
ADD COLUMN     "dayStart" TEXT,
ADD COLUMN     "easting" INTEGER,
ADD COLUMN     "northing" INTEGER;

-- CreateTable
CREATE TABLE "TourPlan" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "teamIds" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetPupils" INTEGER,
    "sessionsPerDay" INTEGER,
    "dayStart" TEXT NOT NULL DEFAULT '09:00',
    "dayEnd" TEXT NOT NULL DEFAULT '15:15',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TourPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TourPlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "input" TEXT NOT NULL,
    "status" "TourPlanStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "result" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedAt" TIMESTAMP(3),
    "bookedSessionIds" TEXT,

    CONSTRAINT "TourPlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TourPlan_createdAt_idx" ON "TourPlan"("createdAt");

-- CreateIndex
CREATE INDEX "TourPlan_programmeId_createdAt_idx" ON "TourPlan"("programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "TourPlanVersion_status_idx" ON "TourPlanVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "TourPlanVersion_planId_number_key" ON "TourPlanVersion"("planId", "number");

-- AddForeignKey
ALTER TABLE "TourPlan" ADD CONSTRAINT "TourPlan_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TourPlan" ADD CONSTRAINT "TourPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TourPlanVersion" ADD CONSTRAINT "TourPlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TourPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

