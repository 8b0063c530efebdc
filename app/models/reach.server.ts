// Reach: the one place that says what "pupils reached", "schools covered" and the other reach figures count.
// Every figure is a count or sum in the database; the home panel, the reports and targets all call these.
import { Prisma } from "~/db/generated/sqlite/client";
import { PROGRAMME_KINDS } from "~/forms/reference";
import type { RiskLevel } from "~/models/disclosure-options";
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
// figure and period. The additive figures (sessions, pupils in all and by year group and sex, stall and audience
// numbers, disclosures and referrals) are sums over DeliveredDay, what the sessions delivered on each London day add up
// to for each programme, kept by triggers (docs/decisions/029-delivered-days.md): a few hundred rows a year. Schools
// covered and people trained are distinct counts, which do not add up across days: schools are counted from the
// sessions themselves (an index-only scan), people from TrainedDay, each person's days of attendance linked to the one
// before, kept by triggers (docs/decisions/030-trained-days.md).

type Numeric = bigint | number | null;
const num = (value: Numeric | undefined) => Number(value ?? 0);
// For this module's constants (programme kinds) only: an enum column compared with a bound parameter fails on PostgreSQL.
const sqlText = (value: string) => Prisma.raw(`'${value.replace(/'/g, "''")}'`);
const ofKind = (kind: ProgrammeKind, then: Prisma.Sql) => Prisma.sql`CASE WHEN p."kind" = ${sqlText(kind)} THEN ${then} END`;

/** SCHOOLS_IN_AREA as SQL over `Venue v`. */
const SCHOOL_IN_AREA_SQL = Prisma.sql`v."archivedAt" IS NULL AND v."status" = 'OPEN' AND v."kind" IN ('SECONDARY_SCHOOL', 'COLLEGE')`;

/** DeliveredDay's per-sex pupil columns (the same names as Session's). */
export const SEX_COLUMNS: Record<Sex, string> = {
  GIRL: "pupilsGirl",
  BOY: "pupilsBoy",
  OTHER: "pupilsOtherSex",
  NOT_RECORDED: "pupilsSexNotRecorded",
};
const column = (name: string) => Prisma.raw(`d."${name}"`);
const sumOf = (name: string, as: string) => Prisma.sql`SUM(${column(name)}) AS ${Prisma.raw(`"${as}"`)}`;
const DISCLOSURES = Prisma.sql`d."disclosuresLow" + d."disclosuresMedium" + d."disclosuresHigh"`;

/**
 * How rows are placed in periods: by the London day of DeliveredDay `d` (periods are London dates, so a day row is
 * wholly in or out), or by the start of delivered sessions `s` (UTC instants bounding the London dates).
 */
type Placement = {
  at: Prisma.Sql;
  bounds: (period: ReachPeriod) => { low: Date | string; high: Date | string }; // [low, high)
  programme: Prisma.Sql;
  only: Prisma.Sql; // a condition every row must meet, ending in AND
};
const BY_DAY: Placement = {
  at: Prisma.sql`d."day"`,
  bounds: (period) => ({ low: period.from, high: addDays(period.to, 1) }),
  programme: Prisma.sql`d."programmeId"`,
  only: Prisma.empty,
};
const BY_SESSION_START: Placement = {
  at: Prisma.sql`s."startsAt"`,
  bounds: (period) => {
    const { start, end } = periodInstants(period);
    return { low: start, high: end };
  },
  programme: Prisma.sql`s."programmeId"`,
  only: Prisma.sql`s."status" = 'DELIVERED' AND `,
};

const sameProgramme = (a: ReachPeriod, b: ReachPeriod) => (a.programmeId ?? null) === (b.programmeId ?? null);

/**
 * Periods that follow one another (months, quarters, this year and last) for the same programme, as runs of the
 * `indexes` into `periods`, each run in date order: a run is read in one pass and grouped by period.
 */
function runsOf(periods: ReachPeriod[], indexes: number[]): number[][] {
  const runs: number[][] = [];
  const byStart = [...indexes].sort((a, b) => periods[a].from.localeCompare(periods[b].from));
  for (const i of byStart) {
    const run = runs.find((r) => {
      const last = periods[r[r.length - 1]];
      return addDays(last.to, 1) === periods[i].from && sameProgramme(last, periods[i]);
    });
    if (run) run.push(i);
    else runs.push([i]);
  }
  return runs;
}

