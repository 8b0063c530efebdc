// Tour plans on a real database: defaults and eligibility by age range, planning in a worker thread, cancelling,
// booking a plan all or nothing through the booking rules (a clash created after planning books nothing and is
// named), re-planning, inviting every school, and the command line (scripts/plan.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bookPlanVersion,
  buildPlanInput,
  cancelPlanVersion,
  defaultPlanSchools,
  getPlanVersion,
  inviteAllForPlan,
  listPlans,
  onPlanProgress,
  PLAN_LEASE_MS,
  PlanBookingError,
  planFormOptions,
  PlanRequestError,
  PlanStateError,
  replan,
  requestPlan,
  resumeAbandonedPlans,
  waitForPlanVersion,
  type PlanProgressEvent,
  type PlanRequest,
} from "~/models/tour-plans.server";
import * as planPage from "~/routes/plans.$planId";
import * as newPlan from "~/routes/plans.new";
import { HOLDING } from "~/models/sessions/facts.server";
import { capturedIo } from "../../scripts/cli";
import { main as planCli } from "../../scripts/plan";
import { db } from "~/utils/db.server";
import { londonToInstant } from "~/utils/time";
import { makeAcademicYear, makeProgramme, makeSession, makeTeam, makeUser, makeVenue, TERMS_2026_27 } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

const meta = { ip: null, userAgent: "tour-plans test" };
// Planning "now": before the summer term of 2027 (sessions must be in the future).
const NOW = new Date("2027-04-01T09:00:00Z");
const SUMMER = { from: "2027-04-12", to: "2027-04-23" };

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;

async function makeWorld() {
  await makeAcademicYear(db, { name: "2026/27", startDate: "2026-09-01", endDate: "2027-08-31", terms: TERMS_2026_27 });
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { id: coordinator.id, email: coordinator.email, roles: ["COORDINATOR"] };
  const programme = await makeProgramme(db, {
    name: "Chelsea's Choice",
    yearGroups: "10",
    capacity: 120,
    getInMinutes: 30,
    getOutMinutes: 30,
    defaultDurationMinutes: 60,
  });
  const juniors = await makeProgramme(db, { name: "Safe Steps", yearGroups: "6,7", capacity: 90 });
  const team = await makeTeam(db, { name: "Touring company", sessionsPerDay: 3 });
  await db.team.update({ where: { id: team.id }, data: { baseEasting: 530000, baseNorthing: 180000 } });
  const school = (name: string, over: Parameters<typeof makeVenue>[1], grid: [number, number], cohort: number | null) =>
    makeVenue(db, { name, ...over }).then((v) =>
      db.venue.update({ where: { id: v.id }, data: { easting: grid[0], northing: grid[1], cohort } }),
    );
  const north = await school(
    "North Park Academy",
    { urn: "100001", contact: { name: "Head of PSHE", role: "PSHE", email: "pshe@north.test" } },
    [531000, 182000],
    200,
  );
  const south = await school(
    "South Vale School",
    { urn: "100002", contact: { name: "Deputy head", role: "Deputy", email: "dep@south.test" } },
    [529000, 178500],
    100,
  );
  const east = await school("East Bridge College", { urn: "100003" }, [533500, 180500], null);
  const primary = await school(
    "Meadow Primary",
    { urn: "100004", kind: "PRIMARY_SCHOOL", statutoryLowAge: 4, statutoryHighAge: 11 },
    [530500, 181000],
    60,
  );
  const middle = await school("Hill Middle School", { urn: "100005", statutoryLowAge: 9, statutoryHighAge: 13 }, [530200, 179000], 80);
  const closed = await makeVenue(db, { name: "Old Grammar (closed)", urn: "100006" });
  await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  const visited = await school("Visited Last Year High", { urn: "100007" }, [532000, 181500], 150);
  await makeSession(db, {
    programmeId: programme.id,
    venueId: visited.id,
    teamId: team.id,
    date: "2026-11-10",
    start: "10:00",
    end: "11:00",
    status: "DELIVERED",
  });
  return { actor, programme, juniors, team, north, south, east, primary, middle, closed, visited };
}

beforeAll(async () => {
  w = await makeWorld();
});

