import { RISK_LABELS, type RiskLevel } from "~/models/disclosure-options";
import { db } from "~/utils/db.server";
import { can, type Role } from "~/utils/permissions";
import { SCHOOL_KINDS } from "~/forms/reference";
import { todayInLondon } from "~/utils/time";
import { BOOKED_STATUSES, currentAcademicYear, reachFigures, SCHOOLS_IN_AREA } from "./reach.server";

/** A count; `of` when it is a share of a whole ("12 of 40"). */
type Figure = { label: string; value: number; of?: number; href?: string };
export type HomePanel = { title: string; figures: Figure[] };

/** Started, still holding its slot and not yet recorded: attendance can be recorded for these (attendance.server.ts). */
const awaitingAttendance = (now: Date) => ({ status: { in: [...BOOKED_STATUSES] }, startsAt: { lte: now } });

/** Real counts for the panels a user's roles allow. Each figure is one database count. */
export async function homeSummary(user: { id: string; roles: Role[] }, now = new Date()): Promise<HomePanel[]> {
  const panels: Promise<HomePanel>[] = [];
  if (can(user.roles, "session:book")) {
    panels.push(
      Promise.all([
        db.session.count({ where: { status: "PROVISIONAL", startsAt: { gte: now } } }),
        db.session.count({ where: { status: "INVITED", startsAt: { gte: now } } }),
        db.session.count({ where: { status: "CONFIRMED", startsAt: { gte: now } } }),
        db.outboxMessage.count({ where: { status: "FAILED" } }),
        db.session.count({ where: awaitingAttendance(now) }),
      ]).then(([provisional, invited, confirmed, failed, unrecorded]) => ({
        title: "Bookings",
        figures: [
          { label: "Provisional sessions to invite", value: provisional },
          { label: "Invitations awaiting a reply", value: invited },
          { label: "Confirmed sessions to come", value: confirmed },
          { label: "Emails that failed to send", value: failed, href: "/outbox" },
          { label: "Sessions awaiting attendance", value: unrecorded },
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
          { label: "Sessions awaiting attendance", value: unrecorded },
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
