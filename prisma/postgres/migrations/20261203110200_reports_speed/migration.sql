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

UPDATE "Session" s SET "pupilCount" = t."pupilCount",
    "pupilsY5" = t."pupilsY5",
    "pupilsY6" = t."pupilsY6",
    "pupilsY7" = t."pupilsY7",
    "pupilsY8" = t."pupilsY8",
    "pupilsY9" = t."pupilsY9",
    "pupilsY10" = t."pupilsY10",
    "pupilsY11" = t."pupilsY11",
    "pupilsY12" = t."pupilsY12",
    "pupilsY13" = t."pupilsY13",
    "pupilsOtherYear" = t."pupilsOtherYear",
    "pupilsGirl" = t."pupilsGirl",
    "pupilsBoy" = t."pupilsBoy",
    "pupilsOtherSex" = t."pupilsOtherSex",
    "pupilsSexNotRecorded" = t."pupilsSexNotRecorded"
FROM (SELECT "sessionId", SUM("count") AS "pupilCount",
    SUM(CASE WHEN "yearGroup" = 'Y5' THEN "count" ELSE 0 END) AS "pupilsY5",
    SUM(CASE WHEN "yearGroup" = 'Y6' THEN "count" ELSE 0 END) AS "pupilsY6",
    SUM(CASE WHEN "yearGroup" = 'Y7' THEN "count" ELSE 0 END) AS "pupilsY7",
    SUM(CASE WHEN "yearGroup" = 'Y8' THEN "count" ELSE 0 END) AS "pupilsY8",
    SUM(CASE WHEN "yearGroup" = 'Y9' THEN "count" ELSE 0 END) AS "pupilsY9",
    SUM(CASE WHEN "yearGroup" = 'Y10' THEN "count" ELSE 0 END) AS "pupilsY10",
    SUM(CASE WHEN "yearGroup" = 'Y11' THEN "count" ELSE 0 END) AS "pupilsY11",
    SUM(CASE WHEN "yearGroup" = 'Y12' THEN "count" ELSE 0 END) AS "pupilsY12",
    SUM(CASE WHEN "yearGroup" = 'Y13' THEN "count" ELSE 0 END) AS "pupilsY13",
    SUM(CASE WHEN "yearGroup" NOT IN ('Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13') THEN "count" ELSE 0 END) AS "pupilsOtherYear",
    SUM(CASE WHEN "sex" = 'GIRL' THEN "count" ELSE 0 END) AS "pupilsGirl",
    SUM(CASE WHEN "sex" = 'BOY' THEN "count" ELSE 0 END) AS "pupilsBoy",
    SUM(CASE WHEN "sex" = 'OTHER' THEN "count" ELSE 0 END) AS "pupilsOtherSex",
    SUM(CASE WHEN "sex" = 'NOT_RECORDED' THEN "count" ELSE 0 END) AS "pupilsSexNotRecorded"
  FROM "AttendanceCount" GROUP BY "sessionId") t
WHERE t."sessionId" = s."id";

-- Covering indexes for the reports: delivered sessions of a period, schools in the area.
DROP INDEX "Session_status_startsAt_idx";
CREATE INDEX "Session_status_startsAt_programmeId_venueId_pupilCount_id_idx" ON "Session"("status", "startsAt", "programmeId", "venueId", "pupilCount", "id");
DROP INDEX "Venue_kind_status_idx";
CREATE INDEX "Venue_kind_status_archivedAt_year10Count_id_idx" ON "Venue"("kind", "status", "archivedAt", "year10Count", "id");

CREATE FUNCTION "attendance_count_session_pupils"() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
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
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
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
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AttendanceCount_session_pupils" AFTER INSERT OR DELETE OR UPDATE OF "count", "sessionId", "yearGroup", "sex" ON "AttendanceCount"
FOR EACH ROW EXECUTE FUNCTION "attendance_count_session_pupils"();
