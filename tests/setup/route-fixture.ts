// One set of records that every route in the role × route matrix, the GET-snapshot test and the fuzz test can point
// its URL params at. Created once per test file. Add a record here (and a line to the RouteFixture type) when a new
// kind of route needs one; keep names hostile so the escaping checks see them.
import { db } from "~/utils/db.server";
import { encryptText } from "~/utils/crypto.server";
import { ROLES, type Role } from "~/utils/permissions";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { generateCertificateNumber } from "~/models/certificates.server";
import { makeProgramme, makeQuestionnaire, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

/** Shown as text, never run: pages must escape it. */
export const HOSTILE_NAME = "<script>alert(1)</script>";
/** A spreadsheet formula: CSV exports must neutralise it (leading apostrophe). */
export const FORMULA_NAME = '=HYPERLINK("http://evil.test","x")';

export type AccessRole = "anonymous" | Role;
/** The columns of the expectation table, in this order. */
export const ALL_ROLES: readonly AccessRole[] = ["anonymous", "FACILITATOR", "COORDINATOR", "MANAGER", "LEAD", "ADMIN"];

const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

export async function createRouteFixture() {
  const users = {} as Record<Role, { id: string; email: string; name: string }>;
  const programme = await makeProgramme(db, { name: `${FORMULA_NAME} play` });
  const team = await makeTeam(db, { name: `${HOSTILE_NAME} team` });
  for (const role of ROLES) users[role] = await makeUser(db, { roles: [role], ...(role === "FACILITATOR" ? { teamId: team.id } : {}) });
  // Two-factor sign-in is mandatory for leads and admins: theirs is enrolled, so pages don't send them to enrolment.
  await db.user.updateMany({
    where: { id: { in: [users.LEAD.id, users.ADMIN.id] } },
    data: { totpSecret: encryptText("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), totpEnabledAt: new Date() },
  });

  const venue = await makeVenue(db, {
    name: HOSTILE_NAME,
    contact: { name: FORMULA_NAME, role: "Designated safeguarding lead", email: "dsl@school.example.test", phone: "01632 960000" },
  });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });

  const freshSession = (
    input: Partial<{ date: string; status: "PROVISIONAL" | "INVITED" | "CONFIRMED" | "DELIVERED" | "CANCELLED" }> = {},
  ) =>
    makeSession(db, {
      programmeId: programme.id,
      venueId: venue.id,
      teamId: team.id,
      date: input.date ?? isoDate(21),
      start: "10:00",
      end: "11:30",
      status: input.status ?? "INVITED",
      createdById: users.COORDINATOR.id,
      expectedPupils: 120,
      yearGroups: "10",
    });
  const session = await freshSession();
  const deliveredSession = await freshSession({ date: isoDate(-7), status: "DELIVERED" });

  const tokens = { invitation: generateToken(), venueFeed: generateToken(), teamFeed: generateToken(), passwordReset: generateToken() };
  const invitation = await db.invitation.create({
    data: {
      sessionId: session.id,
      contactId: contact.id,
      email: "dsl@school.example.test",
      tokenHash: hashToken(tokens.invitation),
      sentAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * DAY),
    },
  });
  const venueFeed = await db.calendarFeed.create({ data: { scope: "VENUE", venueId: venue.id, tokenHash: hashToken(tokens.venueFeed) } });
  const teamFeed = await db.calendarFeed.create({ data: { scope: "TEAM", teamId: team.id, tokenHash: hashToken(tokens.teamFeed) } });
  await db.passwordResetToken.create({
    data: { userId: users.FACILITATOR.id, tokenHash: hashToken(tokens.passwordReset), expiresAt: new Date(Date.now() + DAY) },
  });

  // Driver training keeps a register (people, marks, certificates); the school play above keeps pupil counts.
  const driverProgramme = await makeProgramme(db, {
    name: `${HOSTILE_NAME} driver training`,
    kind: "DRIVER_TRAINING",
    audienceType: "DRIVERS",
    yearGroups: "",
    refresherMonths: 36,
  });
  const driverSession = await makeSession(db, {
    programmeId: driverProgramme.id,
    venueId: venue.id,
    teamId: team.id,
    date: isoDate(-3),
    start: "18:00",
    end: "20:00",
    status: "DELIVERED",
    createdById: users.COORDINATOR.id,
  });
  // A course still to come, for refresher invitations.
  const refresherSession = await makeSession(db, {
    programmeId: driverProgramme.id,
    venueId: venue.id,
    teamId: team.id,
    date: isoDate(10),
    start: "18:00",
    end: "20:00",
    status: "CONFIRMED",
    createdById: users.COORDINATOR.id,
  });
  const person = await db.person.create({
    data: {
      name: FORMULA_NAME,
      email: "driver@example.test",
      organisation: HOSTILE_NAME,
      licenceNumber: "PH-0001",
      licensingAuthority: "Northfield",
    },
  });
  const expectedPerson = await db.person.create({
    data: { name: HOSTILE_NAME, email: "second.driver@example.test", licenceNumber: "PH-0002", licensingAuthority: "Northfield" },
  });
  await db.registerEntry.create({ data: { sessionId: driverSession.id, personId: person.id, status: "ATTENDED", markedAt: new Date() } });
  const registerEntry = await db.registerEntry.create({
    data: { sessionId: driverSession.id, personId: expectedPerson.id, status: "EXPECTED" },
  });
  const certificate = await db.certificate.create({
    data: { number: generateCertificateNumber(), personId: person.id, sessionId: driverSession.id, refresherDueOn: isoDate(20) },
  });
  await db.attendanceCount.create({ data: { sessionId: deliveredSession.id, yearGroup: "Y10", sex: "GIRL", count: 60 } });

  const concernCategory = await db.concernCategory.create({ data: { code: `CSE-${Date.now()}`, label: "Child sexual exploitation" } });
  const disclosure = await db.disclosure.create({
    data: {
      reference: `D-${Date.now().toString(36).toUpperCase()}`,
      sessionId: deliveredSession.id,
      disclosedAt: new Date(Date.now() - 7 * DAY),
      receivedById: users.FACILITATOR.id,
      yearGroup: "Y10",
      risk: "MEDIUM",
      accountCiphertext: encryptText(HOSTILE_NAME),
      categories: { create: { categoryId: concernCategory.id } },
    },
  });
  const disclosureAction = await db.disclosureAction.create({
    data: {
      disclosureId: disclosure.id,
      description: HOSTILE_NAME,
      ownerId: users.LEAD.id,
      dueDate: isoDate(7),
      createdById: users.LEAD.id,
    },
  });
  const academicYear = await db.academicYear.create({
    data: { name: `${new Date().getUTCFullYear()}/test`, startDate: isoDate(-60), endDate: isoDate(300) },
  });
  const term = await db.term.create({
    data: { academicYearId: academicYear.id, name: "Autumn", startDate: isoDate(-60), endDate: isoDate(30) },
  });
  const closure = await db.closure.create({
    data: { venueId: venue.id, startDate: isoDate(40), endDate: isoDate(41), reason: "INSET", note: HOSTILE_NAME },
  });
  const target = await db.target.create({
    data: { metric: "PUPILS_REACHED", programmeId: programme.id, value: 5000, fromDate: isoDate(-60), toDate: isoDate(300) },
  });
  const otherContact = await db.venueContact.create({
    data: { venueId: venue.id, name: HOSTILE_NAME, role: "Head of year 10", email: "hoy10@school.example.test" },
  });
  const outboxMessage = await db.outboxMessage.create({
    data: {
      to: "dsl@school.example.test",
      subject: HOSTILE_NAME,
      text: "Hello",
      html: "<p>Hello</p>",
      status: "FAILED",
      lastError: "550",
      sessionId: session.id,
    },
  });

  // An evaluation questionnaire, open at the delivered session, with one free-text answer (hostile text) for leads.
  const questionnaire = await makeQuestionnaire(db, {
    programmeId: programme.id,
    design: "RETROSPECTIVE",
    questions: [
      { kind: "AGREE_SCALE", text: `${HOSTILE_NAME} I know who to tell`, measured: true },
      { kind: "FREE_TEXT", text: "Anything else?" },
    ],
    run: {
      sessionId: deliveredSession.id,
      code: `F${Date.now().toString(36).slice(-5).toUpperCase()}`,
      opensOn: isoDate(-10),
      closesOn: isoDate(10),
    },
  });
  const questionnaireResponse = await db.questionnaireResponse.create({
    data: {
      sessionId: deliveredSession.id,
      versionId: questionnaire.version.id,
      programmeId: programme.id,
      sessionDate: isoDate(-7),
      sitting: "RETROSPECTIVE",
    },
  });
  const freeTextAnswer = await db.questionnaireAnswer.create({
    data: {
      responseId: questionnaireResponse.id,
      questionId: questionnaire.version.questions[1].id,
      programmeId: programme.id,
      sessionDate: isoDate(-7),
      textCiphertext: encryptText(HOSTILE_NAME),
    },
  });

  // A finished tour plan with no sessions: its page renders, and nothing on it can book or invite the shared records.
  const plan = await db.tourPlan.create({
    data: {
      programmeId: programme.id,
      teamIds: team.id,
      fromDate: isoDate(7),
      toDate: isoDate(14),
      targetKind: "EVERY_SCHOOL",
      createdById: users.COORDINATOR.id,
    },
  });
  const planInput = {
    now: new Date().toISOString(),
    from: isoDate(7),
    to: isoDate(14),
    programme: { id: programme.id, name: programme.name, durationMinutes: 60, capacity: 120, getInMinutes: 30, getOutMinutes: 30 },
    teams: [{ id: team.id, name: team.name, sessionsPerDay: 2, workingWeekdays: [1, 2, 3, 4, 5], daysOff: [], base: null }],
    schools: [],
    existing: [],
    target: { kind: "EVERY_SCHOOL" },
    travel: { roadFactor: 1.3, speedKmh: 30, bufferMinutes: 45 },
    excludedDates: [],
    pinned: [],
    removed: [],
    seed: 17,
  };
  const planResult = {
    sessions: [],
    days: [],
    unplaced: [],
    figures: {
      teamDaysUsed: 0,
      lowerBoundTeamDays: 0,
      lowerBoundReasons: [],
      travelKm: 0,
      travelMinutes: 0,
      sessionsPlanned: 0,
      pupilsPlanned: 0,
      pupilsExisting: 0,
      targetPupils: null,
      shortfallPupils: 0,
      suggestions: [],
    },
  };
  const planVersion = await db.tourPlanVersion.create({
    data: { planId: plan.id, number: 1, status: "DONE", progress: 1, input: JSON.stringify(planInput), result: JSON.stringify(planResult) },
  });

  return {
    plan,
    planVersion,
    users,
    programme,
    team,
    venue,
    contact,
    session,
    deliveredSession,
    invitation,
    venueFeed,
    teamFeed,
    tokens,
    driverProgramme,
    driverSession,
    refresherSession,
    person,
    expectedPerson,
    registerEntry,
    certificate,
    otherContact,
    concernCategory,
    disclosure,
    disclosureAction,
    academicYear,
    term,
    closure,
    target,
    outboxMessage,
    questionnaireCode: questionnaire.run!.code,
    freeTextAnswer,
    /** A new session for actions that change it with no form fields (each call gets its own). */
    freshSession,
    // Records of their own for actions that remove or archive what they are given (a valid form would otherwise
    // take the shared record away from every later case).
    freshProgramme: () => makeProgramme(db, { name: `${HOSTILE_NAME} spare` }),
    freshVenue: () => makeVenue(db, { name: `${HOSTILE_NAME} spare` }),
    freshContact: () =>
      db.venueContact.create({ data: { venueId: venue.id, name: HOSTILE_NAME, role: "Office", email: "office@school.example.test" } }),
    freshClosure: () =>
      db.closure.create({ data: { venueId: venue.id, startDate: isoDate(50), endDate: isoDate(50), reason: "OTHER", note: HOSTILE_NAME } }),
    freshTerm: () =>
      db.term.create({ data: { academicYearId: academicYear.id, name: "Spring", startDate: isoDate(100), endDate: isoDate(160) } }),
    freshTarget: () =>
      db.target.create({ data: { metric: "PEOPLE_TRAINED", value: 300, fromDate: isoDate(-30), toDate: isoDate(30), note: HOSTILE_NAME } }),
  };
}

export type RouteFixture = Awaited<ReturnType<typeof createRouteFixture>>;
