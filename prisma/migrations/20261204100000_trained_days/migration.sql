-- Each day a person attended a delivered session of a programme (a London date), with the day of their attendance
-- before it (at any programme, at programmes of the same kind, in the same programme), kept by triggers: the people
-- trained in a period are its rows whose previous day falls before the period, one range count over an index instead
-- of a distinct count over the registers (docs/decisions/030-trained-days.md). A write that changes someone's
-- attendance recounts that person's rows from their register entries.
CREATE TABLE "TrainedDay" (
    "personId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "previousDay" TEXT,
    "previousDayOfKind" TEXT,
    "previousDayInProgramme" TEXT,

    PRIMARY KEY ("personId", "programmeId", "day")
);

CREATE INDEX "TrainedDay_day_previousDayOfKind_previousDay_kind_idx" ON "TrainedDay"("day", "previousDayOfKind", "previousDay", "kind");

CREATE INDEX "TrainedDay_programmeId_day_previousDayInProgramme_kind_idx" ON "TrainedDay"("programmeId", "day", "previousDayInProgramme", "kind");

-- The London date of a UTC instant, without time zone tables, by the British Summer Time rule (as in DeliveredDay).
INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED');

CREATE TRIGGER "RegisterEntry_trained_days_insert" AFTER INSERT ON "RegisterEntry" WHEN NEW."status" = 'ATTENDED'
BEGIN
    DELETE FROM "TrainedDay" WHERE "personId" IN (SELECT NEW."personId");
    INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND r."personId" IN (SELECT NEW."personId"));
END;

CREATE TRIGGER "RegisterEntry_trained_days_update" AFTER UPDATE OF "status", "personId", "sessionId" ON "RegisterEntry"
WHEN OLD."status" = 'ATTENDED' OR NEW."status" = 'ATTENDED'
BEGIN
    DELETE FROM "TrainedDay" WHERE "personId" IN (SELECT OLD."personId" UNION SELECT NEW."personId");
    INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND r."personId" IN (SELECT OLD."personId" UNION SELECT NEW."personId"));
END;

CREATE TRIGGER "RegisterEntry_trained_days_delete" AFTER DELETE ON "RegisterEntry" WHEN OLD."status" = 'ATTENDED'
BEGIN
    DELETE FROM "TrainedDay" WHERE "personId" IN (SELECT OLD."personId");
    INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND r."personId" IN (SELECT OLD."personId"));
END;

CREATE TRIGGER "Session_trained_days_update" AFTER UPDATE OF "status", "startsAt", "programmeId" ON "Session"
WHEN (OLD."status" = 'DELIVERED' OR NEW."status" = 'DELIVERED')
    AND (OLD."status" IS NOT NEW."status" OR OLD."startsAt" IS NOT NEW."startsAt" OR OLD."programmeId" IS NOT NEW."programmeId")
BEGIN
    DELETE FROM "TrainedDay" WHERE "personId" IN (SELECT "personId" FROM "RegisterEntry" WHERE "sessionId" = NEW."id" AND "status" = 'ATTENDED');
    INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND r."personId" IN (SELECT "personId" FROM "RegisterEntry" WHERE "sessionId" = NEW."id" AND "status" = 'ATTENDED'));
END;

CREATE TRIGGER "Programme_trained_days_update" AFTER UPDATE OF "kind" ON "Programme" WHEN OLD."kind" IS NOT NEW."kind"
BEGIN
    DELETE FROM "TrainedDay" WHERE "personId" IN (SELECT r."personId" FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" WHERE s."programmeId" = NEW."id" AND r."status" = 'ATTENDED');
    INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", date(s."startsAt", CASE WHEN datetime(s."startsAt") >= datetime(date(strftime('%Y', s."startsAt") || '-03-31', '-6 days', 'weekday 0'), '+1 hour') AND datetime(s."startsAt") < datetime(date(strftime('%Y', s."startsAt") || '-10-31', '-6 days', 'weekday 0'), '+1 hour') THEN '+1 hour' ELSE '+0 hours' END) AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND r."personId" IN (SELECT r."personId" FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" WHERE s."programmeId" = NEW."id" AND r."status" = 'ATTENDED'));
END;
