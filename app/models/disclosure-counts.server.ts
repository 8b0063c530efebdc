// Disclosure figures for reports. Counts only, grouped in the database; small numbers are suppressed for anyone
// who is not a safeguarding lead, so a group of one to four cannot point at a child. Only with report:read.
import { db, type Tx } from "~/utils/db.server";
import { assertCan, can } from "~/utils/permissions";
import { suppressCounts, type ShownCount } from "~/utils/suppression";
import { RISK_LABELS, STATUS_LABELS, type RiskLevel } from "./disclosure-options";
import { deliveredIn, periodInstants } from "./reach.server";

export { SUPPRESSED, WITHHELD } from "~/utils/suppression";
export type CountGroup = "risk" | "category" | "programme" | "status";
export type DisclosureCount = { key: string; label: string; count: ShownCount };

/**
 * Which disclosures a count covers: those disclosed in the period, or those made at or after a session delivered in
 * the period (the reach reports' figure), optionally of one programme.
 */
export type DisclosureBasis = "disclosed-in-period" | "at-sessions-delivered-in-period";

function disclosuresWhere(from: string, to: string, basis: DisclosureBasis, programmeId?: string | null) {
  if (basis === "at-sessions-delivered-in-period") return { session: deliveredIn({ from, to, programmeId }) };
  const { start, end } = periodInstants({ from, to });
  return { disclosedAt: { gte: start, lt: end }, ...(programmeId ? { session: { programmeId } } : {}) };
}

/**
 * Disclosures logged from `from` to `to` (London dates, inclusive), grouped in the database. Anyone who is not a
 * safeguarding lead gets 1–4 as "fewer than 5", so small groups cannot point at a child.
 */
export async function disclosureCounts({
  viewer,
  from,
  to,
  groupBy,
  basis = "disclosed-in-period",
  programmeId,
  threshold,
}: {
  viewer: { roles: readonly string[] };
  from: string;
  to: string;
  groupBy: CountGroup;
  basis?: DisclosureBasis;
  programmeId?: string | null;
  /** The smallest count shown as a number when suppressed (5 unless a public report asks for more). */
  threshold?: number;
}) {
  assertCan(viewer, "report:read");
  const exact = can(viewer.roles, "disclosure:read");
  const inPeriod = disclosuresWhere(from, to, basis, programmeId);
  let rows: CountRow[];
  if (groupBy === "risk" || groupBy === "status") {
    const groups = await db.disclosure.groupBy({ by: [groupBy], where: inPeriod, _count: { _all: true } });
    const labels: Record<string, string> = groupBy === "risk" ? RISK_LABELS : STATUS_LABELS;
    rows = Object.keys(labels).map((key) => ({
      key,
      label: labels[key],
      n: groups.find((g) => (g as Record<string, unknown>)[groupBy] === key)?._count._all ?? 0,
    }));
  } else if (groupBy === "category") {
    const [categories, groups] = await Promise.all([
      db.concernCategory.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, label: true } }),
      db.disclosureCategory.groupBy({ by: ["categoryId"], where: { disclosure: inPeriod }, _count: { _all: true } }),
    ]);
    rows = categories.map((c) => ({ key: c.id, label: c.label, n: groups.find((g) => g.categoryId === c.id)?._count._all ?? 0 }));
  } else {
    const programmes = await db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
    const counts = await Promise.all(
      programmes.map((p) => db.disclosure.count({ where: { AND: [inPeriod, { session: { programmeId: p.id } }] } })),
    );
    const unlinked = await db.disclosure.count({ where: { AND: [inPeriod, { sessionId: null }] } });
    rows = [
      ...programmes.map((p, i) => ({ key: p.id, label: p.name, n: counts[i] })),
      { key: "none", label: "Not at a session", n: unlinked },
    ];
  }
  return shownCounts(rows, await db.disclosure.count({ where: inPeriod }), exact, threshold);
}

type CountRow = { key: string; label: string; n: number };

function shownCounts(rows: CountRow[], total: number, exact: boolean, threshold?: number) {
  const shown = suppressCounts(
    rows.map((r) => r.n),
    total,
    exact,
    threshold,
  );
  return {
    rows: rows.map((r, i): DisclosureCount => ({ key: r.key, label: r.label, count: shown.cells[i] })),
    total: shown.total,
    suppressed: !exact,
  };
}

/**
 * Disclosures by risk level already counted by the reach figures (at sessions delivered in a period, from the
 * delivered-day summary), shown as disclosureCounts shows them: suppressed for anyone who is not a safeguarding lead.
 */
export function riskCountsShown({
  viewer,
  byRisk,
  threshold,
}: {
  viewer: { roles: readonly string[] };
  byRisk: Record<RiskLevel, number>;
  threshold?: number;
}) {
  assertCan(viewer, "report:read");
  const rows = (Object.keys(RISK_LABELS) as RiskLevel[]).map((key) => ({ key, label: RISK_LABELS[key], n: byRisk[key] }));
  return shownCounts(
    rows,
    rows.reduce((sum, r) => sum + r.n, 0), // every disclosure has a risk level
    can(viewer.roles, "disclosure:read"),
    threshold,
  );
}

/**
 * Median minutes from disclosure to referral (of disclosures made in `disclosedAt`, or all), by LIMIT/OFFSET on the
 * ordered column and its count: the same query on SQLite and PostgreSQL. Null when none was referred.
 */
export async function medianReferralMinutes(client: Tx, disclosedAt?: { gte: Date; lt: Date }): Promise<number | null> {
  const where = { referralMinutes: { not: null }, ...(disclosedAt ? { disclosedAt } : {}) };
  const n = await client.disclosure.count({ where });
  if (n === 0) return null;
  const middle = await client.disclosure.findMany({
    where,
    orderBy: [{ referralMinutes: "asc" }, { id: "asc" }],
    skip: Math.floor((n - 1) / 2),
    take: n % 2 === 1 ? 1 : 2,
    select: { referralMinutes: true },
  });
  return middle.reduce((sum, m) => sum + (m.referralMinutes ?? 0), 0) / middle.length;
}
