// Managers' reach reports: the dashboard for a chosen period, the schools coverage list and the quarterly report for
// commissioners. Definitions of each figure live in reach.server.ts; every figure here is counted in the database.
import { Prisma } from "~/db/generated/sqlite/client";
import { SEXES, YEAR_GROUPS, yearGroupLabel } from "~/utils/attendance";
import { toCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { pageWindow, toPage } from "~/utils/pagination";
import { PROGRAMME_KIND_LABELS, PROGRAMME_KINDS } from "~/forms/reference";
import { financialQuarters, financialYear, financialYearLabel, financialYearStarting, type DatedPeriod } from "~/utils/report-periods";
import { perThousandPupils, suppressCount, suppressCounts, type ShownCount } from "~/utils/suppression";
import { addDays, addMonths, dateFromParts, formatDateRange, londonDate, todayInLondon } from "~/utils/time";
import { riskCountsShown } from "./disclosure-counts.server";
import { licensedDriverFigures } from "./licensed-drivers.server";
import { countDue } from "./refreshers.server";
import {
  BOOKED_STATUSES,
  bookedAhead,
  currentAcademicYear,
  deliveredFigures,
  deliveredIn,
  periodInstants,
  pupilsIn,
  reachDetails,
  SCHOOLS_IN_AREA,
  type DeliveredFigures,
  type ReachPeriod,
} from "./reach.server";
import { targetsWithProgress } from "./targets.server";

type Viewer = { roles: readonly string[] };

// ───── Choosing the period ─────

export const PERIOD_CHOICES = [
  "academic-year",
  "last-academic-year",
  "financial-year",
  "last-financial-year",
  "quarter",
  "custom",
] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** The report filters as they arrive in the URL (already trimmed and length-limited by the route's schema). */
export type ReportQuery = Partial<
  Record<"period" | "quarter" | "fromDay" | "fromMonth" | "fromYear" | "toDay" | "toMonth" | "toYear" | "programme", string>
>;

export type ResolvedPeriod = ReachPeriod & {
  label: string;
  lastYear: ReachPeriod & { label: string }; // the same dates a year earlier, for "this year against last year"
  choice: PeriodChoice;
  quarter: string | null;
  programmeName: string | null;
  ignored: string[];
};

const QUARTER_VALUE = /^(\d{4})-q([1-4])$/;

/** The same dates a year earlier (29 February falls back to the 28th). */
export function yearEarlier<P extends { from: string; to: string }>(period: P): P {
  return { ...period, from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
}

/** How the figures a year earlier are named beside this period's: "2025/26", "2025-26", "2025-26 Q3", or the dates. */
function lastYearLabel(choice: PeriodChoice, period: { from: string; to: string }, quarter: string | null) {
  const earlier = yearEarlier(period);
  const fromYear = Number(earlier.from.slice(0, 4));
  if (choice === "academic-year" || choice === "last-academic-year")
    return `${fromYear}/${String(Number(earlier.to.slice(0, 4)) % 100).padStart(2, "0")}`;
  if (choice === "financial-year" || choice === "last-financial-year") return financialYearLabel(fromYear);
  if (choice === "quarter" && quarter) return `${financialYearLabel(Number(quarter.slice(0, 4)) - 1)} Q${quarter.slice(-1)}`;
  return formatDateRange(earlier.from, earlier.to);
}

/** The quarters offered: this financial year's and last year's, latest first. */
function quarterOptions(today: string) {
  const year = financialYearStarting(today);
  return [year, year - 1]
    .flatMap((y) =>
      financialQuarters(y).map((q) => ({
        value: `${y}-q${q.quarter}`,
        text: `${financialYearLabel(y)} ${q.label}`,
        from: q.from,
        to: q.to,
      })),
    )
    .filter((q) => q.from <= today)
    .reverse();
}

/**
 * The period and programme a report covers. Values that do not make sense are ignored (the report falls back to this
 * academic year, or all programmes) and listed in `ignored`, so the page can say so without refusing to show figures.
 */
export async function resolveReportPeriod(query: ReportQuery, now: Date = new Date()): Promise<ResolvedPeriod> {
  const today = todayInLondon(now);
  const ignored: string[] = [];
  const academic = async (): Promise<DatedPeriod & { label: string }> => {
    const year = await currentAcademicYear(today);
    return { from: year.startDate, to: year.endDate, label: `academic year ${year.name}` };
  };
  // Last academic year: the council's calendar year holding the day before this one began.
  const lastAcademic = async (): Promise<DatedPeriod & { label: string }> => {
    const year = await currentAcademicYear(addDays((await currentAcademicYear(today)).startDate, -1));
    return { from: year.startDate, to: year.endDate, label: `academic year ${year.name}` };
  };
  let choice: PeriodChoice = "academic-year";
  let quarter: string | null = null;
  let period: (DatedPeriod & { label: string }) | null = null;
  const requested = query.period ?? "academic-year";
  if (!(PERIOD_CHOICES as readonly string[]).includes(requested)) ignored.push("The period was not recognised.");
  else if (requested === "financial-year" || requested === "last-financial-year") {
    const year = financialYearStarting(today) - (requested === "last-financial-year" ? 1 : 0);
    period = { ...financialYear(year), label: `financial year ${financialYearLabel(year)}` };
    choice = requested;
  } else if (requested === "last-academic-year") {
    period = await lastAcademic();
    choice = requested;
  } else if (requested === "quarter") {
    const match = QUARTER_VALUE.exec(query.quarter ?? "");
    const year = match ? Number(match[1]) : NaN;
    if (!match || year < 2000 || year > 2100) ignored.push("Choose a quarter from the list.");
    else {
      const q = financialQuarters(year)[Number(match[2]) - 1];
      period = { from: q.from, to: q.to, label: `${financialYearLabel(year)} ${q.label}` };
      choice = "quarter";
      quarter = query.quarter!;
    }
  } else if (requested === "custom") {
    const from = dateFromParts(query.fromDay ?? "", query.fromMonth ?? "", query.fromYear ?? "");
    const to = dateFromParts(query.toDay ?? "", query.toMonth ?? "", query.toYear ?? "");
    if (!from || !to) ignored.push("The start and end dates must be real dates, for example 1 4 2026.");
    else if (from > to) ignored.push("The start date must be on or before the end date.");
    else {
      period = { from, to, label: formatDateRange(from, to) };
      choice = "custom";
    }
  }
  period ??= await academic();
  let programmeName: string | null = null;
  let programmeId: string | null = null;
  if (query.programme) {
    const programme = await db.programme.findUnique({ where: { id: query.programme }, select: { id: true, name: true } });
    if (programme) ({ id: programmeId, name: programmeName } = programme);
    else ignored.push("The programme was not found, so all programmes are shown.");
  }
  return {
    from: period.from,
    to: period.to,
    label: period.label,
    lastYear: { ...yearEarlier(period), programmeId, label: lastYearLabel(choice, period, quarter) },
    choice,
    quarter,
    programmeId,
    programmeName,
    ignored,
  };
}

/** Programmes and quarters for the filter form. */
export async function reportFilterOptions(now: Date = new Date()) {
  const programmes = await db.programme.findMany({ orderBy: [{ archivedAt: "asc" }, { name: "asc" }], select: { id: true, name: true } });
  return { programmes, quarters: quarterOptions(todayInLondon(now)).map(({ value, text }) => ({ value, text })) };
}

// ───── Dashboard ─────

const SEX_LABELS: Record<(typeof SEXES)[number], string> = { GIRL: "Girls", BOY: "Boys", OTHER: "Other", NOT_RECORDED: "Not recorded" };

/** The calendar months a period touches, each cut to the period: "2026-09" … */
export function monthsOf(period: { from: string; to: string }) {
  const months: { month: string; from: string; to: string }[] = [];
  for (let first = `${period.from.slice(0, 7)}-01`; first <= period.to; first = addMonths(first, 1)) {
    const last = addDays(addMonths(first, 1), -1);
    months.push({ month: first.slice(0, 7), from: first < period.from ? period.from : first, to: last > period.to ? period.to : last });
  }
  return months;
}

/**
 * Pupils reached in each month of each period (one statement for every month of them all; null for a month not yet
 * started) and the pupils target over each period, if any.
 */
async function pupilsByMonth(periods: ReachPeriod[], now: Date) {
  const today = todayInLondon(now);
  const months = periods.map(monthsOf);
  const [sums, targets] = await Promise.all([
    pupilsIn(periods.flatMap((period, i) => months[i].map((m) => ({ ...m, programmeId: period.programmeId })))),
    Promise.all(
      periods.map((period) =>
        db.target.findFirst({
          where: {
            metric: "PUPILS_REACHED",
            programmeId: period.programmeId ?? null,
            fromDate: { lte: period.to },
            toDate: { gte: period.from },
          },
          orderBy: { fromDate: "desc" },
          select: { value: true, fromDate: true, toDate: true },
        }),
      ),
    ),
  ]);
  let next = 0;
  return periods.map((_, i) => ({
    months: months[i].map((m) => ({ month: m.month, pupils: m.from > today ? null : sums[next++] })),
    target: targets[i],
  }));
}

type DashboardInput = {
  viewer: Viewer;
  now?: Date;
  threshold?: number; // a public report's larger small-number threshold (5 otherwise)
};

/**
 * Everything on the reach dashboard for each period (this year and last, say), counted together. Disclosure figures
 * are suppressed for non-leads.
 */
export async function reachDashboards({ viewer, periods, now = new Date(), threshold }: DashboardInput & { periods: ReachPeriod[] }) {
  const exact = can(viewer.roles, "disclosure:read");
  // People due a refresher are counted as of today, whatever the period: once for each programme asked about.
  const programmes = [...new Set(periods.map((period) => period.programmeId ?? null))];
  const [details, monthly, due] = await Promise.all([
    reachDetails(periods, now),
    pupilsByMonth(periods, now),
    Promise.all(programmes.map((programmeId) => countDue({ withinDays: 0, programmeId: programmeId ?? undefined }, todayInLondon(now)))),
  ]);
  return periods.map((_, i) => {
    const { figures, delivered, schools } = details[i];
    const disclosures = riskCountsShown({ viewer, byRisk: delivered.disclosuresByRisk, threshold });
    return {
      figures,
      pupilsByYearGroup: [
        ...YEAR_GROUPS.map((yearGroup) => ({ label: yearGroupLabel(yearGroup), count: delivered.pupilsByYearGroup[yearGroup] })),
        { label: "Other or not recorded", count: delivered.pupilsOtherYearGroups },
      ].filter((row) => row.count > 0),
      pupilsBySex: SEXES.map((sex) => ({ label: SEX_LABELS[sex], count: delivered.pupilsBySex[sex] })).filter((row) => row.count > 0),
      sessionsByKind: PROGRAMME_KINDS.map((kind) => ({ kind, label: PROGRAMME_KIND_LABELS[kind], count: delivered.sessionsByKind[kind] })),
      year10: {
        reached: delivered.year10Reached,
        // Year 10 reach against the Year 10 roll, both over the schools in the area whose roll is known.
        cohort: schools.year10Roll,
        schoolsWithCount: schools.withYear10Roll,
      },
      trained: {
        staffBriefed: delivered.staffBriefed,
        driversTrained: delivered.driversTrained,
        peopleTrained: figures.peopleTrained,
        refreshersDue: due[programmes.indexOf(periods[i].programmeId ?? null)],
      },
      monthly: monthly[i],
      stalls: delivered.stalls,
      performances: delivered.performances,
      disclosures,
      // The rate is withheld with the total it sits beside, or it would give a withheld total back.
      disclosuresPerThousand:
        typeof disclosures.total === "number"
          ? perThousandPupils(suppressCount(delivered.pupilDisclosures, exact, threshold), figures.pupilsReached)
          : perThousandPupils(disclosures.total, figures.pupilsReached),
      exact,
    };
  });
}

/** Everything on the reach dashboard for one period (and programme). */
export async function reachDashboard({ period, ...input }: DashboardInput & { period: ReachPeriod }) {
  const [dashboard] = await reachDashboards({ ...input, periods: [period] });
  return dashboard;
}

// ───── Schools coverage list ─────

export const COVERAGE_FILTERS = ["all", "covered", "not-covered", "not-booked"] as const;
export type CoverageFilter = (typeof COVERAGE_FILTERS)[number];

function coverageWhere(period: ReachPeriod, filter: CoverageFilter, now: Date) {
  const delivered = deliveredIn(period);
  if (filter === "covered") return { ...SCHOOLS_IN_AREA, sessions: { some: delivered } };
  if (filter === "not-covered") return { ...SCHOOLS_IN_AREA, sessions: { none: delivered } };
  if (filter === "not-booked")
    return { ...SCHOOLS_IN_AREA, AND: [{ sessions: { none: delivered } }, { sessions: { none: bookedAhead(period, now) } }] };
  return SCHOOLS_IN_AREA;
}

/**
 * One page of open secondary schools and colleges with, for each, the last delivered and next booked session and
 * the pupils reached in the period. The per-school figures are grouped by venue in the database for this page only.
 */
export async function schoolsCoverage({
  period,
  filter,
  page,
  now = new Date(),
}: {
  period: ReachPeriod;
  filter: CoverageFilter;
  page: number;
  now?: Date;
}) {
  const where = coverageWhere(period, filter, now);
  const [venues, total] = await Promise.all([
    db.venue.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageWindow(page),
      select: { id: true, name: true, town: true, kind: true },
    }),
    db.venue.count({ where }),
  ]);
  const ids = venues.map((v) => v.id);
  const byProgramme = period.programmeId ? { programmeId: period.programmeId } : {};
  const { start, end } = periodInstants(period);
  const programmeId = period.programmeId ?? null;
  const [last, next, pupils] = ids.length
    ? await Promise.all([
        db.session.groupBy({
          by: ["venueId"],
          where: { venueId: { in: ids }, status: "DELIVERED", ...byProgramme },
          _max: { startsAt: true },
        }),
        db.session.groupBy({
          by: ["venueId"],
          where: { venueId: { in: ids }, status: { in: [...BOOKED_STATUSES] }, startsAt: { gte: now }, ...byProgramme },
          _min: { startsAt: true },
        }),
        db.$queryRaw<{ venueId: string; pupils: bigint | number | null }[]>`
        SELECT s."venueId" AS "venueId", SUM(s."pupilCount") AS "pupils"
        FROM "Session" s
        WHERE s."venueId" IN (${Prisma.join(ids)}) AND s."status" = 'DELIVERED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
          AND (CAST(${programmeId} AS TEXT) IS NULL OR s."programmeId" = CAST(${programmeId} AS TEXT))
        GROUP BY s."venueId"`,
      ])
    : [[], [], []];
  const items = venues.map((v) => {
    const lastAt = last.find((g) => g.venueId === v.id)?._max.startsAt ?? null;
    const nextAt = next.find((g) => g.venueId === v.id)?._min.startsAt ?? null;
    return {
      ...v,
      lastDeliveredOn: lastAt ? londonDate(lastAt) : null,
      nextBookedOn: nextAt ? londonDate(nextAt) : null,
      pupilsReached: Number(pupils.find((g) => g.venueId === v.id)?.pupils ?? 0),
    };
  });
  return toPage(items, total, page);
}

// ───── Quarterly report ─────

export type QuarterlyRow = { key: string; label: string; cells: (number | string)[] };

/** The financial years a quarterly report may be asked for. */
export const isReportYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2100;

export const currentFinancialYear = (now: Date = new Date()) => financialYearStarting(todayInLondon(now));

/**
 * Schools in the area covered for the first time in each quarter of financial year `startYear`, and covered so far by
 * the end of each quarter: one statement over each school's first delivered session of the year.
 */
async function schoolsByQuarter(startYear: number) {
  const quarters = financialQuarters(startYear).map(periodInstants);
  const { start, end } = periodInstants(financialYear(startYear));
  const columns = quarters.flatMap((q, i) => [
    Prisma.sql`SUM(CASE WHEN f."first" >= ${q.start} AND f."first" < ${q.end} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"first${i}"`)}`,
    Prisma.sql`SUM(CASE WHEN f."first" < ${q.end} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"soFar${i}"`)}`,
  ]);
  const [row] = await db.$queryRaw<Record<string, bigint | number | null>[]>`
    SELECT ${Prisma.join(columns, ", ")}
    FROM (
      SELECT MIN(s."startsAt") AS "first"
      FROM "Session" s JOIN "Venue" v ON v."id" = s."venueId"
      WHERE s."status" = 'DELIVERED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
        AND v."archivedAt" IS NULL AND v."status" = 'OPEN' AND v."kind" IN ('SECONDARY_SCHOOL', 'COLLEGE')
      GROUP BY s."venueId"
    ) f`;
  return quarters.map((_, i) => ({ firstTime: Number(row?.[`first${i}`] ?? 0), soFar: Number(row?.[`soFar${i}`] ?? 0) }));
}

