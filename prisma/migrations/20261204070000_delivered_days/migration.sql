-- Disclosures at each session (by risk level, and referred) kept on Session by triggers on Disclosure, and what the
-- sessions delivered on each London day add up to for each programme (DeliveredDay) kept by triggers on Session, so a
-- report sums a few hundred summary rows a year instead of every session and disclosure (docs/decisions/029-delivered-days.md).
ALTER TABLE "Session" ADD COLUMN "disclosuresLow" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "disclosuresMedium" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "disclosuresHigh" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "referrals" INTEGER NOT NULL DEFAULT 0;

UPDATE "Session" SET
    "disclosuresLow" = (SELECT COUNT(*) FROM "Disclosure" d WHERE d."sessionId" = "Session"."id" AND d."risk" = 'LOW'),
    "disclosuresMedium" = (SELECT COUNT(*) FROM "Disclosure" d WHERE d."sessionId" = "Session"."id" AND d."risk" = 'MEDIUM'),
    "disclosuresHigh" = (SELECT COUNT(*) FROM "Disclosure" d WHERE d."sessionId" = "Session"."id" AND d."risk" = 'HIGH'),
    "referrals" = (SELECT COUNT(*) FROM "Disclosure" d WHERE d."sessionId" = "Session"."id" AND d."referralTo" IS NOT NULL)
WHERE "id" IN (SELECT "sessionId" FROM "Disclosure");

DROP INDEX "Session_status_startsAt_programmeId_venueId_pupilCount_id_idx";
CREATE INDEX "Session_status_startsAt_venueId_pupilsY10_programmeId_id_idx" ON "Session"("status", "startsAt", "venueId", "pupilsY10", "programmeId", "id");
CREATE INDEX "RegisterEntry_sessionId_status_personId_idx" ON "RegisterEntry"("sessionId", "status", "personId");

CREATE TRIGGER "Disclosure_session_counts_insert" AFTER INSERT ON "Disclosure" WHEN NEW."sessionId" IS NOT NULL
BEGIN
    UPDATE "Session" SET "disclosuresLow" = "disclosuresLow" + CASE WHEN NEW."risk" = 'LOW' THEN 1 ELSE 0 END,
        "disclosuresMedium" = "disclosuresMedium" + CASE WHEN NEW."risk" = 'MEDIUM' THEN 1 ELSE 0 END,
        "disclosuresHigh" = "disclosuresHigh" + CASE WHEN NEW."risk" = 'HIGH' THEN 1 ELSE 0 END,
        "referrals" = "referrals" + CASE WHEN NEW."referralTo" IS NULL THEN 0 ELSE 1 END WHERE "id" = NEW."sessionId";
END;

CREATE TRIGGER "Disclosure_session_counts_update" AFTER UPDATE OF "sessionId", "risk", "referralTo" ON "Disclosure"
BEGIN
    UPDATE "Session" SET "disclosuresLow" = "disclosuresLow" - CASE WHEN OLD."risk" = 'LOW' THEN 1 ELSE 0 END,
        "disclosuresMedium" = "disclosuresMedium" - CASE WHEN OLD."risk" = 'MEDIUM' THEN 1 ELSE 0 END,
        "disclosuresHigh" = "disclosuresHigh" - CASE WHEN OLD."risk" = 'HIGH' THEN 1 ELSE 0 END,
        "referrals" = "referrals" - CASE WHEN OLD."referralTo" IS NULL THEN 0 ELSE 1 END WHERE "id" = OLD."sessionId";
    UPDATE "Session" SET "disclosuresLow" = "disclosuresLow" + CASE WHEN NEW."risk" = 'LOW' THEN 1 ELSE 0 END,
        "disclosuresMedium" = "disclosuresMedium" + CASE WHEN NEW."risk" = 'MEDIUM' THEN 1 ELSE 0 END,
        "disclosuresHigh" = "disclosuresHigh" + CASE WHEN NEW."risk" = 'HIGH' THEN 1 ELSE 0 END,
        "referrals" = "referrals" + CASE WHEN NEW."referralTo" IS NULL THEN 0 ELSE 1 END WHERE "id" = NEW."sessionId";
END;

