-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "replyTo" TEXT;

-- AlterTable
ALTER TABLE "VenueContact" ADD COLUMN "emailFailingAt" DATETIME;
ALTER TABLE "VenueContact" ADD COLUMN "emailFailure" TEXT;

-- CreateTable
CREATE TABLE "InvitationReplyAddress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "invitationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "InvitationReplyAddress_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
    "proposedStart" DATETIME,
    "proposedEnd" DATETIME,
    "comment" TEXT,
    "calendarText" TEXT,
    "invitationId" TEXT,
    "sessionId" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    CONSTRAINT "InboundMessage_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
