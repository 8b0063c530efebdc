// Reach: the one place that says what "pupils reached", "schools covered" and the other reach figures count.
// Every figure is a count or sum in the database; the home panel, the reports and targets all call these.
import { Prisma } from "~/db/generated/sqlite/client";
import { PROGRAMME_KINDS } from "~/forms/reference";
import { SEXES, YEAR_GROUPS, type Sex, type YearGroup } from "~/utils/attendance";
import { db } from "~/utils/db.server";
import { addDays, londonDayBounds } from "~/utils/time";

export type ReachPeriod = { from: string; to: string; programmeId?: string | null }; // London dates YYYY-MM-DD, inclusive
export type ReachFigures = {
  sessionsDelivered: number; // sessions with status DELIVERED starting in the period
  pupilsReached: number; // SUM(AttendanceCount.count) over those sessions (their pupilCount)
  schoolsCovered: number; // DISTINCT open, non-archived SECONDARY_SCHOOL/COLLEGE venues with ≥1 delivered session in the period
  schoolsInArea: number; // open, non-archived SECONDARY_SCHOOL + COLLEGE venues (the denominator)
  peopleTrained: number; // DISTINCT people with a RegisterEntry status ATTENDED at delivered sessions in the period
  pupilsBooked: number; // SUM(expectedPupils) of PROVISIONAL/INVITED/CONFIRMED sessions starting from now to the period end
  schoolsBooked: number; // schools in area not yet covered in the period that have such an upcoming booking in the period
  sessionsBooked: number; // PROVISIONAL/INVITED/CONFIRMED sessions starting from now to the period end
  peopleBooked: number; // DISTINCT people expected on the register of such sessions, not yet trained in the period
};

type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

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

// ───── Delivered figures: many periods, few statements ─────
// Each statement below counts many figures at once (conditional aggregation) for any number of periods, so a report
// asking for ten periods (the quarterly report's quarters and years) makes three statements instead of one query per
// figure and period. Pupils come from Session's pupil columns, the session's SUM(AttendanceCount.count) in all and by
// year group and sex, kept by triggers on AttendanceCount (docs/decisions/023-reports-speed.md).

/** The delivered sessions of a period, as SQL over `Session s`. */
function deliveredSql(period: ReachPeriod) {
  const { start, end } = periodInstants(period);
  const programme = period.programmeId ? Prisma.sql` AND s."programmeId" = ${period.programmeId}` : Prisma.empty;
  return Prisma.sql`s."status" = 'DELIVERED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}${programme}`;
}

/** SCHOOLS_IN_AREA as SQL over `Venue v`. */
const SCHOOL_IN_AREA_SQL = Prisma.sql`v."archivedAt" IS NULL AND v."status" = 'OPEN' AND v."kind" IN ('SECONDARY_SCHOOL', 'COLLEGE')`;

/** Session's per-sex pupil columns (kept with pupilCount by the triggers). */
const SEX_COLUMNS: Record<Sex, string> = {
  GIRL: "pupilsGirl",
  BOY: "pupilsBoy",
  OTHER: "pupilsOtherSex",
  NOT_RECORDED: "pupilsSexNotRecorded",
};
const sumOf = (column: string, as: string) => Prisma.sql`SUM(s.${Prisma.raw(`"${column}"`)}) AS ${Prisma.raw(`"${as}"`)}`;

/**
 * Periods that follow one another (months, quarters, this year and last) for the same programme, as runs of indexes
 * into `periods`, each run in date order: a run is read in one pass and grouped by period.
 */
function runsOf(periods: ReachPeriod[]): number[][] {
  const runs: number[][] = [];
  const byStart = periods.map((_, i) => i).sort((a, b) => periods[a].from.localeCompare(periods[b].from));
  for (const i of byStart) {
    const run = runs.find((r) => {
      const last = periods[r[r.length - 1]];
      return addDays(last.to, 1) === periods[i].from && (last.programmeId ?? null) === (periods[i].programmeId ?? null);
    });
    if (run) run.push(i);
    else runs.push([i]);
  }
  return runs;
}

