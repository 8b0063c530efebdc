-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN "refresherDueOn" TEXT;

-- CreateIndex
CREATE INDEX "Certificate_personId_refresherDueOn_idx" ON "Certificate"("personId", "refresherDueOn");