/**
 * The commissioners' report for financial year `startYear` (1 April to 31 March): one column per quarter and the
 * year to date. Disclosure rows are suppressed for non-leads, with the year-to-date total withheld when it would give
 * a suppressed quarter back; rates from counts the viewer cannot see are withheld.
 */
export async function quarterlyReport({ viewer, startYear, now = new Date() }: { viewer: Viewer; startYear: number; now?: Date }) {
  const exact = can(viewer.roles, "disclosure:read");
  const year = financialYear(startYear);
  const quarters = financialQuarters(startYear);
  // The year before is counted by the same statements, so each figure can stand beside the one a year earlier.
  const periods = [startYear, startYear - 1].flatMap((y) => [...financialQuarters(y), financialYear(y)]);
  const [figures, schools, lastSchools, schoolsInArea] = await Promise.all([
    deliveredFigures(periods),
    schoolsByQuarter(startYear),
    schoolsByQuarter(startYear - 1),
    db.venue.count({ where: SCHOOLS_IN_AREA }),
  ]);
  const rows = quarterlyRows(exact, figures.slice(0, 5), schools, schoolsInArea);
  const earlierRows = quarterlyRows(exact, figures.slice(5), lastSchools, schoolsInArea);
  return {
    startYear,
    label: financialYearLabel(startYear),
    lastYearLabel: financialYearLabel(startYear - 1),
    // A quarter still to come shows what the year holds so far; its heading says it has not started.
    columns: [
      ...quarters.map((q) => ({
        key: `q${q.quarter}`,
        label: `Q${q.quarter}`,
        period: `${formatDateRange(q.from, q.to)}${q.from > todayInLondon(now) ? ", not started" : ""}`,
      })),
      { key: "ytd", label: "Year to date", period: formatDateRange(year.from, year.to) },
    ],
    rows: rows.map((r, i) => ({ ...r, lastYear: earlierRows[i].cells })),
    exact,
  };
}

