// Tour plans on a real database: defaults and eligibility by age range, planning in a worker thread, cancelling,
// booking a plan all or nothing through the booking rules (a clash created after planning books nothing and is
// named), re-planning, inviting every school, and the command line (scripts/plan.ts).
import { beforeAll, describe, expect, it } from "vitest";
import {
  bookPlanVersion,
  buildPlanInput,
  cancelPlanVersion,
  defaultPlanSchools,
  getPlanVersion,
  inviteAllForPlan,
  listPlans,
  PlanBookingError,
  PlanRequestError,
  PlanStateError,
  replan,
  requestPlan,
  waitForPlanVersion,
  type PlanRequest,
} from "~/models/tour-plans.server";
import { HOLDING } from "~/models/sessions/facts.server";
import { db } from "~/utils/db.server";
import { londonToInstant } from "~/utils/time";
import { makeAcademicYear, makeProgramme, makeSession, makeTeam, makeUser, makeVenue, TERMS_2026_27 } from "../factories";

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