CREATE TRIGGER "Disclosure_session_counts_delete" AFTER DELETE ON "Disclosure" WHEN OLD."sessionId" IS NOT NULL
BEGIN
    UPDATE "Session" SET "disclosuresLow" = "disclosuresLow" - CASE WHEN OLD."risk" = 'LOW' THEN 1 ELSE 0 END,
        "disclosuresMedium" = "disclosuresMedium" - CASE WHEN OLD."risk" = 'MEDIUM' THEN 1 ELSE 0 END,
        "disclosuresHigh" = "disclosuresHigh" - CASE WHEN OLD."risk" = 'HIGH' THEN 1 ELSE 0 END,
        "referrals" = "referrals" - CASE WHEN OLD."referralTo" IS NULL THEN 0 ELSE 1 END WHERE "id" = OLD."sessionId";
END;

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

    PRIMARY KEY ("day", "programmeId")
);

-- The London date of a UTC instant, without time zone tables: British Summer Time runs from 01:00 UTC on the last
-- Sunday of March to 01:00 UTC on the last Sunday of October (the first Sunday on or after the 25th).
INSERT INTO "DeliveredDay" ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
    SELECT date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END), s."programmeId", COUNT(*), SUM(s."pupilCount"), SUM(s."pupilsY5"), SUM(s."pupilsY6"), SUM(s."pupilsY7"), SUM(s."pupilsY8"), SUM(s."pupilsY9"), SUM(s."pupilsY10"), SUM(s."pupilsY11"), SUM(s."pupilsY12"), SUM(s."pupilsY13"), SUM(s."pupilsOtherYear"), SUM(s."pupilsGirl"), SUM(s."pupilsBoy"), SUM(s."pupilsOtherSex"), SUM(s."pupilsSexNotRecorded"), SUM(COALESCE(s."headcount", 0)), SUM(COALESCE(s."conversations", 0)), SUM(COALESCE(s."leafletsGiven", 0)), SUM(COALESCE(s."adultsPresent", 0)), SUM(s."disclosuresLow"), SUM(s."disclosuresMedium"), SUM(s."disclosuresHigh"), SUM(s."referrals")
    FROM "Session" s WHERE s."status" = 'DELIVERED' GROUP BY 1, 2;