const request = (over: Partial<PlanRequest> = {}): PlanRequest => ({
  programmeId: w.programme.id,
  teamIds: [w.team.id],
  ...SUMMER,
  venueIds: [w.north.id, w.south.id, w.east.id],
  target: { kind: "EVERY_SCHOOL" },
  ...over,
});

async function plannedVersion(over: Partial<PlanRequest> = {}) {
  const { versionId } = await requestPlan(w.actor, request(over), meta, NOW);
  expect(await waitForPlanVersion(versionId)).toBe("DONE");
  return versionId;
}

const sessionsOf = (programmeId: string) =>
  db.session.findMany({
    where: { programmeId, status: { in: HOLDING }, startsAt: { gte: londonToInstant(SUMMER.from, "00:00") } },
    select: { venueId: true, teamId: true, startsAt: true, endsAt: true, expectedPupils: true, status: true },
    orderBy: [{ startsAt: "asc" }, { venueId: "asc" }],
  });

describe("the schools a plan covers by default", () => {
  it("takes open schools whose age range teaches the programme's year groups, not visited in the last 12 months", async () => {
    const names = (await defaultPlanSchools(w.programme.id, NOW)).map((s) => s.name);
    expect(names).toEqual(["East Bridge College", "North Park Academy", "South Vale School"]);
  });

  it("takes primary and middle schools for a Year 6 and 7 programme", async () => {
    const names = (await defaultPlanSchools(w.juniors.id, NOW)).map((s) => s.name);
    // Year 6 (ages 10-11): the primary and the middle school; Year 7 (11-12): the middle and the secondaries.
    expect(names).toEqual([
      "East Bridge College",
      "Hill Middle School",
      "Meadow Primary",
      "North Park Academy",
      "South Vale School",
      "Visited Last Year High",
    ]);
  });

  it("takes secondary ages for a programme without year groups", async () => {
    const briefing = await makeProgramme(db, { name: "Assembly talk", yearGroups: "" });
    const names = (await defaultPlanSchools(briefing.id, NOW)).map((s) => s.name);
    expect(names).toEqual([
      "East Bridge College",
      "Hill Middle School",
      "North Park Academy",
      "South Vale School",
      "Visited Last Year High",
    ]);
  });

  it("builds the input from the database: coordinates, cohort, school day, calendar and the travel defaults", async () => {
    const input = await buildPlanInput(request({ venueIds: undefined, sessionsPerDay: 2 }), { now: NOW });
    expect(input.schools.map((s) => s.name)).toEqual(["East Bridge College", "North Park Academy", "South Vale School"]);
    const north = input.schools.find((s) => s.name === "North Park Academy")!;
    expect(north).toMatchObject({ location: { easting: 531000, northing: 182000 }, cohort: 200, dayStart: "09:00", dayEnd: "15:15" });
    expect(north.closedDates["2027-04-17"]).toMatchObject({ kind: "WEEKEND" });
    expect(input.teams).toEqual([
      {
        id: w.team.id,
        name: "Touring company",
        sessionsPerDay: 2,
        workingWeekdays: [1, 2, 3, 4, 5],
        daysOff: [],
        base: { easting: 530000, northing: 180000 },
      },
    ]);
    expect(input.travel).toMatchObject({ roadFactor: 1.3, speedKmh: 30 });
  });

  it("takes the travel model from the planner.travel setting, and ignores a setting out of range", async () => {
    await db.setting.create({ data: { key: "planner.travel", value: { roadFactor: 1.5, speedKmh: 25 } } });
    expect((await buildPlanInput(request(), { now: NOW })).travel).toMatchObject({ roadFactor: 1.5, speedKmh: 25 });
    await db.setting.update({ where: { key: "planner.travel" }, data: { value: { roadFactor: 0.2, speedKmh: 25 } } });
    expect((await buildPlanInput(request(), { now: NOW })).travel).toMatchObject({ roadFactor: 1.3, speedKmh: 30 });
    await db.setting.delete({ where: { key: "planner.travel" } });
  });

  it("offers the active programmes and teams on the plan form", async () => {
    const options = await planFormOptions();
    expect(options.programmes.map((p) => p.name)).toEqual(expect.arrayContaining(["Chelsea's Choice", "Safe Steps"]));
    expect(options.teams.map((t) => t.name)).toContain("Touring company");
  });

  it("names the field of a bad request", async () => {
    await expect(buildPlanInput(request({ to: "2027-04-01" }), { now: NOW })).rejects.toMatchObject({ field: "to" });
    await expect(buildPlanInput(request({ teamIds: [] }), { now: NOW })).rejects.toBeInstanceOf(PlanRequestError);
    await expect(buildPlanInput(request({ target: { kind: "PUPILS", pupils: 0 } }), { now: NOW })).rejects.toMatchObject({
      field: "targetPupils",
    });
  });
});

