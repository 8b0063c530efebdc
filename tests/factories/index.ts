// Test and demo data builders, shared by the tests and prisma/seed.ts. Each takes the client to write with.
import { randomUUID } from "node:crypto";
import type { Tx } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { Role } from "~/utils/permissions";
import { londonToInstant } from "~/utils/time";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct-horse-battery-staple";
let testPasswordHash: Promise<string> | undefined;

export async function makeUser(
  db: Tx,
  input: { roles: Role[]; email?: string; name?: string; password?: string; active?: boolean; teamId?: string },
) {
  const passwordHash = input.password ? await hashPassword(input.password) : await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  return db.user.create({
    data: {
      email: (input.email ?? `user-${unique()}@example.test`).toLowerCase(),
      name: input.name ?? `Test ${input.roles.join(" ").toLowerCase()} ${unique()}`,
      passwordHash,
      active: input.active ?? true,
      roles: { create: input.roles.map((role) => ({ role })) },
      ...(input.teamId ? { teamMemberships: { create: { teamId: input.teamId } } } : {}),
    },
    select: { id: true, email: true, name: true },
  });
}

type ProgrammeInput = Partial<{
  name: string;
  kind: "SCHOOL_PLAY" | "COMMUNITY_PERFORMANCE" | "STAFF_BRIEFING" | "DRIVER_TRAINING" | "AWARENESS_STALL" | "OTHER";
  provider: string;
  audienceType: "PUPILS" | "STAFF" | "DRIVERS" | "PUBLIC";
  yearGroups: string;
  description: string;
  defaultDurationMinutes: number;
  capacity: number;
  getInMinutes: number;
  getOutMinutes: number;
  refresherMonths: number;
}>;

export function makeProgramme(db: Tx, input: ProgrammeInput = {}) {
  return db.programme.create({
    data: {
      name: input.name ?? `Programme ${unique()}`,
      kind: input.kind ?? "SCHOOL_PLAY",
      provider: input.provider ?? "Test Theatre Company",
      audienceType: input.audienceType ?? "PUPILS",
      yearGroups: input.yearGroups ?? "10",
      description: input.description,
      defaultDurationMinutes: input.defaultDurationMinutes ?? 90,
      capacity: input.capacity ?? 240,
      getInMinutes: input.getInMinutes ?? 60,
      getOutMinutes: input.getOutMinutes ?? 45,
      refresherMonths: input.refresherMonths,
    },
  });
}

export function makeTeam(
  db: Tx,
  input: Partial<{ name: string; provider: string; sessionsPerDay: number; workingWeekdays: string; basePostcode: string }> = {},
) {
  return db.team.create({
    data: {
      name: input.name ?? `Team ${unique()}`,
      provider: input.provider ?? "Test Theatre Company",
      sessionsPerDay: input.sessionsPerDay ?? 2,
      workingWeekdays: input.workingWeekdays ?? "1,2,3,4,5",
      basePostcode: input.basePostcode ?? "NF1 1AA",
    },
  });
}

type VenueInput = Partial<{
  kind:
    | "SECONDARY_SCHOOL"
    | "COLLEGE"
    | "SPECIAL_SCHOOL"
    | "PRIMARY_SCHOOL"
    | "COMMUNITY_VENUE"
    | "TAXI_OPERATOR"
    | "COUNCIL_SITE"
    | "PUBLIC_SPACE";
  name: string;
  addressLine1: string;
  town: string;
  postcode: string;
  phone: string;
  urn: string;
  phase: string;
  statutoryLowAge: number;
  statutoryHighAge: number;
  numberOnRoll: number;
  year10Count: number;
  laCode: string;
  hallCapacity: number;
  contact: { name: string; role: string; email: string; phone?: string };
}>;

export function makeVenue(db: Tx, input: VenueInput = {}) {
  const kind = input.kind ?? "SECONDARY_SCHOOL";
  const isSchool = ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL", "PRIMARY_SCHOOL"].includes(kind);
  return db.venue.create({
    data: {
      kind,
      name: input.name ?? `Venue ${unique()}`,
      addressLine1: input.addressLine1 ?? "1 High Street",
      town: input.town ?? "Northfield",
      postcode: input.postcode ?? "NF1 2AB",
      phone: input.phone,
      urn: input.urn,
      phase: input.phase ?? (isSchool ? "Secondary" : null),
      statutoryLowAge: input.statutoryLowAge ?? (isSchool ? 11 : null),
      statutoryHighAge: input.statutoryHighAge ?? (isSchool ? 16 : null),
      numberOnRoll: input.numberOnRoll,
      year10Count: input.year10Count,
      laCode: input.laCode ?? (isSchool ? "999" : null),
      hallCapacity: input.hallCapacity ?? 250,
      contacts: input.contact ? { create: { ...input.contact, isPrimary: true } } : undefined,
    },
  });
}