/**
 * The periods made exactly of two or more shorter periods asked for at the same time (a year of its four quarters),
 * each with the indexes of the periods that make it up: a distinct count over a year is then taken from its quarters'
 * rows instead of a second pass over the sessions.
 */
function tilings(periods: ReachPeriod[]): Map<number, number[]> {
  const days = (p: ReachPeriod) => Date.parse(p.to) - Date.parse(p.from);
  const byLength = periods.map((_, i) => i).sort((a, b) => days(periods[a]) - days(periods[b]));
  const tiled = new Map<number, number[]>();
  for (const i of byLength) {
    const period = periods[i];
    const tiles: number[] = [];
    for (let next = period.from; next <= period.to;) {
      const tile = byLength.find(
        (j) => j !== i && !tiled.has(j) && periods[j].from === next && periods[j].to <= period.to && sameProgramme(periods[j], period),
      );
      if (tile === undefined) break;
      tiles.push(tile);
      next = addDays(periods[tile].to, 1);
    }
    const lastTile = tiles.length > 1 ? periods[tiles[tiles.length - 1]] : null;
    if (lastTile?.to === period.to) tiled.set(i, tiles);
  }
  return tiled;
}

/**
 * `select` over `from` for the rows of each period (of `indexes`, or all), with the period's index in column "i",
 * grouped by it and by `groupBy`: one pass over each run of periods that follow one another, the runs joined by UNION ALL.
 */
function byPeriodSql(
  periods: ReachPeriod[],
  placement: Placement,
  select: Prisma.Sql,
  from: Prisma.Sql,
  groupBy = Prisma.empty,
  indexes = periods.map((_, i) => i),
) {
  const index = (i: number) => Prisma.raw(String(i));
  const branches = runsOf(periods, indexes).map((run) => {
    const first = periods[run[0]];
    const last = periods[run[run.length - 1]];
    const ends = run.slice(0, -1).map((i) => Prisma.sql`WHEN ${placement.at} < ${placement.bounds(periods[i]).high} THEN ${index(i)}`);
    const period = run.length === 1 ? index(run[0]) : Prisma.sql`CASE ${Prisma.join(ends, " ")} ELSE ${index(run[run.length - 1])} END`;
    const programme = first.programmeId ? Prisma.sql` AND ${placement.programme} = ${first.programmeId}` : Prisma.empty;
    return Prisma.sql`SELECT ${period} AS "i", ${select} FROM ${from}
      WHERE ${placement.only}${placement.at} >= ${placement.bounds(first).low} AND ${placement.at} < ${placement.bounds(last).high}${programme}
      GROUP BY 1${groupBy}`;
  });
  return Prisma.join(branches, " UNION ALL ");
}

/**
 * People who attended delivered sessions in each period, in all and at staff briefings and driver training: the rows of
 * TrainedDay in the period whose previous day (at any programme, at programmes of the kind, or in the period's
 * programme) falls before it, each person's first attendance in the period, counted from an index (ADR 030).
 */
function peopleTrainedSql(periods: ReachPeriod[]) {
  const branches = periods.map((period, i) => {
    const low = period.from;
    const firstSince = (column: string) => Prisma.sql`(t.${Prisma.raw(`"${column}"`)} IS NULL OR t.${Prisma.raw(`"${column}"`)} < ${low})`;
    // One programme: its own previous days. All programmes: a person's previous day of a kind is never after their
    // previous day at any programme, so rows first of their kind include every row counted.
    const [previous, previousOfKind] = period.programmeId
      ? ["previousDayInProgramme", "previousDayInProgramme"]
      : ["previousDay", "previousDayOfKind"];
    const programme = period.programmeId ? Prisma.sql` AND t."programmeId" = ${period.programmeId}` : Prisma.empty;
    const ofKindFirst = (kind: ProgrammeKind) =>
      Prisma.sql`SUM(CASE WHEN t."kind" = ${sqlText(kind)} AND ${firstSince(previousOfKind)} THEN 1 ELSE 0 END)`;
    return Prisma.sql`SELECT ${Prisma.raw(String(i))} AS "i",
        SUM(CASE WHEN ${firstSince(previous)} THEN 1 ELSE 0 END) AS "people",
        ${ofKindFirst("STAFF_BRIEFING")} AS "staff", ${ofKindFirst("DRIVER_TRAINING")} AS "drivers"
      FROM "TrainedDay" t
      WHERE t."day" >= ${low} AND t."day" < ${addDays(period.to, 1)} AND ${firstSince(previousOfKind)}${programme}`;
  });
  return Prisma.join(branches, " UNION ALL ");
}

