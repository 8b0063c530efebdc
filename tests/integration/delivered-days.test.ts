// DeliveredDay and each session's disclosure columns are kept by database triggers (docs/decisions/029-delivered-days.md).
// Whoever writes — a session delivered, moved across midnight or a clock change, cancelled, given to another programme,
// deleted; counts and disclosures added, changed, moved and deleted; a bulk insert — the summary must equal a fresh
// sum of the sessions by London date, computed here with luxon, on both databases. SQLite has no time zone tables, so
// its triggers place sessions by the British Summer Time rule: instants either side of every clock change from 2024
// to 2031 and of midnight at month ends check it against luxon.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { londonDate } from "~/utils/time";
import { capturedIo } from "../../scripts/cli";
import { main as rebuildMain } from "../../scripts/reports-rebuild";
import { makeDisclosure, makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const FIGURES = [
  "pupilCount",
  "pupilsY10",
  "pupilsGirl",
  "pupilsOtherYear",
  "headcount",
  "conversations",
  "leafletsGiven",
  "adultsPresent",
  "disclosuresLow",
  "disclosuresMedium",
  "disclosuresHigh",
  "referrals",
] as const;
type Figure = (typeof FIGURES)[number];

/** The summary as a fresh sum of the delivered sessions by London date and programme (rows of zeros left out). */
async function freshDays() {
  const sessions = await db.session.findMany({
    where: { status: "DELIVERED" },
    select: { startsAt: true, programmeId: true, ...Object.fromEntries(FIGURES.map((f) => [f, true])) },
  });
  const days: Record<string, Record<string, number>> = {};
  for (const s of sessions as unknown as ({ startsAt: Date; programmeId: string } & Record<Figure, number | null>)[]) {
    const day = (days[`${londonDate(s.startsAt)}|${s.programmeId}`] ??= { sessions: 0, ...Object.fromEntries(FIGURES.map((f) => [f, 0])) });
    day.sessions += 1;
    for (const f of FIGURES) day[f] += s[f] ?? 0;
  }
  return days;
}

async function keptDays() {
  const rows = await db.deliveredDay.findMany();
  return Object.fromEntries(
    rows
      .filter((r) => r.sessions !== 0 || FIGURES.some((f) => r[f] !== 0))
      .map((r) => [`${r.day}|${r.programmeId}`, { sessions: r.sessions, ...Object.fromEntries(FIGURES.map((f) => [f, r[f]])) }]),
  );
}

/** Each session's disclosure columns against a fresh count of its disclosures. */
async function expectDisclosureColumnsFresh() {
  const sessions = await db.session.findMany({
    select: { id: true, disclosuresLow: true, disclosuresMedium: true, disclosuresHigh: true, referrals: true },
  });
  const disclosures = await db.disclosure.findMany({ select: { sessionId: true, risk: true, referralTo: true } });
  for (const s of sessions) {
    const mine = disclosures.filter((d) => d.sessionId === s.id);
    expect(s).toEqual({
      id: s.id,
      disclosuresLow: mine.filter((d) => d.risk === "LOW").length,
      disclosuresMedium: mine.filter((d) => d.risk === "MEDIUM").length,
      disclosuresHigh: mine.filter((d) => d.risk === "HIGH").length,
      referrals: mine.filter((d) => d.referralTo !== null).length,
    });
  }
}

async function expectKeptEqualsFresh() {
  await expectDisclosureColumnsFresh();
  expect(await keptDays()).toEqual(await freshDays());
}

let ids: { play: string; stall: string; venue: string; team: string; lead: string; sessions: Record<string, string> };

beforeAll(async () => {
  const [play, stall, venue, team, lead] = await Promise.all([
    makeProgramme(db, { name: "The Play" }),
    makeProgramme(db, { name: "Stall", kind: "AWARENESS_STALL", audienceType: "PUBLIC" }),
    makeVenue(db),
    makeTeam(db),
    makeUser(db, { roles: ["LEAD"] }),
  ]);
  const session = async (name: string, programmeId: string, date: string, start: string, end: string, status: "DELIVERED" | "CONFIRMED") =>
    [name, (await makeSession(db, { programmeId, venueId: venue.id, teamId: team.id, date, start, end, status })).id] as const;
  const made = [
    // 00:30 on 1 April in British Summer Time is 23:30 UTC on 31 March.
    await session("afterMidnight", play.id, "2026-04-01", "00:30", "01:30", "DELIVERED"),
    await session("lateEvening", play.id, "2026-03-31", "23:00", "23:50", "DELIVERED"),
    await session("sameDay", play.id, "2026-03-31", "10:00", "11:00", "DELIVERED"),
    await session("stall", stall.id, "2026-10-25", "00:30", "03:00", "DELIVERED"),
    await session("booked", play.id, "2026-11-10", "10:00", "11:00", "CONFIRMED"),
  ];
  ids = { play: play.id, stall: stall.id, venue: venue.id, team: team.id, lead: lead.id, sessions: Object.fromEntries(made) };
});

describe("the delivered-day summary the triggers keep", () => {
  it("equals a fresh sum after sessions are delivered, counted, moved, cancelled, reassigned and deleted", async () => {
    const { sessions } = ids;
    await expectKeptEqualsFresh();
    expect(Object.keys(await keptDays()).sort()).toEqual([`2026-03-31|${ids.play}`, `2026-04-01|${ids.play}`, `2026-10-25|${ids.stall}`]);

    await db.attendanceCount.createMany({
      data: [
        { sessionId: sessions.afterMidnight, yearGroup: "Y10", sex: "GIRL", count: 12 },
        { sessionId: sessions.afterMidnight, yearGroup: "R", sex: "BOY", count: 3 },
        { sessionId: sessions.sameDay, yearGroup: "Y10", sex: "BOY", count: 7 },
        { sessionId: sessions.booked, yearGroup: "Y10", sex: "GIRL", count: 40 }, // not delivered: not in the summary
      ],
    });
    await db.session.update({
      where: { id: sessions.stall },
      data: { headcount: 120, conversations: 30, leafletsGiven: 50, adultsPresent: 4 },
    });
    await expectKeptEqualsFresh();
    expect((await keptDays())[`2026-04-01|${ids.play}`]).toMatchObject({ sessions: 1, pupilCount: 15, pupilsY10: 12, pupilsOtherYear: 3 });

    // Delivered at last, then moved across midnight into another day, then given to another programme.
    await db.session.update({ where: { id: sessions.booked }, data: { status: "DELIVERED" } });
    await expectKeptEqualsFresh();
    await db.session.update({
      where: { id: sessions.booked },
      data: { startsAt: new Date("2026-11-10T23:30:00Z"), endsAt: new Date("2026-11-11T00:30:00Z") },
    });
    await expectKeptEqualsFresh();
    await db.session.update({ where: { id: sessions.booked }, data: { programmeId: ids.stall } });
    await expectKeptEqualsFresh();
    // An edit of a column the summary does not hold changes nothing; cancelling takes the session out.
    await db.session.update({ where: { id: sessions.sameDay }, data: { venueNotes: "Hall B", icalSequence: { increment: 1 } } });
    await expectKeptEqualsFresh();
    await db.session.update({ where: { id: sessions.lateEvening }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await expectKeptEqualsFresh();
    await db.session.delete({ where: { id: sessions.afterMidnight } });
    await expectKeptEqualsFresh();
    expect((await keptDays())[`2026-04-01|${ids.play}`]).toBeUndefined();
  });

  it("follows disclosures added, re-graded, referred, moved to another session and deleted", async () => {
    const { sessions } = ids;
    const first = await makeDisclosure(db, { receivedById: ids.lead, sessionId: sessions.sameDay, risk: "HIGH" });
    const second = await makeDisclosure(db, { receivedById: ids.lead, sessionId: sessions.sameDay, referralTo: "MASH" });
    await makeDisclosure(db, { receivedById: ids.lead }); // not at a session
    await expectKeptEqualsFresh();
    expect((await keptDays())[`2026-03-31|${ids.play}`]).toMatchObject({ disclosuresHigh: 1, disclosuresMedium: 1, referrals: 1 });
    await db.disclosure.update({ where: { id: first.id }, data: { risk: "LOW", referralTo: "POLICE" } });
    await expectKeptEqualsFresh();
    await db.disclosure.update({ where: { id: second.id }, data: { sessionId: sessions.stall } });
    await expectKeptEqualsFresh();
    await db.disclosure.update({ where: { id: second.id }, data: { sessionId: null, unlinkedContext: "OUTREACH" } });
    await expectKeptEqualsFresh();
    await db.disclosure.delete({ where: { id: first.id } });
    await expectKeptEqualsFresh();
    // A cancelled session's disclosures are kept on the session but not in the summary.
    await makeDisclosure(db, { receivedById: ids.lead, sessionId: sessions.lateEvening, risk: "HIGH" });
    await expectKeptEqualsFresh();
  });

  it("places sessions on their London date either side of every clock change and month-end midnight, 2024 to 2031", async () => {
    const instants: Date[] = [];
    for (let year = 2024; year <= 2031; year++) {
      for (const month of [3, 10]) {
        // The last Sunday of the month: the clocks change at 01:00 UTC.
        const lastDay = new Date(Date.UTC(year, month, 0));
        const sunday = new Date(Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay()));
        for (const minutes of [-61, -1, 0, 59, 60, 61]) instants.push(new Date(sunday.getTime() + (60 + minutes) * 60_000));
      }
      for (let month = 0; month < 12; month++) {
        const midnightUtc = Date.UTC(year, month + 1, 1);
        for (const minutes of [-61, -60, -59, -1, 0, 1]) instants.push(new Date(midnightUtc + minutes * 60_000));
      }
    }
    await db.session.createMany({
      data: instants.map((startsAt) => {
        const id = randomUUID();
        return {
          id,
          programmeId: ids.play,
          venueId: ids.venue,
          teamId: ids.team,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          status: "DELIVERED" as const,
          icalUid: `${id}@outreach.test`,
        };
      }),
    });
    await expectKeptEqualsFresh();
  });

  it("is put right by npm run reports:rebuild after writes behind the triggers' back", async () => {
    const io = capturedIo();
    expect(await rebuildMain([], io)).toBe(0);
    expect(io.out()).toContain("Disclosures per session rebuilt from the disclosures: 0 session(s) corrected.");
    expect(io.out()).toContain("Delivered sessions by day and programme rebuilt from the sessions: 0 day(s) corrected.");

    const day = `2026-03-31`;
    await db.deliveredDay.update({ where: { day_programmeId: { day, programmeId: ids.play } }, data: { pupilCount: 999 } });
    await db.deliveredDay.create({ data: { day: "2035-06-15", programmeId: ids.play, sessions: 3 } });
    await db.$executeRawUnsafe(`UPDATE "Session" SET "disclosuresHigh" = 7 WHERE "id" = '${ids.sessions.stall}'`);
    const again = capturedIo();
    expect(await rebuildMain([], again)).toBe(0);
    expect(again.out()).toContain("Disclosures per session rebuilt from the disclosures: 1 session(s) corrected.");
    // The corrupted day and the invented one; the stall's day took the session's wrong count through the trigger and was
    // put right by it when the session was corrected.
    expect(again.out()).toContain("Delivered sessions by day and programme rebuilt from the sessions: 2 day(s) corrected.");
    await expectKeptEqualsFresh();
  });
});
