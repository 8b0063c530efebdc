-- Each day a person attended a delivered session of a programme (a London date), with the day of their attendance
-- before it (at any programme, at programmes of the same kind, in the same programme), kept by triggers: the people
-- trained in a period are its rows whose previous day falls before the period, one range count over an index instead
-- of a distinct count over the registers (docs/decisions/030-trained-days.md). A write that changes someone's
-- attendance recounts that person's rows from their register entries.
CREATE TABLE "TrainedDay" (
    "personId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" "ProgrammeKind" NOT NULL,
    "previousDay" TEXT,
    "previousDayOfKind" TEXT,
    "previousDayInProgramme" TEXT,

    CONSTRAINT "TrainedDay_pkey" PRIMARY KEY ("personId","programmeId","day")
);

CREATE INDEX "TrainedDay_day_previousDayOfKind_previousDay_kind_idx" ON "TrainedDay"("day", "previousDayOfKind", "previousDay", "kind");

CREATE INDEX "TrainedDay_programmeId_day_previousDayInProgramme_kind_idx" ON "TrainedDay"("programmeId", "day", "previousDayInProgramme", "kind");

INSERT INTO "TrainedDay" ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
    FROM (SELECT DISTINCT r."personId", s."programmeId", to_char((s."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED') x;

-- Recounts the rows of these people from their register entries. One transaction at a time recounts (a lock held to
-- the end of the transaction): two writers recounting the same person queue, the second reading what the first
-- committed, and a register marked one entry at a time beside another cannot deadlock on people taken in opposite
-- orders. Register writes are a few a day; a write that recounts nobody takes no lock.
CREATE FUNCTION "trained_days_recount"(people TEXT[]) RETURNS void AS $$
BEGIN
    IF cardinality(people) = 0 THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('TrainedDay', 0));
    WITH fresh AS (
        SELECT "personId", "programmeId", "day", "kind",
        LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId"),
        LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day")
        FROM (SELECT DISTINCT r."personId", s."programmeId", to_char((s."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "day", p."kind"
        FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
        WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND r."personId" = ANY(people)) x
    ), gone AS (
        DELETE FROM "TrainedDay" t WHERE t."personId" = ANY(people)
            AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."personId" = t."personId" AND f."programmeId" = t."programmeId" AND f."day" = t."day")
    )
    INSERT INTO "TrainedDay" AS t ("personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme")
    SELECT * FROM fresh ORDER BY 1, 2, 3
    ON CONFLICT ("personId", "programmeId", "day") DO UPDATE SET "kind" = EXCLUDED."kind", "previousDay" = EXCLUDED."previousDay",
        "previousDayOfKind" = EXCLUDED."previousDayOfKind", "previousDayInProgramme" = EXCLUDED."previousDayInProgramme"
    WHERE (t."kind", t."previousDay", t."previousDayOfKind", t."previousDayInProgramme")
        IS DISTINCT FROM (EXCLUDED."kind", EXCLUDED."previousDay", EXCLUDED."previousDayOfKind", EXCLUDED."previousDayInProgramme");
END;
$$ LANGUAGE plpgsql;

-- Statement triggers with transition tables: a bulk insert of a register recounts each person once.
CREATE FUNCTION "register_entry_trained_days"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "trained_days_recount"(ARRAY(SELECT "personId" FROM new_rows WHERE "status" = 'ATTENDED'));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "trained_days_recount"(ARRAY(SELECT "personId" FROM old_rows WHERE "status" = 'ATTENDED'));
    ELSE
        PERFORM "trained_days_recount"(ARRAY(
            SELECT unnest(ARRAY[o."personId", n."personId"]) FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            WHERE (o."status" = 'ATTENDED' OR n."status" = 'ATTENDED')
                AND (o."status", o."personId", o."sessionId") IS DISTINCT FROM (n."status", n."personId", n."sessionId")));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RegisterEntry_trained_days_insert" AFTER INSERT ON "RegisterEntry" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "register_entry_trained_days"();
CREATE TRIGGER "RegisterEntry_trained_days_delete" AFTER DELETE ON "RegisterEntry" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "register_entry_trained_days"();
CREATE TRIGGER "RegisterEntry_trained_days_update" AFTER UPDATE ON "RegisterEntry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "register_entry_trained_days"();

-- A session delivered, cancelled, moved or given to another programme recounts the people who attended it. (Deleting a
-- session deletes its register entries, whose trigger recounts them.)
CREATE FUNCTION "session_trained_days"() RETURNS trigger AS $$
BEGIN
    PERFORM "trained_days_recount"(ARRAY(
        SELECT r."personId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "RegisterEntry" r ON r."sessionId" = n."id"
        WHERE r."status" = 'ATTENDED' AND (o."status" = 'DELIVERED' OR n."status" = 'DELIVERED')
            AND (o."status", o."startsAt", o."programmeId") IS DISTINCT FROM (n."status", n."startsAt", n."programmeId")));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Session_trained_days_update" AFTER UPDATE ON "Session" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "session_trained_days"();

-- A programme's kind changed: the people who attended it are recounted (staff briefed and drivers trained follow).
CREATE FUNCTION "programme_trained_days"() RETURNS trigger AS $$
BEGIN
    PERFORM "trained_days_recount"(ARRAY(
        SELECT r."personId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "Session" s ON s."programmeId" = n."id"
            JOIN "RegisterEntry" r ON r."sessionId" = s."id"
        WHERE r."status" = 'ATTENDED' AND o."kind" IS DISTINCT FROM n."kind"));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Programme_trained_days_update" AFTER UPDATE ON "Programme" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "programme_trained_days"();