/**
 * The quarterly report's rows for one financial year from its figures: four quarters and the year to date. Schools
 * covered for the first time, and so far, in the year to date are all the schools covered in the year.
 */
function quarterlyRows(
  exact: boolean,
  figures: DeliveredFigures[],
  schools: Awaited<ReturnType<typeof schoolsByQuarter>>,
  schoolsInArea: number,
): QuarterlyRow[] {
  const columns = figures.map((f, i) => ({
    ...f,
    firstTime: schools[i]?.firstTime ?? f.schoolsCovered,
    cumulative: schools[i]?.soFar ?? f.schoolsCovered,
  }));
  const row = (key: string, label: string, pick: (c: (typeof columns)[number]) => number): QuarterlyRow => ({
    key,
    label,
    cells: columns.map(pick),
  });
  const suppressedRow = (key: string, label: string, pick: (c: (typeof columns)[number]) => number) => {
    const counts = columns.map(pick);
    const shown = suppressCounts(counts.slice(0, 4), counts[4], exact);
    return { key, label, cells: [...shown.cells, shown.total] as ShownCount[] };
  };
  const disclosures = suppressedRow("disclosures", "Disclosures at or after sessions", (c) => c.disclosures);
  const pupilDisclosures = suppressedRow("pupil-disclosures", "", (c) => c.pupilDisclosures);
  return [
    ...PROGRAMME_KINDS.map((kind) =>
      row(`sessions-${kind}`, `Sessions delivered: ${PROGRAMME_KIND_LABELS[kind].toLowerCase()}`, (c) => c.sessionsByKind[kind]),
    ),
    row("pupils", "Pupils reached", (c) => c.pupilsReached),
    row("schools", "Schools covered in the quarter", (c) => c.schoolsCovered),
    row("schools-first", "Schools covered for the first time this year", (c) => c.firstTime),
    row("schools-cumulative", `Schools covered so far this year (of ${schoolsInArea})`, (c) => c.cumulative),
    row("staff", "Staff briefed", (c) => c.staffBriefed),
    row("drivers", "Drivers trained", (c) => c.driversTrained),
    row("conversations", "Awareness stall conversations", (c) => c.stalls.conversations),
    disclosures,
    suppressedRow("referrals", "Referrals made", (c) => c.referrals),
    {
      key: "per-thousand",
      label: "Disclosures per 1,000 pupils reached",
      cells: columns.map((c, i) =>
        typeof disclosures.cells[i] === "number"
          ? perThousandPupils(pupilDisclosures.cells[i], c.pupilsReached)
          : perThousandPupils(disclosures.cells[i], c.pupilsReached),
      ),
    },
  ];
}

