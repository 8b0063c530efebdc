-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "refresherDueOn" TEXT;

-- CreateIndex
CREATE INDEX "Certificate_personId_refresherDueOn_idx" ON "Certificate"("personId", "refresherDueOn");

-- CreateIndex
CREATE INDEX "Person_licenceNumber_idx" ON "Person"("licenceNumber");

