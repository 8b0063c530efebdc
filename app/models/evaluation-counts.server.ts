// Recovery for the evaluation count tables, which database triggers keep in step with every write to questionnaire
// answers and responses (docs/decisions/027-evaluation-counts.md): after rows written with the triggers off, or to
// prove nothing drifted. Part of `npm run reports:rebuild`.
import { db, usingPostgres } from "~/utils/db.server";

// The coded key of each count table, as the migration's triggers compute it (nulls coded so the key is unique).
const ANSWER_KEY = `"programmeId", "sessionDate", "questionId", COALESCE("timing", ''),
  CASE WHEN "agrees" IS NULL THEN -1 WHEN "agrees" THEN 1 ELSE 0 END,
  CASE WHEN "beforeAgrees" IS NULL THEN -1 WHEN "beforeAgrees" THEN 1 ELSE 0 END,
  CASE WHEN "textCiphertext" IS NULL THEN 0 ELSE 1 END`;
const RESPONSE_KEY = `"programmeId", "sessionDate", "sitting",
  CASE WHEN "pairedWithId" IS NULL THEN 0 ELSE 1 END, CASE WHEN "pairingCode" IS NULL THEN 0 ELSE 1 END`;

type CountRow = Record<string, string | number> & { count: number };
const keyed = (rows: CountRow[]) =>
  new Map(rows.filter((r) => r.count !== 0).map(({ count, ...key }) => [Object.values(key).join("|"), count]));
function differing(before: Map<string, number>, after: Map<string, number>) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).length;
}

/** Recounts both tables from the rows and says how many counts were wrong (normally none). */
export async function rebuildEvaluationCounts(): Promise<{ answerCounts: number; responseCounts: number }> {
  return db.$transaction(async (tx) => {
    // Submissions wait while the tables are recounted, so none is counted twice or missed.
    if (usingPostgres())
      await tx.$executeRawUnsafe(`LOCK TABLE "QuestionnaireResponse", "QuestionnaireAnswer" IN SHARE ROW EXCLUSIVE MODE`);
    const answersBefore = keyed(await tx.questionnaireAnswerCount.findMany());
    const responsesBefore = keyed(await tx.questionnaireResponseCount.findMany());
    await tx.questionnaireAnswerCount.deleteMany({});
    await tx.questionnaireResponseCount.deleteMany({});
    // Constant SQL: nothing from a request reaches these statements.
    await tx.$executeRawUnsafe(
      `INSERT INTO "QuestionnaireAnswerCount" ("programmeId", "sessionDate", "questionId", "timing", "agrees", "beforeAgrees", "hasText", "count")
       SELECT ${ANSWER_KEY}, COUNT(*) FROM "QuestionnaireAnswer" GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "QuestionnaireResponseCount" ("programmeId", "sessionDate", "sitting", "paired", "hasCode", "count")
       SELECT ${RESPONSE_KEY}, COUNT(*) FROM "QuestionnaireResponse" GROUP BY 1, 2, 3, 4, 5`,
    );
    return {
      answerCounts: differing(answersBefore, keyed(await tx.questionnaireAnswerCount.findMany())),
      responseCounts: differing(responsesBefore, keyed(await tx.questionnaireResponseCount.findMany())),
    };
  });
}
