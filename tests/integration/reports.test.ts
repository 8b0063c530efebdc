// Reach reports on a hand-made financial year 2026-27 where every figure is known: the dashboard, the schools list,
// the quarterly report and its CSV, small-number suppression (primary and secondary) and the period edges.
import { beforeAll, describe, expect, it } from "vitest";
import { quarterlyReport, reachDashboard, resolveReportPeriod, schoolsCoverage } from "~/models/reports.server";
import * as dashboardRoute from "~/routes/reports._index";
import * as quarterlyRoute from "~/routes/reports.quarterly";
import * as quarterlyCsvRoute from "~/routes/reports.quarterly[.csv]";
import * as schoolsRoute from "~/routes/reports.schools";
import { disclosureRateChart } from "~/models/report-charts";
import { barChartSvg } from "~/utils/charts";
import { parseCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { NOT_ENOUGH_PUPILS, SUPPRESSED, WITHHELD } from "~/utils/suppression";
import { makeDisclosure, makePerson, makeProgramme, makeRegisterEntry, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { get, run, signedInAs } from "../setup/requests";

type Status = "PROVISIONAL" | "CONFIRMED" | "DELIVERED" | "CANCELLED";
const now = new Date("2026-12-01T12:00:00Z");
const YEAR = { from: "2026-04-01", to: "2027-03-31" };
const YEAR_QUERY = "period=custom&fromDay=1&fromMonth=4&fromYear=2026&toDay=31&toMonth=3&toYear=2027";
const MANAGER = { roles: ["MANAGER"] };
const LEAD = { roles: ["LEAD"] };
let cookies: { manager: string; lead: string };
let ids: Record<string, string>;

beforeAll(async () => {
  const team = await makeTeam(db);
  const receiver = await makeUser(db, { roles: ["LEAD"] });
  const play = await makeProgramme(db, { name: "The Play" });
  const briefing = await makeProgramme(db, { name: "Briefing", kind: "STAFF_BRIEFING", audienceType: "STAFF" });
  const drivers = await makeProgramme(db, { name: "Drivers", kind: "DRIVER_TRAINING", audienceType: "DRIVERS" });
  const stall = await makeProgramme(db, { name: "Stall", kind: "AWARENESS_STALL", audienceType: "PUBLIC" });
  const community = await makeProgramme(db, { name: "Community show", kind: "COMMUNITY_PERFORMANCE", audienceType: "PUBLIC" });
  const schools = [];
  for (let i = 1; i <= 30; i++)
    schools.push(await makeVenue(db, { name: `School ${String(i).padStart(2, "0")}`, year10Count: i <= 3 ? 100 : undefined }));
  const college = await makeVenue(db, { name: "A College", kind: "COLLEGE" });
  const closed = await makeVenue(db, { name: "Closed School", year10Count: 500 });
  await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  const hall = await makeVenue(db, { name: "Hall", kind: "COMMUNITY_VENUE" });
  ids = { play: play.id, school01: schools[0].id, school05: schools[4].id };

  const session = async (
    programmeId: string,
    venueId: string,
    date: string,
    start: string,
    status: Status,
    pupils: [string, string, number][] = [],
    extra: Record<string, number> = {},
  ) => {
    const s = await makeSession(db, {
      programmeId,
      venueId,
      teamId: team.id,
      date,
      start,
      end: start === "00:30" ? "00:50" : start === "23:30" ? "23:59" : "15:00",
      status,
      expectedPupils: extra.expectedPupils,
    });
    if (pupils.length)
      await db.attendanceCount.createMany({ data: pupils.map(([yearGroup, sex, count]) => ({ sessionId: s.id, yearGroup, sex, count })) });
    const { expectedPupils: _ignored, ...recorded } = extra;
    if (Object.keys(recorded).length) await db.session.update({ where: { id: s.id }, data: recorded });
    return s;
  };
  const disclose = async (sessionId: string, n: number, risk: "HIGH" | "MEDIUM", referred = 0) => {
    for (let i = 0; i < n; i++) {
      await makeDisclosure(db, {
        receivedById: receiver.id,
        sessionId,
        risk,
        disclosedAt: new Date("2026-11-20T10:00:00Z"),
        ...(i < referred ? { referralTo: "MASH", referralAt: new Date("2026-11-20T11:00:00Z") } : {}),
      });
    }
  };
  // Q1: School 01 (100 pupils, 3 high-risk disclosures) and the closed school (60 pupils, not a school covered).
  const q1 = await session(play.id, schools[0].id, "2026-05-05", "10:00", "DELIVERED", [
    ["Y10", "GIRL", 40],
    ["Y10", "BOY", 35],
    ["Y9", "NOT_RECORDED", 25],
  ]);
  await disclose(q1.id, 3, "HIGH");
  await session(play.id, closed.id, "2026-05-06", "10:00", "DELIVERED", [["Y9", "NOT_RECORDED", 60]]);
  // Q2: School 02 (100 pupils, 10 disclosures, 2 referred) and School 01 again at 23:30 on 30 September (BST).
  const q2 = await session(play.id, schools[1].id, "2026-07-10", "10:00", "DELIVERED", [
    ["Y10", "GIRL", 50],
    ["Y10", "BOY", 50],
  ]);
  await disclose(q2.id, 10, "MEDIUM", 2);
  await session(play.id, schools[0].id, "2026-09-30", "23:30", "DELIVERED", [["Y11", "GIRL", 20]]);
  // Q3: the college at 23:30 on 25 October (GMT again that night), a briefing, driver training, a stall, a show.
  await session(play.id, college.id, "2026-10-25", "23:30", "DELIVERED", [["Y12", "BOY", 30]]);
  const brief = await session(briefing.id, hall.id, "2026-11-02", "10:00", "DELIVERED");
  for (let i = 0; i < 7; i++)
    await makeRegisterEntry(db, { sessionId: brief.id, personId: (await makePerson(db)).id, status: i < 6 ? "ATTENDED" : "ABSENT" });
  const train = await session(drivers.id, hall.id, "2026-11-03", "10:00", "DELIVERED");
  for (let i = 0; i < 5; i++) await makeRegisterEntry(db, { sessionId: train.id, personId: (await makePerson(db)).id, status: "ATTENDED" });
  await session(stall.id, hall.id, "2026-11-04", "10:00", "DELIVERED", [], { headcount: 200, conversations: 45, leafletsGiven: 150 });
  await session(community.id, hall.id, "2026-11-05", "10:00", "DELIVERED", [], { headcount: 80, adultsPresent: 20 });
  // Q4: School 03 at 00:30 on 28 March 2027, before the clocks go forward; a cancelled session; a booking ahead.
  await session(play.id, schools[2].id, "2027-03-28", "00:30", "DELIVERED", [["Y10", "GIRL", 10]]);
  await session(play.id, schools[3].id, "2027-03-01", "10:00", "CANCELLED", [["Y10", "GIRL", 999]]);
  await session(play.id, schools[4].id, "2027-02-01", "10:00", "PROVISIONAL", [], { expectedPupils: 90 });
  // Outside the year: 23:30 on 31 March 2027 is in, 00:30 on 1 April 2027 is the next year.
  await session(play.id, schools[5].id, "2027-04-01", "00:30", "DELIVERED", [["Y10", "GIRL", 1000]]);

  cookies = { manager: (await signedInAs(["MANAGER"])).cookie, lead: (await signedInAs(["LEAD"])).cookie };
});

describe("reach dashboard", () => {
  it("counts every figure for the financial year", async () => {
    const d = await reachDashboard({ viewer: LEAD, period: YEAR, now });
    expect(d.figures).toEqual({
      sessionsDelivered: 10,
      pupilsReached: 320,
      schoolsCovered: 4,
      schoolsInArea: 31,
      peopleTrained: 11,
      pupilsBooked: 90,
      schoolsBooked: 1,
      sessionsBooked: 1,
      peopleBooked: 0,
    });
    expect(d.pupilsByYearGroup).toEqual([
      { label: "Year 9", count: 85 },
      { label: "Year 10", count: 185 },
      { label: "Year 11", count: 20 },
      { label: "Year 12", count: 30 },
    ]);
    expect(d.pupilsBySex).toEqual([
      { label: "Girls", count: 120 },
      { label: "Boys", count: 115 },
      { label: "Not recorded", count: 85 },
    ]);
    expect(Object.fromEntries(d.sessionsByKind.map((k) => [k.kind, k.count]))).toEqual({
      SCHOOL_PLAY: 6,
      COMMUNITY_PERFORMANCE: 1,
      STAFF_BRIEFING: 1,
      DRIVER_TRAINING: 1,
      AWARENESS_STALL: 1,
      OTHER: 0,
    });
    expect(d.year10).toEqual({ reached: 185, cohort: 300, schoolsWithCount: 3 }); // the closed school's roll is not counted
    expect(d.trained).toEqual({ staffBriefed: 6, driversTrained: 5, peopleTrained: 11, refreshersDue: 0 });
    // By London month (December has begun, so it counts): 23:30 on 30 September (BST) stays in September, 23:30 on 25 October (GMT) in October.
    expect(d.monthly.months.map((m) => `${m.month} ${m.pupils}`)).toEqual([
      "2026-04 0",
      "2026-05 160",
      "2026-06 0",
      "2026-07 100",
      "2026-08 0",
      "2026-09 20",
      "2026-10 30",
      "2026-11 0",
      "2026-12 0",
      "2027-01 null",
      "2027-02 null",
      "2027-03 null",
    ]); // months after today (1 December 2026) have not started, so they have no figure yet
    expect(d.monthly.target).toBeNull();
    expect(d.stalls).toEqual({ sessions: 1, headcount: 200, conversations: 45, leaflets: 150 });
    expect(d.performances).toEqual({ sessions: 1, audience: 80, adults: 20 });
    expect(d.disclosures.total).toBe(13);
    expect(d.disclosuresPerThousand).toBe("40.6"); // 13 ÷ 320 × 1000
  });

  it("a manager sees 1–4 as fewer than 5, the total that would give it back withheld, and no rate from it", async () => {
    const d = await reachDashboard({ viewer: MANAGER, period: YEAR, now });
    expect(d.disclosures.rows.map((r) => [r.key, r.count])).toEqual([
      ["LOW", 0],
      ["MEDIUM", 10],
      ["HIGH", SUPPRESSED],
    ]);
    expect(d.disclosures.total).toBe(WITHHELD);
    expect(d.disclosuresPerThousand).toBe(WITHHELD);
    const q2 = await reachDashboard({ viewer: MANAGER, period: { from: "2026-07-01", to: "2026-09-30" }, now });
    expect(q2.disclosures.total).toBe(10);
    expect(q2.disclosuresPerThousand).toBe("83.3"); // 10 ÷ 120 × 1000
    const q3 = await reachDashboard({ viewer: MANAGER, period: { from: "2026-10-01", to: "2026-12-31" }, now });
    expect(q3.disclosuresPerThousand).toBe("0.0");
    const none = await reachDashboard({ viewer: MANAGER, period: { from: "2026-12-01", to: "2026-12-31" }, now });
    expect(none.disclosuresPerThousand).toBe("not enough pupils");
  });

  it("compares Year 10 reach with the Year 10 roll over the schools whose roll is known", async () => {
    const team = await makeTeam(db);
    const [withRoll, noRoll] = await Promise.all(
      ["School 02", "School 10"].map((name) => db.venue.findFirstOrThrow({ where: { name }, select: { id: true } })),
    );
    for (const [venueId, count, start] of [
      [withRoll.id, 20, "09:00"],
      [noRoll.id, 50, "13:00"],
    ] as const) {
      const s = await makeSession(db, {
        programmeId: ids.play,
        venueId,
        teamId: team.id,
        date: "2030-05-06",
        start,
        end: start === "09:00" ? "10:00" : "14:00",
        status: "DELIVERED",
      });
      await db.attendanceCount.create({ data: { sessionId: s.id, yearGroup: "Y10", sex: "GIRL", count } });
    }
    const d = await reachDashboard({ viewer: MANAGER, period: { from: "2030-04-01", to: "2031-03-31" }, now });
    expect(d.figures.pupilsReached).toBe(70);
    expect(d.year10).toEqual({ reached: 20, cohort: 300, schoolsWithCount: 3 });
  });

  it("filters by programme", async () => {
    const d = await reachDashboard({ viewer: LEAD, period: { ...YEAR, programmeId: ids.play }, now });
    expect(d.figures).toMatchObject({ sessionsDelivered: 6, pupilsReached: 320, peopleTrained: 0 });
    expect(d.stalls.sessions).toBe(0);
  });

  it("the page: a GET with nonsense filters shows this academic year and says what it ignored, never an error", async () => {
    const res = await run(
      dashboardRoute.loader,
      get("/reports?period=custom&fromDay=31&fromMonth=2&fromYear=2026&toDay=1&toMonth=1&toYear=2027&programme=nope", cookies.manager),
    );
    expect(res.status).toBe(200);
    const data = res.data as { period: { choice: string; ignored: string[]; label: string } };
    expect(data.period.choice).toBe("academic-year");
    expect(data.period.ignored).toEqual([
      "The start and end dates must be real dates, for example 1 4 2026.",
      "The programme was not found, so all programmes are shown.",
    ]);
    const page = await run(dashboardRoute.loader, get(`/reports?${YEAR_QUERY}`, cookies.manager));
    expect((page.data as { dashboard: { figures: { pupilsReached: number } } }).dashboard.figures.pupilsReached).toBe(320);
  });

  it("resolves the period presets", async () => {
    expect(await resolveReportPeriod({ period: "financial-year" }, now)).toMatchObject({
      from: "2026-04-01",
      to: "2027-03-31",
      ignored: [],
    });
    expect(await resolveReportPeriod({ period: "quarter", quarter: "2026-q4" }, now)).toMatchObject({
      from: "2027-01-01",
      to: "2027-03-31",
    });
    expect(await resolveReportPeriod({}, now)).toMatchObject({ from: "2026-09-01", to: "2027-08-31", choice: "academic-year" });
    expect((await resolveReportPeriod({ period: "quarter", quarter: "1999-q1" }, now)).ignored).toEqual([
      "Choose a quarter from the list.",
    ]);
    expect(
      (
        await resolveReportPeriod(
          { period: "custom", fromDay: "2", fromMonth: "4", fromYear: "2026", toDay: "1", toMonth: "4", toYear: "2026" },
          now,
        )
      ).ignored,
    ).toEqual(["The start date must be on or before the end date."]);
    expect((await resolveReportPeriod({ period: "weekly" }, now)).ignored).toEqual(["The period was not recognised."]);
  });
});

describe("schools coverage list", () => {
  it("pages through open secondary schools and colleges with per-school figures", async () => {
    const page1 = await schoolsCoverage({ period: YEAR, filter: "all", page: 1, now });
    expect(page1).toMatchObject({ total: 31, pageCount: 2 });
    expect(page1.items).toHaveLength(25);
    expect(page1.items.map((s) => s.name)).not.toContain("Closed School");
    const school01 = page1.items.find((s) => s.id === ids.school01);
    expect(school01).toMatchObject({ lastDeliveredOn: "2026-09-30", nextBookedOn: null, pupilsReached: 120 });
    expect(page1.items.find((s) => s.id === ids.school05)).toMatchObject({
      lastDeliveredOn: null,
      nextBookedOn: "2027-02-01",
      pupilsReached: 0,
    });
    expect((await schoolsCoverage({ period: YEAR, filter: "all", page: 2, now })).items).toHaveLength(6);
  });

  it("filters covered, not covered, and not covered with nothing booked", async () => {
    const names = async (filter: "covered" | "not-covered" | "not-booked") => await schoolsCoverage({ period: YEAR, filter, page: 1, now });
    expect((await names("covered")).items.map((s) => [s.name, s.pupilsReached])).toEqual([
      ["A College", 30],
      ["School 01", 120],
      ["School 02", 100],
      ["School 03", 10],
    ]);
    expect((await names("not-covered")).total).toBe(27);
    const notBooked = await names("not-booked");
    expect(notBooked.total).toBe(26);
    expect(notBooked.items.map((s) => s.id)).not.toContain(ids.school05);
  });

  it("the page takes its filters from the URL and ignores a bad one", async () => {
    const res = await run(schoolsRoute.loader, get(`/reports/schools?${YEAR_QUERY}&show=covered`, cookies.manager));
    expect((res.data as { schools: { total: number } }).schools.total).toBe(4);
    const bad = await run(schoolsRoute.loader, get("/reports/schools?show=everything&page=-3", cookies.manager));
    expect(bad.status).toBe(200);
    expect((bad.data as { filter: string }).filter).toBe("all");
  });
});

describe("quarterly report", () => {
  const cells = (report: Awaited<ReturnType<typeof quarterlyReport>>, key: string) => report.rows.find((r) => r.key === key)?.cells;

  it("one column per quarter and the year to date", async () => {
    const r = await quarterlyReport({ viewer: LEAD, startYear: 2026, now });
    expect(r.columns.map((c) => c.label)).toEqual(["Q1", "Q2", "Q3", "Q4", "Year to date"]);
    expect(cells(r, "sessions-SCHOOL_PLAY")).toEqual([2, 2, 1, 1, 6]);
    expect(cells(r, "pupils")).toEqual([160, 120, 30, 10, 320]);
    expect(cells(r, "schools")).toEqual([1, 2, 1, 1, 4]);
    expect(cells(r, "schools-first")).toEqual([1, 1, 1, 1, 4]);
    expect(cells(r, "schools-cumulative")).toEqual([1, 2, 3, 4, 4]);
    expect(r.rows.find((row) => row.key === "schools-cumulative")?.label).toBe("Schools covered so far this year (of 31)");
    expect(cells(r, "staff")).toEqual([0, 0, 6, 0, 6]);
    expect(cells(r, "drivers")).toEqual([0, 0, 5, 0, 5]);
    expect(cells(r, "conversations")).toEqual([0, 0, 45, 0, 45]);
    expect(cells(r, "disclosures")).toEqual([3, 10, 0, 0, 13]);
    expect(cells(r, "referrals")).toEqual([0, 2, 0, 0, 2]);
    expect(cells(r, "per-thousand")).toEqual(["18.8", "83.3", "0.0", "0.0", "40.6"]);
  });

  it("suppresses small disclosure counts for a manager, across the row", async () => {
    const r = await quarterlyReport({ viewer: MANAGER, startYear: 2026, now });
    expect(cells(r, "disclosures")).toEqual([SUPPRESSED, 10, 0, 0, WITHHELD]);
    expect(cells(r, "referrals")).toEqual([0, SUPPRESSED, 0, 0, SUPPRESSED]);
    expect(cells(r, "per-thousand")).toEqual([WITHHELD, "83.3", "0.0", "0.0", WITHHELD]);
    expect(cells(r, "pupils")).toEqual([160, 120, 30, 10, 320]);
  });

  it("the disclosure rate chart never draws or labels a withheld rate as a number", async () => {
    const chartOf = async (viewer: { roles: string[] }) =>
      barChartSvg(disclosureRateChart(await quarterlyReport({ viewer, startYear: 2026, now })));
    const bars = (svg: string) => svg.match(/class="app-chart__bar"/g)?.length ?? 0;
    // Q1: 3 disclosures at pupil sessions over 160 pupils is 18.8 per 1,000; a lead's chart draws it, a manager's does not.
    const lead = await chartOf(LEAD);
    expect(lead).toContain(">18.8</text>");
    expect(bars(lead)).toBe(4);
    const manager = await chartOf(MANAGER);
    expect(manager).not.toContain("18.8");
    expect(manager).toContain(`>${WITHHELD}</text>`);
    expect(bars(manager)).toBe(3);
    expect(manager).toContain(">83.3</text>");
  });

  it("the page refuses a year that is not one with a 404, never a 500", async () => {
    for (const year of ["abc", "1999", "20261", "2026.5", "-1"]) {
      expect((await run(quarterlyRoute.loader, get(`/reports/quarterly?year=${year}`, cookies.manager))).status).toBe(404);
    }
    expect((await run(quarterlyRoute.loader, get("/reports/quarterly?year=2026", cookies.manager))).status).toBe(200);
    expect((await run(quarterlyRoute.loader, get("/reports/quarterly", cookies.manager))).status).toBe(200);
    expect((await run(quarterlyCsvRoute.loader, get("/reports/quarterly.csv?year=next", cookies.manager))).status).toBe(404);
  });

  it("downloads as CSV with suppressed cells written out", async () => {
    const response = (await quarterlyCsvRoute.loader({
      request: get("/reports/quarterly.csv?year=2026", cookies.manager),
      params: {},
      context: { requestId: "TEST", cspNonce: "" },
    })) as Response;
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="outreach-quarterly-2026-27.csv"');
    const rows = parseCsv(await response.text());
    // The route reads the real clock: a quarter still to come says so.
    const notStarted = (from: string) => (new Date() < new Date(`${from}T00:00:00Z`) ? ", not started" : "");
    expect(rows[0]).toEqual([
      "Measure",
      "Q1 (1 Apr 2026 to 30 Jun 2026)",
      "Q2 (1 Jul 2026 to 30 Sept 2026)",
      `Q3 (1 Oct 2026 to 31 Dec 2026${notStarted("2026-10-01")})`,
      `Q4 (1 Jan 2027 to 31 Mar 2027${notStarted("2027-01-01")})`,
      "Year to date (1 Apr 2026 to 31 Mar 2027)",
      "Q1 2025-26",
      "Q2 2025-26",
      "Q3 2025-26",
      "Q4 2025-26",
      "Year to date 2025-26",
    ]);
    // Nothing was delivered in 2025-26, so the year-earlier columns are zeros and rates from no pupils.
    const lastYearZeros = ["0", "0", "0", "0", "0"];
    const row = (label: string) => rows.find((r) => r[0] === label);
    expect(row("Pupils reached")).toEqual(["Pupils reached", "160", "120", "30", "10", "320", ...lastYearZeros]);
    expect(row("Disclosures at or after sessions")).toEqual([
      "Disclosures at or after sessions",
      "fewer than 5",
      "10",
      "0",
      "0",
      "withheld",
      ...lastYearZeros,
    ]);
    expect(row("Disclosures per 1,000 pupils reached")).toEqual([
      "Disclosures per 1,000 pupils reached",
      "withheld",
      "83.3",
      "0.0",
      "0.0",
      "withheld",
      ...Array(5).fill(NOT_ENOUGH_PUPILS),
    ]);
    const lead = (await quarterlyCsvRoute.loader({
      request: get("/reports/quarterly.csv?year=2026", cookies.lead),
      params: {},
      context: { requestId: "TEST", cspNonce: "" },
    })) as Response;
    expect(parseCsv(await lead.text()).find((r) => r[0] === "Disclosures at or after sessions")).toEqual([
      "Disclosures at or after sessions",
      "3",
      "10",
      "0",
      "0",
      "13",
      ...lastYearZeros,
    ]);
  });
});

describe("a manager never sees a disclosure count from 1 to 4", () => {
  it("on the dashboard, the quarterly report and the CSV", async () => {
    const small = (value: unknown) => typeof value === "number" && value >= 1 && value <= 4;
    const dashboard = (await run(dashboardRoute.loader, get(`/reports?${YEAR_QUERY}`, cookies.manager))).data as {
      dashboard: { disclosures: { rows: { count: unknown }[]; total: unknown } };
    };
    expect([...dashboard.dashboard.disclosures.rows.map((r) => r.count), dashboard.dashboard.disclosures.total].filter(small)).toEqual([]);
    const quarterly = (await run(quarterlyRoute.loader, get("/reports/quarterly?year=2026", cookies.manager))).data as {
      rows: { key: string; cells: unknown[] }[];
    };
    const disclosureRows = quarterly.rows.filter((r) => ["disclosures", "referrals"].includes(r.key));
    expect(disclosureRows.flatMap((r) => r.cells).filter(small)).toEqual([]);
  });
});
