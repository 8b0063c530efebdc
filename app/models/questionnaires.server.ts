// Evaluation questionnaires (issue 18, ADR 020): a programme's questions in versions, a session's short code and
// answering window, pupils' anonymous answers, free text as a possible disclosure (leads only, encrypted, audited),
// and tallies typed in from paper forms. Results are counted in evaluation-results.server.ts.
import { randomInt } from "node:crypto";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { decryptText, encryptText } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import { assertCan, type Role } from "~/utils/permissions";
import { addDays, londonDate, todayInLondon } from "~/utils/time";
import { visibleSessionsWhere } from "./sessions/queries.server";
import { findIdentifyingText, identifierPatterns } from "./disclosure-settings.server";
import { insertDisclosure } from "./disclosures.server";
import type { RiskLevel } from "./disclosure-options";
import {
  agrees,
  answerChoices,
  FREE_TEXT_MAX,
  isStatementKind,
  PAIRING_PARTS,
  type Design,
  type QuestionKind,
  type Sitting,
} from "./questionnaire-options";

/** Answers the model refused, by field, so the page shows every problem at once and saves nothing. */
export class AnswersInvalidError extends DomainError {
  constructor(public readonly errors: Record<string, string[]>) {
    super(Object.values(errors)[0]?.[0] ?? "Check your answers");
  }
}

// ─── Questionnaires and versions (coordinators) ───

export type QuestionInput = { kind: QuestionKind; text: string; options: string[]; measured: boolean };
export type QuestionnaireInput = { design: Design; pairing: boolean; questions: QuestionInput[] };

const QUESTION_SELECT = { id: true, position: true, kind: true, text: true, options: true, measured: true } as const;
export type Question = { id: string; position: number; kind: string; text: string; options: string | null; measured: boolean };

async function currentVersion(tx: Tx, programmeId: string) {
  return tx.questionnaireVersion.findFirst({
    where: { questionnaire: { programmeId } },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      design: true,
      pairing: true,
      createdAt: true,
      questions: { select: QUESTION_SELECT, orderBy: { position: "asc" } },
    },
  });
}

/** A programme's questionnaire as its page shows it: the current version, and how many versions and answers there are. */
export async function programmeQuestionnaire(programmeId: string) {
  const programme = await db.programme.findUnique({ where: { id: programmeId }, select: { id: true, name: true } });
  if (!programme) throw new NotFoundError("Programme not found");
  const version = await currentVersion(db, programmeId);
  const versions = await db.questionnaireVersion.count({ where: { questionnaire: { programmeId } } });
  const responses = await db.questionnaireResponse.count({ where: { programmeId } });
  return { programme, version, versions, responses };
}

/**
 * Save the questions as a new version (the first makes the questionnaire). Answers already given keep the version
 * they answered, so changing the questions never rewrites what pupils were asked.
 */
