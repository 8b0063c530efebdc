-- Disclosures at each session (by risk level, and referred) kept on Session by triggers on Disclosure, and what the
-- sessions delivered on each London day add up to for each programme (DeliveredDay) kept by triggers on Session, so a
-- report sums a few hundred summary rows a year instead of every session and disclosure (docs/decisions/029-delivered-days.md).
ALTER TABLE "Session" ADD COLUMN "disclosuresLow" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "disclosuresMedium" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "disclosuresHigh" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "referrals" INTEGER NOT NULL DEFAULT 0;

UPDATE "Session" s SET "disclosuresLow" = t."low", "disclosuresMedium" = t."medium", "disclosuresHigh" = t."high", "referrals" = t."referred"
FROM (SELECT d."sessionId", SUM(CASE WHEN d."risk" = 'LOW' THEN 1 ELSE 0 END) AS "low", SUM(CASE WHEN d."risk" = 'MEDIUM' THEN 1 ELSE 0 END) AS "medium", SUM(CASE WHEN d."risk" = 'HIGH' THEN 1 ELSE 0 END) AS "high", SUM(CASE WHEN d."referralTo" IS NULL THEN 0 ELSE 1 END) AS "referred"
      FROM "Disclosure" d WHERE d."sessionId" IS NOT NULL GROUP BY d."sessionId") t
WHERE t."sessionId" = s."id";

DROP INDEX "Session_status_startsAt_programmeId_venueId_pupilCount_id_idx";
CREATE INDEX "Session_status_startsAt_venueId_pupilsY10_programmeId_idx" ON "Session"("status", "startsAt", "venueId", "pupilsY10", "programmeId");

CREATE FUNCTION "disclosure_session_counts"() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."sessionId" IS NOT NULL THEN
        UPDATE "Session" SET "disclosuresLow" = "disclosuresLow" - CASE WHEN OLD."risk" = 'LOW' THEN 1 ELSE 0 END,
        "disclosuresMedium" = "disclosuresMedium" - CASE WHEN OLD."risk" = 'MEDIUM' THEN 1 ELSE 0 END,
        "disclosuresHigh" = "disclosuresHigh" - CASE WHEN OLD."risk" = 'HIGH' THEN 1 ELSE 0 END,
        "referrals" = "referrals" - CASE WHEN OLD."referralTo" IS NULL THEN 0 ELSE 1 END WHERE "id" = OLD."sessionId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."sessionId" IS NOT NULL THEN
        UPDATE "Session" SET "disclosuresLow" = "disclosuresLow" + CASE WHEN NEW."risk" = 'LOW' THEN 1 ELSE 0 END,
        "disclosuresMedium" = "disclosuresMedium" + CASE WHEN NEW."risk" = 'MEDIUM' THEN 1 ELSE 0 END,
        "disclosuresHigh" = "disclosuresHigh" + CASE WHEN NEW."risk" = 'HIGH' THEN 1 ELSE 0 END,
        "referrals" = "referrals" + CASE WHEN NEW."referralTo" IS NULL THEN 0 ELSE 1 END WHERE "id" = NEW."sessionId";
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Disclosure_session_counts" AFTER INSERT OR DELETE OR UPDATE OF "sessionId", "risk", "referralTo" ON "Disclosure"
FOR EACH ROW EXECUTE FUNCTION "disclosure_session_counts"();

