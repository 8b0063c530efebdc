// The evaluation count tables (QuestionnaireAnswerCount, QuestionnaireResponseCount) are kept by database triggers
// (docs/decisions/027-evaluation-counts.md). Whoever writes answers — a pupil's submission, pairing, a bulk insert, an
// update, a cascade from a deleted session — the counts must equal a fresh count of the rows, on both databases.
import { beforeAll, describe, expect, it } from "vitest";
import { submitQuestionnaire } from "~/models/questionnaires.server";
import { db } from "~/utils/db.server";
import { capturedIo } from "../../scripts/cli";
import { main as rebuildMain } from "../../scripts/reports-rebuild";
import { makeProgramme, makeQuestionnaire, makeSession, makeTeam, makeVenue } from "../factories";

const now = new Date("2026-10-21T10:00:00Z");
const coded = (value: boolean | null) => (value === null ? -1 : value ? 1 : 0);

async function expectCountsToMatchRows() {
  const answers = await db.questionnaireAnswer.findMany({
    select: {
      programmeId: true,
      sessionDate: true,
      questionId: true,
      timing: true,
      agrees: true,
      beforeAgrees: true,
      textCiphertext: true,
    },
  });
  const expectedAnswers: Record<string, number> = {};
  for (const a of answers) {
    const key = [
      a.programmeId,
      a.sessionDate,
      a.questionId,
      a.timing ?? "",
      coded(a.agrees),
      coded(a.beforeAgrees),
      a.textCiphertext ? 1 : 0,
    ].join("|");
    expectedAnswers[key] = (expectedAnswers[key] ?? 0) + 1;
  }
  const answerCounts = await db.questionnaireAnswerCount.findMany({ where: { count: { not: 0 } } });
  expect(
    Object.fromEntries(
      answerCounts.map((c) => [
        [c.programmeId, c.sessionDate, c.questionId, c.timing, c.agrees, c.beforeAgrees, c.hasText].join("|"),
        c.count,
      ]),
    ),
  ).toEqual(expectedAnswers);

  const responses = await db.questionnaireResponse.findMany({
    select: { programmeId: true, sessionDate: true, sitting: true, pairedWithId: true, pairingCode: true },
  });
  const expectedResponses: Record<string, number> = {};
  for (const r of responses) {
    const key = [r.programmeId, r.sessionDate, r.sitting, r.pairedWithId ? 1 : 0, r.pairingCode ? 1 : 0].join("|");
    expectedResponses[key] = (expectedResponses[key] ?? 0) + 1;
  }
  const responseCounts = await db.questionnaireResponseCount.findMany({ where: { count: { not: 0 } } });
  expect(
    Object.fromEntries(responseCounts.map((c) => [[c.programmeId, c.sessionDate, c.sitting, c.paired, c.hasCode].join("|"), c.count])),
  ).toEqual(expectedResponses);
  return { answers: answers.length, responses: responses.length };
}

let sessionIds: { pairs: string; retrospective: string };
beforeAll(async () => {
  const team = await makeTeam(db);
  const venue = await makeVenue(db);
  const session = (programmeId: string, date: string) =>
    makeSession(db, { programmeId, venueId: venue.id, teamId: team.id, date, start: "10:00", end: "11:00", status: "DELIVERED" });
  const pairs = await makeProgramme(db, { name: "Pairs" });
  const pairsSession = await session(pairs.id, "2026-10-20");
  await makeQuestionnaire(db, {
    programmeId: pairs.id,
    design: "BEFORE_AFTER",
    pairing: true,
    questions: [
      { kind: "AGREE_SCALE", text: "I understand what exploitation is", measured: true },
      { kind: "FREE_TEXT", text: "Anything else?" },
    ],
    run: { sessionId: pairsSession.id, code: "CNT111", opensOn: "2026-10-20", closesOn: "2026-10-27", collecting: "BEFORE" },
  });
  const retro = await makeProgramme(db, { name: "Retrospective" });
  const retroSession = await session(retro.id, "2026-10-19");
  await makeQuestionnaire(db, {
    programmeId: retro.id,
    questions: [
      { kind: "AGREE_SCALE", text: "I would know who to tell", measured: true },
      { kind: "YES_NO", text: "Did you enjoy the play?" },
    ],
    run: { sessionId: retroSession.id, code: "CNT222", opensOn: "2026-10-19", closesOn: "2026-10-26" },
  });
  sessionIds = { pairs: pairsSession.id, retrospective: retroSession.id };
});