export async function saveQuestionnaireVersion(actor: Actor, programmeId: string, input: QuestionnaireInput, meta: RequestMeta) {
  assertCan(actor, "questionnaire:manage");
  if (!input.questions.some((q) => q.measured)) throw new DomainError("Mark at least one statement to ask before and after", "measured1");
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.findUnique({ where: { id: programmeId }, select: { id: true } });
    if (!programme) throw new NotFoundError("Programme not found");
    const questionnaire = await tx.questionnaire.upsert({
      where: { programmeId },
      create: { programmeId },
      update: {},
      select: { id: true },
    });
    const last = await tx.questionnaireVersion.findFirst({
      where: { questionnaireId: questionnaire.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const version = await tx.questionnaireVersion.create({
      data: {
        questionnaireId: questionnaire.id,
        number: (last?.number ?? 0) + 1,
        design: input.design,
        pairing: input.design === "BEFORE_AFTER" && input.pairing,
        createdById: actor.id,
        questions: {
          create: input.questions.map((q, i) => ({
            position: i + 1,
            kind: q.kind,
            text: q.text,
            options: q.kind === "CHOICE" ? q.options.join("\n") : null,
            measured: q.measured && isStatementKind(q.kind),
          })),
        },
      },
      select: { id: true, number: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "questionnaire.version",
        entityType: "Programme",
        entityId: programmeId,
        details: { v: 1, versionId: version.id, number: version.number, questions: input.questions.length },
      },
    );
    return version;
  });
}

// ─── A session's code and answering window (facilitators and coordinators) ───

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const CODE_LENGTH = 6;
/** Codes are typed from a hall screen: no 0/O or 1/I, case and spaces ignored. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "").slice(0, 20);
const newCode = () => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

/** The default window: the session's day and the 7 days after (London dates). */
export const defaultWindow = (startsAt: Date) => ({ opensOn: londonDate(startsAt), closesOn: addDays(londonDate(startsAt), 7) });

async function visibleSession(actor: Actor, sessionId: string, tx: Tx = db) {
  const session = await tx.session.findFirst({
    where: { AND: [{ id: sessionId }, visibleSessionsWhere({ id: actor.id, roles: actor.roles as readonly Role[] })] },
    select: {
      id: true,
      startsAt: true,
      status: true,
      programmeId: true,
      programme: { select: { name: true } },
      venue: { select: { name: true } },
      questionnaireRun: { select: { code: true, opensOn: true, closesOn: true, collecting: true } },
    },
  });
  if (!session) throw new NotFoundError("Session not found");
  return session;
}

/** What the session's questionnaire page shows: the code, window, what is being collected and how many answered. */
export async function sessionQuestionnaire(actor: Actor, sessionId: string) {
  assertCan(actor, "questionnaire:run");
  const session = await visibleSession(actor, sessionId);
  const version = await currentVersion(db, session.programmeId);
  const [online, paper] = await Promise.all([
    db.questionnaireResponse.groupBy({ by: ["sitting"], where: { sessionId }, _count: { _all: true } }),
    db.paperTally.findMany({ where: { sessionId }, select: { sitting: true, forms: true, enteredAt: true } }),
  ]);
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      cancelled: session.status === "CANCELLED",
      programmeName: session.programme.name,
      venueName: session.venue.name,
    },
    version: version ? { number: version.number, design: version.design as Design, questions: version.questions.length } : null,
    run: session.questionnaireRun,
    defaults: defaultWindow(session.startsAt),
    online: Object.fromEntries(online.map((g) => [g.sitting, g._count._all])) as Partial<Record<Sitting, number>>,
    paper,
  };
}

export class WindowError extends DomainError {}

/** Give the session a code (the first time) and set its window; or switch which sitting is collected. */
export async function setQuestionnaireRun(
  actor: Actor,
  sessionId: string,
  input: { opensOn: string; closesOn: string; collecting: "BEFORE" | "AFTER" },
  meta: RequestMeta,
) {
  assertCan(actor, "questionnaire:run");
  if (input.closesOn < input.opensOn) throw new WindowError("The closing date must be the same as or after the opening date", "closesOn");
  if (addDays(input.opensOn, 60) < input.closesOn) throw new WindowError("The window must be 60 days or shorter", "closesOn");
  return db.$transaction(async (tx) => {
    const session = await visibleSession(actor, sessionId, tx);
    if (session.status === "CANCELLED") throw new DomainError("The session is cancelled", "opensOn");
    const version = await currentVersion(tx, session.programmeId);
    if (!version)
      throw new DomainError("The programme has no questionnaire yet: a coordinator sets one on the programme's page", "opensOn");
    let code = session.questionnaireRun?.code;
    if (!code) {
      code = newCode();
      while (await tx.questionnaireRun.count({ where: { code } })) code = newCode();
    }
    await tx.questionnaireRun.upsert({
      where: { sessionId },
      create: { sessionId, code, opensOn: input.opensOn, closesOn: input.closesOn, collecting: input.collecting },
      update: { opensOn: input.opensOn, closesOn: input.closesOn, collecting: input.collecting },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "questionnaire.run",
        entityType: "Session",
        entityId: sessionId,
        details: { v: 1, opensOn: input.opensOn, closesOn: input.closesOn, collecting: input.collecting },
      },
    );
    return { code };
  });
}

// ─── Answering (pupils: no account) ───

