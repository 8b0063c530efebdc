// TrainedDay is kept by database triggers (docs/decisions/030-trained-days.md): each day a person attended a delivered
// session of a programme, linked to the day before it at any programme, at programmes of the kind and in the programme.
// Whoever writes — registers marked, bulk-loaded, moved to another person, deleted; sessions delivered, moved across a
// clock change, cancelled, given to another programme, deleted; a programme's kind changed; writers side by side — the
// table must equal one worked out here from the registers with luxon, and the people trained in any period (counted
// from it as one range count) must equal a distinct count of the registers, on both databases.
import { beforeAll, describe, expect, it } from "vitest";
import { deliveredFigures, type ReachPeriod } from "~/models/reach.server";
import { db } from "~/utils/db.server";
import { addDays, londonDate, londonToInstant } from "~/utils/time";
import { capturedIo } from "../../scripts/cli";
import { main as rebuildMain } from "../../scripts/reports-rebuild";
import { makePerson, makeProgramme, makeRegisterEntry, makeSession, makeTeam, makeVenue } from "../factories";

type Attendance = { personId: string; programmeId: string; day: string; kind: string };

/** Every person's attendances at delivered sessions, one per person, programme and London day. */
async function attendances(): Promise<Attendance[]> {
  const entries = await db.registerEntry.findMany({
    where: { status: "ATTENDED", session: { status: "DELIVERED" } },
    select: { personId: true, session: { select: { startsAt: true, programmeId: true, programme: { select: { kind: true } } } } },
  });
  const unique = new Map<string, Attendance>();
  for (const e of entries) {
    const day = londonDate(e.session.startsAt);
    unique.set(`${e.personId}|${e.session.programmeId}|${day}`, {
      personId: e.personId,
      programmeId: e.session.programmeId,
      day,
      kind: e.session.programme.kind,
    });
  }
  return [...unique.values()];
}

const byDayThenProgramme = (a: Attendance, b: Attendance) => a.day.localeCompare(b.day) || a.programmeId.localeCompare(b.programmeId);

/** TrainedDay worked out from the registers, keyed person|programme|day. */
async function freshRows() {
  const all = (await attendances()).sort(byDayThenProgramme);
  const before = (a: Attendance, same: (b: Attendance) => boolean) => {
    const earlier = all.filter((b) => b.personId === a.personId && same(b) && byDayThenProgramme(b, a) < 0);
    return earlier.length ? earlier[earlier.length - 1].day : null;
  };
  return Object.fromEntries(
    all.map((a) => [
      `${a.personId}|${a.programmeId}|${a.day}`,
      {
        kind: a.kind,
        previousDay: before(a, () => true),
        previousDayOfKind: before(a, (b) => b.kind === a.kind),
        previousDayInProgramme: before(a, (b) => b.programmeId === a.programmeId),
      },
    ]),
  );
}

async function keptRows() {
  const rows = await db.trainedDay.findMany();
  return Object.fromEntries(
    rows.map((r) => [
      `${r.personId}|${r.programmeId}|${r.day}`,
      {
        kind: r.kind,
        previousDay: r.previousDay,
        previousDayOfKind: r.previousDayOfKind,
        previousDayInProgramme: r.previousDayInProgramme,
      },
    ]),
  );
}

/** Distinct people attending in the period, in all and at staff briefings and driver training: from the registers. */
async function distinctPeople(period: ReachPeriod) {
  const inPeriod = (await attendances()).filter(
    (a) => a.day >= period.from && a.day <= period.to && (!period.programmeId || a.programmeId === period.programmeId),
  );
  const people = (kind?: string) => new Set(inPeriod.filter((a) => !kind || a.kind === kind).map((a) => a.personId)).size;
  return { peopleTrained: people(), staffBriefed: people("STAFF_BRIEFING"), driversTrained: people("DRIVER_TRAINING") };
}

let ids: { briefing: string; briefing2: string; driving: string; venue: string; team: string };
let people: string[];

async function expectKeptEqualsFresh() {
  expect(await keptRows()).toEqual(await freshRows());
}

