-- AlterTable
ALTER TABLE "Team" ADD COLUMN "baseEasting" INTEGER;
ALTER TABLE "Team" ADD COLUMN "baseNorthing" INTEGER;

-- AlterTable
ALTER TABLE "Venue" ADD COLUMN "cohort" INTEGER;
ALTER TABLE "Venue" ADD COLUMN "dayEnd" TEXT;
ALTER TABLE "Venue" ADD COLUMN "dayStart" TEXT;
ALTER TABLE "Venue" ADD COLUMN "easting" INTEGER;
ALTER TABLE "Venue" ADD COLUMN "northing" INTEGER;

-- CreateTable
CREATE TABLE "TourPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TourPlan_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TourPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TourPlanVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "input" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "progress" REAL NOT NULL DEFAULT 0,
    "result" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedAt" DATETIME,
    "bookedSessionIds" TEXT,
    CONSTRAINT "TourPlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TourPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TourPlan_createdAt_idx" ON "TourPlan"("createdAt");

-- CreateIndex
CREATE INDEX "TourPlan_programmeId_createdAt_idx" ON "TourPlan"("programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "TourPlanVersion_status_idx" ON "TourPlanVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "TourPlanVersion_planId_number_key" ON "TourPlanVersion"("planId", "number");