/**
 * Schools in the area covered in each period, and their Year 10 pupils where the roll is known: each school's
 * sessions in each period first (from the index alone), then the schools in the area among them.
 */
function schoolsCoveredSql(periods: ReachPeriod[]) {
  // A period made of others asked for at the same time (a year of its quarters) counts its schools from their rows.
  const tiled = tilings(periods);
  const direct = periods.map((_, i) => i).filter((i) => !tiled.has(i));
  const made = [...tiled].map(
    ([
      i,
      tiles,
    ]) => Prisma.sql` UNION ALL SELECT ${Prisma.raw(String(i))} AS "i", COUNT(DISTINCT x."venueId") AS "schools", SUM(x."year10") AS "year10"
      FROM "x" WHERE x."i" IN (${Prisma.raw(tiles.join(", "))})`,
  );
  return Prisma.sql`WITH "x" AS (
      SELECT g."i" AS "i", g."venueId" AS "venueId", CASE WHEN v."year10Count" IS NOT NULL THEN g."year10" ELSE 0 END AS "year10"
      FROM (${byPeriodSql(
        periods,
        BY_SESSION_START,
        Prisma.sql`s."venueId" AS "venueId", SUM(s."pupilsY10") AS "year10"`,
        Prisma.sql`"Session" s`,
        Prisma.sql`, 2`,
        direct,
      )}) g JOIN "Venue" v ON v."id" = g."venueId"
      WHERE ${SCHOOL_IN_AREA_SQL})
    SELECT x."i" AS "i", COUNT(*) AS "schools", SUM(x."year10") AS "year10" FROM "x" GROUP BY x."i"${made.length ? Prisma.join(made, "") : Prisma.empty}`;
}

/** Runs `sql` (rows with the period's index in "i") and lines its rows up with `periods`; a period without a row gets {}. */
async function rowsByPeriod<Row extends { i: bigint | number }>(periods: ReachPeriod[], sql: Prisma.Sql) {
  const rows = await db.$queryRaw<Row[]>(sql);
  return periods.map((_, i): Partial<Row> => rows.find((r) => Number(r.i) === i) ?? {});
}

/** `select` over DeliveredDay `d` (joined to Programme `p`) for each period. */
const perPeriodDays = <Row extends { i: bigint | number }>(periods: ReachPeriod[], select: Prisma.Sql) =>
  rowsByPeriod<Row>(
    periods,
    byPeriodSql(periods, BY_DAY, select, Prisma.sql`"DeliveredDay" d JOIN "Programme" p ON p."id" = d."programmeId"`),
  );

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
  disclosuresByRisk: Record<RiskLevel, number>; // of those, at each risk level
  referrals: number; // of those, referred on
  pupilDisclosures: number; // of those, at sessions for pupils
};

/**
 * Everything counted over the sessions delivered in each period: three statements, whatever the number of periods, each
 * reading periods that follow one another (this year and last, quarters, months) in one pass.
 */