export type OpenQuestionnaire = {
  code: string;
  sitting: Sitting;
  design: Design;
  pairing: boolean;
  closesOn: string;
  questions: Question[];
};
export type QuestionnaireByCode = { state: "open"; questionnaire: OpenQuestionnaire } | { state: "closed" | "not-yet" | "unknown" };

/** The questions a sitting asks: before the performance only the measured statements; after it, everything. */
const askedIn = (sitting: Sitting, questions: Question[]) => (sitting === "BEFORE" ? questions.filter((q) => q.measured) : questions);

async function lookUpCode(tx: Tx, code: string, now: Date) {
  const run = await tx.questionnaireRun.findUnique({
    where: { code: normaliseCode(code) },
    select: {
      code: true,
      opensOn: true,
      closesOn: true,
      collecting: true,
      session: { select: { id: true, status: true, startsAt: true, programmeId: true } },
    },
  });
  if (!run || run.session.status === "CANCELLED") return { state: "unknown" as const };
  const today = todayInLondon(now);
  if (today < run.opensOn) return { state: "not-yet" as const };
  if (today > run.closesOn) return { state: "closed" as const };
  const version = await currentVersion(tx, run.session.programmeId);
  if (!version) return { state: "unknown" as const };
  const design = version.design as Design;
  const sitting: Sitting = design === "RETROSPECTIVE" ? "RETROSPECTIVE" : (run.collecting as "BEFORE" | "AFTER");
  return {
    state: "open" as const,
    run,
    version,
    questionnaire: {
      code: run.code,
      sitting,
      design,
      pairing: version.pairing,
      closesOn: run.closesOn,
      questions: askedIn(sitting, version.questions),
    },
  };
}

export async function questionnaireByCode(code: string, now = new Date()): Promise<QuestionnaireByCode> {
  const found = await lookUpCode(db, code, now);
  return found.state === "open" ? { state: "open", questionnaire: found.questionnaire } : { state: found.state };
}

/** The form field names of a question's answers: two for a measured statement asked retrospectively. */
export function answerFields(sitting: Sitting, question: Question): { field: string; timing: "BEFORE" | "AFTER" | null }[] {
  const base = `q${question.position}`;
  if (!question.measured) return [{ field: base, timing: null }];
  if (sitting === "RETROSPECTIVE")
    return [
      { field: `${base}-before`, timing: "BEFORE" },
      { field: `${base}-now`, timing: "AFTER" },
    ];
  return [{ field: base, timing: sitting }];
}

type AnswerRow = { questionId: string; timing: string | null; value: number | null; agrees: boolean | null; text: string | null };

function readAnswers(sitting: Sitting, questions: Question[], form: Record<string, string>) {
  const errors: Record<string, string[]> = {};
  const rows: AnswerRow[] = [];
  for (const question of questions) {
    for (const { field, timing } of answerFields(sitting, question)) {
      const raw = (form[field] ?? "").trim();
      if (question.kind === "FREE_TEXT") {
        if (raw.length > FREE_TEXT_MAX) errors[field] = [`Your answer must be ${FREE_TEXT_MAX} characters or fewer`];
        else if (raw) rows.push({ questionId: question.id, timing, value: null, agrees: null, text: raw });
        continue;
      }
      const choices = answerChoices(question);
      const value = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
      if (!(value >= 1 && value <= choices.length)) {
        errors[field] = [timing === "BEFORE" && sitting === "RETROSPECTIVE" ? "Select an answer for before today" : "Select an answer"];
        continue;
      }
      rows.push({ questionId: question.id, timing, value, agrees: agrees(question.kind, value), text: null });
    }
  }
  return { errors, rows };
}

/** The pairing code as stored: four parts joined, or null when the pupil left it out (all parts, or none). */
function readPairingCode(form: Record<string, string>, errors: Record<string, string[]>): string | null {
  const parts = PAIRING_PARTS.map((part) => (form[part.name] ?? "").trim());
  if (parts.every((p) => !p)) return null;
  PAIRING_PARTS.forEach((part, i) => {
    if (!(part.choices as readonly string[]).includes(parts[i]))
      errors[part.name] = [`Select ${part.label.toLowerCase()}, or leave all four blank`];
  });
  return parts.join("|");
}

