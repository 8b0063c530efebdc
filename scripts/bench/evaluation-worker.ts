// Run by evaluation.bench.ts with DATABASE_URL set (the app's Prisma client is chosen at start-up).
//   seed-hall: a programme, a session today and its open questionnaire; prints {"code": …}
//   results:   a programme-year of RESPONSES answers on PostgreSQL, written with generate_series; then times
//              evaluationResults for that programme and year; prints {"p50": …, "p95": …, "responses": …}
import { evaluationResults } from "~/models/evaluation-results.server";
import { saveQuestionnaireVersion, setQuestionnaireRun } from "~/models/questionnaires.server";
import { db } from "~/utils/db.server";
import { todayInLondon } from "~/utils/time";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../../tests/factories";

const META = { ip: null, userAgent: "bench" };
const RESPONSES = 200_000;

async function programmeWithQuestionnaire(name: string, date: string) {
  const programme = await makeProgramme(db, { name });
  const team = await makeTeam(db);
  const venue = await makeVenue(db, { name: `${name} school` });
  const user = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { id: user.id, email: user.email, roles: ["COORDINATOR"] };
  const statement = (text: string) => ({ kind: "AGREE_SCALE" as const, text, options: [], measured: true });
  const version = await saveQuestionnaireVersion(
    actor,
    programme.id,
    {
      design: "RETROSPECTIVE",
      pairing: false,
      questions: [
        statement("I know what grooming and exploitation can look like"),
        statement("If a young person is exploited, it is never their fault"),
        { kind: "YES_NO", text: "I know who to tell", options: [], measured: true },
        {
          kind: "CHOICE",
          text: "Which local service helps?",
          options: ["Safe Steps", "The school nurse", "I do not know"],
          measured: false,
        },
        statement("I would feel able to tell someone"),
        { kind: "YES_NO", text: "I know where to get help online", options: [], measured: true },
        { kind: "FREE_TEXT", text: "Anything else?", options: [], measured: false },
      ],
    },
    META,
  );
  const session = await makeSession(db, {
    programmeId: programme.id,
    venueId: venue.id,
    teamId: team.id,
    date,
    start: "09:30",
    end: "11:00",
    status: "DELIVERED",
  });
  return { programme, version, session, actor };
}

async function seedHall() {
  const { session, actor } = await programmeWithQuestionnaire(`Hall ${Date.now()}`, todayInLondon());
  const { code } = await setQuestionnaireRun(
    actor,
    session.id,
    { opensOn: todayInLondon(), closesOn: todayInLondon(), collecting: "AFTER" },
    META,
  );
  return { code };
}

async function results() {
  const { programme, version, session } = await programmeWithQuestionnaire(`Year ${Date.now()}`, "2026-10-20");
  await db.attendanceCount.create({ data: { sessionId: session.id, yearGroup: "Y10", sex: "NOT_RECORDED", count: RESPONSES * 2 } });
  const questions = await db.questionnaireQuestion.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
  const t0 = performance.now();
  // Responses spread over the academic year's dates (all on the one session, which the counts do not look at).
  await db.$executeRawUnsafe(
    `INSERT INTO "QuestionnaireResponse" (id, "sessionId", "versionId", "programmeId", "sessionDate", sitting, "submittedAt")
     SELECT 'r' || g, $1, $2, $3, to_char(DATE '2026-09-01' + (g % 300), 'YYYY-MM-DD'), 'RETROSPECTIVE', now()
     FROM generate_series(1, ${RESPONSES}) g`,
    session.id,
    version.id,
    programme.id,
  );
  for (const q of questions.filter((q) => q.measured)) {
    for (const [timing, offset] of [
      ["BEFORE", 0],
      ["AFTER", 2],
    ] as const) {
      const valueSql = q.kind === "YES_NO" ? `1 + ((g + ${offset}) % 3)` : `1 + ((g * 7 + ${q.position + offset}) % 5)`;
      const agreesSql = q.kind === "YES_NO" ? `(${valueSql}) = 1` : `(${valueSql}) >= 4`;
      await db.$executeRawUnsafe(
        `INSERT INTO "QuestionnaireAnswer" (id, "responseId", "questionId", "programmeId", "sessionDate", timing, value, agrees, "beforeAgrees", "textFlagged", "createdAt")
         SELECT '${q.position}${timing[0]}' || g, 'r' || g, $1, $2, to_char(DATE '2026-09-01' + (g % 300), 'YYYY-MM-DD'), '${timing}', ${valueSql}, ${agreesSql},
                ${timing === "AFTER" ? `(1 + ((g * 7 + ${q.position}) % 5)) >= 4` : "NULL"}, false, now()
         FROM generate_series(1, ${RESPONSES}) g`,
        q.id,
        programme.id,
      );
    }
  }
  await db.$executeRawUnsafe(`ANALYZE "QuestionnaireResponse"; `);
  await db.$executeRawUnsafe(`ANALYZE "QuestionnaireAnswer"; `);
  const seedSeconds = (performance.now() - t0) / 1000;
  const query = {
    period: "custom",
    fromDay: "1",
    fromMonth: "9",
    fromYear: "2026",
    toDay: "31",
    toMonth: "8",
    toYear: "2027",
    programme: programme.id,
  };
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const start = performance.now();
    const page = await evaluationResults({ query, now: new Date("2027-01-15T12:00:00Z") });
    times.push(performance.now() - start);
    if (page.results?.online.after !== RESPONSES) throw new Error(`expected ${RESPONSES} responses, got ${page.results?.online.after}`);
  }
  const measured = times.slice(2).sort((a, b) => a - b);
  const at = (q: number) => measured[Math.min(measured.length - 1, Math.ceil(q * measured.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), responses: RESPONSES, answers: RESPONSES * 10, seedSeconds };
}

const mode = process.argv[2];
const out = mode === "seed-hall" ? await seedHall() : mode === "results" ? await results() : null;
if (!out) throw new Error("usage: evaluation-worker.ts seed-hall|results");
console.log(JSON.stringify(out));
await db.$disconnect();