export function makeSession(
  db: Tx,
  input: { programmeId: string; venueId: string; teamId: string; date: string; start: string; end: string } & Partial<{
    status: "PROVISIONAL" | "INVITED" | "CONFIRMED" | "DECLINED" | "DELIVERED" | "CANCELLED";
    expectedPupils: number;
    yearGroups: string;
    createdById: string;
  }>,
) {
  const id = randomUUID();
  return db.session.create({
    data: {
      id,
      programmeId: input.programmeId,
      venueId: input.venueId,
      teamId: input.teamId,
      startsAt: londonToInstant(input.date, input.start),
      endsAt: londonToInstant(input.date, input.end),
      status: input.status ?? "PROVISIONAL",
      expectedPupils: input.expectedPupils,
      yearGroups: input.yearGroups,
      icalUid: `${id}@outreach.test`,
      createdById: input.createdById,
      deliveredAt: input.status === "DELIVERED" ? londonToInstant(input.date, input.end) : null,
    },
  });
}

/** A disclosure as if logged (text encrypted with the current key). Tests and the demo seed only. */
export async function makeDisclosure(
  db: Tx,
  input: { receivedById: string } & Partial<{
    sessionId: string;
    reference: string;
    disclosedAt: Date;
    risk: "LOW" | "MEDIUM" | "HIGH";
    account: string;
    immediateAction: string;
    status: "OPEN" | "REFERRED" | "MONITORING" | "CLOSED";
    legalHold: boolean;
    retainUntil: string;
    referralTo: string;
    referralAt: Date;
    categoryCodes: string[];
  }>,
) {
  const { encryptText } = await import("~/utils/crypto.server");
  const disclosedAt = input.disclosedAt ?? new Date();
  const categories = await db.concernCategory.findMany({ where: { code: { in: input.categoryCodes ?? ["CSE"] } }, select: { id: true } });
  return db.disclosure.create({
    data: {
      reference: input.reference ?? `D-${disclosedAt.getUTCFullYear()}-T${unique().toUpperCase().slice(-6)}`,
      sessionId: input.sessionId,
      unlinkedContext: input.sessionId ? null : "OUTREACH",
      disclosedAt,
      receivedById: input.receivedById,
      yearGroup: "Y10",
      risk: input.risk ?? "MEDIUM",
      accountCiphertext: encryptText(input.account ?? "A test account with no identifying details."),
      immediateActionCiphertext: input.immediateAction ? encryptText(input.immediateAction) : null,
      status: input.status ?? (input.referralTo ? "REFERRED" : "OPEN"),
      legalHold: input.legalHold ?? false,
      retainUntil: input.retainUntil ?? null,
      referralTo: input.referralTo,
      referralAt: input.referralAt,
      referralMinutes: input.referralAt ? Math.round((input.referralAt.getTime() - disclosedAt.getTime()) / 60_000) : null,
      categories: { create: categories.map((c) => ({ categoryId: c.id })) },
    },
    select: { id: true, reference: true },
  });
}
// ───── Attendance (issue 8) ─────

export function makePerson(
  db: Tx,
  input: Partial<{
    name: string;
    email: string;
    organisation: string;
    jobRole: string;
    licenceNumber: string;
    licensingAuthority: string;
    operatorId: string;
  }> = {},
) {
  return db.person.create({
    data: {
      name: input.name ?? `Person ${unique()}`,
      email: input.email?.toLowerCase(),
      organisation: input.organisation,
      jobRole: input.jobRole,
      licenceNumber: input.licenceNumber,
      licensingAuthority: input.licensingAuthority,
      operatorId: input.operatorId,
    },
  });
}