/**
 * `select` over `from`, for the sessions delivered in each period, grouped by period in column "i" (the period's index):
 * one statement, one pass over each run of periods that follow one another. A period with nothing delivered has no row.
 */
async function perPeriod<Row extends { i: bigint | number }>(
  periods: ReachPeriod[],
  select: Prisma.Sql,
  from: Prisma.Sql,
  where = Prisma.empty,
) {
  const index = (i: number) => Prisma.raw(String(i));
  const branches = runsOf(periods).map((run) => {
    const first = periods[run[0]];
    const last = periods[run[run.length - 1]];
    const ends = run.slice(0, -1).map((i) => Prisma.sql`WHEN s."startsAt" < ${periodInstants(periods[i]).end} THEN ${index(i)}`);
    const period = run.length === 1 ? index(run[0]) : Prisma.sql`CASE ${Prisma.join(ends, " ")} ELSE ${index(run[run.length - 1])} END`;
    const delivered = deliveredSql({ from: first.from, to: last.to, programmeId: first.programmeId });
    return Prisma.sql`SELECT ${period} AS "i", ${select} FROM ${from} WHERE ${where}${delivered} GROUP BY 1`;
  });
  const rows = await db.$queryRaw<Row[]>(Prisma.join(branches, " UNION ALL "));
  return periods.map((_, i): Partial<Row> => rows.find((r) => Number(r.i) === i) ?? {});
}

type Numeric = bigint | number | null;
const num = (value: Numeric | undefined) => Number(value ?? 0);
// For this module's constants (programme kinds) only: an enum column compared with a bound parameter fails on PostgreSQL.
const sqlText = (value: string) => Prisma.raw(`'${value.replace(/'/g, "''")}'`);
const ofKind = (kind: ProgrammeKind, then: Prisma.Sql) => Prisma.sql`CASE WHEN p."kind" = ${sqlText(kind)} THEN ${then} END`;

export type DeliveredFigures = {
  sessionsDelivered: number;
  sessionsByKind: Record<ProgrammeKind, number>; // delivered sessions of each kind of programme
  pupilsReached: number;
  pupilsByYearGroup: Record<YearGroup, number>;
  pupilsOtherYearGroups: number; // counted under a year group that is not one of YEAR_GROUPS
  pupilsBySex: Record<Sex, number>;
  year10Reached: number; // Year 10 pupils at schools in the area whose Year 10 roll is known
  schoolsCovered: number;
  peopleTrained: number;
  staffBriefed: number; // DISTINCT people ATTENDED at delivered staff briefings
  driversTrained: number; // the same at driver training
  stalls: { sessions: number; headcount: number; conversations: number; leaflets: number };
  performances: { sessions: number; audience: number; adults: number };
  disclosures: number; // disclosures at or after the delivered sessions
  referrals: number; // of those, referred on
  pupilDisclosures: number; // of those, at sessions for pupils
};

/**
 * Everything counted over the sessions delivered in each period: three statements, whatever the number of periods, each
 * reading periods that follow one another (this year and last, quarters, months) in one pass.
 */
