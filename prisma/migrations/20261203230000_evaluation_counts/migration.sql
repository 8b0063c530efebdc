-- Online answers and submissions counted by programme, session date and answer, kept by triggers in the same
-- transaction as every write, so results for a programme-year read a few thousand rows, not every answer
-- (docs/decisions/027-evaluation-counts.md).
CREATE TABLE "QuestionnaireAnswerCount" (
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "timing" TEXT NOT NULL,
    "agrees" INTEGER NOT NULL,
    "beforeAgrees" INTEGER NOT NULL,
    "hasText" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText")
);

CREATE TABLE "QuestionnaireResponseCount" (
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "sitting" TEXT NOT NULL,
    "paired" INTEGER NOT NULL,
    "hasCode" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("programmeId", "sessionDate", "sitting", "paired", "hasCode")
);

INSERT INTO "QuestionnaireAnswerCount" ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count")
    SELECT a."programmeId", a."sessionDate", a."questionId", COALESCE(a."timing", ''), CASE WHEN a."agrees" IS NULL THEN -1 WHEN a."agrees" THEN 1 ELSE 0 END, CASE WHEN a."beforeAgrees" IS NULL THEN -1 WHEN a."beforeAgrees" THEN 1 ELSE 0 END, CASE WHEN a."textCiphertext" IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM "QuestionnaireAnswer" a GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "QuestionnaireResponseCount" ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count")
    SELECT r."programmeId", r."sessionDate", r."sitting", CASE WHEN r."pairedWithId" IS NULL THEN 0 ELSE 1 END, CASE WHEN r."pairingCode" IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM "QuestionnaireResponse" r GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER "QuestionnaireAnswer_count_insert" AFTER INSERT ON "QuestionnaireAnswer"
BEGIN
    INSERT INTO "QuestionnaireAnswerCount" ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count") VALUES (NEW."programmeId", NEW."sessionDate", NEW."questionId", COALESCE(NEW."timing", ''), CASE WHEN NEW."agrees" IS NULL THEN -1 WHEN NEW."agrees" THEN 1 ELSE 0 END, CASE WHEN NEW."beforeAgrees" IS NULL THEN -1 WHEN NEW."beforeAgrees" THEN 1 ELSE 0 END, CASE WHEN NEW."textCiphertext" IS NULL THEN 0 ELSE 1 END, 1)
        ON CONFLICT ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "QuestionnaireAnswer_count_delete" AFTER DELETE ON "QuestionnaireAnswer"
BEGIN
    UPDATE "QuestionnaireAnswerCount" SET "count" = "count" - 1 WHERE "programmeId" = OLD."programmeId" AND "sessionDate" = OLD."sessionDate" AND "questionId" = OLD."questionId" AND "timing" = COALESCE(OLD."timing", '') AND "agrees" = CASE WHEN OLD."agrees" IS NULL THEN -1 WHEN OLD."agrees" THEN 1 ELSE 0 END AND "beforeAgrees" = CASE WHEN OLD."beforeAgrees" IS NULL THEN -1 WHEN OLD."beforeAgrees" THEN 1 ELSE 0 END AND "hasText" = CASE WHEN OLD."textCiphertext" IS NULL THEN 0 ELSE 1 END;
END;

CREATE TRIGGER "QuestionnaireAnswer_count_update" AFTER UPDATE OF "programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "textCiphertext" ON "QuestionnaireAnswer"
BEGIN
    UPDATE "QuestionnaireAnswerCount" SET "count" = "count" - 1 WHERE "programmeId" = OLD."programmeId" AND "sessionDate" = OLD."sessionDate" AND "questionId" = OLD."questionId" AND "timing" = COALESCE(OLD."timing", '') AND "agrees" = CASE WHEN OLD."agrees" IS NULL THEN -1 WHEN OLD."agrees" THEN 1 ELSE 0 END AND "beforeAgrees" = CASE WHEN OLD."beforeAgrees" IS NULL THEN -1 WHEN OLD."beforeAgrees" THEN 1 ELSE 0 END AND "hasText" = CASE WHEN OLD."textCiphertext" IS NULL THEN 0 ELSE 1 END;
    INSERT INTO "QuestionnaireAnswerCount" ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count") VALUES (NEW."programmeId", NEW."sessionDate", NEW."questionId", COALESCE(NEW."timing", ''), CASE WHEN NEW."agrees" IS NULL THEN -1 WHEN NEW."agrees" THEN 1 ELSE 0 END, CASE WHEN NEW."beforeAgrees" IS NULL THEN -1 WHEN NEW."beforeAgrees" THEN 1 ELSE 0 END, CASE WHEN NEW."textCiphertext" IS NULL THEN 0 ELSE 1 END, 1)
        ON CONFLICT ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "QuestionnaireResponse_count_insert" AFTER INSERT ON "QuestionnaireResponse"
BEGIN
    INSERT INTO "QuestionnaireResponseCount" ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count") VALUES (NEW."programmeId", NEW."sessionDate", NEW."sitting", CASE WHEN NEW."pairedWithId" IS NULL THEN 0 ELSE 1 END, CASE WHEN NEW."pairingCode" IS NULL THEN 0 ELSE 1 END, 1)
        ON CONFLICT ("programmeId", "sessionDate", "sitting", "paired", "hasCode") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "QuestionnaireResponse_count_delete" AFTER DELETE ON "QuestionnaireResponse"
BEGIN
    UPDATE "QuestionnaireResponseCount" SET "count" = "count" - 1 WHERE "programmeId" = OLD."programmeId" AND "sessionDate" = OLD."sessionDate" AND "sitting" = OLD."sitting" AND "paired" = CASE WHEN OLD."pairedWithId" IS NULL THEN 0 ELSE 1 END AND "hasCode" = CASE WHEN OLD."pairingCode" IS NULL THEN 0 ELSE 1 END;
END;

CREATE TRIGGER "QuestionnaireResponse_count_update" AFTER UPDATE OF "programmeId", "sessionDate", "sitting", "pairedWithId", "pairingCode" ON "QuestionnaireResponse"
BEGIN
    UPDATE "QuestionnaireResponseCount" SET "count" = "count" - 1 WHERE "programmeId" = OLD."programmeId" AND "sessionDate" = OLD."sessionDate" AND "sitting" = OLD."sitting" AND "paired" = CASE WHEN OLD."pairedWithId" IS NULL THEN 0 ELSE 1 END AND "hasCode" = CASE WHEN OLD."pairingCode" IS NULL THEN 0 ELSE 1 END;
    INSERT INTO "QuestionnaireResponseCount" ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count") VALUES (NEW."programmeId", NEW."sessionDate", NEW."sitting", CASE WHEN NEW."pairedWithId" IS NULL THEN 0 ELSE 1 END, CASE WHEN NEW."pairingCode" IS NULL THEN 0 ELSE 1 END, 1)
        ON CONFLICT ("programmeId", "sessionDate", "sitting", "paired", "hasCode") DO UPDATE SET "count" = "count" + 1;
END;
