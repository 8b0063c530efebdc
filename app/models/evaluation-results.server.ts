// Evaluation results for a programme and period: responses and response rate, each statement's share agreeing
// before and after with 95 % intervals (Wilson; Newcombe for the change), paired results (McNemar) and the paper
// tallies apart. Every count is a GROUP BY in the database; only the arithmetic on the counts happens here.
// Numbers under 5 are suppressed for every viewer: a share of fewer than 5 answers says nothing and could point at a pupil.
import { db } from "~/utils/db.server";
import { mcnemar, newcombeDifference, wilsonInterval, type Interval, type Share } from "~/utils/proportions";
import { DEFAULT_THRESHOLD, suppressCount, type ShownCount } from "~/utils/suppression";
import { deliveredIn } from "./reach.server";
import type { DatedPeriod } from "~/utils/report-periods";
import { reportFilterOptions, resolveReportPeriod, type ReportQuery } from "./reports.server";
import { type Design, type Sitting } from "./questionnaire-options";

type Counts = { agree: number; n: number };
type Tally = Map<string, { before: Counts; after: Counts }>;

export type StatementResult = {
  text: string;
  before: { n: ShownCount; share: Share | null };
  after: { n: ShownCount; share: Share | null };
  change: ({ difference: number } & Interval) | null;
};
export type PairedResult = {
  text: string;
  pairs: ShownCount;
  before: number | null;
  after: number | null;
  agreeBeforeOnly: ShownCount;
  agreeAfterOnly: ShownCount;
  p: number | null;
  method: "exact" | "chi-squared" | null;
};

function statementResults(statements: { key: string; text: string }[], tally: Tally, threshold: number): StatementResult[] {
  const shareOf = (c: Counts) => (c.n >= threshold ? wilsonInterval(c.agree, c.n) : null);
  return statements.map(({ key, text }) => {
    const counts = tally.get(key) ?? emptyCounts();
    const before = shareOf(counts.before);
    const after = shareOf(counts.after);
    return {
      text,
      before: { n: suppressCount(counts.before.n, false, threshold), share: before },
      after: { n: suppressCount(counts.after.n, false, threshold), share: after },
      change: before && after ? newcombeDifference(before, after) : null,
    };
  });
}

const emptyCounts = () => ({ before: { agree: 0, n: 0 }, after: { agree: 0, n: 0 } });

function addTo(tally: Tally, key: string, timing: string | null, agrees: boolean | null, count: number) {
  if (timing !== "BEFORE" && timing !== "AFTER") return;
  const entry = tally.get(key) ?? emptyCounts();
  const side = timing === "BEFORE" ? entry.before : entry.after;
  side.n += count;
  if (agrees) side.agree += count;
  tally.set(key, entry);
}

/** The results page: the period and programme chosen, and the figures once a programme is chosen. */
export async function evaluationResults({ query, now = new Date() }: { query: ReportQuery; now?: Date }) {
  const [period, options] = await Promise.all([resolveReportPeriod(query, now), reportFilterOptions(now)]);
  if (!period.programmeId) return { period, options, results: null };
  return { period, options, results: await programmeEvaluation(period.programmeId, period) };
}

/**
 * One programme's results over dates (London, inclusive), or null when it has no questionnaire: for the results page
 * and the Board reports. `threshold` is the smallest count shown (the public version may set a larger one).
 */