describe("planning and booking", () => {
  it("plans in a worker thread and books exactly the planned sessions, all provisional", async () => {
    const versionId = await plannedVersion();
    const version = await getPlanVersion(versionId);
    expect(version.status).toBe("DONE");
    expect(version.progress).toBe(1);
    const planned = version.result!.sessions;
    // North: 200 pupils at 120 a show = 2 shows; South one; East (cohort unknown) one.
    expect(planned.filter((s) => s.venueId === w.north.id)).toHaveLength(2);
    expect(planned).toHaveLength(4);
    expect(version.result!.unplaced).toEqual([]);

    const { sessionIds } = await bookPlanVersion(w.actor, versionId, meta, NOW);
    expect(sessionIds).toHaveLength(4);
    const booked = await sessionsOf(w.programme.id);
    expect(
      booked.map((s) => ({
        venueId: s.venueId,
        teamId: s.teamId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        expectedPupils: s.expectedPupils,
      })),
    ).toEqual(
      [...planned]
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.venueId.localeCompare(b.venueId))
        .map((s) => ({ venueId: s.venueId, teamId: s.teamId, startsAt: s.startsAt, endsAt: s.endsAt, expectedPupils: s.expectedPupils })),
    );
    expect(booked.every((s) => s.status === "PROVISIONAL")).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "plan.book", entityId: version.plan.id } })).toBe(1);
    await expect(bookPlanVersion(w.actor, versionId, meta, NOW)).rejects.toBeInstanceOf(PlanStateError);

    // Invite all: the schools with an email contact are invited, the one without is skipped.
    const { invited, skipped } = await inviteAllForPlan(w.actor, versionId, meta, NOW);
    expect(invited.map((i) => i.venueName).sort()).toEqual(["North Park Academy", "North Park Academy", "South Vale School"]);
    expect(skipped).toEqual([expect.objectContaining({ venueName: "East Bridge College", reason: "NO_CONTACT" })]);

    // Clean up for the next test: the booked sessions no longer hold their slots.
    await db.session.updateMany({ where: { id: { in: sessionIds } }, data: { status: "CANCELLED" } });
  });

  it("books nothing when a clash was created after planning, and names the clash", async () => {
    const versionId = await plannedVersion();
    const { result } = await getPlanVersion(versionId);
    const first = result!.sessions[0];
    const otherTeam = await makeTeam(db, { name: "Other company" });
    const clash = await makeSession(db, {
      programmeId: w.juniors.id,
      venueId: first.venueId,
      teamId: otherTeam.id,
      date: first.date,
      start: first.startTime,
      end: first.endTime,
      status: "CONFIRMED",
    });
    const before = await db.session.count();
    const error = await bookPlanVersion(w.actor, versionId, meta, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanBookingError);
    const failures = (error as PlanBookingError).failures;
    expect(failures).toEqual([
      expect.objectContaining({
        venueId: first.venueId,
        date: first.date,
        startTime: first.startTime,
        rules: [expect.objectContaining({ rule: "HALL_CLASH" })],
      }),
    ]);
    expect(failures[0].rules[0].message).toContain("already in use");
    expect(await db.session.count()).toBe(before);
    expect((await db.tourPlanVersion.findUniqueOrThrow({ where: { id: versionId } })).bookedAt).toBeNull();
    await db.session.update({ where: { id: clash.id }, data: { status: "CANCELLED" } });
  });

  it("re-plans with a removed date as a new version that avoids it", async () => {
    const versionId = await plannedVersion();
    const { result, plan } = await getPlanVersion(versionId);
    const first = result!.sessions[0];
    const next = await replan(w.actor, versionId, { removals: [{ venueId: first.venueId, date: first.date }] }, meta, NOW);
    expect(next.number).toBe(2);
    expect(await waitForPlanVersion(next.versionId)).toBe("DONE");
    const again = await getPlanVersion(next.versionId);
    expect(again.plan.id).toBe(plan.id);
    expect(again.result!.sessions.some((s) => s.venueId === first.venueId && s.date === first.date)).toBe(false);
    expect(again.result!.sessions.filter((s) => s.venueId === first.venueId).length).toBe(
      result!.sessions.filter((s) => s.venueId === first.venueId).length,
    );
  });

  it("cancels a queued version, which then keeps no result", async () => {
    const { versionId } = await requestPlan(w.actor, request(), meta, NOW);
    await cancelPlanVersion(w.actor, versionId, meta);
    expect(await waitForPlanVersion(versionId)).toBe("CANCELLED");
    expect((await getPlanVersion(versionId)).result).toBeNull();
    await expect(cancelPlanVersion(w.actor, versionId, meta)).rejects.toBeInstanceOf(PlanStateError);
    await expect(bookPlanVersion(w.actor, versionId, meta, NOW)).rejects.toBeInstanceOf(PlanStateError);
  });

  it("lists plans newest first with their latest version", async () => {
    const page = await listPlans({ page: 1, programmeId: w.programme.id });
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items[0].latest).toMatchObject({ status: "CANCELLED", number: 1 });
  });
});