CREATE TABLE "DeliveredDay" (
    "day" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "pupilCount" INTEGER NOT NULL DEFAULT 0,
    "pupilsY5" INTEGER NOT NULL DEFAULT 0,
    "pupilsY6" INTEGER NOT NULL DEFAULT 0,
    "pupilsY7" INTEGER NOT NULL DEFAULT 0,
    "pupilsY8" INTEGER NOT NULL DEFAULT 0,
    "pupilsY9" INTEGER NOT NULL DEFAULT 0,
    "pupilsY10" INTEGER NOT NULL DEFAULT 0,
    "pupilsY11" INTEGER NOT NULL DEFAULT 0,
    "pupilsY12" INTEGER NOT NULL DEFAULT 0,
    "pupilsY13" INTEGER NOT NULL DEFAULT 0,
    "pupilsOtherYear" INTEGER NOT NULL DEFAULT 0,
    "pupilsGirl" INTEGER NOT NULL DEFAULT 0,
    "pupilsBoy" INTEGER NOT NULL DEFAULT 0,
    "pupilsOtherSex" INTEGER NOT NULL DEFAULT 0,
    "pupilsSexNotRecorded" INTEGER NOT NULL DEFAULT 0,
    "headcount" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "leafletsGiven" INTEGER NOT NULL DEFAULT 0,
    "adultsPresent" INTEGER NOT NULL DEFAULT 0,
    "disclosuresLow" INTEGER NOT NULL DEFAULT 0,
    "disclosuresMedium" INTEGER NOT NULL DEFAULT 0,
    "disclosuresHigh" INTEGER NOT NULL DEFAULT 0,
    "referrals" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DeliveredDay_pkey" PRIMARY KEY ("day","programmeId")
);