export const quarterlyCsvFilename = (startYear: number) => `outreach-quarterly-${financialYearLabel(startYear)}.csv`;

/** The quarterly report as CSV; suppressed cells are written as text ("fewer than 5"). */
export async function quarterlyReportCsv(input: { viewer: Viewer; startYear: number; now?: Date }): Promise<string> {
  const report = await quarterlyReport(input);
  return toCsv(
    [
      "Measure",
      ...report.columns.map((c) => `${c.label} (${c.period})`),
      ...report.columns.map((c) => `${c.label} ${report.lastYearLabel}`),
    ],
    report.rows.map((r) => [r.label, ...r.cells, ...r.lastYear]),
  );
}

// ───── What each page's loader asks for ─────

/** The reach dashboard page: the period chosen in the URL, the filter options and the figures. */
export async function reportsPage({ viewer, query, now = new Date() }: { viewer: Viewer; query: ReportQuery; now?: Date }) {
  const period = await resolveReportPeriod(query, now);
  // Targets run over their own periods, so they are shown as they stand today whatever period is chosen.
  const [options, [dashboard, lastYear], targets, licensedDrivers] = await Promise.all([
    reportFilterOptions(now),
    reachDashboards({ viewer, periods: [period, period.lastYear], now }),
    targetsWithProgress({ page: 1, filter: "current", now }),
    licensedDriverFigures(now),
  ]);
  return { period, options, dashboard, lastYear, targets, licensedDrivers };
}