describe("npm run plan", () => {
  async function cli(...argv: string[]) {
    const io = capturedIo();
    const code = await planCli(argv, io, process.env, NOW);
    return { code, out: io.out(), err: io.err() };
  }

  it("names the argument at fault and plans nothing", async () => {
    const plans = await db.tourPlan.count();
    expect(await cli("--programme", "Chelsea's Choice", "--from", "2027-13-01", "--to", "2027-04-23")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--from:"),
    });
    expect(await cli("--programme", "No Such Play", "--from", SUMMER.from, "--to", SUMMER.to)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--programme: there is no active programme called "No Such Play"'),
    });
    expect(await cli("--programme", "Chelsea's Choice", "--from", SUMMER.from, "--to", SUMMER.to, "--team", "Nobody")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--team:"),
    });
    expect(await cli("--programme", "Chelsea's Choice", "--from", SUMMER.from, "--to", SUMMER.to, "--target-pupils", "lots")).toMatchObject(
      { code: 2, err: expect.stringContaining("--target-pupils:") },
    );
    expect(
      await cli("--programme", "Chelsea's Choice", "--from", SUMMER.to, "--to", SUMMER.from, "--team", "Touring company"),
    ).toMatchObject({ code: 2, err: expect.stringContaining("--to: The last date must be on or after the first date") });
    expect(await cli("--programme", "Chelsea's Choice", "--from", SUMMER.from, "--to", SUMMER.to, "--colour", "red")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--colour"),
    });
    expect(await db.tourPlan.count()).toBe(plans);
  });

  it("runs as a script: node passes its arguments to main and exits with its code", () => {
    const started = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/plan.ts", "--programme", "Chelsea's Choice", "--from", "2027-04-31", "--to", SUMMER.to],
      { env: process.env, encoding: "utf8", timeout: 60_000 },
    );
    expect(started.stderr).toContain("--from: give a date as YYYY-MM-DD");
    expect(started.stderr).toContain("Usage: npm run plan");
    expect(started.status).toBe(2);
  });

  it("plans, books exactly the planned sessions and writes the documented JSON", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "plan-")), "plan.json");
    const run = await cli(
      "--programme",
      "chelsea's choice",
      "--from",
      SUMMER.from,
      "--to",
      SUMMER.to,
      "--team",
      "Touring company",
      "--out",
      out,
      "--book",
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain("Booked 4 provisional sessions.");
    expect(run.out).toMatch(/team-days: +\d+ \(lower bound \d+/);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.format).toBe("outreach-tour-plan/1");
    expect(doc.sessions.map((s: { urn: string }) => s.urn).sort()).toEqual(["100001", "100001", "100002", "100003"]);
    expect(doc.figures).toMatchObject({ sessionsPlanned: 4, targetPupils: null });
    const booked = await sessionsOf(w.programme.id);
    expect(booked.map((s) => ({ venueId: s.venueId, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() }))).toEqual(
      doc.sessions
        .map((s: { venueId: string; startsAt: string; endsAt: string }) => ({ venueId: s.venueId, startsAt: s.startsAt, endsAt: s.endsAt }))
        .sort(
          (a: { startsAt: string; venueId: string }, b: { startsAt: string; venueId: string }) =>
            a.startsAt.localeCompare(b.startsAt) || a.venueId.localeCompare(b.venueId),
        ),
    );
    expect(doc.bookedSessionIds).toHaveLength(4);
  });
});