export async function programmeEvaluation(programmeId: string, dates: DatedPeriod, threshold = DEFAULT_THRESHOLD) {
  const period = { ...dates, programmeId };
  const inPeriod = { programmeId, sessionDate: { gte: period.from, lte: period.to } };

  const versions = await db.questionnaireVersion.findMany({
    where: { questionnaire: { programmeId } },
    orderBy: { number: "desc" },
    select: {
      number: true,
      design: true,
      questions: { where: { measured: true }, select: { id: true, text: true }, orderBy: { position: "asc" } },
    },
  });
  if (!versions.length) return null;
  // Statements are matched across versions by their wording; the newest version's order comes first.
  const keyOf = new Map<string, string>();
  const statements: { key: string; text: string }[] = [];
  for (const version of versions)
    for (const q of version.questions) {
      const key = q.text.trim().toLowerCase();
      keyOf.set(q.id, key);
      if (!statements.some((s) => s.key === key)) statements.push({ key, text: q.text });
    }

  // Online answers and submissions come from their count tables (kept by triggers: docs/decisions/027-…), where a
  // missing timing is "" and a yes/no is coded 1 / 0 / -1 (none).
  const [bySitting, paperForms, online, paper, paired, pairsMatched, codesUnmatched, freeText, pupils] = await Promise.all([
    db.questionnaireResponseCount.groupBy({ by: ["sitting"], where: inPeriod, _sum: { count: true } }),
    db.paperTally.groupBy({ by: ["sitting"], where: inPeriod, _sum: { forms: true } }),
    db.questionnaireAnswerCount.groupBy({
      by: ["questionId", "timing", "agrees"],
      where: { ...inPeriod, timing: { in: ["BEFORE", "AFTER"] } },
      _sum: { count: true },
    }),
    db.paperTallyCount.groupBy({
      by: ["questionId", "timing", "agrees"],
      where: { tally: inPeriod, timing: { not: null } },
      _sum: { count: true },
    }),
    db.questionnaireAnswerCount.groupBy({
      by: ["questionId", "beforeAgrees", "agrees"],
      where: { ...inPeriod, timing: "AFTER", beforeAgrees: { not: -1 } },
      _sum: { count: true },
    }),
    db.questionnaireResponseCount.aggregate({ _sum: { count: true }, where: { ...inPeriod, sitting: "AFTER", paired: 1 } }),
    db.questionnaireResponseCount.aggregate({ _sum: { count: true }, where: { ...inPeriod, sitting: "AFTER", hasCode: 1 } }),
    db.questionnaireAnswerCount.aggregate({ _sum: { count: true }, where: { ...inPeriod, hasText: 1 } }),
    db.attendanceCount.aggregate({ _sum: { count: true }, where: { session: deliveredIn(period) } }),
  ]);

  const onlineTally: Tally = new Map();
  for (const g of online) addTo(onlineTally, keyOf.get(g.questionId) ?? g.questionId, g.timing, g.agrees === 1, g._sum.count ?? 0);
  const paperTally: Tally = new Map();
  for (const g of paper) addTo(paperTally, keyOf.get(g.questionId) ?? g.questionId, g.timing, g.agrees, g._sum.count ?? 0);

  const pairTables = new Map<string, { both: number; beforeOnly: number; afterOnly: number; neither: number }>();
  for (const g of paired) {
    const key = keyOf.get(g.questionId) ?? g.questionId;
    const t = pairTables.get(key) ?? { both: 0, beforeOnly: 0, afterOnly: 0, neither: 0 };
    const cell = g.beforeAgrees === 1 ? (g.agrees === 1 ? "both" : "beforeOnly") : g.agrees === 1 ? "afterOnly" : "neither";
    t[cell] += g._sum.count ?? 0;
    pairTables.set(key, t);
  }
  const pairedResults: PairedResult[] = statements.map(({ key, text }) => {
    const t = pairTables.get(key) ?? { both: 0, beforeOnly: 0, afterOnly: 0, neither: 0 };
    const n = t.both + t.beforeOnly + t.afterOnly + t.neither;
    const shown = n >= threshold;
    const test = shown ? mcnemar(t.beforeOnly, t.afterOnly) : null;
    return {
      text,
      pairs: suppressCount(n, false, threshold),
      before: shown ? (t.both + t.beforeOnly) / n : null,
      after: shown ? (t.both + t.afterOnly) / n : null,
      agreeBeforeOnly: shown ? suppressCount(t.beforeOnly, false, threshold) : suppressCount(n, false, threshold),
      agreeAfterOnly: shown ? suppressCount(t.afterOnly, false, threshold) : suppressCount(n, false, threshold),
      p: test?.p ?? null,
      method: test?.method ?? null,
    };
  });

  const responses = Object.fromEntries(bySitting.map((g) => [g.sitting, g._sum.count ?? 0])) as Partial<Record<Sitting, number>>;
  const forms = Object.fromEntries(paperForms.map((g) => [g.sitting, g._sum.forms ?? 0])) as Partial<Record<Sitting, number>>;
  // The response rate counts answers given after the performance (the sitting every design has), online and paper.
  const answeredAfter = (responses.AFTER ?? 0) + (responses.RETROSPECTIVE ?? 0) + (forms.AFTER ?? 0) + (forms.RETROSPECTIVE ?? 0);
  const pupilsReached = pupils._sum.count ?? 0;
  return {
    design: versions[0].design as Design,
    versions: versions.length,
    online: {
      before: suppressCount(responses.BEFORE ?? 0, false, threshold),
      after: suppressCount((responses.AFTER ?? 0) + (responses.RETROSPECTIVE ?? 0), false, threshold),
    },
    paper: {
      before: suppressCount(forms.BEFORE ?? 0, false, threshold),
      after: suppressCount((forms.AFTER ?? 0) + (forms.RETROSPECTIVE ?? 0), false, threshold),
    },
    pupilsReached,
    responseRate: pupilsReached > 0 && answeredAfter >= threshold ? answeredAfter / pupilsReached : null,
    pairs: {
      matched: suppressCount(pairsMatched._sum.count ?? 0, false, threshold),
      unmatched: suppressCount(codesUnmatched._sum.count ?? 0, false, threshold),
    },
    freeTextAnswers: suppressCount(freeText._sum.count ?? 0, false, threshold),
    statements: statementResults(statements, onlineTally, threshold),
    paperStatements: paperTally.size ? statementResults(statements, paperTally, threshold) : null,
    paired: pairedResults.some((p) => p.pairs !== 0) ? pairedResults : null,
  };
}

export type ProgrammeEvaluation = NonNullable<Awaited<ReturnType<typeof programmeEvaluation>>>;

/**
 * Every programme whose questionnaire was answered (online or on paper) in the dates, with its results, by programme
 * name: what the Board reports show as "what pupils said changed".
 */
export async function evaluationsIn(dates: DatedPeriod, threshold = DEFAULT_THRESHOLD) {
  const inDates = { sessionDate: { gte: dates.from, lte: dates.to } };
  // Which programmes were answered: from the count tables and the paper tallies, by their (programme, date) keys.
  const [online, paper] = await Promise.all([
    db.questionnaireResponseCount.groupBy({ by: ["programmeId"], where: { ...inDates, count: { gt: 0 } } }),
    db.paperTally.groupBy({ by: ["programmeId"], where: inDates }),
  ]);
  const programmes = await db.programme.findMany({
    where: { id: { in: [...online, ...paper].map((g) => g.programmeId) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const evaluations = await Promise.all(
    programmes.map(async (programme) => ({
      programme: programme.name,
      results: await programmeEvaluation(programme.id, dates, threshold),
    })),
  );
  return evaluations.flatMap(({ programme, results }) => (results ? [{ programme, results }] : []));
}
