-- Pupils reached per session, kept by triggers in the same transaction as every write to AttendanceCount, so the
-- reports sum sessions instead of joining every count row (docs/decisions/023-reports-speed.md).
ALTER TABLE "Session" ADD COLUMN "pupilCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "Session" SET "pupilCount" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id"), 0);

-- CreateIndex
CREATE INDEX "AttendanceCount_sessionId_yearGroup_sex_count_idx" ON "AttendanceCount"("sessionId", "yearGroup", "sex", "count");

CREATE TRIGGER "AttendanceCount_pupilCount_insert" AFTER INSERT ON "AttendanceCount"
BEGIN
    UPDATE "Session" SET "pupilCount" = "pupilCount" + NEW."count" WHERE "id" = NEW."sessionId";
END;

CREATE TRIGGER "AttendanceCount_pupilCount_update" AFTER UPDATE OF "count", "sessionId" ON "AttendanceCount"
BEGIN
    UPDATE "Session" SET "pupilCount" = "pupilCount" - OLD."count" WHERE "id" = OLD."sessionId";
    UPDATE "Session" SET "pupilCount" = "pupilCount" + NEW."count" WHERE "id" = NEW."sessionId";
END;

CREATE TRIGGER "AttendanceCount_pupilCount_delete" AFTER DELETE ON "AttendanceCount"
BEGIN
    UPDATE "Session" SET "pupilCount" = "pupilCount" - OLD."count" WHERE "id" = OLD."sessionId";
END;
