// Evaluation questionnaires end to end on a real database: versions, answering windows (with the October clock
// change), the pupils' page (duplicate refusal, a whole school behind one address, hostile input saving nothing),
// free text for leads only (encrypted, audited on every read, turned into a disclosure), paper tallies, and results
// (Wilson and Newcombe against hand-worked values, McNemar on pairs, small numbers suppressed).
import { beforeAll, describe, expect, it } from "vitest";
import { evaluationResults } from "~/models/evaluation-results.server";
import {
  AlreadyLoggedError,
  AnswersInvalidError,
  defaultWindow,
  listFreeTextAnswers,
  logAnswerAsDisclosure,
  questionnaireByCode,
  readFreeTextAnswer,
  saveQuestionnaireVersion,
  savePaperTally,
  setQuestionnaireRun,
  submitQuestionnaire,
} from "~/models/questionnaires.server";
import { IdentifyingTextError } from "~/models/disclosures.server";
import { rotateDisclosureKey } from "~/models/disclosure-keys.server";
import { currentKey, decryptText } from "~/utils/crypto.server";
import * as answerPage from "~/routes/q.$code";
import * as freeTextPage from "~/routes/evaluation.free-text.$answerId";
import * as resultsPage from "~/routes/evaluation._index";
import { db } from "~/utils/db.server";
import { ForbiddenError } from "~/utils/errors";
import { addDays, todayInLondon } from "~/utils/time";
import { makeProgramme, makeQuestionnaire, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { get, run, signedInAs } from "../setup/requests";

const META = { ip: "203.0.113.9", userAgent: "vitest" };
const BASE = "http://localhost";

let world: Awaited<ReturnType<typeof makeWorld>>;
async function makeWorld() {
  const team = await makeTeam(db, { name: "Touring team" });
  const venue = await makeVenue(db, { name: "Northfield Academy" });
  const programme = await makeProgramme(db, { name: "The play" });
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const lead = await makeUser(db, { roles: ["LEAD"] });
  const manager = await makeUser(db, { roles: ["MANAGER"] });
  const session = (programmeId: string, date: string, status: "DELIVERED" | "CONFIRMED" = "DELIVERED") =>
    makeSession(db, { programmeId, venueId: venue.id, teamId: team.id, date, start: "10:00", end: "11:00", status });
  return { team, venue, programme, coordinator, lead, manager, session };
}
const actor = (u: { id: string; email: string }, role: string) => ({ id: u.id, email: u.email, roles: [role] });

beforeAll(async () => {
  world = await makeWorld();
});

describe("questionnaires and versions", () => {
  it("saves a change as a new version; answers keep the version they were given", async () => {
    const programme = await makeProgramme(db, { name: "Versions" });
    const coordinator = actor(world.coordinator, "COORDINATOR");
    const v1 = await saveQuestionnaireVersion(
      coordinator,
      programme.id,
      {
        design: "RETROSPECTIVE",
        pairing: false,
        questions: [{ kind: "AGREE_SCALE", text: "I know who to tell", options: [], measured: true }],
      },
      META,
    );
    const date = todayInLondon();
    const session = await world.session(programme.id, date);
    await setQuestionnaireRun(coordinator, session.id, { ...defaultWindow(session.startsAt), collecting: "AFTER" }, META);
    const run = await db.questionnaireRun.findUniqueOrThrow({ where: { sessionId: session.id } });
    expect(run).toMatchObject({ opensOn: date, closesOn: addDays(date, 7) });
    expect(run.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    await submitQuestionnaire(run.code, { "q1-before": "2", "q1-now": "5" });

    const v2 = await saveQuestionnaireVersion(
      coordinator,
      programme.id,
      {
        design: "RETROSPECTIVE",
        pairing: false,
        questions: [
          { kind: "AGREE_SCALE", text: "I know who to tell", options: [], measured: true },
          { kind: "CHOICE", text: "Where would you look for help?", options: ["Online", "A teacher", "A friend"], measured: false },
        ],
      },
      META,
    );
    expect([v1.number, v2.number]).toEqual([1, 2]);
    await submitQuestionnaire(run.code, { "q1-before": "4", "q1-now": "5", q2: "2" });
    const responses = await db.questionnaireResponse.findMany({ where: { sessionId: session.id }, orderBy: { submittedAt: "asc" } });
    expect(responses.map((r) => r.versionId)).toEqual([v1.id, v2.id]);
    expect(await db.auditEvent.count({ where: { action: "questionnaire.version", entityId: programme.id } })).toBe(2);
  });

  it("refuses a questionnaire with no before-and-after statement", async () => {
    await expect(
      saveQuestionnaireVersion(
        actor(world.coordinator, "COORDINATOR"),
        world.programme.id,
        {
          design: "RETROSPECTIVE",
          pairing: false,
          questions: [{ kind: "FREE_TEXT", text: "Anything else?", options: [], measured: false }],
        },
        META,
      ),
    ).rejects.toThrow("Mark at least one statement");
  });
});

describe("answering windows", () => {
  it("opens and closes on London dates, across the October clock change", async () => {
    const programme = await makeProgramme(db, { name: "Windows" });
    const session = await world.session(programme.id, "2026-10-20");
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      questions: [{ kind: "YES_NO", text: "I know where to get help online", measured: true }],
      run: { sessionId: session.id, code: "WNDW22", ...defaultWindow(session.startsAt) },
    });
    expect(defaultWindow(session.startsAt)).toEqual({ opensOn: "2026-10-20", closesOn: "2026-10-27" });
    const state = async (iso: string) => (await questionnaireByCode("wndw 22", new Date(iso))).state;
    // British Summer Time: 22:30 UTC on the 19th is 23:30 in London (not yet); 23:30 UTC is 00:30 on the 20th (open).
    expect(await state("2026-10-19T22:30:00Z")).toBe("not-yet");
    expect(await state("2026-10-19T23:30:00Z")).toBe("open");
    // After the clocks go back (25 October), London is UTC: the 27th is open to its last minute, the 28th is closed.
    expect(await state("2026-10-27T23:59:00Z")).toBe("open");
    expect(await state("2026-10-28T00:00:00Z")).toBe("closed");
    expect(await state("2026-10-21T10:00:00Z")).toBe("open");
    expect((await questionnaireByCode("NOSUCH", new Date("2026-10-21T10:00:00Z"))).state).toBe("unknown");
    // Nothing can be saved outside the window.
    expect(await submitQuestionnaire("WNDW22", { "q1-before": "1", "q1-now": "1" }, new Date("2026-10-28T09:00:00Z"))).toEqual({
      saved: false,
      state: "closed",
    });
    expect(await db.questionnaireResponse.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("lets a coordinator set the window, and refuses a closing date before the opening date", async () => {
    const session = await world.session(world.programme.id, "2026-11-03", "CONFIRMED");
    await makeQuestionnaire(db, {
      programmeId: world.programme.id,
      questions: [{ kind: "YES_NO", text: "I feel able to tell someone", measured: true }],
    });
    const coordinator = actor(world.coordinator, "COORDINATOR");
    await expect(
      setQuestionnaireRun(coordinator, session.id, { opensOn: "2026-11-05", closesOn: "2026-11-04", collecting: "AFTER" }, META),
    ).rejects.toThrow("The closing date must be the same as or after the opening date");
    await setQuestionnaireRun(coordinator, session.id, { opensOn: "2026-11-03", closesOn: "2026-11-20", collecting: "BEFORE" }, META);
    expect(await db.questionnaireRun.findUniqueOrThrow({ where: { sessionId: session.id } })).toMatchObject({
      opensOn: "2026-11-03",
      closesOn: "2026-11-20",
      collecting: "BEFORE",
    });
    // A facilitator of another team cannot see the session at all.
    const stranger = await makeUser(db, { roles: ["FACILITATOR"] });
    await expect(
      setQuestionnaireRun(
        actor(stranger, "FACILITATOR"),
        session.id,
        { opensOn: "2026-11-03", closesOn: "2026-11-04", collecting: "AFTER" },
        META,
      ),
    ).rejects.toThrow("Session not found");
  });
});

/** A posted pupil's form from an address (server.ts sets x-client-ip from the socket). */
function pupilPost(code: string, fields: Record<string, string>, { ip = "198.51.100.7", cookie }: { ip?: string; cookie?: string } = {}) {
  return new Request(`${BASE}/q/${code}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: BASE,
      "x-client-ip": ip,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

describe("the pupils' page", () => {
  let code: string;
  let sessionId: string;
  beforeAll(async () => {
    const programme = await makeProgramme(db, { name: "Hall" });
    const session = await world.session(programme.id, todayInLondon());
    sessionId = session.id;
    code = "HALL42";
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      questions: [
        { kind: "AGREE_SCALE", text: "I know what grooming looks like", measured: true },
        { kind: "FREE_TEXT", text: "Is there anything else you want to tell us?" },
      ],
      run: { sessionId, code, ...defaultWindow(session.startsAt) },
    });
  });

  it("takes one answer per phone: the second is refused politely and nothing more is saved", async () => {
    const first = await run(answerPage.action, pupilPost(code, { "q1-before": "2", "q1-now": "4" }), { code });
    expect(first.status).toBe(302);
    const setCookie = first.headers.get("Set-Cookie")!;
    // The cookie says only "answered": the same value for everyone, HTTP-only, sent only to the questionnaire pages
    // (their data requests too, /q/<code>.data, which a path of /q/<code> would miss).
    expect(setCookie).toMatch(/^answered-hall42-retrospective=/);
    expect(setCookie).toContain("Path=/q;");
    expect(setCookie).toContain("HttpOnly");
    const cookie = setCookie.split(";")[0];
    expect(await db.questionnaireResponse.count({ where: { sessionId } })).toBe(1);

    const again = await run(answerPage.action, pupilPost(code, { "q1-before": "5", "q1-now": "5" }, { cookie }), { code });
    expect(again.status).toBe(302);
    expect(await db.questionnaireResponse.count({ where: { sessionId } })).toBe(1);
    const page = await run(
      answerPage.loader,
      new Request(`${BASE}/q/${code}`, { headers: { Cookie: cookie, "x-client-ip": "198.51.100.7" } }),
      { code },
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ answered: true });
    // Before answering, the page sets no cookie at all.
    const fresh = await run(answerPage.loader, new Request(`${BASE}/q/${code}`, { headers: { "x-client-ip": "198.51.100.8" } }), { code });
    expect(fresh.headers.get("Set-Cookie")).toBeNull();
    expect(fresh.data).toMatchObject({ answered: false, found: { state: "open" } });
  });

  it("takes 300 answers from one school's shared address", async () => {
    const before = await db.questionnaireResponse.count({ where: { sessionId } });
    const statuses: number[] = [];
    // Phones in a hall answer at once: ten at a time, all from the school's one address.
    for (let batch = 0; batch < 30; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          run(answerPage.action, pupilPost(code, { "q1-before": String(((batch + i) % 5) + 1), "q1-now": "5" }, { ip: "192.0.2.200" }), {
            code,
          }),
        ),
      );
      statuses.push(...replies.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    expect(await db.questionnaireResponse.count({ where: { sessionId } })).toBe(before + 300);
  }, 600_000);

  it("answers bad or hostile input with GOV.UK errors and saves nothing", async () => {
    const before = await db.questionnaireAnswer.count();
    const cases: Record<string, string>[] = [
      {},
      { "q1-before": "6", "q1-now": "4" },
      { "q1-before": "2; DROP TABLE", "q1-now": "4" },
      { "q1-before": "2", "q1-now": "4", q2: "x".repeat(2001) },
      { "q1-before": "2", "q1-now": "4", q2: "bad\u0000byte" },
    ];
    for (const fields of cases) {
      const reply = await run(answerPage.action, pupilPost(code, fields, { ip: "192.0.2.55" }), { code });
      expect(reply.status).toBe(400);
      expect(Object.keys((reply.data as { errors: Record<string, string[]> }).errors).length).toBeGreaterThan(0);
    }
    const missing = await run(answerPage.action, pupilPost(code, { "q1-now": "4" }, { ip: "192.0.2.55" }), { code });
    expect((missing.data as { errors: Record<string, string[]> }).errors).toEqual({ "q1-before": ["Select an answer for before today"] });
    expect(await db.questionnaireAnswer.count()).toBe(before);
    await expect(submitQuestionnaire(code, { "q1-before": "9", "q1-now": "1" })).rejects.toBeInstanceOf(AnswersInvalidError);
  });

  it("gives a clear page for an unknown code", async () => {
    const reply = await run(answerPage.loader, new Request(`${BASE}/q/ZZZZZZ`, { headers: { "x-client-ip": "192.0.2.77" } }), {
      code: "ZZZZZZ",
    });
    expect(reply.status).toBe(404);
    expect(reply.data).toMatchObject({ found: { state: "unknown" } });
  });
});

describe("free text: a possible disclosure", () => {
  let answerId: string;
  let sessionId: string;
  beforeAll(async () => {
    const programme = await makeProgramme(db, { name: "Free text" });
    const session = await world.session(programme.id, todayInLondon());
    sessionId = session.id;
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      questions: [
        { kind: "YES_NO", text: "I know who to tell", measured: true },
        { kind: "FREE_TEXT", text: "Anything else?" },
      ],
      run: { sessionId, code: "FREE77", ...defaultWindow(session.startsAt) },
    });
    await submitQuestionnaire("FREE77", {
      "q1-before": "2",
      "q1-now": "1",
      q2: "A man called Darren at the park keeps asking me for photos",
    });
    const answer = await db.questionnaireAnswer.findFirstOrThrow({ where: { response: { sessionId }, textCiphertext: { not: null } } });
    answerId = answer.id;
  });

  it("is encrypted at rest and flagged by the name check", async () => {
    const stored = await db.questionnaireAnswer.findUniqueOrThrow({ where: { id: answerId } });
    expect(stored.textCiphertext).toMatch(/^v1\./);
    expect(stored.textCiphertext).not.toContain("Darren");
    expect(stored.textFlagged).toBe(true);
  });

  it("is re-encrypted when the disclosure key is rotated", async () => {
    const newKey = Buffer.alloc(32, 23);
    await rotateDisclosureKey({ oldKey: currentKey(), newKey });
    const stored = await db.questionnaireAnswer.findUniqueOrThrow({ where: { id: answerId } });
    expect(decryptText(stored.textCiphertext!, newKey)).toBe("A man called Darren at the park keeps asking me for photos");
    await rotateDisclosureKey({ oldKey: newKey, newKey: currentKey() });
    const back = await db.questionnaireAnswer.findUniqueOrThrow({ where: { id: answerId } });
    expect(decryptText(back.textCiphertext!)).toBe("A man called Darren at the park keeps asking me for photos");
  });

  it("is readable only by leads, and every read is audited", async () => {
    const manager = actor(world.manager, "MANAGER");
    await expect(readFreeTextAnswer(manager, answerId, META)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listFreeTextAnswers(actor(world.coordinator, "COORDINATOR"), { page: 1 }, META)).rejects.toBeInstanceOf(ForbiddenError);
    const lead = actor(world.lead, "LEAD");
    const reads = () => db.auditEvent.count({ where: { action: "questionnaire.free_text_read", entityId: answerId } });
    expect(await reads()).toBe(0);
    const first = await readFreeTextAnswer(lead, answerId, META);
    expect(first.answer.text).toBe("A man called Darren at the park keeps asking me for photos");
    await readFreeTextAnswer(lead, answerId, META);
    expect(await reads()).toBe(2);
    const list = await listFreeTextAnswers(lead, { page: 1 }, META);
    expect(list.items.find((i) => i.id === answerId)?.flagged).toBe(true);
    const listed = await db.auditEvent.findFirstOrThrow({ where: { action: "questionnaire.free_text_list" }, orderBy: { at: "desc" } });
    expect((listed.details as { shown: string[] }).shown).toContain(answerId);
    // The audit never holds the text.
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { entityType: "QuestionnaireAnswer" } }))).not.toContain("Darren");

    // Through the page: a manager is refused, a lead reads it.
    const managerCookie = (await signedInAs(["MANAGER"])).cookie;
    expect((await run(freeTextPage.loader, get(`/evaluation/free-text/${answerId}`, managerCookie), { answerId })).status).toBe(403);
  });

  it("managers see only the count of free-text answers in results", async () => {
    const managerCookie = (await signedInAs(["MANAGER"])).cookie;
    const programmeId = (await db.session.findUniqueOrThrow({ where: { id: sessionId } })).programmeId;
    const page = await run(resultsPage.loader, get(`/evaluation?programme=${programmeId}`, managerCookie));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain("Darren");
    expect(page.data).toMatchObject({ canReadFreeText: false, results: { freeTextAnswers: "fewer than 5" } });
  });

  it("becomes a disclosure linked to the session in one step, once; names are refused", async () => {
    const lead = actor(world.lead, "LEAD");
    const category = await db.concernCategory.create({ data: { code: `CSE-${Date.now()}`, label: "Child sexual exploitation" } });
    await expect(
      logAnswerAsDisclosure(
        lead,
        answerId,
        { account: "A man called Darren asks for photos", risk: "HIGH", categoryIds: [category.id] },
        META,
      ),
    ).rejects.toBeInstanceOf(IdentifyingTextError);
    expect(await db.disclosure.count({ where: { sessionId } })).toBe(0);

    const created = await logAnswerAsDisclosure(
      lead,
      answerId,
      { account: "A man at the park keeps asking me for photos", risk: "HIGH", categoryIds: [category.id] },
      META,
    );
    const disclosure = await db.disclosure.findUniqueOrThrow({ where: { id: created.id } });
    const answer = await db.questionnaireAnswer.findUniqueOrThrow({ where: { id: answerId } });
    expect(disclosure).toMatchObject({ sessionId, risk: "HIGH", receivedById: world.lead.id, disclosedAt: answer.createdAt });
    expect(answer.disclosureId).toBe(created.id);
    expect(await db.auditEvent.count({ where: { action: "questionnaire.free_text_disclosure", entityId: answerId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "disclosure.create", entityId: created.id } })).toBe(1);
    await expect(
      logAnswerAsDisclosure(lead, answerId, { account: "Again", risk: "LOW", categoryIds: [category.id] }, META),
    ).rejects.toBeInstanceOf(AlreadyLoggedError);
  });
});

describe("paper tallies", () => {
  it("refuses counts that add up to more than the forms, saving nothing; replaces the tally on a correction", async () => {
    const programme = await makeProgramme(db, { name: "Paper" });
    const session = await world.session(programme.id, "2026-10-20");
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      questions: [{ kind: "AGREE_SCALE", text: "It is never the victim's fault", measured: true }],
    });
    const coordinator = actor(world.coordinator, "COORDINATOR");
    await expect(
      savePaperTally(
        coordinator,
        session.id,
        { sitting: "RETROSPECTIVE", forms: 10, counts: { "q1-before-1": 6, "q1-before-2": 6 } },
        META,
      ),
    ).rejects.toBeInstanceOf(AnswersInvalidError);
    expect(await db.paperTally.count({ where: { sessionId: session.id } })).toBe(0);
    await savePaperTally(
      coordinator,
      session.id,
      { sitting: "RETROSPECTIVE", forms: 10, counts: { "q1-before-2": 10, "q1-now-4": 7 } },
      META,
    );
    await savePaperTally(
      coordinator,
      session.id,
      { sitting: "RETROSPECTIVE", forms: 12, counts: { "q1-before-2": 12, "q1-now-5": 9 } },
      META,
    );
    const tallies = await db.paperTally.findMany({ where: { sessionId: session.id }, include: { counts: true } });
    expect(tallies).toHaveLength(1);
    expect(tallies[0].forms).toBe(12);
    expect(tallies[0].counts.map((c) => [c.timing, c.value, c.count, c.agrees]).sort()).toEqual([
      ["AFTER", 5, 9, true],
      ["BEFORE", 2, 12, false],
    ]);
  });
});

describe("results", () => {
  const query = { period: "custom", fromDay: "1", fromMonth: "9", fromYear: "2026", toDay: "31", toMonth: "8", toYear: "2027" };
  const now = new Date("2026-10-21T10:00:00Z");

  it("reports shares with Wilson intervals, the change with Newcombe's, pairs with McNemar, and the response rate", async () => {
    const programme = await makeProgramme(db, { name: "Results" });
    const session = await world.session(programme.id, "2026-10-20");
    await db.attendanceCount.create({ data: { sessionId: session.id, yearGroup: "Y10", sex: "NOT_RECORDED", count: 40 } });
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      questions: [{ kind: "AGREE_SCALE", text: "I would know who to tell", measured: true }],
      run: { sessionId: session.id, code: "RSLT20", opensOn: "2026-10-20", closesOn: "2026-10-27" },
    });
    // 20 pupils: 5 agree before and now, 1 before only, 10 now only, 4 neither.
    const answers = [...Array(5).fill(["4", "5"]), ["5", "2"], ...Array(10).fill(["2", "4"]), ...Array(4).fill(["3", "3"])] as [
      string,
      string,
    ][];
    for (const [before, after] of answers) await submitQuestionnaire("RSLT20", { "q1-before": before, "q1-now": after }, now);
    await savePaperTally(
      actor(world.coordinator, "COORDINATOR"),
      session.id,
      { sitting: "RETROSPECTIVE", forms: 3, counts: { "q1-before-4": 1, "q1-now-4": 3 } },
      META,
    );

    const { results } = await evaluationResults({ query: { ...query, programme: programme.id }, now });
    expect(results).not.toBeNull();
    const [statement] = results!.statements;
    // Before: 6 of 20. p = 0.3, centre (0.3 + 0.09604) / 1.19207 = 0.33223, half-width (1.96 / 1.19207) × √(0.0105 + 0.0024009)
    // = 1.64418 × 0.11358 = 0.18675 → 0.14548 to 0.51897.
    expect(statement.before.n).toBe(20);
    expect(statement.before.share!.share).toBeCloseTo(0.3, 10);
    expect(statement.before.share!.lower).toBeCloseTo(0.14548, 4);
    expect(statement.before.share!.upper).toBeCloseTo(0.51897, 4);
    // Now: 15 of 20. centre (0.75 + 0.09604) / 1.19207 = 0.70972, half-width 1.64418 × √(0.009375 + 0.0024009) = 0.17842
    // → 0.53130 to 0.88814.
    expect(statement.after.share!.lower).toBeCloseTo(0.5313, 4);
    expect(statement.after.share!.upper).toBeCloseTo(0.88814, 4);
    // Change +0.45: lower 0.45 − √((0.75 − 0.5313)² + (0.51897 − 0.3)²) = 0.45 − 0.30948 = 0.14052;
    // upper 0.45 + √((0.88814 − 0.75)² + (0.3 − 0.14548)²) = 0.45 + 0.20727 = 0.65727.
    expect(statement.change!.difference).toBeCloseTo(0.45, 10);
    expect(statement.change!.lower).toBeCloseTo(0.14052, 4);
    expect(statement.change!.upper).toBeCloseTo(0.65727, 4);
    // Paired (a retrospective answer pairs itself): 1 agreed before only, 10 now only; exact p = 2 × (1 + 11) / 2¹¹.
    const [paired] = results!.paired!;
    expect(paired).toMatchObject({ pairs: 20, agreeBeforeOnly: "fewer than 5", agreeAfterOnly: 10, method: "exact" });
    expect(paired.p).toBeCloseTo(24 / 2048, 10);
    // Paper kept apart: 3 forms is under 5, so suppressed.
    expect(results!.paper).toMatchObject({ after: "fewer than 5" });
    expect(results!.paperStatements![0].after).toEqual({ n: "fewer than 5", share: null });
    // 20 online and 3 paper answers after the performance, of 40 pupils reached.
    expect(results!.pupilsReached).toBe(40);
    expect(results!.responseRate).toBeCloseTo(23 / 40, 10);
  });

  it("suppresses figures under 5 for every viewer", async () => {
    const programme = await makeProgramme(db, { name: "Small" });
    const session = await world.session(programme.id, "2026-10-20");
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      questions: [{ kind: "YES_NO", text: "I know where to get help online", measured: true }],
      run: { sessionId: session.id, code: "SMALL4", opensOn: "2026-10-20", closesOn: "2026-10-27" },
    });
    for (let i = 0; i < 4; i++) await submitQuestionnaire("SMALL4", { "q1-before": "2", "q1-now": "1" }, now);
    const { results } = await evaluationResults({ query: { ...query, programme: programme.id }, now });
    expect(results!.online.after).toBe("fewer than 5");
    expect(results!.statements[0]).toEqual({
      text: "I know where to get help online",
      before: { n: "fewer than 5", share: null },
      after: { n: "fewer than 5", share: null },
      change: null,
    });
    expect(results!.responseRate).toBeNull();
  });

  it("pairs before and after answers by the anonymous code, tolerating one differing part, and keeps no code once paired", async () => {
    const programme = await makeProgramme(db, { name: "Pairs" });
    const session = await world.session(programme.id, "2026-10-20");
    await makeQuestionnaire(db, {
      programmeId: programme.id,
      design: "BEFORE_AFTER",
      pairing: true,
      questions: [{ kind: "AGREE_SCALE", text: "I understand what exploitation is", measured: true }],
      run: { sessionId: session.id, code: "PAIR55", opensOn: "2026-10-20", closesOn: "2026-10-27", collecting: "BEFORE" },
    });
    const code = (month: string, siblings: string, street: string, phone: string) => ({
      codeMonth: month,
      codeSiblings: siblings,
      codeStreet: street,
      codePhone: phone,
    });
    await submitQuestionnaire("PAIR55", { q1: "2", ...code("March", "1", "M", "7") }, now);
    await submitQuestionnaire("PAIR55", { q1: "4", ...code("July", "0", "B", "3") }, now);
    await expect(submitQuestionnaire("PAIR55", { q1: "2", codeMonth: "March" }, now)).rejects.toBeInstanceOf(AnswersInvalidError);
    await db.questionnaireRun.update({ where: { sessionId: session.id }, data: { collecting: "AFTER" } });
    // One part misremembered (street letter N for M): still paired. A code matching nothing stays unpaired.
    const paired = await submitQuestionnaire("PAIR55", { q1: "5", ...code("March", "1", "N", "7") }, now);
    const unpaired = await submitQuestionnaire("PAIR55", { q1: "5", ...code("December", "3", "Z", "No phone") }, now);
    expect(paired).toMatchObject({ saved: true, paired: true });
    expect(unpaired).toMatchObject({ saved: true, paired: false });
    const rows = await db.questionnaireResponse.findMany({
      where: { sessionId: session.id },
      select: { sitting: true, pairingCode: true, pairedWithId: true },
    });
    expect(rows.filter((r) => r.pairedWithId)).toHaveLength(1);
    expect(
      rows
        .filter((r) => r.pairingCode)
        .map((r) => r.pairingCode)
        .sort(),
    ).toEqual(["December|3|Z|No phone", "July|0|B|3"]);
    const after = await db.questionnaireAnswer.findFirstOrThrow({
      where: { response: { pairedWithId: { not: null }, sessionId: session.id } },
    });
    expect(after).toMatchObject({ timing: "AFTER", agrees: true, beforeAgrees: false });
  });
});
