-- CreateTable
CREATE TABLE "LicensedDriver" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "badgeNumber" TEXT NOT NULL,
    "licenceExpiry" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "LicensedDriver_badgeNumber_key" ON "LicensedDriver"("badgeNumber");

-- CreateIndex
CREATE INDEX "LicensedDriver_licenceExpiry_idx" ON "LicensedDriver"("licenceExpiry");
