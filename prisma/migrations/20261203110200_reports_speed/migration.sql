-- Pupils reached per session, in all and by year group and by sex, kept by triggers in the same transaction as every
-- write to AttendanceCount, so the reports sum sessions instead of joining every count row (docs/decisions/023-reports-speed.md).
ALTER TABLE "Session" ADD COLUMN "pupilCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY5" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY6" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY7" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY8" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY9" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY10" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY11" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY12" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsY13" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsOtherYear" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsGirl" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsBoy" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsOtherSex" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "pupilsSexNotRecorded" INTEGER NOT NULL DEFAULT 0;

UPDATE "Session" SET "pupilCount" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id"), 0),
    "pupilsY5" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y5'), 0),
    "pupilsY6" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y6'), 0),
    "pupilsY7" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y7'), 0),
    "pupilsY8" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y8'), 0),
    "pupilsY9" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y9'), 0),
    "pupilsY10" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y10'), 0),
    "pupilsY11" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y11'), 0),
    "pupilsY12" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y12'), 0),
    "pupilsY13" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" = 'Y13'), 0),
    "pupilsOtherYear" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."yearGroup" NOT IN ('Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13')), 0),
    "pupilsGirl" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."sex" = 'GIRL'), 0),
    "pupilsBoy" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."sex" = 'BOY'), 0),
    "pupilsOtherSex" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."sex" = 'OTHER'), 0),
    "pupilsSexNotRecorded" = COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id" AND a."sex" = 'NOT_RECORDED'), 0);

-- Covering indexes for the reports: delivered sessions of a period, schools in the area.
DROP INDEX "Session_status_startsAt_idx";
CREATE INDEX "Session_status_startsAt_programmeId_venueId_pupilCount_id_idx" ON "Session"("status", "startsAt", "programmeId", "venueId", "pupilCount", "id");
DROP INDEX "Venue_kind_status_idx";
CREATE INDEX "Venue_kind_status_archivedAt_year10Count_id_idx" ON "Venue"("kind", "status", "archivedAt", "year10Count", "id");

CREATE TRIGGER "AttendanceCount_pupils_insert" AFTER INSERT ON "AttendanceCount"
BEGIN
    UPDATE "Session" SET "pupilCount" = "pupilCount" + NEW."count",
        "pupilsY5" = "pupilsY5" + CASE WHEN NEW."yearGroup" = 'Y5' THEN NEW."count" ELSE 0 END,
        "pupilsY6" = "pupilsY6" + CASE WHEN NEW."yearGroup" = 'Y6' THEN NEW."count" ELSE 0 END,
        "pupilsY7" = "pupilsY7" + CASE WHEN NEW."yearGroup" = 'Y7' THEN NEW."count" ELSE 0 END,
        "pupilsY8" = "pupilsY8" + CASE WHEN NEW."yearGroup" = 'Y8' THEN NEW."count" ELSE 0 END,
        "pupilsY9" = "pupilsY9" + CASE WHEN NEW."yearGroup" = 'Y9' THEN NEW."count" ELSE 0 END,
        "pupilsY10" = "pupilsY10" + CASE WHEN NEW."yearGroup" = 'Y10' THEN NEW."count" ELSE 0 END,
        "pupilsY11" = "pupilsY11" + CASE WHEN NEW."yearGroup" = 'Y11' THEN NEW."count" ELSE 0 END,
        "pupilsY12" = "pupilsY12" + CASE WHEN NEW."yearGroup" = 'Y12' THEN NEW."count" ELSE 0 END,
        "pupilsY13" = "pupilsY13" + CASE WHEN NEW."yearGroup" = 'Y13' THEN NEW."count" ELSE 0 END,
        "pupilsOtherYear" = "pupilsOtherYear" + CASE WHEN NEW."yearGroup" NOT IN ('Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13') THEN NEW."count" ELSE 0 END,
        "pupilsGirl" = "pupilsGirl" + CASE WHEN NEW."sex" = 'GIRL' THEN NEW."count" ELSE 0 END,
        "pupilsBoy" = "pupilsBoy" + CASE WHEN NEW."sex" = 'BOY' THEN NEW."count" ELSE 0 END,
        "pupilsOtherSex" = "pupilsOtherSex" + CASE WHEN NEW."sex" = 'OTHER' THEN NEW."count" ELSE 0 END,
        "pupilsSexNotRecorded" = "pupilsSexNotRecorded" + CASE WHEN NEW."sex" = 'NOT_RECORDED' THEN NEW."count" ELSE 0 END WHERE "id" = NEW."sessionId";