/** How many of the four parts differ. */
const differences = (a: string, b: string) => {
  const x = a.split("|");
  const y = b.split("|");
  return x.reduce((n, part, i) => n + (part === y[i] ? 0 : 1), 0);
};

/**
 * The BEFORE response of the same session this code belongs to, tolerating one differing part (a pupil misremembering
 * one answer). An exact match wins; otherwise exactly one near match; ambiguous codes are not paired.
 */
async function findPair(tx: Tx, sessionId: string, code: string) {
  const candidates = await tx.questionnaireResponse.findMany({
    where: { sessionId, sitting: "BEFORE", pairingCode: { not: null }, pairedBy: null },
    select: { id: true, pairingCode: true },
  });
  const exact = candidates.filter((c) => c.pairingCode === code);
  if (exact.length) return exact.length === 1 ? exact[0].id : null;
  const near = candidates.filter((c) => differences(c.pairingCode!, code) === 1);
  return near.length === 1 ? near[0].id : null;
}

/**
 * Save one pupil's answers in one transaction, or nothing: the code must be open, every closed question answered
 * with one of its choices, free text within its length. Free text is screened with the disclosure name-check
 * patterns (flagged for the lead, never refused: a pupil writing about abuse must not be turned away) and encrypted.
 */
export async function submitQuestionnaire(
  code: string,
  form: Record<string, string>,
  now = new Date(),
  /** Whether this browser has already answered this sitting (the route reads its cookie): then nothing is saved. */
  answeredAlready: (sitting: Sitting) => Promise<boolean> = async () => false,
) {
  return db.$transaction(async (tx) => {
    const found = await lookUpCode(tx, code, now);
    if (found.state !== "open") return { saved: false as const, state: found.state };
    const { run, version, questionnaire } = found;
    if (await answeredAlready(questionnaire.sitting)) return { saved: false as const, state: "answered" as const };
    const { errors, rows } = readAnswers(questionnaire.sitting, questionnaire.questions, form);
    const pairingCode = questionnaire.pairing && questionnaire.sitting !== "RETROSPECTIVE" ? readPairingCode(form, errors) : null;
    if (Object.keys(errors).length) throw new AnswersInvalidError(errors);

    const patterns = rows.some((r) => r.text) ? await identifierPatterns(tx) : [];
    const pairedWithId = pairingCode && questionnaire.sitting === "AFTER" ? await findPair(tx, run.session.id, pairingCode) : null;
    const beforeAgrees = new Map<string, boolean | null>();
    if (pairedWithId) {
      const before = await tx.questionnaireAnswer.findMany({
        where: { responseId: pairedWithId, timing: "BEFORE" },
        select: { questionId: true, agrees: true },
      });
      for (const b of before) beforeAgrees.set(b.questionId, b.agrees);
      // Paired: neither code is needed any more, so neither is kept.
      await tx.questionnaireResponse.update({ where: { id: pairedWithId }, data: { pairingCode: null } });
    } else if (questionnaire.sitting === "RETROSPECTIVE") {
      for (const r of rows) if (r.timing === "BEFORE") beforeAgrees.set(r.questionId, r.agrees);
    }
    const sessionDate = londonDate(run.session.startsAt);
    const response = await tx.questionnaireResponse.create({
      data: {
        sessionId: run.session.id,
        versionId: version.id,
        programmeId: run.session.programmeId,
        sessionDate,
        sitting: questionnaire.sitting,
        pairingCode: pairedWithId ? null : pairingCode,
        pairedWithId,
        submittedAt: now,
      },
      select: { id: true },
    });
    await tx.questionnaireAnswer.createMany({
      data: rows.map((r) => ({
        responseId: response.id,
        questionId: r.questionId,
        programmeId: run.session.programmeId,
        sessionDate,
        timing: r.timing,
        value: r.value,
        agrees: r.agrees,
        beforeAgrees: r.timing === "AFTER" ? (beforeAgrees.get(r.questionId) ?? null) : null,
        textCiphertext: r.text ? encryptText(r.text) : null,
        textFlagged: r.text ? findIdentifyingText(r.text, [], patterns) !== null : false,
        createdAt: now,
      })),
    });
    return { saved: true as const, sitting: questionnaire.sitting, closesOn: questionnaire.closesOn, paired: pairedWithId !== null };
  });
}

