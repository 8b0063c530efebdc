-- AlterEnum
ALTER TYPE "InvitationStatus" ADD VALUE 'TENTATIVE';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "replyTo" TEXT;

-- AlterTable
ALTER TABLE "VenueContact" ADD COLUMN     "emailFailingAt" TIMESTAMP(3),
ADD COLUMN     "emailFailure" TEXT;

-- CreateTable
CREATE TABLE "InvitationReplyAddress" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "InvitationReplyAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "messageId" TEXT,
    "fromAddress" TEXT,
    "subject" TEXT,
    "sizeBytes" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "method" TEXT,
    "partstat" TEXT,
    "attendee" TEXT,
    "replySequence" INTEGER,
    "proposedStart" TIMESTAMP(3),
    "proposedEnd" TIMESTAMP(3),
    "comment" TEXT,
    "calendarText" TEXT,
    "invitationId" TEXT,
    "sessionId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InvitationReplyAddress_tokenHash_key" ON "InvitationReplyAddress"("tokenHash");

-- CreateIndex
CREATE INDEX "InvitationReplyAddress_invitationId_idx" ON "InvitationReplyAddress"("invitationId");

-- CreateIndex
CREATE INDEX "InboundMessage_outcome_receivedAt_idx" ON "InboundMessage"("outcome", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundMessage_sessionId_receivedAt_idx" ON "InboundMessage"("sessionId", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundMessage_invitationId_idx" ON "InboundMessage"("invitationId");

-- AddForeignKey
ALTER TABLE "InvitationReplyAddress" ADD CONSTRAINT "InvitationReplyAddress_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMessage" ADD CONSTRAINT "InboundMessage_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

