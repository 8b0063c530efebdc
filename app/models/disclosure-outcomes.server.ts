// What happened after disclosures, for the Safeguarding Board: counts and times only, never a detail of any case.
// By financial quarter of the date disclosed: risk, category, referrals and to whom, time from disclosure to referral,
// actions overdue. Every figure is counted in the database; for anyone who is not a lead, counts of 1–4 are
// suppressed across each row (quarters to the year) and down each column (groups to the total).
import { db } from "~/utils/db.server";
import { assertCan, can } from "~/utils/permissions";
import { financialQuarters, financialYear, financialYearLabel } from "~/utils/report-periods";
import { suppressCounts, WITHHELD, type ShownCount } from "~/utils/suppression";
import { formatDateRange, formatDuration, todayInLondon } from "~/utils/time";
import { medianReferralMinutes } from "./disclosure-counts.server";
import { REFERRAL_LABELS, REFERRAL_TARGETS, RISK_LABELS } from "./disclosure-options";
import { periodInstants } from "./reach.server";
import { quarterlyYear } from "./reports.server";

type Viewer = { roles: readonly string[] };
export type OutcomeRow = { key: string; label: string; cells: (number | string)[] }; // text: suppressed, withheld or a time
const RISKS = ["HIGH", "MEDIUM", "LOW"] as const;
/** Fewer referrals than this and the median and longest time are withheld from non-leads: they would describe a case. */
const MIN_REFERRALS_FOR_TIMES = 5;

const disclosedIn = (period: { from: string; to: string }) => {
  const { start, end } = periodInstants(period);
  return { disclosedAt: { gte: start, lt: end } };
};

async function columnFigures(period: { from: string; to: string }, today: string) {
  const inPeriod = disclosedIn(period);
  const [total, byRisk, byCategory, byReferral, referred, median, longest, overdue] = await Promise.all([
    db.disclosure.count({ where: inPeriod }),
    db.disclosure.groupBy({ by: ["risk"], where: inPeriod, _count: { _all: true } }),
    db.disclosureCategory.groupBy({ by: ["categoryId"], where: { disclosure: inPeriod }, _count: { _all: true } }),
    db.disclosure.groupBy({ by: ["referralTo"], where: { ...inPeriod, referralTo: { not: null } }, _count: { _all: true } }),
    db.disclosure.count({ where: { ...inPeriod, referralMinutes: { not: null } } }),
    medianReferralMinutes(db, inPeriod.disclosedAt),
    db.disclosure.aggregate({ _max: { referralMinutes: true }, where: inPeriod }),
    db.disclosureAction.count({ where: { doneDate: null, dueDate: { lt: today }, disclosure: inPeriod } }),
  ]);
  return {
    total,
    risk: (risk: string) => byRisk.find((g) => g.risk === risk)?._count._all ?? 0,
    category: (id: string) => byCategory.find((g) => g.categoryId === id)?._count._all ?? 0,
    referral: (to: string) => byReferral.find((g) => g.referralTo === to)?._count._all ?? 0,
    referralsTotal: byReferral.reduce((sum, g) => sum + g._count._all, 0),
    referred,
    median,
    longest: longest._max.referralMinutes,
    overdue,
  };
}

/** The more hidden of two shown values for one cell: text (suppressed or withheld) wins over a number. */
const moreHidden = (a: ShownCount, b: ShownCount): ShownCount => (typeof a === "string" ? a : b);

/**
 * A table of counts whose rows add up, down each column, to its total row (the last): suppressed across each row
 * (four quarters to the year) and down each column, each cell as hidden as either makes it.
 */
function suppressGrid(rows: { key: string; label: string; counts: number[] }[], exact: boolean): OutcomeRow[] {
  if (exact) return rows.map((r) => ({ key: r.key, label: r.label, cells: r.counts }));
  const acrossRows = rows.map((r) => {
    const shown = suppressCounts(r.counts.slice(0, 4), r.counts[4], false);
    return [...shown.cells, shown.total];
  });
  const columns = rows[0].counts.map((_, c) => {
    const shown = suppressCounts(
      rows.slice(0, -1).map((r) => r.counts[c]),
      rows.at(-1)!.counts[c],
      false,
    );
    return [...shown.cells, shown.total];
  });
  return rows.map((r, i) => ({ key: r.key, label: r.label, cells: r.counts.map((_, c) => moreHidden(acrossRows[i][c], columns[c][i])) }));
}

/** Counts that do not add up down a column (a disclosure may be in several categories): suppressed across the row only. */
function suppressRow(key: string, label: string, counts: number[], exact: boolean): OutcomeRow {
  const shown = suppressCounts(counts.slice(0, 4), counts[4], exact);
  return { key, label, cells: [...shown.cells, shown.total] };
}

/** What happened after disclosures made in financial year `startYear`, by quarter and for the year. */
export async function disclosureOutcomes({ viewer, startYear, now = new Date() }: { viewer: Viewer; startYear: number; now?: Date }) {
  assertCan(viewer, "report:read");
  const exact = can(viewer.roles, "disclosure:read");
  const today = todayInLondon(now);
  const quarters = financialQuarters(startYear);
  const year = financialYear(startYear);
  const [categories, columns] = await Promise.all([
    db.concernCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, label: true } }),
    Promise.all([...quarters, year].map((p) => columnFigures(p, today))),
  ]);
  const counts = (pick: (c: (typeof columns)[number]) => number) => columns.map(pick);
  const time = (pick: (c: (typeof columns)[number]) => number | null): string[] =>
    columns.map((c) => {
      const minutes = pick(c);
      if (minutes === null) return "no referrals";
      return !exact && c.referred < MIN_REFERRALS_FOR_TIMES ? WITHHELD : formatDuration(minutes);
    });
  return {
    startYear,
    label: financialYearLabel(startYear),
    columns: [
      ...quarters.map((q) => ({ key: `q${q.quarter}`, label: `Q${q.quarter}`, period: formatDateRange(q.from, q.to) })),
      { key: "year", label: "Year", period: formatDateRange(year.from, year.to) },
    ],
    byRisk: suppressGrid(
      [
        ...RISKS.map((risk) => ({ key: risk, label: `${RISK_LABELS[risk]} risk`, counts: counts((c) => c.risk(risk)) })),
        { key: "total", label: "All disclosures", counts: counts((c) => c.total) },
      ],
      exact,
    ),
    byCategory: categories.map((cat) =>
      suppressRow(
        cat.id,
        cat.label,
        counts((c) => c.category(cat.id)),
        exact,
      ),
    ),
    referrals: suppressGrid(
      [
        ...REFERRAL_TARGETS.map((to) => ({ key: to, label: REFERRAL_LABELS[to], counts: counts((c) => c.referral(to)) })),
        { key: "total", label: "All referrals", counts: counts((c) => c.referralsTotal) },
      ],
      exact,
    ),
    referralTimes: [
      { key: "median", label: "Median time from disclosure to referral", cells: time((c) => c.median) },
      { key: "longest", label: "Longest time from disclosure to referral", cells: time((c) => c.longest) },
    ] as OutcomeRow[],
    overdue: suppressRow(
      "overdue",
      "Actions overdue today",
      counts((c) => c.overdue),
      exact,
    ),
    exact,
  };
}

/** The page for `?year=` (a financial year's first calendar year): null when that is not a year we report on. */
export async function disclosureOutcomesPage({ viewer, year, now = new Date() }: { viewer: Viewer; year: string | undefined; now?: Date }) {
  assertCan(viewer, "report:read");
  const startYear = quarterlyYear(year, now);
  return startYear === null ? null : disclosureOutcomes({ viewer, startYear, now });
}