export function makeRegisterEntry(db: Tx, input: { sessionId: string; personId: string; status?: "EXPECTED" | "ATTENDED" | "ABSENT" }) {
  return db.registerEntry.create({ data: { sessionId: input.sessionId, personId: input.personId, status: input.status ?? "EXPECTED" } });
}
// ── Issue 5: school calendar ──
type TermInput = { name: string; startDate: string; endDate: string; halfTermStart?: string; halfTermEnd?: string };

/** An academic year with council-wide terms (or a venue's own terms when venueId is given for `venueTerms`). */
export async function makeAcademicYear(
  db: Tx,
  input: { name: string; startDate: string; endDate: string; terms?: TermInput[]; venueTerms?: { venueId: string; terms: TermInput[] } },
) {
  const year = await db.academicYear.create({
    data: { name: input.name, startDate: input.startDate, endDate: input.endDate, terms: { create: input.terms ?? [] } },
  });
  if (input.venueTerms) {
    await db.term.createMany({
      data: input.venueTerms.terms.map((t) => ({ ...t, academicYearId: year.id, venueId: input.venueTerms!.venueId })),
    });
  }
  return year;
}

/** The council's 2026/27 calendar used across tests (autumn half-term 26–30 October 2026). */
export const TERMS_2026_27: TermInput[] = [
  { name: "Autumn", startDate: "2026-09-03", endDate: "2026-12-18", halfTermStart: "2026-10-26", halfTermEnd: "2026-10-30" },
  { name: "Spring", startDate: "2027-01-05", endDate: "2027-03-25", halfTermStart: "2027-02-15", halfTermEnd: "2027-02-19" },
  { name: "Summer", startDate: "2027-04-12", endDate: "2027-07-21", halfTermStart: "2027-05-31", halfTermEnd: "2027-06-04" },
];

export function makeClosure(
  db: Tx,
  input: { venueId?: string | null; startDate: string; endDate?: string; reason?: "INSET" | "EXAMS" | "CLOSURE" | "OTHER"; note?: string },
) {
  return db.closure.create({
    data: {
      venueId: input.venueId ?? null,
      startDate: input.startDate,
      endDate: input.endDate ?? input.startDate,
      reason: input.reason ?? "INSET",
      note: input.note,
    },
  });
}

// ── Targets ──
export function makeTarget(
  db: Tx,
  input: {
    metric: "PUPILS_REACHED" | "SCHOOLS_COVERED" | "SESSIONS_DELIVERED" | "PEOPLE_TRAINED";
    value: number;
    fromDate: string;
    toDate: string;
    programmeId?: string | null;
    note?: string;
  },
) {
  return db.target.create({
    data: {
      metric: input.metric,
      value: input.value,
      fromDate: input.fromDate,
      toDate: input.toDate,
      programmeId: input.programmeId ?? null,
      note: input.note,
    },
  });
}

type QuestionSpec = { kind: "AGREE_SCALE" | "YES_NO" | "CHOICE" | "FREE_TEXT"; text: string; options?: string[]; measured?: boolean };
/** A questionnaire version for a programme (a new version when it has one) and, when given, a session's code and window. */
export async function makeQuestionnaire(
  db: Tx,
  input: {
    programmeId: string;
    design?: "BEFORE_AFTER" | "RETROSPECTIVE";
    pairing?: boolean;
    questions: QuestionSpec[];
    run?: { sessionId: string; code: string; opensOn: string; closesOn: string; collecting?: "BEFORE" | "AFTER" };
  },
) {
  const questionnaire = await db.questionnaire.upsert({
    where: { programmeId: input.programmeId },
    create: { programmeId: input.programmeId },
    update: {},
  });
  const number = (await db.questionnaireVersion.count({ where: { questionnaireId: questionnaire.id } })) + 1;
  const version = await db.questionnaireVersion.create({
    data: {
      questionnaireId: questionnaire.id,
      number,
      design: input.design ?? "RETROSPECTIVE",
      pairing: input.pairing ?? false,
      questions: {
        create: input.questions.map((q, i) => ({
          position: i + 1,
          kind: q.kind,
          text: q.text,
          options: q.options?.join("\n") ?? null,
          measured: q.measured ?? false,
        })),
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  const run = input.run
    ? await db.questionnaireRun.upsert({
        where: { sessionId: input.run.sessionId },
        create: { ...input.run, collecting: input.run.collecting ?? "AFTER" },
        update: { ...input.run, collecting: input.run.collecting ?? "AFTER" },
      })
    : null;
  return { version, run };
}