END;

CREATE TRIGGER "AttendanceCount_pupils_update" AFTER UPDATE OF "count", "sessionId", "yearGroup", "sex" ON "AttendanceCount"
BEGIN
    UPDATE "Session" SET "pupilCount" = "pupilCount" - OLD."count",
        "pupilsY5" = "pupilsY5" - CASE WHEN OLD."yearGroup" = 'Y5' THEN OLD."count" ELSE 0 END,
        "pupilsY6" = "pupilsY6" - CASE WHEN OLD."yearGroup" = 'Y6' THEN OLD."count" ELSE 0 END,
        "pupilsY7" = "pupilsY7" - CASE WHEN OLD."yearGroup" = 'Y7' THEN OLD."count" ELSE 0 END,
        "pupilsY8" = "pupilsY8" - CASE WHEN OLD."yearGroup" = 'Y8' THEN OLD."count" ELSE 0 END,
        "pupilsY9" = "pupilsY9" - CASE WHEN OLD."yearGroup" = 'Y9' THEN OLD."count" ELSE 0 END,
        "pupilsY10" = "pupilsY10" - CASE WHEN OLD."yearGroup" = 'Y10' THEN OLD."count" ELSE 0 END,
        "pupilsY11" = "pupilsY11" - CASE WHEN OLD."yearGroup" = 'Y11' THEN OLD."count" ELSE 0 END,
        "pupilsY12" = "pupilsY12" - CASE WHEN OLD."yearGroup" = 'Y12' THEN OLD."count" ELSE 0 END,
        "pupilsY13" = "pupilsY13" - CASE WHEN OLD."yearGroup" = 'Y13' THEN OLD."count" ELSE 0 END,
        "pupilsOtherYear" = "pupilsOtherYear" - CASE WHEN OLD."yearGroup" NOT IN ('Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13') THEN OLD."count" ELSE 0 END,
        "pupilsGirl" = "pupilsGirl" - CASE WHEN OLD."sex" = 'GIRL' THEN OLD."count" ELSE 0 END,
        "pupilsBoy" = "pupilsBoy" - CASE WHEN OLD."sex" = 'BOY' THEN OLD."count" ELSE 0 END,
        "pupilsOtherSex" = "pupilsOtherSex" - CASE WHEN OLD."sex" = 'OTHER' THEN OLD."count" ELSE 0 END,
        "pupilsSexNotRecorded" = "pupilsSexNotRecorded" - CASE WHEN OLD."sex" = 'NOT_RECORDED' THEN OLD."count" ELSE 0 END WHERE "id" = OLD."sessionId";
    UPDATE "Session" SET "pupilCount" = "pupilCount" + NEW."count",
        "pupilsY5" = "pupilsY5" + CASE WHEN NEW."yearGroup" = 'Y5' THEN NEW."count" ELSE 0 END,
        "pupilsY6" = "pupilsY6" + CASE WHEN NEW."yearGroup" = 'Y6' THEN NEW."count" ELSE 0 END,
        "pupilsY7" = "pupilsY7" + CASE WHEN NEW."yearGroup" = 'Y7' THEN NEW."count" ELSE 0 END,
        "pupilsY8" = "pupilsY8" + CASE WHEN NEW."yearGroup" = 'Y8' THEN NEW."count" ELSE 0 END,
        "pupilsY9" = "pupilsY9" + CASE WHEN NEW."yearGroup" = 'Y9' THEN NEW."count" ELSE 0 END,
        "pupilsY10" = "pupilsY10" + CASE WHEN NEW."yearGroup" = 'Y10' THEN NEW."count" ELSE 0 END,
        "pupilsY11" = "pupilsY11" + CASE WHEN NEW."yearGroup" = 'Y11' THEN NEW."count" ELSE 0 END,
        "pupilsY12" = "pupilsY12" + CASE WHEN NEW."yearGroup" = 'Y12' THEN NEW."count" ELSE 0 END,
        "pupilsY13" = "pupilsY13" + CASE WHEN NEW."yearGroup" = 'Y13' THEN NEW."count" ELSE 0 END,
        "pupilsOtherYear" = "pupilsOtherYear" + CASE WHEN NEW."yearGroup" NOT IN ('Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13') THEN NEW."count" ELSE 0 END,
        "pupilsGirl" = "pupilsGirl" + CASE WHEN NEW."sex" = 'GIRL' THEN NEW."count" ELSE 0 END,
        "pupilsBoy" = "pupilsBoy" + CASE WHEN NEW."sex" = 'BOY' THEN NEW."count" ELSE 0 END,
        "pupilsOtherSex" = "pupilsOtherSex" + CASE WHEN NEW."sex" = 'OTHER' THEN NEW."count" ELSE 0 END,
        "pupilsSexNotRecorded" = "pupilsSexNotRecorded" + CASE WHEN NEW."sex" = 'NOT_RECORDED' THEN NEW."count" ELSE 0 END WHERE "id" = NEW."sessionId";