/** The people trained in every month and quarter of 2026, the whole year and periods starting between attendances. */
async function expectCountsEqualDistinct() {
  const periods: ReachPeriod[] = [];
  for (let month = 1; month <= 12; month++) {
    const from = `2026-${String(month).padStart(2, "0")}-01`;
    periods.push({ from, to: addDays(month === 12 ? "2027-01-01" : `2026-${String(month + 1).padStart(2, "0")}-01`, -1) });
  }
  periods.push(
    { from: "2026-01-01", to: "2026-03-31" },
    { from: "2026-04-01", to: "2026-06-30" },
    { from: "2026-01-01", to: "2026-12-31" },
  );
  periods.push(
    { from: "2026-03-10", to: "2026-03-29" },
    { from: "2026-03-30", to: "2026-11-01" },
    { from: "2025-01-01", to: "2030-12-31" },
  );
  for (const programmeId of [ids.briefing, ids.briefing2, ids.driving])
    periods.push({ from: "2026-01-01", to: "2026-12-31", programmeId }, { from: "2026-03-29", to: "2026-04-30", programmeId });
  const counted = await deliveredFigures(periods);
  const expected = await Promise.all(periods.map(distinctPeople));
  expect(counted.map((c) => ({ peopleTrained: c.peopleTrained, staffBriefed: c.staffBriefed, driversTrained: c.driversTrained }))).toEqual(
    expected,
  );
}

async function session(programmeId: string, date: string, start = "10:00", status: "DELIVERED" | "CONFIRMED" = "DELIVERED") {
  const end = `${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}${start.slice(2)}`;
  return (await makeSession(db, { programmeId, venueId: ids.venue, teamId: ids.team, date, start, end, status })).id;
}

beforeAll(async () => {
  const [briefing, briefing2, driving, venue, team] = await Promise.all([
    makeProgramme(db, { name: "CSE briefing", kind: "STAFF_BRIEFING", audienceType: "STAFF" }),
    makeProgramme(db, { name: "Safeguarding update", kind: "STAFF_BRIEFING", audienceType: "STAFF" }),
    makeProgramme(db, { name: "Driver training", kind: "DRIVER_TRAINING", audienceType: "DRIVERS" }),
    makeVenue(db),
    makeTeam(db),
  ]);
  ids = { briefing: briefing.id, briefing2: briefing2.id, driving: driving.id, venue: venue.id, team: team.id };
  people = [];
  for (let i = 0; i < 6; i++) people.push((await makePerson(db)).id);
});