/** The schools coverage page: period and programme as on the dashboard, plus which schools to show. */
export async function schoolsCoveragePage({
  query,
  show,
  page,
  now = new Date(),
}: {
  query: ReportQuery;
  show?: string;
  page: number;
  now?: Date;
}) {
  const period = await resolveReportPeriod(query, now);
  const filter: CoverageFilter = (COVERAGE_FILTERS as readonly string[]).includes(show ?? "") ? (show as CoverageFilter) : "all";
  const [options, schools] = await Promise.all([reportFilterOptions(now), schoolsCoverage({ period, filter, page, now })]);
  return { period, options, filter, schools };
}

/** The financial year asked for in `?year=`: the current one when absent, null when it is not a year we report on. */
export function quarterlyYear(year: string | undefined, now: Date = new Date()): number | null {
  if (year === undefined || year === "") return currentFinancialYear(now);
  if (!/^\d{4}$/.test(year)) return null;
  return isReportYear(Number(year)) ? Number(year) : null;
}

/** The quarterly report page for `?year=`, or null when that is not a year we report on. */
export async function quarterlyReportPage({ viewer, year, now = new Date() }: { viewer: Viewer; year: string | undefined; now?: Date }) {
  const startYear = quarterlyYear(year, now);
  return startYear === null ? null : quarterlyReport({ viewer, startYear, now });
}

/** The quarterly report for `?year=` as a CSV download, or null when that is not a year we report on. */
export async function quarterlyReportDownload({
  viewer,
  year,
  now = new Date(),
}: {
  viewer: Viewer;
  year: string | undefined;
  now?: Date;
}) {
  const startYear = quarterlyYear(year, now);
  return startYear === null
    ? null
    : { filename: quarterlyCsvFilename(startYear), csv: await quarterlyReportCsv({ viewer, startYear, now }) };
}
