-- Pupils reached per session, kept by triggers in the same transaction as every write to AttendanceCount, so the
-- reports sum sessions instead of joining every count row (docs/decisions/023-reports-speed.md).
ALTER TABLE "Session" ADD COLUMN "pupilCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "Session" s SET "pupilCount" = t."pupils"
FROM (SELECT "sessionId", SUM("count") AS "pupils" FROM "AttendanceCount" GROUP BY "sessionId") t
WHERE t."sessionId" = s."id";

-- CreateIndex
CREATE INDEX "AttendanceCount_sessionId_yearGroup_sex_count_idx" ON "AttendanceCount"("sessionId", "yearGroup", "sex", "count");

CREATE FUNCTION "attendance_count_pupil_count"() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE "Session" SET "pupilCount" = "pupilCount" - OLD."count" WHERE "id" = OLD."sessionId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE "Session" SET "pupilCount" = "pupilCount" + NEW."count" WHERE "id" = NEW."sessionId";
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AttendanceCount_pupilCount" AFTER INSERT OR DELETE OR UPDATE OF "count", "sessionId" ON "AttendanceCount"
FOR EACH ROW EXECUTE FUNCTION "attendance_count_pupil_count"();