CREATE TRIGGER "Session_delivered_day_insert" AFTER INSERT ON "Session" WHEN NEW."status" = 'DELIVERED'
BEGIN
    INSERT INTO "DeliveredDay" ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
        SELECT date(NEW."startsAt", CASE WHEN datetime(NEW."startsAt") >= datetime(date(strftime('%Y', NEW."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(NEW."startsAt") < datetime(date(strftime('%Y', NEW."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END), NEW."programmeId", 1, NEW."pupilCount", NEW."pupilsY5", NEW."pupilsY6", NEW."pupilsY7", NEW."pupilsY8", NEW."pupilsY9", NEW."pupilsY10", NEW."pupilsY11", NEW."pupilsY12", NEW."pupilsY13", NEW."pupilsOtherYear", NEW."pupilsGirl", NEW."pupilsBoy", NEW."pupilsOtherSex", NEW."pupilsSexNotRecorded", COALESCE(NEW."headcount", 0), COALESCE(NEW."conversations", 0), COALESCE(NEW."leafletsGiven", 0), COALESCE(NEW."adultsPresent", 0), NEW."disclosuresLow", NEW."disclosuresMedium", NEW."disclosuresHigh", NEW."referrals" WHERE true
        ON CONFLICT ("day", "programmeId") DO UPDATE SET "pupilCount" = "pupilCount" + excluded."pupilCount", "pupilsY5" = "pupilsY5" + excluded."pupilsY5", "pupilsY6" = "pupilsY6" + excluded."pupilsY6", "pupilsY7" = "pupilsY7" + excluded."pupilsY7", "pupilsY8" = "pupilsY8" + excluded."pupilsY8", "pupilsY9" = "pupilsY9" + excluded."pupilsY9", "pupilsY10" = "pupilsY10" + excluded."pupilsY10", "pupilsY11" = "pupilsY11" + excluded."pupilsY11", "pupilsY12" = "pupilsY12" + excluded."pupilsY12", "pupilsY13" = "pupilsY13" + excluded."pupilsY13", "pupilsOtherYear" = "pupilsOtherYear" + excluded."pupilsOtherYear", "pupilsGirl" = "pupilsGirl" + excluded."pupilsGirl", "pupilsBoy" = "pupilsBoy" + excluded."pupilsBoy", "pupilsOtherSex" = "pupilsOtherSex" + excluded."pupilsOtherSex", "pupilsSexNotRecorded" = "pupilsSexNotRecorded" + excluded."pupilsSexNotRecorded", "headcount" = "headcount" + excluded."headcount", "conversations" = "conversations" + excluded."conversations", "leafletsGiven" = "leafletsGiven" + excluded."leafletsGiven", "adultsPresent" = "adultsPresent" + excluded."adultsPresent", "disclosuresLow" = "disclosuresLow" + excluded."disclosuresLow", "disclosuresMedium" = "disclosuresMedium" + excluded."disclosuresMedium", "disclosuresHigh" = "disclosuresHigh" + excluded."disclosuresHigh", "referrals" = "referrals" + excluded."referrals", "sessions" = "sessions" + excluded."sessions";
END;

CREATE TRIGGER "Session_delivered_day_update" AFTER UPDATE OF "status", "startsAt", "programmeId", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals" ON "Session"
WHEN OLD."status" = 'DELIVERED' OR NEW."status" = 'DELIVERED'
BEGIN
    UPDATE "DeliveredDay" SET "sessions" = "sessions" - 1, "pupilCount" = "pupilCount" - OLD."pupilCount", "pupilsY5" = "pupilsY5" - OLD."pupilsY5", "pupilsY6" = "pupilsY6" - OLD."pupilsY6", "pupilsY7" = "pupilsY7" - OLD."pupilsY7", "pupilsY8" = "pupilsY8" - OLD."pupilsY8", "pupilsY9" = "pupilsY9" - OLD."pupilsY9", "pupilsY10" = "pupilsY10" - OLD."pupilsY10", "pupilsY11" = "pupilsY11" - OLD."pupilsY11", "pupilsY12" = "pupilsY12" - OLD."pupilsY12", "pupilsY13" = "pupilsY13" - OLD."pupilsY13", "pupilsOtherYear" = "pupilsOtherYear" - OLD."pupilsOtherYear", "pupilsGirl" = "pupilsGirl" - OLD."pupilsGirl", "pupilsBoy" = "pupilsBoy" - OLD."pupilsBoy", "pupilsOtherSex" = "pupilsOtherSex" - OLD."pupilsOtherSex", "pupilsSexNotRecorded" = "pupilsSexNotRecorded" - OLD."pupilsSexNotRecorded", "headcount" = "headcount" - COALESCE(OLD."headcount", 0), "conversations" = "conversations" - COALESCE(OLD."conversations", 0), "leafletsGiven" = "leafletsGiven" - COALESCE(OLD."leafletsGiven", 0), "adultsPresent" = "adultsPresent" - COALESCE(OLD."adultsPresent", 0), "disclosuresLow" = "disclosuresLow" - OLD."disclosuresLow", "disclosuresMedium" = "disclosuresMedium" - OLD."disclosuresMedium", "disclosuresHigh" = "disclosuresHigh" - OLD."disclosuresHigh", "referrals" = "referrals" - OLD."referrals"
        WHERE OLD."status" = 'DELIVERED' AND "day" = date(OLD."startsAt", CASE WHEN datetime(OLD."startsAt") >= datetime(date(strftime('%Y', OLD."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(OLD."startsAt") < datetime(date(strftime('%Y', OLD."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AND "programmeId" = OLD."programmeId";
    INSERT INTO "DeliveredDay" ("day", "programmeId", "sessions", "pupilCount", "pupilsY5", "pupilsY6", "pupilsY7", "pupilsY8", "pupilsY9", "pupilsY10", "pupilsY11", "pupilsY12", "pupilsY13", "pupilsOtherYear", "pupilsGirl", "pupilsBoy", "pupilsOtherSex", "pupilsSexNotRecorded", "headcount", "conversations", "leafletsGiven", "adultsPresent", "disclosuresLow", "disclosuresMedium", "disclosuresHigh", "referrals")
        SELECT date(NEW."startsAt", CASE WHEN datetime(NEW."startsAt") >= datetime(date(strftime('%Y', NEW."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(NEW."startsAt") < datetime(date(strftime('%Y', NEW."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END), NEW."programmeId", 1, NEW."pupilCount", NEW."pupilsY5", NEW."pupilsY6", NEW."pupilsY7", NEW."pupilsY8", NEW."pupilsY9", NEW."pupilsY10", NEW."pupilsY11", NEW."pupilsY12", NEW."pupilsY13", NEW."pupilsOtherYear", NEW."pupilsGirl", NEW."pupilsBoy", NEW."pupilsOtherSex", NEW."pupilsSexNotRecorded", COALESCE(NEW."headcount", 0), COALESCE(NEW."conversations", 0), COALESCE(NEW."leafletsGiven", 0), COALESCE(NEW."adultsPresent", 0), NEW."disclosuresLow", NEW."disclosuresMedium", NEW."disclosuresHigh", NEW."referrals" WHERE NEW."status" = 'DELIVERED'
        ON CONFLICT ("day", "programmeId") DO UPDATE SET "pupilCount" = "pupilCount" + excluded."pupilCount", "pupilsY5" = "pupilsY5" + excluded."pupilsY5", "pupilsY6" = "pupilsY6" + excluded."pupilsY6", "pupilsY7" = "pupilsY7" + excluded."pupilsY7", "pupilsY8" = "pupilsY8" + excluded."pupilsY8", "pupilsY9" = "pupilsY9" + excluded."pupilsY9", "pupilsY10" = "pupilsY10" + excluded."pupilsY10", "pupilsY11" = "pupilsY11" + excluded."pupilsY11", "pupilsY12" = "pupilsY12" + excluded."pupilsY12", "pupilsY13" = "pupilsY13" + excluded."pupilsY13", "pupilsOtherYear" = "pupilsOtherYear" + excluded."pupilsOtherYear", "pupilsGirl" = "pupilsGirl" + excluded."pupilsGirl", "pupilsBoy" = "pupilsBoy" + excluded."pupilsBoy", "pupilsOtherSex" = "pupilsOtherSex" + excluded."pupilsOtherSex", "pupilsSexNotRecorded" = "pupilsSexNotRecorded" + excluded."pupilsSexNotRecorded", "headcount" = "headcount" + excluded."headcount", "conversations" = "conversations" + excluded."conversations", "leafletsGiven" = "leafletsGiven" + excluded."leafletsGiven", "adultsPresent" = "adultsPresent" + excluded."adultsPresent", "disclosuresLow" = "disclosuresLow" + excluded."disclosuresLow", "disclosuresMedium" = "disclosuresMedium" + excluded."disclosuresMedium", "disclosuresHigh" = "disclosuresHigh" + excluded."disclosuresHigh", "referrals" = "referrals" + excluded."referrals", "sessions" = "sessions" + excluded."sessions";
END;

CREATE TRIGGER "Session_delivered_day_delete" AFTER DELETE ON "Session" WHEN OLD."status" = 'DELIVERED'
BEGIN
    UPDATE "DeliveredDay" SET "sessions" = "sessions" - 1, "pupilCount" = "pupilCount" - OLD."pupilCount", "pupilsY5" = "pupilsY5" - OLD."pupilsY5", "pupilsY6" = "pupilsY6" - OLD."pupilsY6", "pupilsY7" = "pupilsY7" - OLD."pupilsY7", "pupilsY8" = "pupilsY8" - OLD."pupilsY8", "pupilsY9" = "pupilsY9" - OLD."pupilsY9", "pupilsY10" = "pupilsY10" - OLD."pupilsY10", "pupilsY11" = "pupilsY11" - OLD."pupilsY11", "pupilsY12" = "pupilsY12" - OLD."pupilsY12", "pupilsY13" = "pupilsY13" - OLD."pupilsY13", "pupilsOtherYear" = "pupilsOtherYear" - OLD."pupilsOtherYear", "pupilsGirl" = "pupilsGirl" - OLD."pupilsGirl", "pupilsBoy" = "pupilsBoy" - OLD."pupilsBoy", "pupilsOtherSex" = "pupilsOtherSex" - OLD."pupilsOtherSex", "pupilsSexNotRecorded" = "pupilsSexNotRecorded" - OLD."pupilsSexNotRecorded", "headcount" = "headcount" - COALESCE(OLD."headcount", 0), "conversations" = "conversations" - COALESCE(OLD."conversations", 0), "leafletsGiven" = "leafletsGiven" - COALESCE(OLD."leafletsGiven", 0), "adultsPresent" = "adultsPresent" - COALESCE(OLD."adultsPresent", 0), "disclosuresLow" = "disclosuresLow" - OLD."disclosuresLow", "disclosuresMedium" = "disclosuresMedium" - OLD."disclosuresMedium", "disclosuresHigh" = "disclosuresHigh" - OLD."disclosuresHigh", "referrals" = "referrals" - OLD."referrals"
        WHERE "day" = date(OLD."startsAt", CASE WHEN datetime(OLD."startsAt") >= datetime(date(strftime('%Y', OLD."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(OLD."startsAt") < datetime(date(strftime('%Y', OLD."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AND "programmeId" = OLD."programmeId";
END;