describe("runs that outlive their server", () => {
  it("reports progress as it writes it to the version row, rising and below 1 until done", async () => {
    const events: PlanProgressEvent[] = [];
    const stopListening = onPlanProgress((event) => events.push(event));
    try {
      const versionId = await plannedVersion();
      const fractions = events.filter((e) => e.versionId === versionId).map((e) => e.fraction);
      // The solver reports its improvement phase at 0.2 and 0.4 on every instance; "done" is written as 0.99, and
      // only the final DONE write sets 1.
      expect(fractions).toEqual(expect.arrayContaining([0.2, 0.4]));
      expect(fractions.at(-1)).toBe(0.99);
      expect(fractions.every((f, i) => f > 0 && f < 1 && (i === 0 || f > fractions[i - 1]))).toBe(true);
      expect(await getPlanVersion(versionId)).toMatchObject({ status: "DONE", progress: 1 });
    } finally {
      stopListening();
    }
  });

  it("resumes a version a stopped server left running, exactly once, and leaves one whose server is alive", async () => {
    const done = await db.tourPlanVersion.findUniqueOrThrow({ where: { id: await plannedVersion() } });
    const left = (status: "QUEUED" | "RUNNING", leaseUntil: Date | null, number: number) =>
      db.tourPlanVersion.create({
        data: { planId: done.planId, number, input: done.input, status, progress: 0.4, leaseUntil },
        select: { id: true },
      });
    const lapsed = await left("RUNNING", new Date("2026-01-01T00:00:00Z"), 90);
    const neverLeased = await left("QUEUED", null, 91);
    const alive = await left("RUNNING", new Date(Date.now() + PLAN_LEASE_MS), 92);

    // Two servers look at once: each abandoned version is claimed by one of them only.
    const [first, second] = await Promise.all([resumeAbandonedPlans(), resumeAbandonedPlans()]);
    expect([...first, ...second].sort()).toEqual([lapsed.id, neverLeased.id].sort());
    expect(await waitForPlanVersion(lapsed.id)).toBe("DONE");
    expect(await waitForPlanVersion(neverLeased.id)).toBe("DONE");
    // Resumed from the saved input, the plan is the one the first run made.
    for (const id of [lapsed.id, neverLeased.id]) {
      const resumed = await db.tourPlanVersion.findUniqueOrThrow({ where: { id } });
      expect(resumed.progress).toBe(1);
      expect(JSON.parse(resumed.result!).sessions).toEqual(JSON.parse(done.result!).sessions);
    }
    expect(await db.tourPlanVersion.findUniqueOrThrow({ where: { id: alive.id } })).toMatchObject({ status: "RUNNING", progress: 0.4 });
    expect(await resumeAbandonedPlans()).toEqual([]);
    await db.tourPlanVersion.update({ where: { id: alive.id }, data: { status: "CANCELLED" } });
  });

  it("shows a running version's progress on its page", async () => {
    const done = await db.tourPlanVersion.findUniqueOrThrow({ where: { id: await plannedVersion() } });
    const running = await db.tourPlanVersion.create({
      data: {
        planId: done.planId,
        number: 93,
        input: done.input,
        status: "RUNNING",
        progress: 0.42,
        leaseUntil: new Date(Date.now() + PLAN_LEASE_MS),
      },
    });
    const manager = await signedInAs(["MANAGER"]);
    const page = await run(planPage.loader, get(`/plans/${done.planId}?version=${running.id}`, manager.cookie), { planId: done.planId });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ version: { id: running.id, status: "RUNNING", progress: 0.42 }, canAct: false });
    await db.tourPlanVersion.update({ where: { id: running.id }, data: { status: "CANCELLED" } });
  });
});

