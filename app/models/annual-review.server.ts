// The annual review (academic or financial year) and the quarterly report as documents: one function each builds the
// blocks (headings, paragraphs, tables, charts) from figures the database counted, and the page, the PDF and the CSV
// all show those blocks. The public version is the review as seen by someone who may not read disclosures, with the
// council's larger small-number threshold and no school-level disclosure figures (docs/decisions/018-…).
import { Prisma } from "~/db/generated/sqlite/client";
import {
  disclosureRateChart,
  licensedDriversChart,
  pupilsByMonthChart,
  schoolsCoveredChart,
  sessionsByKindChart,
  trainedChart,
} from "~/models/report-charts";
import type { BarChartSpec, ChartValue } from "~/utils/charts";
import { toCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { can, PUBLIC_REPORT_READER } from "~/utils/permissions";
import { blocksAsRows, cellText, type ReportBlock, type ReportCell, type ReportDocument } from "~/utils/report-blocks";
import { renderReportPdf } from "~/utils/report-pdf.server";
import { percent, points } from "~/utils/proportions";
import { financialYear, financialYearLabel } from "~/utils/report-periods";
import { DEFAULT_THRESHOLD, suppressCounts, suppressedLabel, WITHHELD, type ShownCount } from "~/utils/suppression";
import { formatDateRange, todayInLondon } from "~/utils/time";
import { REFERRAL_LABELS, REFERRAL_TARGETS } from "./disclosure-options";
import { evaluationsIn, type ProgrammeEvaluation, type StatementResult } from "./evaluation-results.server";
import { licensedDriverFigures } from "./licensed-drivers.server";
import { currentAcademicYear, deliveredIn, periodInstants, SCHOOLS_IN_AREA, type ReachPeriod } from "./reach.server";
import { publicThreshold } from "./report-settings.server";
import { quarterlyReport, quarterlyYear, reachDashboards } from "./reports.server";
import { describeTarget, targetsOverlapping } from "./targets.server";

type Viewer = { roles: readonly string[] };
export type YearKind = "academic" | "financial";
export type Audience = "staff" | "public";

/** Schools listed by name in the review; the rest are counted ("and 120 more") and listed at /reports/schools. */
const SCHOOL_LIST_LIMIT = 200;

const n = (value: number) => value.toLocaleString("en-GB");

// ───── The year ─────

export type AnnualPeriod = ReachPeriod & { kind: YearKind; startYear: number; label: string; short: string };

/** An academic year (the council's calendar when it has one starting that year, else 1 September to 31 August) or a financial year. */
async function annualPeriod(kind: YearKind, startYear: number): Promise<AnnualPeriod> {
  if (kind === "financial") {
    const year = financialYear(startYear);
    return { ...year, kind, startYear, label: `financial year ${financialYearLabel(startYear)}`, short: financialYearLabel(startYear) };
  }
  const short = `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
  const calendar = await db.academicYear.findFirst({
    where: { startDate: { gte: `${startYear}-07-01`, lte: `${startYear}-09-30` } },
    orderBy: { startDate: "asc" },
    select: { startDate: true, endDate: true },
  });
  return {
    from: calendar?.startDate ?? `${startYear}-09-01`,
    to: calendar?.endDate ?? `${startYear + 1}-08-31`,
    kind,
    startYear,
    label: `academic year ${short}`,
    short,
  };
}

/** The year a review is asked for: `?year=` (its first calendar year) and `?kind=`; the current year when absent. */
async function annualYear(kind: YearKind, year: string | undefined, now: Date = new Date()): Promise<number | null> {
  if (kind === "financial") return quarterlyYear(year, now);
  if (year === undefined || year === "") return Number((await currentAcademicYear(todayInLondon(now))).startDate.slice(0, 4));
  return quarterlyYear(year, now) === null ? null : Number(year);
}

// ───── Figures the dashboard does not already count ─────

/** Referrals of disclosures made at or after sessions delivered in the period, by whom to, suppressed down the column. */
async function referralsTo(period: ReachPeriod, exact: boolean, threshold: number) {
  const groups = await db.disclosure.groupBy({
    by: ["referralTo"],
    where: { session: deliveredIn(period), referralTo: { not: null } },
    _count: { _all: true },
  });
  const counts = REFERRAL_TARGETS.map((to) => groups.find((g) => g.referralTo === to)?._count._all ?? 0);
  const other = groups
    .filter((g) => !(REFERRAL_TARGETS as readonly string[]).includes(g.referralTo ?? ""))
    .reduce((s, g) => s + g._count._all, 0);
  counts[REFERRAL_TARGETS.indexOf("OTHER")] += other;
  const shown = suppressCounts(
    counts,
    counts.reduce((s, c) => s + c, 0),
    exact,
    threshold,
  );
  return { rows: REFERRAL_TARGETS.map((to, i) => ({ key: to, label: REFERRAL_LABELS[to], count: shown.cells[i] })), total: shown.total };
}

/**
 * Schools covered (with pupils reached and, for staff, disclosures at their sessions) and schools not reached, the
 * first SCHOOL_LIST_LIMIT of each by name. Disclosures per school are suppressed across every school covered and their
 * total, so the listed ones cannot be worked out from the rest.
 */
async function schoolsOfYear(period: ReachPeriod, audience: Audience, exact: boolean, threshold: number) {
  const delivered = deliveredIn(period);
  const coveredWhere = { ...SCHOOLS_IN_AREA, sessions: { some: delivered } };
  const notReachedWhere = { ...SCHOOLS_IN_AREA, sessions: { none: delivered } };
  const { start, end } = periodInstants(period);
  const select = { id: true, name: true, town: true } as const;
  const orderBy = [{ name: "asc" as const }, { id: "asc" as const }];
  const [covered, coveredTotal, notReached, notReachedTotal, disclosures] = await Promise.all([
    db.venue.findMany({ where: coveredWhere, orderBy, select, take: SCHOOL_LIST_LIMIT }),
    db.venue.count({ where: coveredWhere }),
    db.venue.findMany({ where: notReachedWhere, orderBy, select, take: SCHOOL_LIST_LIMIT }),
    db.venue.count({ where: notReachedWhere }),
    audience === "staff"
      ? db.$queryRaw<{ venueId: string; n: bigint | number }[]>`
        SELECT s."venueId" AS "venueId", COUNT(*) AS "n"
        FROM "Disclosure" d JOIN "Session" s ON s."id" = d."sessionId" JOIN "Venue" v ON v."id" = s."venueId"
        WHERE s."status" = 'DELIVERED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
          AND v."archivedAt" IS NULL AND v."status" = 'OPEN' AND v."kind" IN ('SECONDARY_SCHOOL', 'COLLEGE')
        GROUP BY s."venueId"`
      : Promise.resolve([]),
  ]);
  const ids = covered.map((v) => v.id);
  const pupils = ids.length
    ? await db.$queryRaw<{ venueId: string; pupils: bigint | number | null }[]>`
        SELECT s."venueId" AS "venueId", SUM(s."pupilCount") AS "pupils"
        FROM "Session" s
        WHERE s."venueId" IN (${Prisma.join(ids)}) AND s."status" = 'DELIVERED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
        GROUP BY s."venueId"`
    : [];
  const counts = disclosures.map((d) => Number(d.n));
  const shown = suppressCounts(
    counts,
    counts.reduce((s, c) => s + c, 0),
    exact,
    threshold,
  );
  const disclosuresAt = (id: string): ShownCount => {
    const i = disclosures.findIndex((d) => d.venueId === id);
    return i < 0 ? 0 : shown.cells[i];
  };
  return {
    covered: covered.map((v) => ({
      ...v,
      pupils: Number(pupils.find((p) => p.venueId === v.id)?.pupils ?? 0),
      disclosures: audience === "staff" ? disclosuresAt(v.id) : null,
    })),
    coveredTotal,
    disclosuresTotal: audience === "staff" ? shown.total : null,
    notReached,
    notReachedTotal,
  };
}

// ───── The review ─────

/** "up 12%", "down 3%", "the same" against last year; nothing when last year had none. */
function change(now: number, then: number) {
  if (then === 0) return "";
  if (now === then) return ", the same as";
  const pct = Math.round((Math.abs(now - then) / then) * 100);
  return now > then ? `, up ${pct}% on` : `, down ${pct}% on`;
}

/** A sentence about a count that may be suppressed: "12 disclosures", "fewer than 5 disclosures"; null when withheld. */
const countPhrase = (count: ShownCount, one: string, many: string) =>
  count === WITHHELD ? null : `${typeof count === "number" ? n(count) : count} ${count === 1 ? one : many}`;

/**
 * Everything in the annual review for `kind` year `startYear`, as seen by `viewer` (staff) or by the public. Every
 * figure is counted in the database by the dashboard's functions (reachDashboards) for this year and the year before.
 */
export async function annualReview({
  viewer,
  kind,
  startYear,
  audience,
  now = new Date(),
}: {
  viewer: Viewer;
  kind: YearKind;
  startYear: number;
  audience: Audience;
  now?: Date;
}) {
  // The public version is the review as someone who may not read disclosures sees it, with the council's threshold.
  const seenBy: Viewer = audience === "public" ? PUBLIC_REPORT_READER : viewer;
  const threshold = audience === "public" ? await publicThreshold() : DEFAULT_THRESHOLD;
  const exact = can(seenBy.roles, "disclosure:read");
  const [period, lastYear] = await Promise.all([annualPeriod(kind, startYear), annualPeriod(kind, startYear - 1)]);
  const [[d, e], targets, referrals, lastReferrals, schools, drivers, evaluations] = await Promise.all([
    reachDashboards({ viewer: seenBy, periods: [period, lastYear], now, threshold }),
    targetsOverlapping(period, now),
    referralsTo(period, exact, threshold),
    referralsTo(lastYear, exact, threshold),
    schoolsOfYear(period, audience, exact, threshold),
    licensedDriverFigures(now),
    evaluationsIn(period, threshold),
  ]);
  const f = d.figures;
  const g = e.figures;
  const headline: { key: string; label: string; value: ReportCell; lastYear: ReportCell }[] = [
    { key: "pupils", label: "Pupils reached", value: f.pupilsReached, lastYear: g.pupilsReached },
    { key: "sessions", label: "Sessions delivered", value: f.sessionsDelivered, lastYear: g.sessionsDelivered },
    {
      key: "schools",
      label: `Schools and colleges covered (of ${n(f.schoolsInArea)})`,
      value: f.schoolsCovered,
      lastYear: g.schoolsCovered,
    },
    {
      key: "not-reached",
      label: "Schools and colleges not reached",
      value: f.schoolsInArea - f.schoolsCovered,
      lastYear: g.schoolsInArea - g.schoolsCovered,
    },
    { key: "people", label: "People trained", value: f.peopleTrained, lastYear: g.peopleTrained },
    { key: "staff", label: "Staff briefed", value: d.trained.staffBriefed, lastYear: e.trained.staffBriefed },
    { key: "drivers", label: "Drivers trained", value: d.trained.driversTrained, lastYear: e.trained.driversTrained },
    { key: "audience", label: "Community performance audiences", value: d.performances.audience, lastYear: e.performances.audience },
    { key: "conversations", label: "Awareness stall conversations", value: d.stalls.conversations, lastYear: e.stalls.conversations },
    { key: "disclosures", label: "Disclosures at or after sessions", value: d.disclosures.total, lastYear: e.disclosures.total },
    { key: "referrals", label: "Referrals made", value: referrals.total, lastYear: lastReferrals.total },
    {
      key: "per-thousand",
      label: "Disclosures per 1,000 pupils reached",
      value: d.disclosuresPerThousand,
      lastYear: e.disclosuresPerThousand,
    },
  ];
  const met = targets.filter((t) => t.achieved >= t.value).length;
  const disclosed = countPhrase(d.disclosures.total, "disclosure was", "disclosures were");
  const referred = countPhrase(referrals.total, "was referred on", "were referred on");
  const summary = [
    `In the ${period.label}, ${n(f.pupilsReached)} pupils were reached in ${n(f.sessionsDelivered)} sessions${change(f.pupilsReached, g.pupilsReached)}${g.pupilsReached ? ` ${n(g.pupilsReached)} pupils in ${lastYear.short}` : ""}.`,
    `${n(f.schoolsCovered)} of the ${n(f.schoolsInArea)} secondary schools and colleges in the area were covered; ${n(f.schoolsInArea - f.schoolsCovered)} ${f.schoolsInArea - f.schoolsCovered === 1 ? "was" : "were"} not reached.`,
    `${n(f.peopleTrained)} ${f.peopleTrained === 1 ? "person was" : "people were"} trained.`,
    targets.length === 0
      ? "No target ran in the year."
      : targets.length === 1
        ? `The one target running in the year ${met ? "has" : "has not"} been met.`
        : `${n(met)} of the ${n(targets.length)} targets running in the year ${met === 1 ? "has" : "have"} been met.`,
    disclosed
      ? `${disclosed[0].toUpperCase()}${disclosed.slice(1)} made at or after sessions${referred ? `, and ${referred}` : ""}.`
      : "The number of disclosures is withheld to protect children.",
  ].join(" ");
  const note = exact
    ? "Disclosure figures are exact: this version is for safeguarding leads only."
    : `To protect children, counts from 1 to ${threshold - 1} are shown as "${suppressedLabel(threshold)}", and a total or rate that would give one back is "withheld".`;
  const sessionsByKind = (dash: typeof d) => dash.sessionsByKind.map((k) => k.count);
  const charts = {
    pupils: pupilsByMonthChart(d.monthly),
    schools: schoolsCoveredChart(f),
    sessions: {
      id: "chart-annual-sessions",
      title: `Sessions delivered by kind, ${period.short} and ${lastYear.short}`,
      description: `Sessions delivered in the year by kind of programme, beside the year before.`,
      categories: d.sessionsByKind.map((k) => k.label),
      series: [
        { name: period.short, values: sessionsByKind(d) },
        { name: lastYear.short, values: sessionsByKind(e) },
      ],
    } satisfies BarChartSpec,
    trained: trainedChart(d.trained),
    drivers: drivers.licensed ? licensedDriversChart(drivers) : null,
    disclosures: {
      id: "chart-annual-disclosures",
      title: `Disclosures by risk, ${period.short} and ${lastYear.short}`,
      description: `Disclosures at or after sessions by risk level. A count withheld or shown as "${suppressedLabel(threshold)}" has no bar.`,
      categories: d.disclosures.rows.map((r) => `${r.label} risk`),
      series: [
        { name: period.short, values: d.disclosures.rows.map((r): ChartValue => r.count) },
        { name: lastYear.short, values: e.disclosures.rows.map((r): ChartValue => r.count) },
      ],
    } satisfies BarChartSpec,
  };
  return {
    councilName: env().COUNCIL_NAME,
    period: { ...period, dates: formatDateRange(period.from, period.to) },
    lastYear: { ...lastYear, dates: formatDateRange(lastYear.from, lastYear.to) },
    audience,
    threshold,
    exact,
    note,
    summary,
    headline,
    charts,
    sessionsByKind: d.sessionsByKind.map((k, i) => ({ label: k.label, value: k.count, lastYear: e.sessionsByKind[i].count })),
    disclosuresByRisk: [
      ...d.disclosures.rows.map((r, i) => ({ label: `${r.label} risk`, value: r.count, lastYear: e.disclosures.rows[i].count })),
      { label: "All disclosures", value: d.disclosures.total, lastYear: e.disclosures.total },
    ],
    referrals: [
      ...referrals.rows.map((r, i) => ({ label: r.label, value: r.count, lastYear: lastReferrals.rows[i].count })),
      { label: "All referrals", value: referrals.total, lastYear: lastReferrals.total },
    ],
    targets: targets.map((t) => ({
      id: t.id,
      description: describeTarget(t),
      value: t.value,
      achieved: t.achieved,
      status: t.status,
      forecast: t.forecast.sentence,
    })),
    schools,
    evaluations,
  };
}

export type AnnualReview = Awaited<ReturnType<typeof annualReview>>;

/** The review as blocks, in the order the page, the PDF and the CSV show it. */
export function annualReviewDocument(r: AnnualReview): ReportDocument {
  const versus = (label: string) => ["Measure", r.period.short, r.lastYear.short].map((h, i) => (i === 0 ? label : h));
  const blocks: ReportBlock[] = [
    { kind: "heading", text: "Summary" },
    { kind: "paragraph", text: r.summary },
    {
      kind: "table",
      table: { caption: "Headline figures", head: versus("Measure"), rows: r.headline.map((h) => [h.label, h.value, h.lastYear]) },
    },
    { kind: "heading", text: "Pupils and schools" },
    { kind: "chart", spec: r.charts.pupils, label: "Month" },
    { kind: "chart", spec: r.charts.schools, label: "Schools and colleges" },
    { kind: "chart", spec: r.charts.sessions, label: "Kind" },
    { kind: "heading", text: "Adults trained" },
    { kind: "chart", spec: r.charts.trained, label: "People" },
    ...(r.charts.drivers ? [{ kind: "chart" as const, spec: r.charts.drivers, label: "Drivers" }] : []),
    { kind: "heading", text: "Targets" },
    r.targets.length
      ? {
          kind: "table",
          table: {
            caption: "Targets running in the year",
            head: ["Target", "Aim", "Achieved", "Status"],
            rows: r.targets.map((t) => [t.description, t.value, t.achieved, t.status]),
          },
        }
      : { kind: "paragraph", text: "No target ran in the year." },
    ...(r.targets.length ? [{ kind: "list" as const, items: r.targets.map((t) => `${t.description}: ${t.forecast}`) }] : []),
    { kind: "heading", text: "Disclosures and referrals" },
    { kind: "paragraph", text: "Disclosures made at or after the sessions delivered in the year. Figures only: no detail of any case." },
    { kind: "chart", spec: r.charts.disclosures, label: "Risk" },
    {
      kind: "table",
      table: { caption: "Disclosures by risk", head: versus("Risk"), rows: r.disclosuresByRisk.map((x) => [x.label, x.value, x.lastYear]) },
    },
    {
      kind: "table",
      table: {
        caption: "Referrals, by whom to",
        head: versus("Referred to"),
        rows: r.referrals.map((x) => [x.label, x.value, x.lastYear]),
      },
    },
    { kind: "heading", text: "Schools" },
    {
      kind: "table",
      table: {
        caption: `Schools and colleges covered (${n(r.schools.coveredTotal)})`,
        head: ["School or college", "Town", "Pupils reached", ...(r.audience === "staff" ? ["Disclosures"] : [])],
        rows: [
          ...r.schools.covered.map((s) => [s.name, s.town ?? "", s.pupils, ...(s.disclosures === null ? [] : [s.disclosures])]),
          ...(r.schools.disclosuresTotal === null ? [] : [["All schools and colleges covered", "", "", r.schools.disclosuresTotal]]),
        ],
      },
    },
    ...more(r.schools.coveredTotal, r.schools.covered.length),
    {
      kind: "table",
      table: {
        caption: `Schools and colleges not reached (${n(r.schools.notReachedTotal)})`,
        head: ["School or college", "Town"],
        rows: r.schools.notReached.map((s) => [s.name, s.town ?? ""]),
      },
    },
    ...more(r.schools.notReachedTotal, r.schools.notReached.length),
    ...evaluationBlocks(r.evaluations, "year", r.threshold),
  ];
  return {
    councilName: r.councilName,
    title: `${r.audience === "public" ? "Annual review (public version)" : "Annual review"} ${r.period.short}`,
    period: `${r.period.label[0].toUpperCase()}${r.period.label.slice(1)}: ${r.period.dates}`,
    note: r.note,
    blocks,
  };
}

function more(total: number, listed: number): ReportBlock[] {
  return total > listed ? [{ kind: "paragraph", text: `And ${n(total - listed)} more: see the schools coverage list in Outreach.` }] : [];
}

// ───── What pupils said changed ─────

const shareCell = (side: StatementResult["before"]): ReportCell =>
  side.share ? `${percent(side.share.share)} (${percent(side.share.lower)} to ${percent(side.share.upper)})` : `${side.n} answers`;
const changeCell = (change: StatementResult["change"]): ReportCell =>
  change ? `${points(change.difference)} points (${points(change.lower)} to ${points(change.upper)})` : "not enough answers";

function statementTable(caption: string, statements: StatementResult[]): ReportBlock {
  return {
    kind: "table",
    table: {
      caption,
      head: ["Statement", "Agreeing before", "Agreeing after", "Change"],
      rows: statements.map((s) => [s.text, shareCell(s.before), shareCell(s.after), changeCell(s.change)]),
    },
  };
}

/** Each programme's questionnaire results: answers, response rate and the share agreeing before and after, with 95% intervals. */
function evaluationBlocks(
  evaluations: { programme: string; results: ProgrammeEvaluation }[],
  span: string,
  threshold: number,
): ReportBlock[] {
  const shown = (count: ShownCount) => (typeof count === "number" ? n(count) : count);
  const intro: ReportBlock = {
    kind: "paragraph",
    text: `What pupils said in the anonymous questionnaires after the performance. Shares are of the pupils who answered each statement, with the 95% confidence interval in brackets; a change is in percentage points. A share from fewer than ${threshold} answers is not shown.`,
  };
  if (!evaluations.length)
    return [
      { kind: "heading", text: "What pupils said changed" },
      { kind: "paragraph", text: `No questionnaire was answered in the ${span}.` },
    ];
  return [
    { kind: "heading", text: "What pupils said changed" },
    intro,
    ...evaluations.flatMap(({ programme, results: r }): ReportBlock[] => [
      {
        kind: "paragraph",
        text: `${programme}: ${shown(r.online.after)} answers online and ${shown(r.paper.after)} on paper after the performance, from ${n(r.pupilsReached)} pupils reached${r.responseRate === null ? "" : ` (${percent(r.responseRate)} answered)`}.`,
      },
      statementTable(`${programme}: pupils agreeing with each statement, online`, r.statements),
      ...(r.paperStatements ? [statementTable(`${programme}: pupils agreeing with each statement, on paper`, r.paperStatements)] : []),
    ]),
  ];
}

// ───── Downloads ─────

const fileStem = (r: AnnualReview) =>
  `outreach-annual-review-${r.period.kind}-${r.period.short.replace("/", "-")}${r.audience === "public" ? "-public" : ""}`;

export async function annualReviewPdf(input: Parameters<typeof annualReview>[0]) {
  const review = await annualReview(input);
  return { filename: `${fileStem(review)}.pdf`, pdf: await renderReportPdf(annualReviewDocument(review)) };
}

export async function annualReviewCsv(input: Parameters<typeof annualReview>[0]) {
  const review = await annualReview(input);
  const [header, ...rows] = blocksAsRows(annualReviewDocument(review));
  return { filename: `${fileStem(review)}.csv`, csv: toCsv(header.map(cellText), rows) };
}

// ───── The quarterly report as a document ─────

async function quarterlyReportDocument(input: { viewer: Viewer; startYear: number; now?: Date }): Promise<ReportDocument> {
  const report = await quarterlyReport(input);
  const head = ["Measure", ...report.columns.map((c) => c.label)];
  return {
    councilName: env().COUNCIL_NAME,
    title: `Quarterly report ${report.label}`,
    period: `Financial year 1 April ${report.startYear} to 31 March ${report.startYear + 1}`,
    note: report.exact
      ? "Disclosure figures are exact: this version is for safeguarding leads only."
      : `To protect children, counts from 1 to 4 are shown as "${suppressedLabel(DEFAULT_THRESHOLD)}", and a total or rate that would give one back is "withheld".`,
    blocks: [
      { kind: "table", table: { caption: `Reach by quarter, ${report.label}`, head, rows: report.rows.map((r) => [r.label, ...r.cells]) } },
      {
        kind: "table",
        table: {
          caption: `The same quarters a year earlier, ${report.lastYearLabel}`,
          head,
          rows: report.rows.map((r) => [r.label, ...r.lastYear]),
        },
      },
      { kind: "chart", spec: sessionsByKindChart(report), label: "Quarter" },
      { kind: "chart", spec: disclosureRateChart(report), label: "Quarter" },
      ...evaluationBlocks(await evaluationsIn(financialYear(report.startYear)), "year so far", DEFAULT_THRESHOLD),
    ],
  };
}

export async function quarterlyReportPdf({ viewer, year, now = new Date() }: { viewer: Viewer; year: string | undefined; now?: Date }) {
  const startYear = quarterlyYear(year, now);
  if (startYear === null) return null;
  return {
    filename: `outreach-quarterly-${financialYearLabel(startYear)}.pdf`,
    pdf: await renderReportPdf(await quarterlyReportDocument({ viewer, startYear, now })),
  };
}

// ───── What the routes ask for ─────

type AnnualQuery = { kind?: YearKind; year?: string; version?: Audience };

async function resolveAnnual(query: AnnualQuery, now: Date) {
  const kind = query.kind ?? "academic";
  const startYear = await annualYear(kind, query.year, now);
  return startYear === null ? null : { kind, startYear, audience: query.version ?? "staff" };
}

/** The annual review page for `?kind=&year=&version=`, or null when that is not a year we report on. */
export async function annualReviewPage({ viewer, query, now = new Date() }: { viewer: Viewer; query: AnnualQuery; now?: Date }) {
  const chosen = await resolveAnnual(query, now);
  if (!chosen) return null;
  const review = await annualReview({ viewer, ...chosen, now });
  return { ...chosen, document: annualReviewDocument(review), canSeeExact: can(viewer.roles, "disclosure:read") };
}

type DownloadInput = { viewer: Viewer; query: AnnualQuery; now?: Date };

/** The review for `?kind=&year=&version=` as a PDF, or null when that is not a year we report on. */
export async function annualReviewPdfDownload({ viewer, query, now = new Date() }: DownloadInput) {
  const chosen = await resolveAnnual(query, now);
  return chosen ? annualReviewPdf({ viewer, ...chosen, now }) : null;
}

/** The review for `?kind=&year=&version=` as CSV, or null when that is not a year we report on. */
export async function annualReviewCsvDownload({ viewer, query, now = new Date() }: DownloadInput) {
  const chosen = await resolveAnnual(query, now);
  return chosen ? annualReviewCsv({ viewer, ...chosen, now }) : null;
}