export async function deliveredFigures(periods: ReachPeriod[]): Promise<DeliveredFigures[]> {
  if (!periods.length) return [];
  type DayRow = Record<string, Numeric> & { i: bigint | number };
  const [days, schools, people] = await Promise.all([
    perPeriodDays<DayRow>(
      periods,
      Prisma.sql`SUM(d."sessions") AS "sessions", SUM(d."pupilCount") AS "pupils",
        ${Prisma.join([
          ...YEAR_GROUPS.map((group) => sumOf(`pupils${group}`, `year_${group}`)),
          sumOf("pupilsOtherYear", "year_other"),
          ...SEXES.map((sex) => sumOf(SEX_COLUMNS[sex], `sex_${sex}`)),
        ])},
        ${Prisma.join(
          PROGRAMME_KINDS.map((kind) => Prisma.sql`SUM(${ofKind(kind, Prisma.sql`d."sessions"`)}) AS ${Prisma.raw(`"kind_${kind}"`)}`),
          ", ",
        )},
        SUM(${ofKind("AWARENESS_STALL", Prisma.sql`d."headcount"`)}) AS "stallHeadcount",
        SUM(${ofKind("AWARENESS_STALL", Prisma.sql`d."conversations"`)}) AS "stallConversations",
        SUM(${ofKind("AWARENESS_STALL", Prisma.sql`d."leafletsGiven"`)}) AS "stallLeaflets",
        SUM(${ofKind("COMMUNITY_PERFORMANCE", Prisma.sql`d."headcount"`)}) AS "performanceAudience",
        SUM(${ofKind("COMMUNITY_PERFORMANCE", Prisma.sql`d."adultsPresent"`)}) AS "performanceAdults",
        SUM(${DISCLOSURES}) AS "disclosures", SUM(d."referrals") AS "referrals",
        SUM(d."disclosuresLow") AS "risk_LOW", SUM(d."disclosuresMedium") AS "risk_MEDIUM", SUM(d."disclosuresHigh") AS "risk_HIGH",
        SUM(CASE WHEN p."audienceType" = 'PUPILS' THEN ${DISCLOSURES} ELSE 0 END) AS "pupilDisclosures"`,
    ),
    rowsByPeriod<{ i: bigint | number; schools: Numeric; year10: Numeric }>(periods, schoolsCoveredSql(periods)),
    rowsByPeriod<{ i: bigint | number; people: Numeric; staff: Numeric; drivers: Numeric }>(periods, peopleTrainedSql(periods)),
  ]);
  return periods.map((_, i) => {
    const [d, s, r] = [days[i], schools[i], people[i]];
    return {
      sessionsDelivered: num(d.sessions),
      sessionsByKind: Object.fromEntries(PROGRAMME_KINDS.map((kind) => [kind, num(d[`kind_${kind}`])])) as Record<ProgrammeKind, number>,
      pupilsReached: num(d.pupils),
      pupilsByYearGroup: Object.fromEntries(YEAR_GROUPS.map((group) => [group, num(d[`year_${group}`])])) as Record<YearGroup, number>,
      pupilsOtherYearGroups: num(d.year_other),
      pupilsBySex: Object.fromEntries(SEXES.map((sex) => [sex, num(d[`sex_${sex}`])])) as Record<Sex, number>,
      year10Reached: num(s.year10),
      schoolsCovered: num(s.schools),
      peopleTrained: num(r.people),
      staffBriefed: num(r.staff),
      driversTrained: num(r.drivers),
      stalls: {
        sessions: num(d.kind_AWARENESS_STALL),
        headcount: num(d.stallHeadcount),
        conversations: num(d.stallConversations),
        leaflets: num(d.stallLeaflets),
      },
      performances: { sessions: num(d.kind_COMMUNITY_PERFORMANCE), audience: num(d.performanceAudience), adults: num(d.performanceAdults) },
      disclosures: num(d.disclosures),
      disclosuresByRisk: { LOW: num(d.risk_LOW), MEDIUM: num(d.risk_MEDIUM), HIGH: num(d.risk_HIGH) },
      referrals: num(d.referrals),
      pupilDisclosures: num(d.pupilDisclosures),
    };
  });
}

/** Pupils reached in each period (one statement for all of them): for months, where nothing else is needed. */
export async function pupilsIn(periods: ReachPeriod[]): Promise<number[]> {
  if (!periods.length) return [];
  const rows = await perPeriodDays<{ i: bigint | number; pupils: Numeric }>(periods, Prisma.sql`SUM(d."pupilCount") AS "pupils"`);
  return rows.map((r) => num(r.pupils));
}

