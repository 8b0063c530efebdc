import { db } from "~/utils/db.server";
import { can, type Role } from "~/utils/permissions";
import { todayInLondon } from "~/utils/time";

type Figure = { label: string; value: number; href?: string };
export type HomePanel = { title: string; figures: Figure[] };

const UPCOMING = ["PROVISIONAL", "INVITED", "CONFIRMED"] as const;

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
      ]).then(([provisional, invited, confirmed, failed]) => ({
        title: "Bookings",
        figures: [
          { label: "Provisional sessions to invite", value: provisional },
          { label: "Invitations awaiting a reply", value: invited },
          { label: "Confirmed sessions to come", value: confirmed },
          { label: "Emails that failed to send", value: failed },
        ],
      })),
      Promise.all([
        db.venue.count({ where: { archivedAt: null, status: "OPEN", kind: { in: ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL"] } } }),
        db.venue.count({ where: { archivedAt: null, kind: { notIn: ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL", "PRIMARY_SCHOOL"] } } }),
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
        db.session.count({ where: { ...ownTeam, status: { in: [...UPCOMING] }, startsAt: { gte: now, lt: weekAhead } } }),
        db.session.count({ where: { ...ownTeam, status: { in: [...UPCOMING] }, startsAt: { gte: now } } }),
        db.session.count({ where: { ...ownTeam, status: "DELIVERED" } }),
      ]).then(([week, upcoming, delivered]) => ({
        title: "Your team",
        figures: [
          { label: "Sessions in the next 7 days", value: week },
          { label: "Sessions booked to come", value: upcoming },
          { label: "Sessions delivered", value: delivered },
        ],
      })),
    );
  }
  if (can(user.roles, "report:read") && user.roles.includes("MANAGER")) {
    panels.push(
      Promise.all([
        db.session.count({ where: { status: "DELIVERED" } }),
        db.attendanceCount.aggregate({ _sum: { count: true }, where: { session: { status: "DELIVERED" } } }),
        db.venue.count({ where: { archivedAt: null, status: "OPEN", kind: { in: ["SECONDARY_SCHOOL", "COLLEGE"] } } }),
      ]).then(([delivered, pupils, schools]) => ({
        title: "Reach",
        figures: [
          { label: "Sessions delivered", value: delivered },
          { label: "Pupils reached", value: pupils._sum.count ?? 0 },
          { label: "Open secondary schools and colleges in the area", value: schools },
        ],
      })),
    );
  }
  if (can(user.roles, "disclosure:read")) {
    panels.push(
      Promise.all([
        db.disclosure.count({ where: { status: { not: "CLOSED" }, risk: "HIGH" } }),
        db.disclosure.count({ where: { status: { not: "CLOSED" } } }),
        db.disclosureAction.count({ where: { doneDate: null, dueDate: { lt: todayInLondon(now) } } }),
      ]).then(([high, open, overdue]) => ({
        title: "Disclosures",
        figures: [
          { label: "Open high-risk disclosures", value: high, href: "/disclosures?risk=HIGH" },
          { label: "Open disclosures", value: open, href: "/disclosures/dashboard" },
          { label: "Overdue follow-up actions", value: overdue, href: "/disclosures?overdue=yes" },
        ],
      })),
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
