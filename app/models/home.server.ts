import { RISK_LABELS, type RiskLevel } from "~/models/disclosure-options";
import type { Actor, RequestMeta } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import { can, type Role } from "~/utils/permissions";
import { SCHOOL_KINDS } from "~/forms/reference";
import { londonDate, londonTime, todayInLondon } from "~/utils/time";
import { chaseInvitations, sendInvitation } from "./invitations.server";
import { visibleSessionsWhere } from "./sessions/queries.server";
import { BOOKED_STATUSES, currentAcademicYear, reachFigures, SCHOOLS_IN_AREA } from "./reach.server";
import { DRAFT_PLANS } from "./tour-plans.server";

/** A count; `of` when it is a share of a whole ("12 of 40"). */
type Figure = { label: string; value: number; of?: number; href?: string };
export type HomePanel = { title: string; figures: Figure[] };

/** Started, still holding its slot and not yet recorded: attendance can be recorded for these (attendance.server.ts). */
const awaitingAttendance = (now: Date) => ({ status: { in: [...BOOKED_STATUSES] }, startsAt: { lte: now } });

/** The to-do lists behind the home figures: each figure counts exactly the sessions its list shows. */
export const TODO_LISTS = {
  invite: (now: Date) => ({ status: "PROVISIONAL" as const, startsAt: { gte: now } }),
  replies: (now: Date) => ({ status: "INVITED" as const, startsAt: { gte: now } }),
  attendance: awaitingAttendance,
};
export type TodoList = keyof typeof TODO_LISTS;