describe("planning and booking from the pages", () => {
  // The command line's tests above booked the term: free it, so the page plans the same four sessions afresh.
  beforeAll(() =>
    db.session.updateMany({
      where: { programmeId: w.programme.id, status: { in: HOLDING }, startsAt: { gte: londonToInstant(SUMMER.from, "00:00") } },
      data: { status: "CANCELLED" },
    }),
  );

  const askFields = () => ({
    programmeId: w.programme.id,
    teamIds: [w.team.id],
    fromDay: "12",
    fromMonth: "4",
    fromYear: "2027",
    toDay: "23",
    toMonth: "4",
    toYear: "2027",
    venueIds: [w.north.id, w.south.id, w.east.id],
    targetKind: "EVERY_SCHOOL",
    sessionsPerDay: "3",
    dayStart: "09:00",
    dayEnd: "15:15",
    workingWeekdays: ["1", "2", "3", "4", "5"],
    excludedDates: "",
  });

  async function askOnThePage(cookie: string) {
    const asked = await run(newPlan.action, post("/plans/new", askFields(), cookie));
    expect(asked.status).toBe(302);
    const planId = asked.headers.get("Location")!.match(/^\/plans\/([^/?]+)$/)![1];
    const { id: versionId } = await db.tourPlanVersion.findFirstOrThrow({ where: { planId }, select: { id: true } });
    expect(await waitForPlanVersion(versionId)).toBe("DONE");
    return { planId, versionId };
  }

  it("books exactly the planned sessions when the coordinator presses Book", async () => {
    const coordinator = await signedInAs(["COORDINATOR"]);
    const { planId, versionId } = await askOnThePage(coordinator.cookie);
    const planned = (await getPlanVersion(versionId)).result!.sessions;
    expect(planned).toHaveLength(4);

    const before = await db.session.count();
    const booked = await run(planPage.action, post(`/plans/${planId}`, { intent: "book", versionId }, coordinator.cookie), { planId });
    expect(booked.status).toBe(302);
    expect(booked.headers.get("Location")).toBe(`/plans/${planId}?version=${versionId}`);
    expect(await db.session.count()).toBe(before + 4);
    const made = await sessionsOf(w.programme.id);
    expect(made.map((s) => `${s.venueId} ${s.teamId} ${s.startsAt.toISOString()} ${s.endsAt.toISOString()}`).sort()).toEqual(
      planned.map((s) => `${s.venueId} ${s.teamId} ${s.startsAt} ${s.endsAt}`).sort(),
    );
    expect(made.every((s) => s.status === "PROVISIONAL")).toBe(true);

    // Pressing Book again (a second tab, a double click) books nothing more and says why.
    const again = await run(planPage.action, post(`/plans/${planId}`, { intent: "book", versionId }, coordinator.cookie), { planId });
    expect(again.status).toBe(422);
    expect(await db.session.count()).toBe(before + 4);
    // Clean up for the next test: the booked sessions no longer hold their slots.
    await db.session.updateMany({ where: { programmeId: w.programme.id, status: "PROVISIONAL" }, data: { status: "CANCELLED" } });
  });

  it("books nothing and names the clash when the diary changed after planning; a manager may not book", async () => {
    const coordinator = await signedInAs(["COORDINATOR"]);
    const { planId, versionId } = await askOnThePage(coordinator.cookie);
    const first = (await getPlanVersion(versionId)).result!.sessions[0];
    const clash = await makeSession(db, {
      programmeId: w.juniors.id,
      venueId: first.venueId,
      teamId: (await makeTeam(db, { name: "Visiting company" })).id,
      date: first.date,
      start: first.startTime,
      end: first.endTime,
      status: "CONFIRMED",
    });
    const before = await db.session.count();
    const manager = await signedInAs(["MANAGER"]);
    const refused = await run(planPage.action, post(`/plans/${planId}`, { intent: "book", versionId }, manager.cookie), { planId });
    expect(refused.status).toBe(403);

    const failed = await run(planPage.action, post(`/plans/${planId}`, { intent: "book", versionId }, coordinator.cookie), { planId });
    expect(failed.status).toBe(422);
    const reply = failed.data as { failures: { venueId: string; date: string; rules: { rule: string }[] }[] };
    expect(reply.failures).toEqual([
      expect.objectContaining({ venueId: first.venueId, date: first.date, rules: [expect.objectContaining({ rule: "HALL_CLASH" })] }),
    ]);
    expect(await db.session.count()).toBe(before);
    await db.session.update({ where: { id: clash.id }, data: { status: "CANCELLED" } });
  });
});
