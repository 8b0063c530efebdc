// The home page's to-do lists (issue 15, point 7): each list holds exactly what its home figure counts, filters and
// pages it, and its actions ("invite all", "chase", "chase all") go through the invitation flow.
import { beforeAll, describe, expect, it } from "vitest";
import { chaseAllAwaitingReplies, homeSummary, inviteAllProvisional, todoSessions, type HomePanel } from "~/models/home.server";
import {
  chaseInvitations,
  getInvitationByToken,
  NothingToChaseError,
  queueRemindersAndChasers,
  sendInvitation,
} from "~/models/invitations.server";
import { listPlans } from "~/models/tour-plans.server";
import { db } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/pagination";
import type { Role } from "~/utils/permissions";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const now = new Date("2030-03-06T12:00:00Z"); // a Wednesday

type Actor = { id: string; email: string; roles: Role[] };
let coordinator: Actor;
let facilitator: Actor;
let teams: { a: string; b: string };
let play: string;
let withContact: string;
let noContact: string;

const figure = (panels: HomePanel[], title: string, label: string) =>
  panels.find((p) => p.title === title)?.figures.find((f) => f.label === label);

beforeAll(async () => {
  const a = await makeTeam(db, { name: "Team A" });
  const b = await makeTeam(db, { name: "Team B" });
  teams = { a: a.id, b: b.id };
  const c = await makeUser(db, { roles: ["COORDINATOR"] });
  coordinator = { id: c.id, email: c.email, roles: ["COORDINATOR"] };
  const f = await makeUser(db, { roles: ["FACILITATOR"], teamId: a.id });
  facilitator = { id: f.id, email: f.email, roles: ["FACILITATOR"] };
  play = (await makeProgramme(db, { name: "The play" })).id;
  const school = await makeVenue(db, {
    name: "Ashgrove School",
    contact: { name: "Alison Reid", role: "DSL", email: "dsl@ashgrove.example" },
  });
  withContact = school.id;
  await db.venueContact.create({ data: { venueId: school.id, name: "Bea Other", email: "office@ashgrove.example", isPrimary: false } });
  noContact = (await makeVenue(db, { name: "Birchwood College" })).id;
});

const session = (
  teamId: string,
  venueId: string,
  date: string,
  status: "PROVISIONAL" | "INVITED" | "CONFIRMED" | "DELIVERED" = "PROVISIONAL",
) => makeSession(db, { programmeId: play, venueId, teamId, date, start: "10:00", end: "11:00", status, createdById: coordinator.id });