export async function deliveredFigures(periods: ReachPeriod[]): Promise<DeliveredFigures[]> {
  if (!periods.length) return [];
  type SessionRow = Record<string, Numeric> & { i: bigint | number };
  const [sessions, people, disclosures] = await Promise.all([
    perPeriod<SessionRow>(
      periods,
      Prisma.sql`COUNT(*) AS "sessions", SUM(s."pupilCount") AS "pupils",
        ${Prisma.join([
          ...YEAR_GROUPS.map((group) => sumOf(`pupils${group}`, `year_${group}`)),
          sumOf("pupilsOtherYear", "year_other"),
          ...SEXES.map((sex) => sumOf(SEX_COLUMNS[sex], `sex_${sex}`)),
        ])},
        SUM(CASE WHEN ${SCHOOL_IN_AREA_SQL} AND v."year10Count" IS NOT NULL THEN s."pupilsY10" ELSE 0 END) AS "year10",
        COUNT(DISTINCT CASE WHEN ${SCHOOL_IN_AREA_SQL} THEN s."venueId" END) AS "schools",
        ${Prisma.join(
          PROGRAMME_KINDS.map((kind) => Prisma.sql`SUM(${ofKind(kind, Prisma.sql`1`)}) AS ${Prisma.raw(`"kind_${kind}"`)}`),
          ", ",
        )},
        SUM(${ofKind("AWARENESS_STALL", Prisma.sql`s."headcount"`)}) AS "stallHeadcount",
        SUM(${ofKind("AWARENESS_STALL", Prisma.sql`s."conversations"`)}) AS "stallConversations",
        SUM(${ofKind("AWARENESS_STALL", Prisma.sql`s."leafletsGiven"`)}) AS "stallLeaflets",
        SUM(${ofKind("COMMUNITY_PERFORMANCE", Prisma.sql`s."headcount"`)}) AS "performanceAudience",
        SUM(${ofKind("COMMUNITY_PERFORMANCE", Prisma.sql`s."adultsPresent"`)}) AS "performanceAdults"`,
      Prisma.sql`"Session" s JOIN "Programme" p ON p."id" = s."programmeId" JOIN "Venue" v ON v."id" = s."venueId"`,
    ),
    perPeriod<{ i: bigint | number; people: Numeric; staff: Numeric; drivers: Numeric }>(
      periods,
      Prisma.sql`COUNT(DISTINCT r."personId") AS "people",
        COUNT(DISTINCT ${ofKind("STAFF_BRIEFING", Prisma.sql`r."personId"`)}) AS "staff",
        COUNT(DISTINCT ${ofKind("DRIVER_TRAINING", Prisma.sql`r."personId"`)}) AS "drivers"`,
      Prisma.sql`"RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"`,
      Prisma.sql`r."status" = 'ATTENDED' AND `,
    ),
    perPeriod<{ i: bigint | number; n: Numeric; referred: Numeric; pupils: Numeric }>(
      periods,
      Prisma.sql`COUNT(*) AS "n",
        SUM(CASE WHEN d."referralTo" IS NOT NULL THEN 1 ELSE 0 END) AS "referred",
        SUM(CASE WHEN p."audienceType" = 'PUPILS' THEN 1 ELSE 0 END) AS "pupils"`,
      Prisma.sql`"Disclosure" d JOIN "Session" s ON s."id" = d."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"`,
    ),
  ]);
  return periods.map((_, i) => {
    const [s, r, d] = [sessions[i], people[i], disclosures[i]];
    return {
      sessionsDelivered: num(s.sessions),
      sessionsByKind: Object.fromEntries(PROGRAMME_KINDS.map((kind) => [kind, num(s[`kind_${kind}`])])) as Record<ProgrammeKind, number>,
      pupilsReached: num(s.pupils),
      pupilsByYearGroup: Object.fromEntries(YEAR_GROUPS.map((group) => [group, num(s[`year_${group}`])])) as Record<YearGroup, number>,
      pupilsOtherYearGroups: num(s.year_other),
      pupilsBySex: Object.fromEntries(SEXES.map((sex) => [sex, num(s[`sex_${sex}`])])) as Record<Sex, number>,
      year10Reached: num(s.year10),
      schoolsCovered: num(s.schools),
      peopleTrained: num(r.people),
      staffBriefed: num(r.staff),
      driversTrained: num(r.drivers),
      stalls: {
        sessions: num(s.kind_AWARENESS_STALL),
        headcount: num(s.stallHeadcount),
        conversations: num(s.stallConversations),
        leaflets: num(s.stallLeaflets),
      },
      performances: { sessions: num(s.kind_COMMUNITY_PERFORMANCE), audience: num(s.performanceAudience), adults: num(s.performanceAdults) },
      disclosures: num(d.n),
      referrals: num(d.referred),
      pupilDisclosures: num(d.pupils),
    };
  });
}

/** Pupils reached in each period (one statement for all of them): for months, where nothing else is needed. */
export async function pupilsIn(periods: ReachPeriod[]): Promise<number[]> {
  if (!periods.length) return [];
  const rows = await perPeriod<{ i: bigint | number; pupils: Numeric }>(
    periods,
    Prisma.sql`SUM(s."pupilCount") AS "pupils"`,
    Prisma.sql`"Session" s`,
  );
  return rows.map((r) => num(r.pupils));
}