/** Real counts for the panels a user's roles allow. Each figure is one database count. */
export async function homeSummary(user: { id: string; roles: Role[] }, now = new Date()): Promise<HomePanel[]> {
  const panels: Promise<HomePanel>[] = [];
  if (can(user.roles, "session:book")) {
    panels.push(
      Promise.all([
        db.session.count({ where: TODO_LISTS.invite(now) }),
        db.session.count({ where: TODO_LISTS.replies(now) }),
        db.session.count({ where: { status: "CONFIRMED", startsAt: { gte: now } } }),
        db.outboxMessage.count({ where: { status: "FAILED" } }),
        db.session.count({ where: awaitingAttendance(now) }),
        db.tourPlan.count({ where: DRAFT_PLANS }),
      ]).then(([provisional, invited, confirmed, failed, unrecorded, draftPlans]) => ({
        title: "Bookings",
        figures: [
          { label: "Provisional sessions to invite", value: provisional, href: "/to-do/invite" },
          { label: "Invitations awaiting a reply", value: invited, href: "/to-do/replies" },
          { label: "Confirmed sessions to come", value: confirmed },
          { label: "Emails that failed to send", value: failed, href: "/outbox" },
          { label: "Sessions awaiting attendance", value: unrecorded, href: "/to-do/attendance" },
          { label: "Tour plans in draft", value: draftPlans, href: "/plans?show=draft" },
        ],
      })),
      Promise.all([
        db.venue.count({ where: SCHOOLS_IN_AREA }),
        db.venue.count({
          where: { archivedAt: null, kind: { notIn: [...SCHOOL_KINDS] } },
        }),
        db.programme.count({ where: { archivedAt: null } }),
        db.team.count({ where: { archivedAt: null } }),
      ]).then(([schools, otherVenues, programmes, teams]) => ({
        title: "Reference data",
        figures: [
          { label: "Open secondary schools and colleges", value: schools },
          { label: "Community venues and operators", value: otherVenues },
          { label: "Programmes", value: programmes },
          { label: "Touring teams", value: teams },
        ],
      })),
    );
  }
  if (can(user.roles, "session:read-own-team")) {
    const ownTeam = { team: { members: { some: { userId: user.id } } } };
    const weekAhead = new Date(now.getTime() + 7 * 24 * 3600_000);
    panels.push(
      Promise.all([
        db.session.count({ where: { ...ownTeam, status: { in: [...BOOKED_STATUSES] }, startsAt: { gte: now, lt: weekAhead } } }),
        db.session.count({ where: { ...ownTeam, status: { in: [...BOOKED_STATUSES] }, startsAt: { gte: now } } }),
        db.session.count({ where: { ...ownTeam, status: "DELIVERED" } }),
        db.session.count({ where: { ...ownTeam, ...awaitingAttendance(now) } }),
      ]).then(([week, upcoming, delivered, unrecorded]) => ({
        title: "Your team",
        figures: [
          { label: "Sessions in the next 7 days", value: week },
          { label: "Sessions booked to come", value: upcoming },
          { label: "Sessions delivered", value: delivered },
          { label: "Sessions awaiting attendance", value: unrecorded, href: "/to-do/attendance" },
        ],
      })),
    );
  }
  if (can(user.roles, "report:home-summary")) {
    panels.push(
      currentAcademicYear(todayInLondon(now)).then(async (year) => {
        const reach = await reachFigures({ from: year.startDate, to: year.endDate }, now);
        return {
          title: `Reach this academic year (${year.name})`,
          figures: [
            { label: "Pupils reached", value: reach.pupilsReached, href: "/reports" },
            { label: "Sessions delivered", value: reach.sessionsDelivered },
            {
              label: "Open secondary schools and colleges reached",
              value: reach.schoolsCovered,
              of: reach.schoolsInArea,
              href: "/reports/schools",
            },
          ],
        };
      }),
    );
  }
  if (can(user.roles, "disclosure:read")) {
    panels.push(
      Promise.all([
        db.disclosure.groupBy({ by: ["risk"], where: { status: { not: "CLOSED" } }, _count: { _all: true } }),
        db.disclosureAction.count({ where: { doneDate: null, dueDate: { lt: todayInLondon(now) } } }),
      ]).then(([byRisk, overdue]) => {
        const open = (risk: RiskLevel) => byRisk.find((g) => g.risk === risk)?._count._all ?? 0;
        return {
          title: "Disclosures",
          figures: [
            ...(["HIGH", "MEDIUM", "LOW"] as const).map((risk) => ({
              label: `Open ${RISK_LABELS[risk].toLowerCase()}-risk disclosures`,
              value: open(risk),
              href: `/disclosures?risk=${risk}`,
            })),
            { label: "Overdue follow-up actions", value: overdue, href: "/disclosures?overdue=yes" },
          ],
        };
      }),
    );
  }
  if (can(user.roles, "user:manage")) {
    panels.push(
      Promise.all([
        db.user.count({ where: { active: true } }),
        db.user.count({ where: { active: false } }),
        db.auditEvent.count({ where: { action: "auth.sign_in_failed", at: { gte: new Date(now.getTime() - 24 * 3600_000) } } }),
      ]).then(([active, inactive, failed]) => ({
        title: "System",
        figures: [
          { label: "Active users", value: active, href: "/admin/users" },
          { label: "Deactivated users", value: inactive, href: "/admin/users" },
          { label: "Failed sign-ins in the last 24 hours", value: failed, href: "/admin/audit?action=auth.sign_in_failed" },
        ],
      })),
    );
  }
  return Promise.all(panels);
}

export type TodoFilters = { teamId?: string; venueId?: string; programmeId?: string };
type Viewer = { id: string; roles: readonly Role[] };

function todoWhere(viewer: Viewer, list: TodoList, filters: TodoFilters, now: Date) {
  return {
    AND: [
      visibleSessionsWhere(viewer),
      TODO_LISTS[list](now),
      {
        ...(filters.teamId ? { teamId: filters.teamId } : {}),
        ...(filters.venueId ? { venueId: filters.venueId } : {}),
        ...(filters.programmeId ? { programmeId: filters.programmeId } : {}),
      },
    ],
  };
}

