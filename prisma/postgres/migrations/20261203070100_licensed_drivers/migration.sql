-- CreateTable
CREATE TABLE "LicensedDriver" (
    "id" TEXT NOT NULL,
    "badgeNumber" TEXT NOT NULL,
    "licenceExpiry" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LicensedDriver_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LicensedDriver_badgeNumber_key" ON "LicensedDriver"("badgeNumber");

-- CreateIndex
CREATE INDEX "LicensedDriver_licenceExpiry_idx" ON "LicensedDriver"("licenceExpiry");
