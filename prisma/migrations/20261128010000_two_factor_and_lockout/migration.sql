-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN "pendingStep" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;

