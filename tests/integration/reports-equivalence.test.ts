// The reports' optimised figures (a few statements for many periods, pupils read from Session's trigger-kept columns:
// docs/decisions/023-reports-speed.md) against a straightforward computation, one Prisma query per figure over the raw
// rows, on a hand-made dataset with the edges that matter: midnight UK time on 31 March / 1 April and 31 August /
// 1 September (in BST), cancelled sessions with counts, delivered sessions without, schools closed or archived, a year
// group outside the list, people trained twice, and disclosures few enough to be suppressed. Then the per-session
// columns against a fresh sum after every kind of write to the counts, and the rebuild command.
import { beforeAll, describe, expect, it } from "vitest";
import { PROGRAMME_KINDS } from "~/forms/reference";
import { deliveredFigures, deliveredIn, pupilsIn, rebuildPupilCounts, SCHOOLS_IN_AREA, type ReachPeriod } from "~/models/reach.server";
import { monthsOf, quarterlyReport, reachDashboard, reportsPage } from "~/models/reports.server";
import { SEXES, YEAR_GROUPS } from "~/utils/attendance";
import { db } from "~/utils/db.server";
import { financialQuarters, financialYear } from "~/utils/report-periods";
import { perThousandPupils, SUPPRESSED, suppressCounts } from "~/utils/suppression";
import { addDays } from "~/utils/time";
import { capturedIo } from "../../scripts/cli";
import { main as rebuildMain } from "../../scripts/reports-rebuild";
import { makeDisclosure, makePerson, makeProgramme, makeRegisterEntry, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const now = new Date("2026-12-01T12:00:00Z");
const LEAD = { roles: ["LEAD"] };
const MANAGER = { roles: ["MANAGER"] };
let playId: string;
let sessionIds: Record<string, string>;

type Kind = (typeof PROGRAMME_KINDS)[number];

beforeAll(async () => {
  const team = await makeTeam(db);
  const receiver = await makeUser(db, { roles: ["LEAD"] });
  const play = await makeProgramme(db, { name: "The Play" });
  playId = play.id;
  const briefing = await makeProgramme(db, { name: "Briefing", kind: "STAFF_BRIEFING", audienceType: "STAFF" });
  const drivers = await makeProgramme(db, { name: "Drivers", kind: "DRIVER_TRAINING", audienceType: "DRIVERS" });
  const stall = await makeProgramme(db, { name: "Stall", kind: "AWARENESS_STALL", audienceType: "PUBLIC" });
  const show = await makeProgramme(db, { name: "Show", kind: "COMMUNITY_PERFORMANCE", audienceType: "PUBLIC" });
  const rolled = await makeVenue(db, { name: "Rolled School", year10Count: 180 });
  const college = await makeVenue(db, { name: "College", kind: "COLLEGE" });
  const closed = await makeVenue(db, { name: "Closed School", year10Count: 90 });
  await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  const archived = await makeVenue(db, { name: "Archived School", year10Count: 60 });
  await db.venue.update({ where: { id: archived.id }, data: { archivedAt: new Date("2026-01-01T00:00:00Z") } });
  const hall = await makeVenue(db, { name: "Hall", kind: "COMMUNITY_VENUE" });

  const session = async (
    name: string,
    programmeId: string,
    venueId: string,
    date: string,
    start: string,
    status: "DELIVERED" | "CANCELLED" | "CONFIRMED" = "DELIVERED",
    counts: [string, string, number][] = [],
  ) => {
    const end = start === "23:30" ? "23:59" : start === "00:00" ? "00:50" : "15:00";
    const s = await makeSession(db, { programmeId, venueId, teamId: team.id, date, start, end, status, expectedPupils: 100 });
    if (counts.length)
      await db.attendanceCount.createMany({ data: counts.map(([yearGroup, sex, count]) => ({ sessionId: s.id, yearGroup, sex, count })) });
    return [name, s.id] as const;
  };
  const made = [
    await session("lastAug31", play.id, college.id, "2025-08-31", "23:30", "DELIVERED", [["Y7", "BOY", 1]]),
    await session("lastSep1", play.id, rolled.id, "2025-09-01", "00:00", "DELIVERED", [["Y12", "GIRL", 9]]),
    await session("mar31", play.id, rolled.id, "2026-03-31", "23:30", "DELIVERED", [
      ["Y10", "GIRL", 10],
      ["Y10", "BOY", 7],
      ["Y9", "OTHER", 3],
    ]),
    await session("apr1", play.id, college.id, "2026-04-01", "00:00", "DELIVERED", [
      ["Y10", "GIRL", 4],
      ["Y11", "NOT_RECORDED", 6],
      ["R", "GIRL", 2], // a year group outside the list, from before the list was checked
    ]),
    await session("cancelled", play.id, rolled.id, "2026-05-05", "10:00", "CANCELLED", [["Y10", "GIRL", 50]]),
    await session("aug31", play.id, closed.id, "2026-08-31", "23:30", "DELIVERED", [["Y10", "BOY", 5]]),
    await session("sep1", play.id, archived.id, "2026-09-01", "00:00", "DELIVERED", [["Y10", "GIRL", 8]]),
    await session("hall", play.id, hall.id, "2026-09-01", "10:00", "DELIVERED", [["Y8", "GIRL", 2]]),
    await session("noCounts", play.id, rolled.id, "2026-10-10", "10:00"),
    await session("nov2", play.id, rolled.id, "2026-11-02", "10:00", "DELIVERED", [
      ["Y10", "GIRL", 11],
      ["Y10", "SOMETHING_ELSE", 1], // a sex outside the list: in the total, in no sex's row
    ]),
    await session("booked", play.id, college.id, "2027-01-10", "10:00", "CONFIRMED"),
    await session("briefingJun", briefing.id, hall.id, "2026-06-01", "10:00"),
    await session("briefingJul", briefing.id, hall.id, "2026-07-01", "10:00"),
    await session("drivers", drivers.id, hall.id, "2026-04-01", "00:00"),
    await session("stall", stall.id, hall.id, "2026-05-01", "10:00"),
    await session("show", show.id, hall.id, "2026-06-15", "10:00"),
  ];
  sessionIds = Object.fromEntries(made);
  await db.session.update({ where: { id: sessionIds.stall }, data: { headcount: 120, conversations: 30, leafletsGiven: 50 } });
  await db.session.update({ where: { id: sessionIds.show }, data: { headcount: 200, adultsPresent: 20 } });
  const [p1, p2, p3, p4] = [await makePerson(db), await makePerson(db), await makePerson(db), await makePerson(db)];
  await makeRegisterEntry(db, { sessionId: sessionIds.briefingJun, personId: p1.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: sessionIds.briefingJun, personId: p2.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: sessionIds.briefingJun, personId: p3.id, status: "EXPECTED" });
  await makeRegisterEntry(db, { sessionId: sessionIds.briefingJul, personId: p1.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: sessionIds.drivers, personId: p1.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: sessionIds.drivers, personId: p4.id, status: "ATTENDED" });
  const disclose = (sessionId: string, disclosedAt: string, extra: { risk?: "HIGH" | "LOW"; referralTo?: string } = {}) =>
    makeDisclosure(db, { receivedById: receiver.id, sessionId, disclosedAt: new Date(disclosedAt), ...extra });
  await disclose(sessionIds.apr1, "2026-04-01T09:00:00Z", { risk: "HIGH", referralTo: "MASH" });
  await disclose(sessionIds.apr1, "2026-04-01T09:30:00Z");
  await disclose(sessionIds.stall, "2026-05-01T11:00:00Z", { risk: "LOW" });
  await disclose(sessionIds.lastSep1, "2025-09-01T09:00:00Z", { referralTo: "POLICE" });
  await disclose(sessionIds.cancelled, "2026-05-05T11:00:00Z");
});

// ───── The straightforward computation: one query per figure, pupils summed from the count rows ─────

async function reference(period: ReachPeriod) {
  const delivered = deliveredIn(period);
  const ofKind = (kind: Kind) => ({ ...delivered, programme: { kind } });
  const trained = (session: object) => db.person.count({ where: { registerEntries: { some: { status: "ATTENDED", session } } } });
  const pupils = async (where: object = {}) =>
    (await db.attendanceCount.aggregate({ _sum: { count: true }, where: { session: delivered, ...where } }))._sum.count ?? 0;
  const stalls = await db.session.aggregate({
    _count: { _all: true },
    _sum: { headcount: true, conversations: true, leafletsGiven: true },
    where: ofKind("AWARENESS_STALL"),
  });
  const shows = await db.session.aggregate({
    _count: { _all: true },
    _sum: { headcount: true, adultsPresent: true },
    where: ofKind("COMMUNITY_PERFORMANCE"),
  });
  const byKind: Record<string, number> = {};
  for (const kind of PROGRAMME_KINDS) byKind[kind] = await db.session.count({ where: ofKind(kind) });
  const byYearGroup: Record<string, number> = {};
  for (const group of YEAR_GROUPS) byYearGroup[group] = await pupils({ yearGroup: group });
  const bySex: Record<string, number> = {};
  for (const sex of SEXES) bySex[sex] = await pupils({ sex });
  return {
    sessionsDelivered: await db.session.count({ where: delivered }),
    sessionsByKind: byKind,
    pupilsReached: await pupils(),
    pupilsByYearGroup: byYearGroup,
    pupilsOtherYearGroups: await pupils({ yearGroup: { notIn: [...YEAR_GROUPS] } }),
    pupilsBySex: bySex,
    year10Reached: await pupils({ yearGroup: "Y10", session: { ...delivered, venue: { ...SCHOOLS_IN_AREA, year10Count: { not: null } } } }),
    schoolsCovered: await db.venue.count({ where: { ...SCHOOLS_IN_AREA, sessions: { some: delivered } } }),
    peopleTrained: await trained(delivered),
    staffBriefed: await trained(ofKind("STAFF_BRIEFING")),
    driversTrained: await trained(ofKind("DRIVER_TRAINING")),
    stalls: {
      sessions: stalls._count._all,
      headcount: stalls._sum.headcount ?? 0,
      conversations: stalls._sum.conversations ?? 0,
      leaflets: stalls._sum.leafletsGiven ?? 0,
    },
    performances: { sessions: shows._count._all, audience: shows._sum.headcount ?? 0, adults: shows._sum.adultsPresent ?? 0 },
    disclosures: await db.disclosure.count({ where: { session: delivered } }),
    disclosuresByRisk: {
      LOW: await db.disclosure.count({ where: { session: delivered, risk: "LOW" } }),
      MEDIUM: await db.disclosure.count({ where: { session: delivered, risk: "MEDIUM" } }),
      HIGH: await db.disclosure.count({ where: { session: delivered, risk: "HIGH" } }),
    },
    referrals: await db.disclosure.count({ where: { session: delivered, referralTo: { not: null } } }),
    pupilDisclosures: await db.disclosure.count({ where: { session: { ...delivered, programme: { audienceType: "PUPILS" } } } }),
  };
}

/** Schools in the area covered in [from, to] of the financial year starting `yearStart`, as the report first counted them. */
const coveredBetween = (from: string, to: string) =>
  db.venue.count({ where: { ...SCHOOLS_IN_AREA, sessions: { some: deliveredIn({ from, to }) } } });

async function referenceQuarterly(startYear: number) {
  const year = financialYear(startYear);
  const periods = [...financialQuarters(startYear), year];
  const columns: (Awaited<ReturnType<typeof reference>> & { firstTime: number; cumulative: number })[] = [];
  for (const p of periods) {
    const r = await reference(p);
    const firstTime =
      p.from > year.from
        ? await db.venue.count({
            where: {
              ...SCHOOLS_IN_AREA,
              sessions: { some: deliveredIn(p) },
              NOT: { sessions: { some: deliveredIn({ from: year.from, to: addDays(p.from, -1) }) } },
            },
          })
        : r.schoolsCovered;
    columns.push({ ...r, firstTime, cumulative: await coveredBetween(year.from, p.to) });
  }
  const cells = (pick: (c: (typeof columns)[number]) => number) => columns.map(pick);
  return {
    ...Object.fromEntries(PROGRAMME_KINDS.map((kind) => [`sessions-${kind}`, cells((c) => c.sessionsByKind[kind])])),
    pupils: cells((c) => c.pupilsReached),
    schools: cells((c) => c.schoolsCovered),
    "schools-first": cells((c) => c.firstTime),
    "schools-cumulative": cells((c) => c.cumulative),
    staff: cells((c) => c.staffBriefed),
    drivers: cells((c) => c.driversTrained),
    conversations: cells((c) => c.stalls.conversations),
    disclosures: cells((c) => c.disclosures),
    referrals: cells((c) => c.referrals),
    "per-thousand": columns.map((c) => perThousandPupils(c.pupilDisclosures, c.pupilsReached)),
  } as Record<string, (number | string)[]>;
}

// Years, quarters, months and the single days either side of each boundary, and one programme on its own.
const PERIODS: ReachPeriod[] = [
  financialYear(2025),
  financialYear(2026),
  { from: "2025-09-01", to: "2026-08-31" },
  { from: "2026-09-01", to: "2027-08-31" },
  ...financialQuarters(2025),
  ...financialQuarters(2026),
  ...monthsOf({ from: "2026-03-01", to: "2026-11-30" }),
  { from: "2025-08-31", to: "2025-08-31" },
  { from: "2025-09-01", to: "2025-09-01" },
  { from: "2026-03-31", to: "2026-03-31" },
  { from: "2026-04-01", to: "2026-04-01" },
  { from: "2026-08-31", to: "2026-08-31" },
  { from: "2026-09-01", to: "2026-09-01" },
];

describe("the optimised figures equal the straightforward computation", () => {
  it("worked by hand: pupils in the financial and academic years either side of midnight on the boundaries", async () => {
    const [fy2025, fy2026, ay2025, ay2026] = await deliveredFigures(PERIODS.slice(0, 4));
    // 2026-27: 1 April 00:00 (4 + 6 + 2), 31 August 23:30 (5), 1 September 00:00 (8), the hall (2), 2 November (11 + 1).
    expect(fy2026.pupilsReached).toBe(39);
    // 2025-26: 31 August 2025 23:30 (1), 1 September 2025 00:00 (9), 31 March 2026 23:30 (10 + 7 + 3); not the cancelled 50.
    expect(fy2025.pupilsReached).toBe(30);
    // 2025/26: 1 September 2025 (9) to 31 August 2026 23:30 (5): 9 + 20 + 12 + 5.
    expect(ay2025.pupilsReached).toBe(46);
    expect(ay2026.pupilsReached).toBe(8 + 2 + 12);
    // Year 10 at open schools in the area with a known roll: 31 March (10 + 7) and 2 November (11 + 1), not the college's 4.
    expect(fy2025.year10Reached).toBe(17);
    expect(fy2026.year10Reached).toBe(12);
    expect(fy2026.pupilsOtherYearGroups).toBe(2);
    expect(fy2026.schoolsCovered).toBe(2); // the rolled school and the college; not the closed, archived or hall
    expect(fy2026.peopleTrained).toBe(3); // p1 (three times), p2, p4
    expect([fy2026.staffBriefed, fy2026.driversTrained]).toEqual([2, 2]);
    expect([fy2026.disclosures, fy2026.referrals, fy2026.pupilDisclosures]).toEqual([3, 1, 2]);
  });

  it("for every period: years, quarters, months and the days either side of each boundary", async () => {
    const [optimised, expected] = await Promise.all([deliveredFigures(PERIODS), Promise.all(PERIODS.map(reference))]);
    for (const [i, period] of PERIODS.entries()) expect({ period, ...optimised[i] }).toEqual({ period, ...expected[i] });
  });

  it("for one programme on its own", async () => {
    const periods = PERIODS.slice(0, 4).map((p) => ({ ...p, programmeId: playId }));
    const optimised = await deliveredFigures(periods);
    for (const [i, period] of periods.entries()) expect(optimised[i]).toEqual(await reference(period));
  });

  it("pupils by month, as the chart shows them", async () => {
    const months = monthsOf(financialYear(2026));
    const expected = [];
    for (const m of months) expected.push((await reference(m)).pupilsReached);
    expect(await pupilsIn(months)).toEqual(expected);
    const dashboard = await reachDashboard({ viewer: LEAD, period: financialYear(2026), now });
    // Months after today (1 December 2026) have not started: null, not 0.
    expect(dashboard.monthly.months.map((m) => m.pupils)).toEqual(expected.map((n, i) => (months[i].from > "2026-12-01" ? null : n)));
  });

  it("the dashboard's breakdowns, this year and last", async () => {
    const page = await reportsPage({ viewer: LEAD, query: { period: "financial-year" }, now });
    for (const [dashboard, period] of [
      [page.dashboard, financialYear(2026)],
      [page.lastYear, financialYear(2025)],
    ] as const) {
      const r = await reference(period);
      expect(dashboard.figures.pupilsReached).toBe(r.pupilsReached);
      expect(dashboard.sessionsByKind.map((k) => k.count)).toEqual(PROGRAMME_KINDS.map((kind) => r.sessionsByKind[kind]));
      expect(dashboard.pupilsBySex.reduce((n, row) => n + row.count, 0)).toBe(SEXES.reduce((n, sex) => n + r.pupilsBySex[sex], 0));
      expect(dashboard.year10.reached).toBe(r.year10Reached);
      expect(dashboard.trained).toMatchObject({
        staffBriefed: r.staffBriefed,
        driversTrained: r.driversTrained,
        peopleTrained: r.peopleTrained,
      });
      expect(dashboard.stalls).toEqual(r.stalls);
      expect(dashboard.performances).toEqual(r.performances);
    }
    expect(page.dashboard.pupilsByYearGroup).toEqual([
      { label: "Year 8", count: 2 },
      { label: "Year 10", count: 4 + 5 + 8 + 11 + 1 },
      { label: "Year 11", count: 6 },
      { label: "Other or not recorded", count: 2 },
    ]);
    expect(page.dashboard.pupilsBySex).toEqual([
      { label: "Girls", count: 4 + 2 + 8 + 2 + 11 },
      { label: "Boys", count: 5 },
      { label: "Not recorded", count: 6 },
    ]);
  });

  it("the quarterly report, this year and last, exact for a lead and suppressed for a manager", async () => {
    for (const startYear of [2026, 2025]) {
      const expected = await referenceQuarterly(startYear);
      const lead = await quarterlyReport({ viewer: LEAD, startYear: startYear, now });
      expect(Object.fromEntries(lead.rows.map((r) => [r.key, r.cells]))).toEqual(expected);
      const earlier = await referenceQuarterly(startYear - 1);
      expect(Object.fromEntries(lead.rows.map((r) => [r.key, r.lastYear]))).toEqual(earlier);
      const manager = await quarterlyReport({ viewer: MANAGER, startYear: startYear, now });
      const counts = expected.disclosures as number[];
      const shown = suppressCounts(counts.slice(0, 4), counts[4], false);
      expect(manager.rows.find((r) => r.key === "disclosures")!.cells).toEqual([...shown.cells, shown.total]);
    }
    const manager = await quarterlyReport({ viewer: MANAGER, startYear: 2026, now });
    expect(manager.rows.find((r) => r.key === "disclosures")!.cells[0]).toBe(SUPPRESSED);
  });
});

describe("the per-session pupil columns the triggers keep", () => {
  const freshSums = async () => {
    const sessions = await db.session.findMany({
      select: { id: true, pupilCount: true, pupilsY10: true, pupilsGirl: true, pupilsOtherYear: true },
    });
    return Promise.all(
      sessions.map(async (s) => {
        const sum = async (where: object) =>
          (await db.attendanceCount.aggregate({ _sum: { count: true }, where: { sessionId: s.id, ...where } }))._sum.count ?? 0;
        return {
          kept: s,
          fresh: {
            id: s.id,
            pupilCount: await sum({}),
            pupilsY10: await sum({ yearGroup: "Y10" }),
            pupilsGirl: await sum({ sex: "GIRL" }),
            pupilsOtherYear: await sum({ yearGroup: { notIn: [...YEAR_GROUPS] } }),
          },
        };
      }),
    );
  };
  const expectKeptEqualsFresh = async () => {
    for (const { kept, fresh } of await freshSums()) expect(kept).toEqual(fresh);
    expect(await rebuildPupilCounts()).toBe(0);
  };

  it("equal a fresh sum after counts are added, corrected, moved to another session and year group, and deleted", async () => {
    await expectKeptEqualsFresh();
    const row = await db.attendanceCount.findFirstOrThrow({ where: { sessionId: sessionIds.mar31, yearGroup: "Y10", sex: "GIRL" } });
    await db.attendanceCount.update({ where: { id: row.id }, data: { count: 12 } });
    await expectKeptEqualsFresh();
    await db.attendanceCount.update({ where: { id: row.id }, data: { sessionId: sessionIds.noCounts, yearGroup: "Y11", sex: "BOY" } });
    await expectKeptEqualsFresh();
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionIds.noCounts } })).pupilCount).toBe(12);
    await db.attendanceCount.deleteMany({ where: { sessionId: sessionIds.apr1 } });
    await expectKeptEqualsFresh();
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionIds.apr1 } })).pupilCount).toBe(0);
  });

  it("survive deleting a session with counts (the counts go with it)", async () => {
    await db.disclosure.updateMany({ where: { sessionId: sessionIds.hall }, data: { sessionId: null } });
    await db.session.delete({ where: { id: sessionIds.hall } });
    expect(await db.attendanceCount.count({ where: { sessionId: sessionIds.hall } })).toBe(0);
    await expectKeptEqualsFresh();
  });

  it("are put right by npm run reports:rebuild when they have been changed behind the triggers' back", async () => {
    await db.session.update({ where: { id: sessionIds.nov2 }, data: { pupilCount: 999, pupilsGirl: 0 } });
    const [wrong] = await deliveredFigures([{ from: "2026-11-02", to: "2026-11-02" }]);
    expect(wrong.pupilsReached).toBe(999);
    const io = capturedIo();
    expect(await rebuildMain([], io)).toBe(0);
    expect(io.out()).toContain("1 session(s) corrected");
    const [right] = await deliveredFigures([{ from: "2026-11-02", to: "2026-11-02" }]);
    expect(right).toEqual(await reference({ from: "2026-11-02", to: "2026-11-02" }));
    expect(right.pupilsReached).toBe(12);
    await expectKeptEqualsFresh();
  });
});