INSERT INTO "DeliveredDay" ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
    SELECT to_char((s."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD'), s."programmeId", COUNT(*), SUM(s."pupilCount"), SUM(s."pupilsY5"), SUM(s."pupilsY6"), SUM(s."pupilsY7"), SUM(s."pupilsY8"), SUM(s."pupilsY9"), SUM(s."pupilsY10"), SUM(s."pupilsY11"), SUM(s."pupilsY12"), SUM(s."pupilsY13"), SUM(s."pupilsOtherYear"), SUM(s."pupilsGirl"), SUM(s."pupilsBoy"), SUM(s."pupilsOtherSex"), SUM(s."pupilsSexNotRecorded"), SUM(COALESCE(s."headcount", 0)), SUM(COALESCE(s."conversations", 0)), SUM(COALESCE(s."leafletsGiven", 0)), SUM(COALESCE(s."adultsPresent", 0)), SUM(s."disclosuresLow"), SUM(s."disclosuresMedium"), SUM(s."disclosuresHigh"), SUM(s."referrals")
    FROM "Session" s WHERE s."status" = 'DELIVERED' GROUP BY 1, 2;

-- Statement triggers with transition tables: a bulk insert adds each day once, and every statement takes the summary
-- rows in key order, so two writers never lock them in opposite orders.
CREATE FUNCTION "session_delivered_days"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "DeliveredDay" AS c ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
        SELECT "day", "programmeId", SUM("sessions"), SUM("pupilCount"), SUM("pupilsY5"), SUM("pupilsY6"), SUM("pupilsY7"), SUM("pupilsY8"), SUM("pupilsY9"), SUM("pupilsY10"), SUM("pupilsY11"), SUM("pupilsY12"), SUM("pupilsY13"), SUM("pupilsOtherYear"), SUM("pupilsGirl"), SUM("pupilsBoy"), SUM("pupilsOtherSex"), SUM("pupilsSexNotRecorded"), SUM("headcount"), SUM("conversations"), SUM("leafletsGiven"), SUM("adultsPresent"), SUM("disclosuresLow"), SUM("disclosuresMedium"), SUM("disclosuresHigh"), SUM("referrals") FROM (SELECT to_char((n."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "day", n."programmeId" AS "programmeId", 1 AS "sessions", n."pupilCount" AS "pupilCount", n."pupilsY5" AS "pupilsY5", n."pupilsY6" AS "pupilsY6", n."pupilsY7" AS "pupilsY7", n."pupilsY8" AS "pupilsY8", n."pupilsY9" AS "pupilsY9", n."pupilsY10" AS "pupilsY10", n."pupilsY11" AS "pupilsY11", n."pupilsY12" AS "pupilsY12", n."pupilsY13" AS "pupilsY13", n."pupilsOtherYear" AS "pupilsOtherYear", n."pupilsGirl" AS "pupilsGirl", n."pupilsBoy" AS "pupilsBoy", n."pupilsOtherSex" AS "pupilsOtherSex", n."pupilsSexNotRecorded" AS "pupilsSexNotRecorded", COALESCE(n."headcount", 0) AS "headcount", COALESCE(n."conversations", 0) AS "conversations", COALESCE(n."leafletsGiven", 0) AS "leafletsGiven", COALESCE(n."adultsPresent", 0) AS "adultsPresent", n."disclosuresLow" AS "disclosuresLow", n."disclosuresMedium" AS "disclosuresMedium", n."disclosuresHigh" AS "disclosuresHigh", n."referrals" AS "referrals" FROM new_rows n WHERE n."status" = 'DELIVERED') d
        GROUP BY 1, 2 HAVING SUM("sessions") <> 0 OR SUM("pupilCount") <> 0 OR SUM("pupilsY5") <> 0 OR SUM("pupilsY6") <> 0 OR SUM("pupilsY7") <> 0 OR SUM("pupilsY8") <> 0 OR SUM("pupilsY9") <> 0 OR SUM("pupilsY10") <> 0 OR SUM("pupilsY11") <> 0 OR SUM("pupilsY12") <> 0 OR SUM("pupilsY13") <> 0 OR SUM("pupilsOtherYear") <> 0 OR SUM("pupilsGirl") <> 0 OR SUM("pupilsBoy") <> 0 OR SUM("pupilsOtherSex") <> 0 OR SUM("pupilsSexNotRecorded") <> 0 OR SUM("headcount") <> 0 OR SUM("conversations") <> 0 OR SUM("leafletsGiven") <> 0 OR SUM("adultsPresent") <> 0 OR SUM("disclosuresLow") <> 0 OR SUM("disclosuresMedium") <> 0 OR SUM("disclosuresHigh") <> 0 OR SUM("referrals") <> 0 ORDER BY 1, 2
        ON CONFLICT ("day", "programmeId") DO UPDATE SET "pupilCount" = c."pupilCount" + EXCLUDED."pupilCount", "pupilsY5" = c."pupilsY5" + EXCLUDED."pupilsY5", "pupilsY6" = c."pupilsY6" + EXCLUDED."pupilsY6", "pupilsY7" = c."pupilsY7" + EXCLUDED."pupilsY7", "pupilsY8" = c."pupilsY8" + EXCLUDED."pupilsY8", "pupilsY9" = c."pupilsY9" + EXCLUDED."pupilsY9", "pupilsY10" = c."pupilsY10" + EXCLUDED."pupilsY10", "pupilsY11" = c."pupilsY11" + EXCLUDED."pupilsY11", "pupilsY12" = c."pupilsY12" + EXCLUDED."pupilsY12", "pupilsY13" = c."pupilsY13" + EXCLUDED."pupilsY13", "pupilsOtherYear" = c."pupilsOtherYear" + EXCLUDED."pupilsOtherYear", "pupilsGirl" = c."pupilsGirl" + EXCLUDED."pupilsGirl", "pupilsBoy" = c."pupilsBoy" + EXCLUDED."pupilsBoy", "pupilsOtherSex" = c."pupilsOtherSex" + EXCLUDED."pupilsOtherSex", "pupilsSexNotRecorded" = c."pupilsSexNotRecorded" + EXCLUDED."pupilsSexNotRecorded", "headcount" = c."headcount" + EXCLUDED."headcount", "conversations" = c."conversations" + EXCLUDED."conversations", "leafletsGiven" = c."leafletsGiven" + EXCLUDED."leafletsGiven", "adultsPresent" = c."adultsPresent" + EXCLUDED."adultsPresent", "disclosuresLow" = c."disclosuresLow" + EXCLUDED."disclosuresLow", "disclosuresMedium" = c."disclosuresMedium" + EXCLUDED."disclosuresMedium", "disclosuresHigh" = c."disclosuresHigh" + EXCLUDED."disclosuresHigh", "referrals" = c."referrals" + EXCLUDED."referrals", "sessions" = c."sessions" + EXCLUDED."sessions";
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO "DeliveredDay" AS c ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
        SELECT "day", "programmeId", SUM("sessions"), SUM("pupilCount"), SUM("pupilsY5"), SUM("pupilsY6"), SUM("pupilsY7"), SUM("pupilsY8"), SUM("pupilsY9"), SUM("pupilsY10"), SUM("pupilsY11"), SUM("pupilsY12"), SUM("pupilsY13"), SUM("pupilsOtherYear"), SUM("pupilsGirl"), SUM("pupilsBoy"), SUM("pupilsOtherSex"), SUM("pupilsSexNotRecorded"), SUM("headcount"), SUM("conversations"), SUM("leafletsGiven"), SUM("adultsPresent"), SUM("disclosuresLow"), SUM("disclosuresMedium"), SUM("disclosuresHigh"), SUM("referrals") FROM (SELECT to_char((o."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "day", o."programmeId" AS "programmeId", -1 AS "sessions", -o."pupilCount" AS "pupilCount", -o."pupilsY5" AS "pupilsY5", -o."pupilsY6" AS "pupilsY6", -o."pupilsY7" AS "pupilsY7", -o."pupilsY8" AS "pupilsY8", -o."pupilsY9" AS "pupilsY9", -o."pupilsY10" AS "pupilsY10", -o."pupilsY11" AS "pupilsY11", -o."pupilsY12" AS "pupilsY12", -o."pupilsY13" AS "pupilsY13", -o."pupilsOtherYear" AS "pupilsOtherYear", -o."pupilsGirl" AS "pupilsGirl", -o."pupilsBoy" AS "pupilsBoy", -o."pupilsOtherSex" AS "pupilsOtherSex", -o."pupilsSexNotRecorded" AS "pupilsSexNotRecorded", -COALESCE(o."headcount", 0) AS "headcount", -COALESCE(o."conversations", 0) AS "conversations", -COALESCE(o."leafletsGiven", 0) AS "leafletsGiven", -COALESCE(o."adultsPresent", 0) AS "adultsPresent", -o."disclosuresLow" AS "disclosuresLow", -o."disclosuresMedium" AS "disclosuresMedium", -o."disclosuresHigh" AS "disclosuresHigh", -o."referrals" AS "referrals" FROM old_rows o WHERE o."status" = 'DELIVERED') d
        GROUP BY 1, 2 HAVING SUM("sessions") <> 0 OR SUM("pupilCount") <> 0 OR SUM("pupilsY5") <> 0 OR SUM("pupilsY6") <> 0 OR SUM("pupilsY7") <> 0 OR SUM("pupilsY8") <> 0 OR SUM("pupilsY9") <> 0 OR SUM("pupilsY10") <> 0 OR SUM("pupilsY11") <> 0 OR SUM("pupilsY12") <> 0 OR SUM("pupilsY13") <> 0 OR SUM("pupilsOtherYear") <> 0 OR SUM("pupilsGirl") <> 0 OR SUM("pupilsBoy") <> 0 OR SUM("pupilsOtherSex") <> 0 OR SUM("pupilsSexNotRecorded") <> 0 OR SUM("headcount") <> 0 OR SUM("conversations") <> 0 OR SUM("leafletsGiven") <> 0 OR SUM("adultsPresent") <> 0 OR SUM("disclosuresLow") <> 0 OR SUM("disclosuresMedium") <> 0 OR SUM("disclosuresHigh") <> 0 OR SUM("referrals") <> 0 ORDER BY 1, 2
        ON CONFLICT ("day", "programmeId") DO UPDATE SET "pupilCount" = c."pupilCount" + EXCLUDED."pupilCount", "pupilsY5" = c."pupilsY5" + EXCLUDED."pupilsY5", "pupilsY6" = c."pupilsY6" + EXCLUDED."pupilsY6", "pupilsY7" = c."pupilsY7" + EXCLUDED."pupilsY7", "pupilsY8" = c."pupilsY8" + EXCLUDED."pupilsY8", "pupilsY9" = c."pupilsY9" + EXCLUDED."pupilsY9", "pupilsY10" = c."pupilsY10" + EXCLUDED."pupilsY10", "pupilsY11" = c."pupilsY11" + EXCLUDED."pupilsY11", "pupilsY12" = c."pupilsY12" + EXCLUDED."pupilsY12", "pupilsY13" = c."pupilsY13" + EXCLUDED."pupilsY13", "pupilsOtherYear" = c."pupilsOtherYear" + EXCLUDED."pupilsOtherYear", "pupilsGirl" = c."pupilsGirl" + EXCLUDED."pupilsGirl", "pupilsBoy" = c."pupilsBoy" + EXCLUDED."pupilsBoy", "pupilsOtherSex" = c."pupilsOtherSex" + EXCLUDED."pupilsOtherSex", "pupilsSexNotRecorded" = c."pupilsSexNotRecorded" + EXCLUDED."pupilsSexNotRecorded", "headcount" = c."headcount" + EXCLUDED."headcount", "conversations" = c."conversations" + EXCLUDED."conversations", "leafletsGiven" = c."leafletsGiven" + EXCLUDED."leafletsGiven", "adultsPresent" = c."adultsPresent" + EXCLUDED."adultsPresent", "disclosuresLow" = c."disclosuresLow" + EXCLUDED."disclosuresLow", "disclosuresMedium" = c."disclosuresMedium" + EXCLUDED."disclosuresMedium", "disclosuresHigh" = c."disclosuresHigh" + EXCLUDED."disclosuresHigh", "referrals" = c."referrals" + EXCLUDED."referrals", "sessions" = c."sessions" + EXCLUDED."sessions";
    ELSE
        INSERT INTO "DeliveredDay" AS c ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
        SELECT "day", "programmeId", SUM("sessions"), SUM("pupilCount"), SUM("pupilsY5"), SUM("pupilsY6"), SUM("pupilsY7"), SUM("pupilsY8"), SUM("pupilsY9"), SUM("pupilsY10"), SUM("pupilsY11"), SUM("pupilsY12"), SUM("pupilsY13"), SUM("pupilsOtherYear"), SUM("pupilsGirl"), SUM("pupilsBoy"), SUM("pupilsOtherSex"), SUM("pupilsSexNotRecorded"), SUM("headcount"), SUM("conversations"), SUM("leafletsGiven"), SUM("adultsPresent"), SUM("disclosuresLow"), SUM("disclosuresMedium"), SUM("disclosuresHigh"), SUM("referrals") FROM (SELECT to_char((n."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "day", n."programmeId" AS "programmeId", 1 AS "sessions", n."pupilCount" AS "pupilCount", n."pupilsY5" AS "pupilsY5", n."pupilsY6" AS "pupilsY6", n."pupilsY7" AS "pupilsY7", n."pupilsY8" AS "pupilsY8", n."pupilsY9" AS "pupilsY9", n."pupilsY10" AS "pupilsY10", n."pupilsY11" AS "pupilsY11", n."pupilsY12" AS "pupilsY12", n."pupilsY13" AS "pupilsY13", n."pupilsOtherYear" AS "pupilsOtherYear", n."pupilsGirl" AS "pupilsGirl", n."pupilsBoy" AS "pupilsBoy", n."pupilsOtherSex" AS "pupilsOtherSex", n."pupilsSexNotRecorded" AS "pupilsSexNotRecorded", COALESCE(n."headcount", 0) AS "headcount", COALESCE(n."conversations", 0) AS "conversations", COALESCE(n."leafletsGiven", 0) AS "leafletsGiven", COALESCE(n."adultsPresent", 0) AS "adultsPresent", n."disclosuresLow" AS "disclosuresLow", n."disclosuresMedium" AS "disclosuresMedium", n."disclosuresHigh" AS "disclosuresHigh", n."referrals" AS "referrals" FROM new_rows n WHERE n."status" = 'DELIVERED' UNION ALL SELECT to_char((o."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "day", o."programmeId" AS "programmeId", -1 AS "sessions", -o."pupilCount" AS "pupilCount", -o."pupilsY5" AS "pupilsY5", -o."pupilsY6" AS "pupilsY6", -o."pupilsY7" AS "pupilsY7", -o."pupilsY8" AS "pupilsY8", -o."pupilsY9" AS "pupilsY9", -o."pupilsY10" AS "pupilsY10", -o."pupilsY11" AS "pupilsY11", -o."pupilsY12" AS "pupilsY12", -o."pupilsY13" AS "pupilsY13", -o."pupilsOtherYear" AS "pupilsOtherYear", -o."pupilsGirl" AS "pupilsGirl", -o."pupilsBoy" AS "pupilsBoy", -o."pupilsOtherSex" AS "pupilsOtherSex", -o."pupilsSexNotRecorded" AS "pupilsSexNotRecorded", -COALESCE(o."headcount", 0) AS "headcount", -COALESCE(o."conversations", 0) AS "conversations", -COALESCE(o."leafletsGiven", 0) AS "leafletsGiven", -COALESCE(o."adultsPresent", 0) AS "adultsPresent", -o."disclosuresLow" AS "disclosuresLow", -o."disclosuresMedium" AS "disclosuresMedium", -o."disclosuresHigh" AS "disclosuresHigh", -o."referrals" AS "referrals" FROM old_rows o WHERE o."status" = 'DELIVERED') d
        GROUP BY 1, 2 HAVING SUM("sessions") <> 0 OR SUM("pupilCount") <> 0 OR SUM("pupilsY5") <> 0 OR SUM("pupilsY6") <> 0 OR SUM("pupilsY7") <> 0 OR SUM("pupilsY8") <> 0 OR SUM("pupilsY9") <> 0 OR SUM("pupilsY10") <> 0 OR SUM("pupilsY11") <> 0 OR SUM("pupilsY12") <> 0 OR SUM("pupilsY13") <> 0 OR SUM("pupilsOtherYear") <> 0 OR SUM("pupilsGirl") <> 0 OR SUM("pupilsBoy") <> 0 OR SUM("pupilsOtherSex") <> 0 OR SUM("pupilsSexNotRecorded") <> 0 OR SUM("headcount") <> 0 OR SUM("conversations") <> 0 OR SUM("leafletsGiven") <> 0 OR SUM("adultsPresent") <> 0 OR SUM("disclosuresLow") <> 0 OR SUM("disclosuresMedium") <> 0 OR SUM("disclosuresHigh") <> 0 OR SUM("referrals") <> 0 ORDER BY 1, 2
        ON CONFLICT ("day", "programmeId") DO UPDATE SET "pupilCount" = c."pupilCount" + EXCLUDED."pupilCount", "pupilsY5" = c."pupilsY5" + EXCLUDED."pupilsY5", "pupilsY6" = c."pupilsY6" + EXCLUDED."pupilsY6", "pupilsY7" = c."pupilsY7" + EXCLUDED."pupilsY7", "pupilsY8" = c."pupilsY8" + EXCLUDED."pupilsY8", "pupilsY9" = c."pupilsY9" + EXCLUDED."pupilsY9", "pupilsY10" = c."pupilsY10" + EXCLUDED."pupilsY10", "pupilsY11" = c."pupilsY11" + EXCLUDED."pupilsY11", "pupilsY12" = c."pupilsY12" + EXCLUDED."pupilsY12", "pupilsY13" = c."pupilsY13" + EXCLUDED."pupilsY13", "pupilsOtherYear" = c."pupilsOtherYear" + EXCLUDED."pupilsOtherYear", "pupilsGirl" = c."pupilsGirl" + EXCLUDED."pupilsGirl", "pupilsBoy" = c."pupilsBoy" + EXCLUDED."pupilsBoy", "pupilsOtherSex" = c."pupilsOtherSex" + EXCLUDED."pupilsOtherSex", "pupilsSexNotRecorded" = c."pupilsSexNotRecorded" + EXCLUDED."pupilsSexNotRecorded", "headcount" = c."headcount" + EXCLUDED."headcount", "conversations" = c."conversations" + EXCLUDED."conversations", "leafletsGiven" = c."leafletsGiven" + EXCLUDED."leafletsGiven", "adultsPresent" = c."adultsPresent" + EXCLUDED."adultsPresent", "disclosuresLow" = c."disclosuresLow" + EXCLUDED."disclosuresLow", "disclosuresMedium" = c."disclosuresMedium" + EXCLUDED."disclosuresMedium", "disclosuresHigh" = c."disclosuresHigh" + EXCLUDED."disclosuresHigh", "referrals" = c."referrals" + EXCLUDED."referrals", "sessions" = c."sessions" + EXCLUDED."sessions";
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Session_delivered_day_insert" AFTER INSERT ON "Session" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "session_delivered_days"();
CREATE TRIGGER "Session_delivered_day_delete" AFTER DELETE ON "Session" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "session_delivered_days"();
CREATE TRIGGER "Session_delivered_day_update" AFTER UPDATE ON "Session" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "session_delivered_days"();