// ─── Free text: a possible disclosure (leads only; every read audited in the same transaction) ───

const FREE_TEXT_WHERE = { textCiphertext: { not: null } };
const FREE_TEXT_SELECT = {
  id: true,
  textCiphertext: true,
  textFlagged: true,
  createdAt: true,
  disclosure: { select: { id: true, reference: true } },
  question: { select: { text: true } },
  response: {
    select: {
      sessionId: true,
      session: { select: { startsAt: true, venue: { select: { name: true } }, programme: { select: { name: true } } } },
    },
  },
} as const;

type FreeTextRow = {
  id: string;
  textCiphertext: string | null;
  textFlagged: boolean;
  createdAt: Date;
  disclosure: { id: string; reference: string } | null;
  question: { text: string };
  response: { sessionId: string; session: { startsAt: Date; venue: { name: string }; programme: { name: string } } };
};

const freeTextView = (a: FreeTextRow) => ({
  id: a.id,
  text: decryptText(a.textCiphertext!),
  flagged: a.textFlagged,
  answeredAt: a.createdAt,
  question: a.question.text,
  disclosure: a.disclosure,
  session: {
    id: a.response.sessionId,
    startsAt: a.response.session.startsAt,
    venueName: a.response.session.venue.name,
    programmeName: a.response.session.programme.name,
  },
});

/** Free-text answers, newest first (flagged ones first), decrypted for a lead; the list read is audited with the ids shown. */
export async function listFreeTextAnswers(actor: Actor, { page }: { page: number }, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const items = await tx.questionnaireAnswer.findMany({
      where: FREE_TEXT_WHERE,
      orderBy: [{ textFlagged: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: FREE_TEXT_SELECT,
      ...pageWindow(page),
    });
    const total = await tx.questionnaireAnswer.count({ where: FREE_TEXT_WHERE });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "questionnaire.free_text_list", entityType: "QuestionnaireAnswer", details: { v: 1, page, shown: items.map((i) => i.id) } },
    );
    return toPage(items.map(freeTextView), total, page);
  });
}

/** One free-text answer for a lead (audited in the same transaction) and the concern categories to log it with. */
export async function readFreeTextAnswer(actor: Actor, answerId: string, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const answer = await tx.questionnaireAnswer.findFirst({ where: { id: answerId, ...FREE_TEXT_WHERE }, select: FREE_TEXT_SELECT });
    if (!answer) throw new NotFoundError("Answer not found");
    await writeAudit(
      tx,
      { actor, meta },
      { action: "questionnaire.free_text_read", entityType: "QuestionnaireAnswer", entityId: answerId, details: { v: 1 } },
    );
    const categories = await tx.concernCategory.findMany({
      where: { archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, label: true },
    });
    return { answer: freeTextView(answer), categories };
  });
}

export class AlreadyLoggedError extends DomainError {
  constructor(reference: string) {
    super(`This answer has already been logged as disclosure ${reference}`);
  }
}

/**
 * Log a free-text answer as a disclosure in one step: the lead's account (the answer, with any names taken out),
 * linked to the session, dated when the pupil answered. The answer is linked to the record; both audited together.
 */
export async function logAnswerAsDisclosure(
  actor: Actor,
  answerId: string,
  input: { account: string; risk: RiskLevel; categoryIds: string[] },
  meta: RequestMeta,
) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const answer = await tx.questionnaireAnswer.findFirst({
      where: { id: answerId, ...FREE_TEXT_WHERE },
      select: { createdAt: true, disclosure: { select: { reference: true } }, response: { select: { sessionId: true } } },
    });
    if (!answer) throw new NotFoundError("Answer not found");
    if (answer.disclosure) throw new AlreadyLoggedError(answer.disclosure.reference);
    const created = await insertDisclosure(
      tx,
      actor,
      {
        sessionId: answer.response.sessionId,
        unlinkedContext: null,
        disclosedAt: answer.createdAt,
        risk: input.risk,
        categoryIds: input.categoryIds,
        account: input.account,
        immediateAction: "Written by a pupil in an evaluation questionnaire's free-text answer",
      },
      meta,
    );
    await tx.questionnaireAnswer.update({ where: { id: answerId }, data: { disclosureId: created.id } });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "questionnaire.free_text_disclosure",
        entityType: "QuestionnaireAnswer",
        entityId: answerId,
        details: { v: 1, disclosureId: created.id },
      },
    );
    return created;
  });
}

