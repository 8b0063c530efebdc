-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Questionnaire_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionnaireVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionnaireId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "design" TEXT NOT NULL,
    "pairing" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionnaireVersion_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionnaireQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "options" TEXT,
    "measured" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "QuestionnaireQuestion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionnaireRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "opensOn" TEXT NOT NULL,
    "closesOn" TEXT NOT NULL,
    "collecting" TEXT NOT NULL DEFAULT 'AFTER',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QuestionnaireRun_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "sitting" TEXT NOT NULL,
    "pairingCode" TEXT,
    "pairedWithId" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionnaireResponse_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuestionnaireResponse_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuestionnaireResponse_pairedWithId_fkey" FOREIGN KEY ("pairedWithId") REFERENCES "QuestionnaireResponse" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionnaireAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "timing" TEXT,
    "value" INTEGER,
    "agrees" BOOLEAN,
    "beforeAgrees" BOOLEAN,
    "textCiphertext" TEXT,
    "textFlagged" BOOLEAN NOT NULL DEFAULT false,
    "disclosureId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionnaireAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "QuestionnaireResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuestionnaireAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuestionnaireQuestion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuestionnaireAnswer_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperTally" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "sitting" TEXT NOT NULL,
    "forms" INTEGER NOT NULL,
    "enteredById" TEXT,
    "enteredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PaperTally_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaperTally_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperTallyCount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tallyId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "timing" TEXT,
    "value" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "agrees" BOOLEAN,
    CONSTRAINT "PaperTallyCount_tallyId_fkey" FOREIGN KEY ("tallyId") REFERENCES "PaperTally" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaperTallyCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuestionnaireQuestion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Questionnaire_programmeId_key" ON "Questionnaire"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireVersion_questionnaireId_number_key" ON "QuestionnaireVersion"("questionnaireId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireQuestion_versionId_position_key" ON "QuestionnaireQuestion"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireRun_sessionId_key" ON "QuestionnaireRun"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireRun_code_key" ON "QuestionnaireRun"("code");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_pairedWithId_key" ON "QuestionnaireResponse"("pairedWithId");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_sessionId_sitting_idx" ON "QuestionnaireResponse"("sessionId", "sitting");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_programmeId_sessionDate_idx" ON "QuestionnaireResponse"("programmeId", "sessionDate");

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_programmeId_sessionDate_questionId_timing_idx" ON "QuestionnaireAnswer"("programmeId", "sessionDate", "questionId", "timing");

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_questionId_idx" ON "QuestionnaireAnswer"("questionId");

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_responseId_idx" ON "QuestionnaireAnswer"("responseId");

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_createdAt_idx" ON "QuestionnaireAnswer"("createdAt");

-- CreateIndex
CREATE INDEX "PaperTally_programmeId_sessionDate_idx" ON "PaperTally"("programmeId", "sessionDate");

-- CreateIndex
CREATE UNIQUE INDEX "PaperTally_sessionId_sitting_key" ON "PaperTally"("sessionId", "sitting");

-- CreateIndex
CREATE INDEX "PaperTallyCount_tallyId_idx" ON "PaperTallyCount"("tallyId");

-- CreateIndex
CREATE INDEX "PaperTallyCount_questionId_idx" ON "PaperTallyCount"("questionId");