describe("the evaluation count tables", () => {
  it("match the answer and response rows after submissions, pairing, bulk writes, updates and a deleted session", async () => {
    const code = { codeMonth: "March", codeSiblings: "1", codeStreet: "M", codePhone: "7" };
    await submitQuestionnaire("CNT111", { q1: "2", ...code }, now);
    await submitQuestionnaire("CNT111", { q1: "5", codeMonth: "July", codeSiblings: "0", codeStreet: "B", codePhone: "3" }, now);
    await db.questionnaireRun.update({ where: { sessionId: sessionIds.pairs }, data: { collecting: "AFTER" } });
    // Pairs with the first: its code is cleared (an update) and the answer carries beforeAgrees.
    expect(await submitQuestionnaire("CNT111", { q1: "4", q2: "It was good", ...code }, now)).toMatchObject({ paired: true });
    await submitQuestionnaire("CNT111", { q1: "1", q2: "Thank you" }, now);
    for (const [before, after, enjoyed] of [
      ["4", "5", "1"],
      ["2", "4", "2"],
      ["3", "3", "3"],
    ])
      await submitQuestionnaire("CNT222", { "q1-before": before, "q1-now": after, q2: enjoyed }, now);
    expect(await expectCountsToMatchRows()).toEqual({ answers: 6 + 3 * 3, responses: 7 });

    // Another writer: rows inserted directly, several in one statement.
    const template = await db.questionnaireAnswer.findFirstOrThrow({
      where: { timing: "AFTER", response: { sessionId: sessionIds.retrospective } },
    });
    await db.questionnaireAnswer.createMany({
      data: [true, true, false, null].map((agrees) => ({
        responseId: template.responseId,
        questionId: template.questionId,
        programmeId: template.programmeId,
        sessionDate: template.sessionDate,
        timing: "AFTER",
        value: agrees ? 5 : 1,
        agrees,
      })),
    });
    // Updates of the counted columns, and of one that is not counted (textFlagged).
    const text = await db.questionnaireAnswer.findFirstOrThrow({ where: { textCiphertext: { not: null } } });
    await db.questionnaireAnswer.update({ where: { id: text.id }, data: { textCiphertext: null, textFlagged: true } });
    await db.questionnaireAnswer.updateMany({ where: { agrees: false }, data: { agrees: true } });
    await db.questionnaireResponse.updateMany({ where: { pairingCode: { not: null } }, data: { pairingCode: null } });
    expect(await expectCountsToMatchRows()).toEqual({ answers: 19, responses: 7 });

    // A deleted session takes its responses and answers with it (cascades), and their counts.
    await db.session.delete({ where: { id: sessionIds.retrospective } });
    expect(await expectCountsToMatchRows()).toEqual({ answers: 6, responses: 4 });
    await db.questionnaireAnswer.deleteMany({});
    expect(await expectCountsToMatchRows()).toEqual({ answers: 0, responses: 4 });
  });

  it("are put right by npm run reports:rebuild when they have been changed behind the triggers' back", async () => {
    await submitQuestionnaire("CNT111", { q1: "5", q2: "More please" }, now);
    const io = capturedIo();
    expect(await rebuildMain([], io)).toBe(0);
    expect(io.out()).toContain("0 answer count(s) and 0 response count(s) corrected");

    const { count: _, ...key } = await db.questionnaireAnswerCount.findFirstOrThrow({ where: { count: { gt: 0 } } });
    await db.questionnaireAnswerCount.update({
      where: { programmeId_sessionDate_questionId_timing_agrees_beforeAgrees_hasText: key },
      data: { count: 99 },
    });
    await db.questionnaireResponseCount.create({
      data: { programmeId: "nowhere", sessionDate: "2026-10-20", sitting: "AFTER", paired: 0, hasCode: 0, count: 3 },
    });
    const again = capturedIo();
    expect(await rebuildMain([], again)).toBe(0);
    expect(again.out()).toContain("1 answer count(s) and 1 response count(s) corrected");
    await expectCountsToMatchRows();
  });
});