describe("the days each person was trained, kept by triggers", () => {
  it("follows registers marked, loaded in bulk, moved to another person and deleted", async () => {
    const [ann, bob, cat] = people;
    const march = await session(ids.briefing, "2026-03-12");
    const sameDayOther = await session(ids.briefing2, "2026-03-12", "14:00");
    const driving = await session(ids.driving, "2026-03-12", "18:00");
    const april = await session(ids.briefing, "2026-04-20");
    // A bulk load of a register: one statement.
    await db.registerEntry.createMany({
      data: [
        { sessionId: march, personId: ann, status: "ATTENDED" },
        { sessionId: march, personId: bob, status: "ATTENDED" },
        { sessionId: march, personId: cat, status: "EXPECTED" },
        { sessionId: sameDayOther, personId: ann, status: "ATTENDED" }, // two programmes of a kind on one day
        { sessionId: driving, personId: ann, status: "ATTENDED" },
        { sessionId: april, personId: ann, status: "ATTENDED" },
      ],
    });
    await expectKeptEqualsFresh();
    expect(Object.keys(await keptRows())).toHaveLength(5);
    await expectCountsEqualDistinct();

    // Marked on the day: expected → attended → absent; one entry moved to another person (a duplicate merged).
    const catEntry = await db.registerEntry.findFirstOrThrow({ where: { sessionId: march, personId: cat } });
    await db.registerEntry.update({ where: { id: catEntry.id }, data: { status: "ATTENDED", markedAt: new Date() } });
    await expectKeptEqualsFresh();
    const bobEntry = await db.registerEntry.findFirstOrThrow({ where: { sessionId: march, personId: bob } });
    await db.registerEntry.update({ where: { id: bobEntry.id }, data: { status: "ABSENT" } });
    await expectKeptEqualsFresh();
    await makeRegisterEntry(db, { sessionId: april, personId: bob, status: "ATTENDED" });
    const annApril = await db.registerEntry.findFirstOrThrow({ where: { sessionId: april, personId: ann } });
    await db.registerEntry.update({ where: { id: annApril.id }, data: { personId: cat } });
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
    await db.registerEntry.delete({ where: { id: annApril.id } });
    await db.registerEntry.deleteMany({ where: { sessionId: sameDayOther } });
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
  });

  it("follows sessions delivered, moved across a clock change, cancelled, reassigned and deleted, and a programme's kind", async () => {
    const [, , , dee, eve] = people;
    const booked = await session(ids.briefing, "2026-10-20", "10:00", "CONFIRMED");
    const later = await session(ids.driving, "2026-11-02");
    await db.registerEntry.createMany({
      data: [
        { sessionId: booked, personId: dee, status: "ATTENDED" }, // marked before the session was set delivered
        { sessionId: booked, personId: eve, status: "ATTENDED" },
        { sessionId: later, personId: dee, status: "ATTENDED" },
      ],
    });
    await expectKeptEqualsFresh();
    await db.session.update({ where: { id: booked }, data: { status: "DELIVERED" } });
    await expectKeptEqualsFresh();
    // 00:30 on Sunday 25 October 2026, in British Summer Time (23:30 UTC on the 24th), then 00:30 on the 26th in GMT.
    await db.session.update({
      where: { id: booked },
      data: { startsAt: londonToInstant("2026-10-25", "00:30"), endsAt: londonToInstant("2026-10-25", "01:30") },
    });
    await expectKeptEqualsFresh();
    expect(Object.keys(await keptRows()).filter((k) => k.startsWith(`${dee}|`) && k.endsWith("|2026-10-25"))).toHaveLength(1);
    await db.session.update({
      where: { id: booked },
      data: { startsAt: londonToInstant("2026-10-26", "00:30"), endsAt: londonToInstant("2026-10-26", "01:30") },
    });
    await expectKeptEqualsFresh();
    await db.session.update({ where: { id: booked }, data: { programmeId: ids.driving } });
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
    // An edit the table does not depend on changes nothing; a kind changed moves people between staff and drivers.
    await db.session.update({ where: { id: later }, data: { venueNotes: "Depot", icalSequence: { increment: 1 } } });
    await db.programme.update({ where: { id: ids.driving }, data: { kind: "STAFF_BRIEFING" } });
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
    await db.programme.update({ where: { id: ids.driving }, data: { kind: "DRIVER_TRAINING" } });
    await db.session.update({ where: { id: later }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await expectKeptEqualsFresh();
    await db.session.delete({ where: { id: booked } });
    await expectKeptEqualsFresh();
    await db.person.delete({ where: { id: eve } });
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
  });

  it("is right after many writers mark the same people at once", async () => {
    const sessions = [];
    for (let week = 0; week < 8; week++)
      sessions.push(await session(week % 2 ? ids.briefing : ids.driving, addDays("2026-05-04", week * 7)));
    const [ann, bob] = people;
    await Promise.all(
      sessions.flatMap((sessionId) => [ann, bob].map((personId) => makeRegisterEntry(db, { sessionId, personId, status: "ATTENDED" }))),
    );
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
  });

  it("is put right by npm run reports:rebuild after writes behind the triggers' back", async () => {
    const io = capturedIo();
    expect(await rebuildMain([], io)).toBe(0);
    expect(io.out()).toContain("Days each person was trained rebuilt from the registers: 0 row(s) corrected.");

    const [wrong, gone] = await db.trainedDay.findMany({ where: { previousDay: { not: null } }, orderBy: { day: "asc" }, take: 2 });
    await db.trainedDay.update({
      where: { personId_programmeId_day: { personId: wrong.personId, programmeId: wrong.programmeId, day: wrong.day } },
      data: { previousDay: null },
    });
    await db.trainedDay.delete({
      where: { personId_programmeId_day: { personId: gone.personId, programmeId: gone.programmeId, day: gone.day } },
    });
    await db.trainedDay.create({ data: { personId: people[0], programmeId: ids.briefing, day: "2035-06-15", kind: "STAFF_BRIEFING" } });
    const again = capturedIo();
    expect(await rebuildMain([], again)).toBe(0);
    expect(again.out()).toContain("Days each person was trained rebuilt from the registers: 3 row(s) corrected.");
    await expectKeptEqualsFresh();
    await expectCountsEqualDistinct();
  });
});