/** Figures for bookings still ahead in the period (none once the period has ended). */
async function bookedFigures(period: ReachPeriod, now: Date) {
  const ahead = bookedAhead(period, now);
  if (ahead.startsAt.gte >= ahead.startsAt.lt) return { pupilsBooked: 0, schoolsBooked: 0, sessionsBooked: 0, peopleBooked: 0 };
  const delivered = deliveredIn(period);
  const [booked, schoolsBooked, peopleBooked] = await Promise.all([
    db.session.aggregate({ _sum: { expectedPupils: true }, _count: { _all: true }, where: ahead }),
    db.venue.count({ where: { ...SCHOOLS_IN_AREA, AND: [{ sessions: { some: ahead } }, { sessions: { none: delivered } }] } }),
    db.person.count({
      where: {
        AND: [
          { registerEntries: { some: { status: "EXPECTED", session: ahead } } },
          { registerEntries: { none: { status: "ATTENDED", session: delivered } } },
        ],
      },
    }),
  ]);
  return { pupilsBooked: booked._sum.expectedPupils ?? 0, schoolsBooked, sessionsBooked: booked._count._all, peopleBooked };
}

/** The reach figures of a period: what was delivered, and what is booked from now to its end. */
export async function reachFigures(period: ReachPeriod, now: Date = new Date()): Promise<ReachFigures> {
  const [[delivered], booked, schoolsInArea] = await Promise.all([
    deliveredFigures([period]),
    bookedFigures(period, now),
    db.venue.count({ where: SCHOOLS_IN_AREA }),
  ]);
  return reachOf(delivered, booked, schoolsInArea);
}

function reachOf(d: DeliveredFigures, booked: Awaited<ReturnType<typeof bookedFigures>>, schoolsInArea: number): ReachFigures {
  return {
    sessionsDelivered: d.sessionsDelivered,
    pupilsReached: d.pupilsReached,
    schoolsCovered: d.schoolsCovered,
    schoolsInArea,
    peopleTrained: d.peopleTrained,
    ...booked,
  };
}

/** The reach figures and everything else delivered in a period, for a dashboard: one set of statements. */
export async function reachDetail(period: ReachPeriod, now: Date = new Date()) {
  const [[delivered], booked, schoolsInArea] = await Promise.all([
    deliveredFigures([period]),
    bookedFigures(period, now),
    db.venue.count({ where: SCHOOLS_IN_AREA }),
  ]);
  return { figures: reachOf(delivered, booked, schoolsInArea), delivered };
}

/**
 * Sets every session's pupilCount to the sum of its pupil counts, where they differ, and says how many were wrong.
 * The triggers keep the column right as counts change; this is for recovery (a restore, or rows written with the
 * triggers off) and proves it: `npm run reports:rebuild`.
 */
export async function rebuildPupilCounts(): Promise<number> {
  const fresh = (where: string) =>
    `COALESCE((SELECT SUM(a."count") FROM "AttendanceCount" a WHERE a."sessionId" = "Session"."id"${where}), 0)`;
  const inList = YEAR_GROUPS.map((group) => `'${group}'`).join(", ");
  const columns: [string, string][] = [
    ["pupilCount", fresh("")],
    ...YEAR_GROUPS.map((group): [string, string] => [`pupils${group}`, fresh(` AND a."yearGroup" = '${group}'`)]),
    ["pupilsOtherYear", fresh(` AND a."yearGroup" NOT IN (${inList})`)],
    ...SEXES.map((sex): [string, string] => [SEX_COLUMNS[sex], fresh(` AND a."sex" = '${sex}'`)]),
  ];
  // Every name and value above is a constant of this module: nothing from a request reaches this statement.
  return db.$executeRawUnsafe(
    `UPDATE "Session" SET ${columns.map(([column, value]) => `"${column}" = ${value}`).join(", ")}
     WHERE ${columns.map(([column, value]) => `"${column}" <> ${value}`).join(" OR ")}`,
  );
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
