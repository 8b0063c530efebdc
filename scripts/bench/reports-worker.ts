// One database's reports benchmark, run in its own process so DATABASE_URL picks the database (see reports.bench.ts).
// Bulk-loads SESSIONS sessions over ten years at VENUES venues, with COUNTS_PER_SESSION pupil-count rows (year group
// and sex) for each delivered school play, REGISTER_PER_SESSION people attending each delivered staff briefing and a
// disclosure at one in DISCLOSURE_EVERY plays, then times reachFigures for a financial year, the dashboard (this year
// and last, as /reports loads it), the quarterly report and the annual review PDF. National scale (issue 17):
// BENCH_VENUES=24000 BENCH_COUNTS_PER_SESSION=36 BENCH_REGISTER_PER_SESSION=30 BENCH_DISCLOSURE_EVERY=4 (200,000
// sessions; 1,440,000 pupil-count rows and 600,000 register entries, 2,040,000 attendance rows; 20,000 disclosures).
// Prints one JSON line.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Prisma } from "~/db/generated/sqlite/client";
import { annualReviewPdf } from "~/models/annual-review.server";
import { reachFigures } from "~/models/reach.server";
import { quarterlyReport, reportsPage } from "~/models/reports.server";
import { db, usingPostgres } from "~/utils/db.server";
import { addDays, londonToInstant } from "~/utils/time";
import { makeUser } from "../../tests/factories";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TEAMS = 80;
const VENUES = Number(process.env.BENCH_VENUES ?? 2000);
const COUNTS_PER_SESSION = Math.min(36, Number(process.env.BENCH_COUNTS_PER_SESSION ?? 2));
const REGISTER_PER_SESSION = Number(process.env.BENCH_REGISTER_PER_SESSION ?? 2);
const PEOPLE = 40_000; // the people attending staff briefings are drawn from this many
const DISCLOSURE_EVERY = Number(process.env.BENCH_DISCLOSURE_EVERY ?? 40);
const YEAR_GROUPS = ["Y10", "Y9", "Y11", "Y8", "Y7", "Y12", "Y13", "Y6", "Y5"];
const SEXES = ["GIRL", "BOY", "OTHER", "NOT_RECORDED"];
const FIRST_DAY = "2022-04-04"; // a Monday; 200,000 sessions at 80 a weekday run to 2031
const BATCH = 1000;

const weekday = (n: number) => addDays(FIRST_DAY, Math.floor(n / 5) * 7 + (n % 5));