// ─── Paper tallies ───

export type TallyInput = { sitting: Sitting; forms: number; counts: Record<string, number> };

/** What the paper tally form needs: the sitting's questions and answer choices, and the tally already entered. */
export async function paperTallyForm(actor: Actor, sessionId: string, sitting: Sitting | undefined) {
  assertCan(actor, "questionnaire:run");
  const session = await visibleSession(actor, sessionId);
  const version = await currentVersion(db, session.programmeId);
  if (!version) throw new NotFoundError("The programme has no questionnaire");
  const design = version.design as Design;
  const chosen: Sitting = design === "RETROSPECTIVE" ? "RETROSPECTIVE" : sitting === "BEFORE" ? "BEFORE" : "AFTER";
  const existing = await db.paperTally.findUnique({
    where: { sessionId_sitting: { sessionId, sitting: chosen } },
    select: { forms: true, counts: { select: { questionId: true, timing: true, value: true, count: true } } },
  });
  const questions = askedIn(chosen, version.questions).filter((q) => q.kind !== "FREE_TEXT");
  const values: Record<string, string> = existing ? { forms: String(existing.forms) } : {};
  for (const c of existing?.counts ?? []) {
    const q = questions.find((x) => x.id === c.questionId);
    const field = q && answerFields(chosen, q).find((f) => f.timing === c.timing)?.field;
    if (field) values[`${field}-${c.value}`] = String(c.count);
  }
  return {
    session: { id: session.id, startsAt: session.startsAt, programmeName: session.programme.name, venueName: session.venue.name },
    design,
    sitting: chosen,
    questions: questions.map((q) => ({ ...q, fields: answerFields(chosen, q), choices: answerChoices(q) })),
    values,
  };
}

/**
 * Replace the session's paper tally for a sitting: for each question, a count per answer, none more than the number
 * of forms and their sum at most the number of forms (a form may leave a question blank). All or nothing.
 */
export async function savePaperTally(actor: Actor, sessionId: string, input: TallyInput, meta: RequestMeta) {
  assertCan(actor, "questionnaire:run");
  return db.$transaction(async (tx) => {
    const session = await visibleSession(actor, sessionId, tx);
    const version = await currentVersion(tx, session.programmeId);
    if (!version) throw new NotFoundError("The programme has no questionnaire");
    const sitting: Sitting = version.design === "RETROSPECTIVE" ? "RETROSPECTIVE" : input.sitting === "BEFORE" ? "BEFORE" : "AFTER";
    const errors: Record<string, string[]> = {};
    const rows: { questionId: string; timing: string | null; value: number; count: number; agrees: boolean | null }[] = [];
    for (const question of askedIn(sitting, version.questions).filter((q) => q.kind !== "FREE_TEXT")) {
      for (const { field, timing } of answerFields(sitting, question)) {
        const choices = answerChoices(question);
        let sum = 0;
        choices.forEach((_, i) => {
          const count = input.counts[`${field}-${i + 1}`] ?? 0;
          sum += count;
          if (count > 0) rows.push({ questionId: question.id, timing, value: i + 1, count, agrees: agrees(question.kind, i + 1) });
        });
        if (sum > input.forms)
          errors[`${field}-1`] = [`The counts for “${question.text}” add up to ${sum}, more than the ${input.forms} forms`];
      }
    }
    if (Object.keys(errors).length) throw new AnswersInvalidError(errors);
    await tx.paperTally.deleteMany({ where: { sessionId, sitting } });
    const tally = await tx.paperTally.create({
      data: {
        sessionId,
        versionId: version.id,
        programmeId: session.programmeId,
        sessionDate: londonDate(session.startsAt),
        sitting,
        forms: input.forms,
        enteredById: actor.id,
        counts: { create: rows },
      },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "questionnaire.paper_tally", entityType: "Session", entityId: sessionId, details: { v: 1, sitting, forms: input.forms } },
    );
    return tally;
  });
}
