-- Online answers and submissions counted by programme, session date and answer, kept by triggers in the same
-- transaction as every write, so results for a programme-year read a few thousand rows, not every answer
-- (docs/decisions/027-evaluation-counts.md). Statement-level triggers with transition tables: a pupil's submission
-- (one INSERT of its answers) or a bulk load adds each count once, in key order, so concurrent submissions never
-- lock the same count rows in different orders.
CREATE TABLE "QuestionnaireAnswerCount" (
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "timing" TEXT NOT NULL,
    "agrees" INTEGER NOT NULL,
    "beforeAgrees" INTEGER NOT NULL,
    "hasText" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "QuestionnaireAnswerCount_pkey" PRIMARY KEY ("programmeId","sessionDate","questionId","timing","agrees","beforeAgrees","hasText")
);

CREATE TABLE "QuestionnaireResponseCount" (
    "programmeId" TEXT NOT NULL,
    "sessionDate" TEXT NOT NULL,
    "sitting" TEXT NOT NULL,
    "paired" INTEGER NOT NULL,
    "hasCode" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "QuestionnaireResponseCount_pkey" PRIMARY KEY ("programmeId","sessionDate","sitting","paired","hasCode")
);

INSERT INTO "QuestionnaireAnswerCount" ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count")
    SELECT t."programmeId", t."sessionDate", t."questionId", COALESCE(t."timing", ''), CASE WHEN t."agrees" IS NULL THEN -1 WHEN t."agrees" THEN 1 ELSE 0 END, CASE WHEN t."beforeAgrees" IS NULL THEN -1 WHEN t."beforeAgrees" THEN 1 ELSE 0 END, CASE WHEN t."textCiphertext" IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM "QuestionnaireAnswer" t GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE FUNCTION "questionnaire_answer_counts"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "QuestionnaireAnswerCount" AS c ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count")
        SELECT "programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", SUM("delta") FROM (SELECT n."programmeId" AS "programmeId", n."sessionDate" AS "sessionDate", n."questionId" AS "questionId", COALESCE(n."timing", '') AS "timing", CASE WHEN n."agrees" IS NULL THEN -1 WHEN n."agrees" THEN 1 ELSE 0 END AS "agrees", CASE WHEN n."beforeAgrees" IS NULL THEN -1 WHEN n."beforeAgrees" THEN 1 ELSE 0 END AS "beforeAgrees", CASE WHEN n."textCiphertext" IS NULL THEN 0 ELSE 1 END AS "hasText", 1 AS "delta" FROM new_rows n) d
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM("delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO "QuestionnaireAnswerCount" AS c ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count")
        SELECT "programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", SUM("delta") FROM (SELECT o."programmeId" AS "programmeId", o."sessionDate" AS "sessionDate", o."questionId" AS "questionId", COALESCE(o."timing", '') AS "timing", CASE WHEN o."agrees" IS NULL THEN -1 WHEN o."agrees" THEN 1 ELSE 0 END AS "agrees", CASE WHEN o."beforeAgrees" IS NULL THEN -1 WHEN o."beforeAgrees" THEN 1 ELSE 0 END AS "beforeAgrees", CASE WHEN o."textCiphertext" IS NULL THEN 0 ELSE 1 END AS "hasText", -1 AS "delta" FROM old_rows o) d
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM("delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    ELSE
        INSERT INTO "QuestionnaireAnswerCount" AS c ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count")
        SELECT "programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", SUM("delta") FROM (SELECT n."programmeId" AS "programmeId", n."sessionDate" AS "sessionDate", n."questionId" AS "questionId", COALESCE(n."timing", '') AS "timing", CASE WHEN n."agrees" IS NULL THEN -1 WHEN n."agrees" THEN 1 ELSE 0 END AS "agrees", CASE WHEN n."beforeAgrees" IS NULL THEN -1 WHEN n."beforeAgrees" THEN 1 ELSE 0 END AS "beforeAgrees", CASE WHEN n."textCiphertext" IS NULL THEN 0 ELSE 1 END AS "hasText", 1 AS "delta" FROM new_rows n UNION ALL SELECT o."programmeId" AS "programmeId", o."sessionDate" AS "sessionDate", o."questionId" AS "questionId", COALESCE(o."timing", '') AS "timing", CASE WHEN o."agrees" IS NULL THEN -1 WHEN o."agrees" THEN 1 ELSE 0 END AS "agrees", CASE WHEN o."beforeAgrees" IS NULL THEN -1 WHEN o."beforeAgrees" THEN 1 ELSE 0 END AS "beforeAgrees", CASE WHEN o."textCiphertext" IS NULL THEN 0 ELSE 1 END AS "hasText", -1 AS "delta" FROM old_rows o) d
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM("delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "QuestionnaireAnswer_count_insert" AFTER INSERT ON "QuestionnaireAnswer" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "questionnaire_answer_counts"();
CREATE TRIGGER "QuestionnaireAnswer_count_delete" AFTER DELETE ON "QuestionnaireAnswer" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "questionnaire_answer_counts"();
CREATE TRIGGER "QuestionnaireAnswer_count_update" AFTER UPDATE ON "QuestionnaireAnswer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "questionnaire_answer_counts"();

INSERT INTO "QuestionnaireResponseCount" ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count")
    SELECT t."programmeId", t."sessionDate", t."sitting", CASE WHEN t."pairedWithId" IS NULL THEN 0 ELSE 1 END, CASE WHEN t."pairingCode" IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM "QuestionnaireResponse" t GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION "questionnaire_response_counts"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "QuestionnaireResponseCount" AS c ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count")
        SELECT "programmeId", "sessionDate", "sitting", "paired", "hasCode", SUM("delta") FROM (SELECT n."programmeId" AS "programmeId", n."sessionDate" AS "sessionDate", n."sitting" AS "sitting", CASE WHEN n."pairedWithId" IS NULL THEN 0 ELSE 1 END AS "paired", CASE WHEN n."pairingCode" IS NULL THEN 0 ELSE 1 END AS "hasCode", 1 AS "delta" FROM new_rows n) d
        GROUP BY 1, 2, 3, 4, 5 HAVING SUM("delta") <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ("programmeId", "sessionDate", "sitting", "paired", "hasCode") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO "QuestionnaireResponseCount" AS c ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count")
        SELECT "programmeId", "sessionDate", "sitting", "paired", "hasCode", SUM("delta") FROM (SELECT o."programmeId" AS "programmeId", o."sessionDate" AS "sessionDate", o."sitting" AS "sitting", CASE WHEN o."pairedWithId" IS NULL THEN 0 ELSE 1 END AS "paired", CASE WHEN o."pairingCode" IS NULL THEN 0 ELSE 1 END AS "hasCode", -1 AS "delta" FROM old_rows o) d
        GROUP BY 1, 2, 3, 4, 5 HAVING SUM("delta") <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ("programmeId", "sessionDate", "sitting", "paired", "hasCode") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    ELSE
        INSERT INTO "QuestionnaireResponseCount" AS c ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count")
        SELECT "programmeId", "sessionDate", "sitting", "paired", "hasCode", SUM("delta") FROM (SELECT n."programmeId" AS "programmeId", n."sessionDate" AS "sessionDate", n."sitting" AS "sitting", CASE WHEN n."pairedWithId" IS NULL THEN 0 ELSE 1 END AS "paired", CASE WHEN n."pairingCode" IS NULL THEN 0 ELSE 1 END AS "hasCode", 1 AS "delta" FROM new_rows n UNION ALL SELECT o."programmeId" AS "programmeId", o."sessionDate" AS "sessionDate", o."sitting" AS "sitting", CASE WHEN o."pairedWithId" IS NULL THEN 0 ELSE 1 END AS "paired", CASE WHEN o."pairingCode" IS NULL THEN 0 ELSE 1 END AS "hasCode", -1 AS "delta" FROM old_rows o) d
        GROUP BY 1, 2, 3, 4, 5 HAVING SUM("delta") <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ("programmeId", "sessionDate", "sitting", "paired", "hasCode") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "QuestionnaireResponse_count_insert" AFTER INSERT ON "QuestionnaireResponse" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "questionnaire_response_counts"();
CREATE TRIGGER "QuestionnaireResponse_count_delete" AFTER DELETE ON "QuestionnaireResponse" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "questionnaire_response_counts"();
CREATE TRIGGER "QuestionnaireResponse_count_update" AFTER UPDATE ON "QuestionnaireResponse" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "questionnaire_response_counts"();