async function seed(receivedById: string) {
  const started = performance.now();
  const kinds = [
    ["SCHOOL_PLAY", "PUPILS"],
    ["SCHOOL_PLAY", "PUPILS"],
    ["STAFF_BRIEFING", "STAFF"],
    ["AWARENESS_STALL", "PUBLIC"],
  ] as const;
  const programmeIds = kinds.map(() => randomUUID());
  await db.programme.createMany({
    data: programmeIds.map((id, i) => ({ id, name: `Bench programme ${i}`, kind: kinds[i][0], audienceType: kinds[i][1] })),
  });
  const teamIds = Array.from({ length: TEAMS }, () => randomUUID());
  await db.team.createMany({ data: teamIds.map((id, i) => ({ id, name: `Bench team ${i}` })) });
  const venueIds = Array.from({ length: VENUES }, () => randomUUID());
  await db.venue.createMany({
    data: venueIds.map((id, i) => ({
      id,
      name: `Bench venue ${i}`,
      kind: i % 4 === 0 ? "COMMUNITY_VENUE" : i % 4 === 1 ? "COLLEGE" : "SECONDARY_SCHOOL",
      year10Count: i % 3 ? 180 : null,
      status: i % 50 === 0 ? "CLOSED" : "OPEN",
    })),
  });
  const personIds = REGISTER_PER_SESSION ? Array.from({ length: PEOPLE }, () => randomUUID()) : [];
  for (let i = 0; i < personIds.length; i += BATCH)
    await db.person.createMany({ data: personIds.slice(i, i + BATCH).map((id, j) => ({ id, name: `Bench person ${i + j}` })) });
  const statuses = ["DELIVERED", "DELIVERED", "CONFIRMED", "PROVISIONAL", "CANCELLED"] as const;
  let sessions: Prisma.SessionCreateManyInput[] = [];
  let counts: Prisma.AttendanceCountCreateManyInput[] = [];
  let entries: Prisma.RegisterEntryCreateManyInput[] = [];
  let disclosures: Prisma.DisclosureCreateManyInput[] = [];
  const flush = async () => {
    if (sessions.length) await db.session.createMany({ data: sessions });
    if (counts.length) await db.attendanceCount.createMany({ data: counts });
    if (entries.length) await db.registerEntry.createMany({ data: entries });
    if (disclosures.length) await db.disclosure.createMany({ data: disclosures });
    sessions = [];
    counts = [];
    entries = [];
    disclosures = [];
  };
  for (let made = 0; made < SESSIONS; made++) {
    const d = Math.floor(made / TEAMS);
    const t = made % TEAMS;
    const date = weekday(d);
    const id = randomUUID();
    const programme = made % kinds.length;
    const status = statuses[made % statuses.length];
    const startsAt = londonToInstant(date, "09:30");
    sessions.push({
      id,
      programmeId: programmeIds[programme],
      teamId: teamIds[t],
      venueId: venueIds[(t * 31 + d) % VENUES],
      startsAt,
      endsAt: londonToInstant(date, "11:00"),
      status,
      expectedPupils: 150,
      icalUid: `${id}@bench`,
      ...(kinds[programme][0] === "AWARENESS_STALL" ? { headcount: 120, conversations: 30 } : {}),
    });
    if (status === "DELIVERED" && kinds[programme][1] === "PUPILS") {
      for (let c = 0; c < COUNTS_PER_SESSION; c++)
        counts.push({ sessionId: id, yearGroup: YEAR_GROUPS[c % 9], sex: SEXES[Math.floor(c / 9) % 4], count: 7 + (c % 5) });
      if (made % DISCLOSURE_EVERY === 0) {
        disclosures.push({
          reference: `D-BENCH-${made}`,
          sessionId: id,
          disclosedAt: startsAt,
          receivedById,
          risk: made % 3 ? "MEDIUM" : "HIGH",
          accountCiphertext: "bench",
          ...(made % 80 === 0 ? { referralTo: "MASH" } : {}),
        });
      }
    }
    if (status === "DELIVERED" && kinds[programme][0] === "STAFF_BRIEFING")
      for (let r = 0; r < REGISTER_PER_SESSION; r++)
        entries.push({ sessionId: id, personId: personIds[(made * 7 + r * 131) % PEOPLE], status: r % 10 === 9 ? "ABSENT" : "ATTENDED" });
    if (sessions.length === BATCH || counts.length >= BATCH * 5 || entries.length >= BATCH * 5) await flush();
  }
  await flush();
  // A live database has planner statistics, and on PostgreSQL autovacuum has kept up with it as it grew (marking pages
  // all-visible, so index-only scans stay index-only); a freshly bulk-loaded one needs both done now.
  await db.$executeRawUnsafe(usingPostgres() ? "VACUUM ANALYZE" : "ANALYZE");
  return (performance.now() - started) / 1000;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(runs: number, run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], runs };
}

async function main() {
  const user = await makeUser(db, { roles: ["LEAD"] });
  // BENCH_REUSE=1 times a database this worker seeded before (seeding the national scale takes many minutes).
  const seedSeconds = process.env.BENCH_REUSE === "1" && (await db.session.count()) > 0 ? 0 : await seed(user.id);
  const now = new Date("2026-11-15T12:00:00Z");
  const reach = await time(RUNS, () => reachFigures({ from: "2026-04-01", to: "2027-03-31" }, now));
  const quarterly = await time(Math.max(5, Math.round(RUNS / 2)), () =>
    quarterlyReport({ viewer: { roles: ["MANAGER"] }, startYear: 2026, now }),
  );
  const dashboard = await time(RUNS, () => reportsPage({ viewer: { roles: ["MANAGER"] }, query: { period: "financial-year" }, now }));
  const annualPdf = await time(Math.max(5, Math.round(RUNS / 4)), () =>
    annualReviewPdf({ viewer: { roles: ["MANAGER"] }, kind: "academic", startYear: 2026, audience: "staff", now }),
  );
  // The same pages again in the now-running process: the runs above include the JIT's first compilations (the first
  // ten or so dashboards after a start take two to three times as long); these are a server that has been serving.
  const dashboardRunning = await time(RUNS, () =>
    reportsPage({ viewer: { roles: ["MANAGER"] }, query: { period: "financial-year" }, now }),
  );
  const quarterlyRunning = await time(RUNS, () => quarterlyReport({ viewer: { roles: ["MANAGER"] }, startYear: 2026, now }));
  const [sessions, countRows, registerEntries, disclosures, venues] = await Promise.all([
    db.session.count(),
    db.attendanceCount.count(),
    db.registerEntry.count(),
    db.disclosure.count(),
    db.venue.count(),
  ]);
  process.stdout.write(
    `${JSON.stringify({ reach, dashboard, quarterly, annualPdf, dashboardRunning, quarterlyRunning, sessions, countRows, registerEntries, disclosures, venues, seedSeconds })}\n`,
  );
  await db.$disconnect();
}

await main();