describe("to-do lists", () => {
  it("list exactly what the home figures count, link to them, filter by team, venue and programme, and page", async () => {
    await session(teams.a, withContact, "2030-03-05", "CONFIRMED"); // took place: awaiting attendance
    await session(teams.b, withContact, "2030-03-04", "INVITED"); // took place: awaiting attendance, not a reply
    await session(teams.b, withContact, "2030-03-04", "DELIVERED");
    await session(teams.a, withContact, "2030-03-01", "PROVISIONAL"); // in the past: not to invite, awaiting attendance
    for (let i = 0; i < PAGE_SIZE + 2; i++) await session(teams.a, withContact, "2030-04-10", "INVITED");

    const panels = await homeSummary(coordinator, now);
    const counts = {
      invite: figure(panels, "Bookings", "Provisional sessions to invite"),
      replies: figure(panels, "Bookings", "Invitations awaiting a reply"),
      attendance: figure(panels, "Bookings", "Sessions awaiting attendance"),
    };
    expect(counts.invite?.href).toBe("/to-do/invite");
    expect(counts.replies?.href).toBe("/to-do/replies");
    expect(counts.attendance?.href).toBe("/to-do/attendance");
    for (const list of ["invite", "replies", "attendance"] as const) {
      const page = await todoSessions({ viewer: coordinator, list, filters: {}, page: 1, now });
      expect(page.total, list).toBe(counts[list]?.value);
    }

    const replies = await todoSessions({ viewer: coordinator, list: "replies", filters: {}, page: 2, now });
    expect(replies.total).toBe(PAGE_SIZE + 2);
    expect(replies.pageCount).toBe(2);
    expect(replies.items).toHaveLength(2);

    const attendance = await todoSessions({ viewer: coordinator, list: "attendance", filters: {}, page: 1, now });
    expect(attendance.items.map((s) => `${s.date} ${s.team}`)).toEqual(["2030-03-01 Team A", "2030-03-04 Team B", "2030-03-05 Team A"]);
    const teamB = await todoSessions({ viewer: coordinator, list: "attendance", filters: { teamId: teams.b }, page: 1, now });
    expect(teamB.items.map((s) => s.date)).toEqual(["2030-03-04"]);
    expect((await todoSessions({ viewer: coordinator, list: "attendance", filters: { venueId: noContact }, page: 1, now })).total).toBe(0);
    expect((await todoSessions({ viewer: coordinator, list: "attendance", filters: { programmeId: play }, page: 1, now })).total).toBe(3);
    // A facilitator's list is their own team's, like their home figure.
    const own = await todoSessions({ viewer: facilitator, list: "attendance", filters: {}, page: 1, now });
    expect(own.items.map((s) => s.date)).toEqual(["2030-03-01", "2030-03-05"]);
    expect(figure(await homeSummary(facilitator, now), "Your team", "Sessions awaiting attendance")?.value).toBe(2);
    await db.session.deleteMany({});
  });

  it("invite all: each provisional session of the filtered list is invited through the invitation flow; a venue without a contact is named", async () => {
    const invited = await session(teams.a, withContact, "2030-03-20");
    const stuck = await session(teams.a, noContact, "2030-03-21");
    const otherTeam = await session(teams.b, withContact, "2030-03-22");
    const past = await session(teams.a, withContact, "2030-03-02");

    const outcome = await inviteAllProvisional(coordinator, { teamId: teams.a }, meta, now);
    expect(outcome).toEqual({
      done: 1,
      notDone: [
        { sessionId: stuck.id, venue: "Birchwood College", date: "2030-03-21", reason: "The venue has no contact with an email address" },
      ],
    });
    const statuses = await db.session.findMany({
      where: { id: { in: [invited.id, stuck.id, otherTeam.id, past.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [invited.id]: "INVITED",
      [stuck.id]: "PROVISIONAL",
      [otherTeam.id]: "PROVISIONAL",
      [past.id]: "PROVISIONAL",
    });
    // Only the primary contact is invited, with the usual invitation email and audit row.
    const invitations = await db.invitation.findMany({ where: { sessionId: invited.id }, select: { email: true } });
    expect(invitations).toEqual([{ email: "dsl@ashgrove.example" }]);
    const emails = await db.outboxMessage.findMany({ where: { sessionId: invited.id }, select: { to: true, subject: true } });
    expect(emails).toEqual([{ to: "dsl@ashgrove.example", subject: expect.stringMatching(/^Invitation: The play at Ashgrove School/) }]);
    expect(await db.auditEvent.count({ where: { action: "invitation.send", entityId: invited.id, actorId: coordinator.id } })).toBe(1);
    // Pressing it again finds nothing new to invite for team A.
    expect(await inviteAllProvisional(coordinator, { teamId: teams.a }, meta, now)).toMatchObject({ done: 0 });
  });

  it("chase: a new link and a reminder to each unanswered contact, audited, and the worker does not chase again", async () => {
    const s = await session(teams.a, withContact, "2030-04-02");
    const contacts = await db.venueContact.findMany({ where: { venueId: withContact }, select: { id: true } });
    await sendInvitation(coordinator, { sessionId: s.id, contactIds: contacts.map((c) => c.id) }, meta, new Date("2030-02-01T12:00:00Z"));
    const answered = await db.invitation.findFirstOrThrow({ where: { sessionId: s.id, email: "office@ashgrove.example" } });
    await db.invitation.update({ where: { id: answered.id }, data: { status: "DECLINED", respondedAt: now } });
    const oldToken = generateToken();
    await db.invitation.updateMany({ where: { sessionId: s.id, status: "PENDING" }, data: { tokenHash: hashToken(oldToken) } });

    expect(await chaseInvitations(coordinator, { sessionId: s.id }, meta, now)).toEqual({ chased: ["dsl@ashgrove.example"] });
    const reminders = await db.outboxMessage.findMany({
      where: { sessionId: s.id, subject: { startsWith: "Reminder: please reply" } },
      select: { to: true },
    });
    expect(reminders).toEqual([{ to: "dsl@ashgrove.example" }]);
    expect(await getInvitationByToken(oldToken, now)).toBeNull();
    const pending = await db.invitation.findFirstOrThrow({ where: { sessionId: s.id, status: "PENDING" } });
    expect(pending.lastChasedAt).toEqual(now);
    expect(await db.auditEvent.count({ where: { action: "invitation.chase", entityId: s.id, actorId: coordinator.id } })).toBe(1);
    expect(await db.sessionChange.count({ where: { sessionId: s.id, summary: { startsWith: "Reminder to reply sent to" } } })).toBe(1);

    // A coordinator may chase again (a second reminder); the worker's automatic chaser leaves a chased invitation alone.
    await chaseInvitations(coordinator, { sessionId: s.id }, meta, new Date(now.getTime() + 60_000));
    expect(await db.outboxMessage.count({ where: { sessionId: s.id, subject: { startsWith: "Reminder: please reply" } } })).toBe(2);
    await queueRemindersAndChasers(new Date(now.getTime() + 10 * 86_400_000));
    expect(await db.outboxMessage.count({ where: { sessionId: s.id, subject: { startsWith: "Reminder: please reply" } } })).toBe(2);
  });

  it("chase refuses a session with nothing to chase and changes nothing", async () => {
    const confirmed = await session(teams.a, withContact, "2030-04-03", "CONFIRMED");
    const before = await db.outboxMessage.count();
    await expect(chaseInvitations(coordinator, { sessionId: confirmed.id }, meta, now)).rejects.toBeInstanceOf(NothingToChaseError);
    const invitedWithoutInvitation = await session(teams.a, withContact, "2030-04-04", "INVITED");
    await expect(chaseInvitations(coordinator, { sessionId: invitedWithoutInvitation.id }, meta, now)).rejects.toBeInstanceOf(
      NothingToChaseError,
    );
    expect(await db.outboxMessage.count()).toBe(before);
    expect(
      await db.auditEvent.count({ where: { action: "invitation.chase", entityId: { in: [confirmed.id, invitedWithoutInvitation.id] } } }),
    ).toBe(0);
  });

  it("chase all: every invited session of the filtered list; one without an unanswered invitation is named", async () => {
    await db.session.deleteMany({});
    const s = await session(teams.b, withContact, "2030-05-06");
    await sendInvitation(
      coordinator,
      { sessionId: s.id, contactIds: [(await db.venueContact.findFirstOrThrow({ where: { venueId: withContact, isPrimary: true } })).id] },
      meta,
      now,
    );
    const bare = await session(teams.b, noContact, "2030-05-07", "INVITED");
    const otherTeam = await session(teams.a, withContact, "2030-05-08", "INVITED");

    const outcome = await chaseAllAwaitingReplies(coordinator, { teamId: teams.b }, meta, now);
    expect(outcome.done).toBe(1);
    expect(outcome.notDone).toEqual([
      { sessionId: bare.id, venue: "Birchwood College", date: "2030-05-07", reason: new NothingToChaseError().message },
    ]);
    expect(await db.auditEvent.count({ where: { action: "invitation.chase", entityId: { in: [s.id, bare.id, otherTeam.id] } } })).toBe(1);
  });
});

describe("tour plans in draft", () => {
  it("counts plans planned and not booked, links to exactly that list, and leaves out plans still planning or booked", async () => {
    const plan = () =>
      db.tourPlan.create({
        data: {
          programmeId: play,
          teamIds: teams.a,
          fromDate: "2030-04-20",
          toDate: "2030-07-20",
          targetKind: "EVERY_SCHOOL",
          createdById: coordinator.id,
        },
      });
    const version = (planId: string, number: number, status: "QUEUED" | "DONE", bookedAt: Date | null = null) =>
      db.tourPlanVersion.create({ data: { planId, number, input: "{}", status, bookedAt } });
    const draft = await plan();
    await version(draft.id, 1, "DONE");
    await version(draft.id, 2, "DONE");
    const planning = await plan();
    await version(planning.id, 1, "QUEUED");
    const booked = await plan();
    await version(booked.id, 1, "DONE");
    await version(booked.id, 2, "DONE", now);

    const home = await homeSummary(coordinator, now);
    expect(figure(home, "Bookings", "Tour plans in draft")).toEqual({ label: "Tour plans in draft", value: 1, href: "/plans?show=draft" });
    const drafts = await listPlans({ page: 1, draftOnly: true });
    expect(drafts.items.map((p) => p.id)).toEqual([draft.id]);
    expect(drafts.total).toBe(1);
    expect((await listPlans({ page: 1 })).total).toBeGreaterThanOrEqual(3);
  });
});