/** The contact "invite all" invites: the venue's primary contact, or else its first contact with an email address. */
const contactToInvite = {
  where: { archivedAt: null, email: { not: null } },
  orderBy: [{ isPrimary: "desc" as const }, { name: "asc" as const }],
  take: 1,
  select: { id: true, name: true, email: true },
};

/** One page of a to-do list, soonest first (attendance: oldest first), with what its action needs to show. */
export async function todoSessions({
  viewer,
  list,
  filters,
  page,
  now = new Date(),
}: {
  viewer: Viewer;
  list: TodoList;
  filters: TodoFilters;
  page: number;
  now?: Date;
}) {
  const where = todoWhere(viewer, list, filters, now);
  const [rows, total] = await Promise.all([
    db.session.findMany({
      where,
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        programme: { select: { name: true } },
        team: { select: { name: true } },
        venue: { select: { name: true, contacts: contactToInvite } },
        invitations: {
          where: { status: "PENDING", revokedAt: null, expiresAt: { gt: now } },
          orderBy: { id: "asc" },
          take: 5,
          select: { email: true, sentAt: true, lastChasedAt: true },
        },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      ...pageWindow(page),
    }),
    db.session.count({ where }),
  ]);
  const items = rows.map((s) => ({
    id: s.id,
    date: londonDate(s.startsAt),
    startTime: londonTime(s.startsAt),
    endTime: londonTime(s.endsAt),
    programme: s.programme.name,
    team: s.team.name,
    venue: s.venue.name,
    contactToInvite: s.venue.contacts[0] ?? null,
    awaiting: s.invitations.map((i) => ({ email: i.email, lastSentAt: i.lastChasedAt ?? i.sentAt })),
  }));
  return toPage(items, total, page);
}

/** At most this many sessions are invited or chased by one press of "invite all" or "chase all". */
export const BULK_LIMIT = 200;
export type BulkOutcome = { done: number; notDone: { sessionId: string; venue: string; date: string; reason: string }[] };

async function eachSession(
  viewer: Viewer,
  list: TodoList,
  filters: TodoFilters,
  now: Date,
  act: (session: { id: string; contact: { id: string } | null }) => Promise<unknown>,
): Promise<BulkOutcome> {
  const sessions = await db.session.findMany({
    where: todoWhere(viewer, list, filters, now),
    select: { id: true, startsAt: true, venue: { select: { name: true, contacts: contactToInvite } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: BULK_LIMIT,
  });
  const outcome: BulkOutcome = { done: 0, notDone: [] };
  for (const s of sessions) {
    try {
      await act({ id: s.id, contact: s.venue.contacts[0] ?? null });
      outcome.done++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.notDone.push({ sessionId: s.id, venue: s.venue.name, date: londonDate(s.startsAt), reason: error.message });
    }
  }
  return outcome;
}

export class NoContactError extends DomainError {
  constructor() {
    super("The venue has no contact with an email address");
  }
}

/**
 * "Invite all": each provisional session in the (filtered) list is sent to its venue's contact through the normal
 * invitation flow, one transaction each, so one venue without a contact does not hold back the others.
 */
export async function inviteAllProvisional(actor: Actor & Viewer, filters: TodoFilters, meta: RequestMeta, now = new Date()) {
  return eachSession(actor, "invite", filters, now, async (session) => {
    if (!session.contact) throw new NoContactError();
    await sendInvitation(actor, { sessionId: session.id, contactIds: [session.contact.id] }, meta, now);
  });
}

/** "Chase all": every invited session in the (filtered) list gets its reminder to reply (chaseInvitations). */
export async function chaseAllAwaitingReplies(actor: Actor & Viewer, filters: TodoFilters, meta: RequestMeta, now = new Date()) {
  return eachSession(actor, "replies", filters, now, (session) => chaseInvitations(actor, { sessionId: session.id }, meta, now));
}
