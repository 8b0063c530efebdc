// Reach: the one place that says what "pupils reached", "schools covered" and the other reach figures count.
// Every figure is a count or sum in the database; the home panel, the reports and targets all call these.
import { db } from "~/utils/db.server";
import { londonDayBounds } from "~/utils/time";

export type ReachPeriod = { from: string; to: string; programmeId?: string | null }; // London dates YYYY-MM-DD, inclusive
export type ReachFigures = {
  sessionsDelivered: number; // sessions with status DELIVERED starting in the period
  pupilsReached: number; // SUM(AttendanceCount.count) over those sessions
  schoolsCovered: number; // DISTINCT open, non-archived SECONDARY_SCHOOL/COLLEGE venues with ≥1 delivered session in the period
  schoolsInArea: number; // open, non-archived SECONDARY_SCHOOL + COLLEGE venues (the denominator)
  peopleTrained: number; // DISTINCT people with a RegisterEntry status ATTENDED at delivered sessions in the period
  pupilsBooked: number; // SUM(expectedPupils) of PROVISIONAL/INVITED/CONFIRMED sessions starting from now to the period end
  schoolsBooked: number; // schools in area not yet covered in the period that have such an upcoming booking in the period
  sessionsBooked: number; // PROVISIONAL/INVITED/CONFIRMED sessions starting from now to the period end
  peopleBooked: number; // DISTINCT people expected on the register of such sessions, not yet trained in the period
};

export const BOOKED_STATUSES = ["PROVISIONAL", "INVITED", "CONFIRMED"] as const;

/** The schools the programme aims to reach: the denominator of "schools covered". */
export const SCHOOLS_IN_AREA = {
  archivedAt: null,
  status: "OPEN" as const,
  kind: { in: ["SECONDARY_SCHOOL" as const, "COLLEGE" as const] },
};

/** UTC instants bounding a period of London dates: [start, end). */
export function periodInstants(period: { from: string; to: string }) {
  return { start: londonDayBounds(period.from).start, end: londonDayBounds(period.to).end };
}

const byProgramme = (period: ReachPeriod) => (period.programmeId ? { programmeId: period.programmeId } : {});

/** Sessions delivered that started in the period (and belong to its programme, when one is given). */
export function deliveredIn(period: ReachPeriod) {
  const { start, end } = periodInstants(period);
  return { status: "DELIVERED" as const, startsAt: { gte: start, lt: end }, ...byProgramme(period) };
}

/** Sessions still holding a booking that start between now (or the period start, if later) and the period end. */
export function bookedAhead(period: ReachPeriod, now: Date) {
  const { start, end } = periodInstants(period);
  return { status: { in: [...BOOKED_STATUSES] }, startsAt: { gte: now > start ? now : start, lt: end }, ...byProgramme(period) };
}

export async function reachFigures(period: ReachPeriod, now: Date = new Date()): Promise<ReachFigures> {
  const delivered = deliveredIn(period);
  const ahead = bookedAhead(period, now);
  const [sessionsDelivered, pupils, schoolsCovered, schoolsInArea, peopleTrained, booked, schoolsBooked, sessionsBooked, peopleBooked] =
    await Promise.all([
      db.session.count({ where: delivered }),
      db.attendanceCount.aggregate({ _sum: { count: true }, where: { session: delivered } }),
      db.venue.count({ where: { ...SCHOOLS_IN_AREA, sessions: { some: delivered } } }),
      db.venue.count({ where: SCHOOLS_IN_AREA }),
      db.person.count({ where: { registerEntries: { some: { status: "ATTENDED", session: delivered } } } }),
      db.session.aggregate({ _sum: { expectedPupils: true }, where: ahead }),
      db.venue.count({ where: { ...SCHOOLS_IN_AREA, AND: [{ sessions: { some: ahead } }, { sessions: { none: delivered } }] } }),
      db.session.count({ where: ahead }),
      db.person.count({
        where: {
          AND: [
            { registerEntries: { some: { status: "EXPECTED", session: ahead } } },
            { registerEntries: { none: { status: "ATTENDED", session: delivered } } },
          ],
        },
      }),
    ]);
  return {
    sessionsDelivered,
    pupilsReached: pupils._sum.count ?? 0,
    schoolsCovered,
    schoolsInArea,
    peopleTrained,
    pupilsBooked: booked._sum.expectedPupils ?? 0,
    schoolsBooked,
    sessionsBooked,
    peopleBooked,
  };
}

/** The academic year holding today: the council's calendar when it has one, else 1 September to 31 August. */
export async function currentAcademicYear(today: string) {
  const year = await db.academicYear.findFirst({
    where: { startDate: { lte: today }, endDate: { gte: today } },
    orderBy: { startDate: "desc" },
    select: { name: true, startDate: true, endDate: true },
  });
  if (year) return year;
  const first = Number(today.slice(0, 4)) - (today.slice(5) < "09-01" ? 1 : 0);
  return { name: `${first} to ${first + 1}`, startDate: `${first}-09-01`, endDate: `${first + 1}-08-31` };
}