END;

CREATE TRIGGER "AttendanceCount_pupils_delete" AFTER DELETE ON "AttendanceCount"
BEGIN
    UPDATE "Session" SET "pupilCount" = "pupilCount" - OLD."count",
        "pupilsY5" = "pupilsY5" - CASE WHEN OLD."yearGroup" = 'Y5' THEN OLD."count" ELSE 0 END,
        "pupilsY6" = "pupilsY6" - CASE WHEN OLD."yearGroup" = 'Y6' THEN OLD."count" ELSE 0 END,
        "pupilsY7" = "pupilsY7" - CASE WHEN OLD."yearGroup" = 'Y7' THEN OLD."count" ELSE 0 END,
        "pupilsY8" = "pupilsY8" - CASE WHEN OLD."yearGroup" = 'Y8' THEN OLD."count" ELSE 0 END,
        "pupilsY9" = "pupilsY9" - CASE WHEN OLD."yearGroup" = 'Y9' THEN OLD."count" ELSE 0 END,
        "pupilsY10" = "pupilsY10" - CASE WHEN OLD."yearGroup" = 'Y10' THEN OLD."count" ELSE 0 END,
        "pupilsY11" = "pupilsY11" - CASE WHEN OLD."yearGroup" = 'Y11' THEN OLD."count" ELSE 0 END,
        "pupilsY12" = "pupilsY12" - CASE WHEN OLD."yearGroup" = 'Y12' THEN OLD."count" ELSE 0 END,
        "pupilsY13" = "pupilsY13" - CASE WHEN OLD."yearGroup" = 'Y13' THEN OLD."count" ELSE 0 END,
        "pupilsOtherYear" = "pupilsOtherYear" - CASE WHEN OLD."yearGroup" NOT IN ('Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13') THEN OLD."count" ELSE 0 END,
        "pupilsGirl" = "pupilsGirl" - CASE WHEN OLD."sex" = 'GIRL' THEN OLD."count" ELSE 0 END,
        "pupilsBoy" = "pupilsBoy" - CASE WHEN OLD."sex" = 'BOY' THEN OLD."count" ELSE 0 END,
        "pupilsOtherSex" = "pupilsOtherSex" - CASE WHEN OLD."sex" = 'OTHER' THEN OLD."count" ELSE 0 END,
        "pupilsSexNotRecorded" = "pupilsSexNotRecorded" - CASE WHEN OLD."sex" = 'NOT_RECORDED' THEN OLD."count" ELSE 0 END WHERE "id" = OLD."sessionId";
END;
