// One database's booking benchmark, run in its own process so DATABASE_URL picks the database (see booking.bench.ts).
// Seeds SESSIONS sessions in bulk, then times bookSession with every check. Prints one JSON line.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Prisma } from "~/db/generated/sqlite/client";
import { bookSession } from "~/models/sessions/changes.server";
import { db } from "~/utils/db.server";
import { addDays, isoWeekday, londonToInstant } from "~/utils/time";
import { makeAcademicYear, makeUser, TERMS_2026_27 } from "../../tests/factories";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200_000);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 200);
const TEAMS = 80;
const VENUES = 2000;
const FIRST_DAY = "2027-01-04";
const BATCH = 1000;

/** The n-th weekday from FIRST_DAY (a Monday). */
const weekday = (n: number) => addDays(FIRST_DAY, Math.floor(n / 5) * 7 + (n % 5));

async function seed() {
  const started = performance.now();
  await makeAcademicYear(db, { name: "2026/27", startDate: "2026-09-01", endDate: "2027-08-31", terms: TERMS_2026_27 });
  const programmeIds = [randomUUID(), randomUUID(), randomUUID()];
  await db.programme.createMany({
    data: programmeIds.map((id, i) => ({
      id,
      name: `Bench programme ${i}`,
      kind: "SCHOOL_PLAY",
      capacity: 240,
      getInMinutes: 60,
      getOutMinutes: 45,
    })),
  });
  const teamIds = Array.from({ length: TEAMS }, () => randomUUID());
  await db.team.createMany({ data: teamIds.map((id, i) => ({ id, name: `Bench team ${i}`, sessionsPerDay: 2 })) });
  const venueIds = Array.from({ length: VENUES }, () => randomUUID());
  await db.venue.createMany({
    data: venueIds.map((id, i) => ({
      id,
      name: `Bench venue ${i}`,
      kind: i % 4 === 0 ? "COMMUNITY_VENUE" : "SECONDARY_SCHOOL",
      hallCapacity: 300,
      postcode: "NF1 1AA",
    })),
  });
  const statuses = ["DELIVERED", "CONFIRMED", "INVITED", "PROVISIONAL", "CANCELLED"] as const;
  const days = Math.ceil(SESSIONS / TEAMS);
  let rows: Prisma.SessionCreateManyInput[] = [];
  let made = 0;
  for (let d = 0; d < days && made < SESSIONS; d++) {
    const date = weekday(d);
    const startsAt = londonToInstant(date, "09:30");
    const endsAt = londonToInstant(date, "11:00");
    for (let t = 0; t < TEAMS && made < SESSIONS; t++, made++) {
      const id = randomUUID();
      rows.push({
        id,
        programmeId: programmeIds[made % 3],
        teamId: teamIds[t],
        venueId: venueIds[(t * 31 + d) % VENUES],
        startsAt,
        endsAt,
        status: statuses[made % statuses.length],
        expectedPupils: 150,
        icalUid: `${id}@bench`,
      });
      if (rows.length === BATCH) {
        await db.session.createMany({ data: rows });
        rows = [];
      }
    }
  }
  if (rows.length) await db.session.createMany({ data: rows });
  // A live database has planner statistics; a freshly bulk-loaded one needs them gathered.
  await db.$executeRawUnsafe('ANALYZE "Session"');
  return { programmeIds, teamIds, venueIds, seconds: (performance.now() - started) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const { programmeIds, teamIds, venueIds, seconds } = await seed();
  const user = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...user, roles: ["COORDINATOR"] };
  const meta = { ip: null, userAgent: "bench" };
  // An afternoon session for a team that already has a morning one elsewhere: every rule has rows to look at.
  const booking = (i: number, dayOffset: number) => {
    const t = i % TEAMS;
    const d = dayOffset + Math.floor(i / TEAMS);
    const date = weekday(d);
    if (isoWeekday(date) > 5) throw new Error("bench booking on a weekend");
    return bookSession(
      actor,
      {
        programmeId: programmeIds[0],
        teamId: teamIds[t],
        venueId: venueIds[(t * 31 + d + 7) % VENUES],
        date,
        startTime: "14:00",
        endTime: "15:00",
        expectedPupils: 120,
      },
      meta,
    );
  };
  for (let i = 0; i < 20; i++) await booking(i, 20); // warm-up, on other days
  const times: number[] = [];
  for (let i = 0; i < BOOKINGS; i++) {
    const started = performance.now();
    await booking(i, 1);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const total = await db.session.count();
  process.stdout.write(
    `${JSON.stringify({ p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], bookings: BOOKINGS, sessions: total, seedSeconds: seconds })}\n`,
  );
  await db.$disconnect();
}

await main();