/** Figures for bookings still ahead in the period (none once the period has ended). */
async function bookedFigures(period: ReachPeriod, now: Date) {
  const ahead = bookedAhead(period, now);
  if (ahead.startsAt.gte >= ahead.startsAt.lt) return { pupilsBooked: 0, schoolsBooked: 0, sessionsBooked: 0, peopleBooked: 0 };
  const delivered = deliveredIn(period);
  const programme = period.programmeId ? Prisma.sql` AND s."programmeId" = ${period.programmeId}` : Prisma.empty;
  const trainedProgramme = period.programmeId ? Prisma.sql` AND t."programmeId" = ${period.programmeId}` : Prisma.empty;
  const bookedSessions = Prisma.sql`s."status" IN ('PROVISIONAL', 'INVITED', 'CONFIRMED')
    AND s."startsAt" >= ${ahead.startsAt.gte} AND s."startsAt" < ${ahead.startsAt.lt}${programme}`;
  const deliveredSessions = Prisma.sql`s."status" = 'DELIVERED'
    AND s."startsAt" >= ${delivered.startsAt.gte} AND s."startsAt" < ${delivered.startsAt.lt}${programme}`;
  // One statement (one round trip) for the four figures, each from an index.
  const [row] = await db.$queryRaw<{ sessions: Numeric; pupils: Numeric; schools: Numeric; people: Numeric }[]>`
    SELECT b."sessions", b."pupils",
      -- Schools with a booking ahead and none delivered in the period: one set difference, then each of the few left
      -- looked up among the schools in the area (a scalar subquery: a join would read every venue).
      (SELECT COUNT((SELECT 1 FROM "Venue" v WHERE v."id" = x."venueId" AND ${SCHOOL_IN_AREA_SQL})) FROM (
         SELECT s."venueId" FROM "Session" s WHERE ${bookedSessions}
         EXCEPT
         SELECT s."venueId" FROM "Session" s WHERE ${deliveredSessions}
       ) x) AS "schools",
      -- People expected at a booking ahead who have not attended a delivered session in the period: the few expected
      -- register entries first, then their sessions, then each person's days of training.
      (SELECT COUNT(DISTINCT r."personId")
       FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId"
       WHERE r."status" = 'EXPECTED' AND ${bookedSessions}
         AND NOT EXISTS (
           SELECT 1 FROM "TrainedDay" t
           WHERE t."personId" = r."personId" AND t."day" >= ${period.from} AND t."day" < ${addDays(period.to, 1)}${trainedProgramme}
         )) AS "people"
    FROM (SELECT COUNT(*) AS "sessions", SUM(s."expectedPupils") AS "pupils" FROM "Session" s WHERE ${bookedSessions}) b`;
  return {
    pupilsBooked: num(row.pupils),
    schoolsBooked: num(row.schools),
    sessionsBooked: num(row.sessions),
    peopleBooked: num(row.people),
  };
}

/** The schools in the area (the denominator of "schools covered") and their Year 10 roll, where known: one statement. */
async function schoolsInArea() {
  const venues = await db.venue.aggregate({
    _count: { _all: true, year10Count: true },
    _sum: { year10Count: true },
    where: SCHOOLS_IN_AREA,
  });
  return { count: venues._count._all, year10Roll: venues._sum.year10Count ?? 0, withYear10Roll: venues._count.year10Count };
}

/** The reach figures of a period: what was delivered, and what is booked from now to its end. */
export async function reachFigures(period: ReachPeriod, now: Date = new Date()): Promise<ReachFigures> {
  const [detail] = await reachDetails([period], now);
  return detail.figures;
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

/**
 * The reach figures and everything else delivered in each period (this year and last, say), with the schools in the
 * area: the delivered figures of all the periods come from one set of statements.
 */
export async function reachDetails(periods: ReachPeriod[], now: Date = new Date()) {
  const [delivered, booked, schools] = await Promise.all([
    deliveredFigures(periods),
    Promise.all(periods.map((period) => bookedFigures(period, now))),
    schoolsInArea(),
  ]);
  return periods.map((_, i) => ({ figures: reachOf(delivered[i], booked[i], schools.count), delivered: delivered[i], schools }));
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
