// The feed reads its sessions flat and joins their programmes, venues and teams itself (for a fast cold build):
// what it writes must be exactly what the nested select the invitations use gives, through the same calendar writer.
import { describe, expect, it } from "vitest";
import { renderFeed, warmFeedBuilder } from "~/models/feeds.server";
import { sessionForVenueSelect, toCalendarSession } from "~/models/sessions/venue-details.server";
import { db } from "~/utils/db.server";
import { buildCalendar } from "~/utils/ics.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

describe("a venue feed built from cold", () => {
  it("is warmed before the server listens without caching or writing anything, with or without sessions", async () => {
    const counts = async () => ({
      sessions: await db.session.count(),
      audit: await db.auditEvent.count(),
      feeds: await db.calendarFeed.count(),
    });
    globalThis.__outreachFeedCache?.clear();
    const before = await counts();
    await warmFeedBuilder(new Date("2026-03-29T00:30:00Z")); // the night the clocks go forward
    const [programme, venue, team] = await Promise.all([makeProgramme(db), makeVenue(db), makeTeam(db)]);
    await makeSession(db, {
      programmeId: programme.id,
      venueId: venue.id,
      teamId: team.id,
      date: "2026-04-20",
      start: "10:00",
      end: "11:00",
    });
    await warmFeedBuilder(new Date("2026-04-01T09:00:00Z"));
    expect(globalThis.__outreachFeedCache?.size ?? 0).toBe(0);
    expect(await counts()).toEqual({ ...before, sessions: before.sessions + 1 });
  });

  it("is byte for byte the calendar of the same sessions read with their relations nested", async () => {
    const venue = await makeVenue(db, { name: "Ashgrove; School, Northfield" });
    const programmes = [await makeProgramme(db, { name: "Somebody's Daughter" }), await makeProgramme(db, { name: "Chelsea's Choice" })];
    const teams = [await makeTeam(db, { name: "Open Door touring company" }), await makeTeam(db, { name: "Second team" })];
    for (const name of ["Zoe Actor", "Amir Actor", "Mo Stage"]) await makeUser(db, { roles: ["FACILITATOR"], name, teamId: teams[0].id });
    for (let i = 0; i < 12; i++) {
      await makeSession(db, {
        programmeId: programmes[i % 2].id,
        venueId: venue.id,
        teamId: teams[i % 3 === 0 ? 1 : 0].id,
        // Both clock changes of 2026 among them.
        date: ["2026-03-27", "2026-03-30", "2026-10-23", "2026-10-26"][i % 4],
        start: i % 2 ? "13:00" : "09:30",
        end: i % 2 ? "14:30" : "11:00",
        status: i % 5 === 0 ? "CANCELLED" : "CONFIRMED",
      });
    }
    const token = generateToken();
    await db.calendarFeed.create({ data: { scope: "VENUE", venueId: venue.id, tokenHash: hashToken(token) } });
    const now = new Date("2026-03-01T12:00:00Z");

    const feed = await renderFeed(token, now);
    const nested = await db.session.findMany({
      where: { venueId: venue.id },
      orderBy: [{ startsAt: "asc" }, { icalUid: "asc" }],
      select: sessionForVenueSelect,
    });
    const expected = buildCalendar({
      method: "PUBLISH",
      name: "Ashgrove; School, Northfield – Outreach sessions",
      sessions: nested.map(toCalendarSession),
    });
    expect(feed?.body.toString("utf8")).toBe(expected);
    expect(expected.match(/BEGIN:VEVENT/g)).toHaveLength(12);
    expect(expected).toContain("Open Door touring company: Amir Actor\\, Mo Stage\\, Zoe Actor"); // escaped commas
  });

  it("writes team and personal feeds the same way, with every detail a venue sees and hostile text escaped", async () => {
    const venue = await makeVenue(db, { name: "Ørsted Academy, \\North; field", addressLine1: "1 Line\nTwo", town: "Northfield" });
    await db.venue.update({ where: { id: venue.id }, data: { addressLine2: 'Back gate, by the "old" hall' } });
    const other = await makeVenue(db, { name: "Second Venue" });
    const programme = await makeProgramme(db, { name: "Somebody's Daughter; a play" });
    await db.programme.update({ where: { id: programme.id }, data: { capacity: null } });
    const team = await makeTeam(db, { name: "Team, with comma" });
    // More members than the venue's details name (12), in an order that is not alphabetical.
    // The last member named ends with a carriage return: the feed writes the team's line as a piece of its own, and
    // that return and the line's end must still be written as one line break, as escaping the whole text does.
    for (let i = 14; i > 0; i--)
      await makeUser(db, { roles: ["FACILITATOR"], name: `Member ${String(i).padStart(2, "0")}${i === 12 ? "\r" : ""}`, teamId: team.id });
    const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
    const dates = ["2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"];
    for (let i = 0; i < 8; i++) {
      const session = await makeSession(db, {
        programmeId: programme.id,
        venueId: i % 2 ? venue.id : other.id,
        teamId: team.id,
        date: dates[i % 4],
        start: "09:30",
        end: "11:00",
        status: i === 3 ? "CANCELLED" : "INVITED",
        yearGroups: i % 3 ? "9, 10" : undefined,
        expectedPupils: i % 2 ? 180 : undefined,
        createdById: i < 4 ? coordinator.id : undefined,
      });
      if (i % 2)
        await db.session.update({ where: { id: session.id }, data: { venueNotes: "Park at the back;\r\nsign in, please \\ thanks" } });
    }
    const now = new Date("2026-03-01T12:00:00Z");
    const cases = [
      { owner: { teamId: team.id }, scope: "TEAM" as const, where: { teamId: team.id }, name: "Team, with comma" },
      {
        owner: { userId: coordinator.id },
        scope: "USER" as const,
        where: { OR: [{ createdById: coordinator.id }, { team: { members: { some: { userId: coordinator.id } } } }] },
        name: (await db.user.findUniqueOrThrow({ where: { id: coordinator.id } })).name,
      },
    ];
    for (const { owner, scope, where, name } of cases) {
      const token = generateToken();
      await db.calendarFeed.create({ data: { scope, ...owner, tokenHash: hashToken(token) } });
      const feed = await renderFeed(token, now);
      const nested = await db.session.findMany({
        where,
        orderBy: [{ startsAt: "asc" }, { icalUid: "asc" }],
        select: sessionForVenueSelect,
      });
      const expected = buildCalendar({ method: "PUBLISH", name: `${name} – Outreach sessions`, sessions: nested.map(toCalendarSession) });
      expect(feed?.body.toString("utf8")).toBe(expected);
      expect(expected.match(/BEGIN:VEVENT/g)).toHaveLength(scope === "TEAM" ? 8 : 4);
    }
    const teamFeed = buildCalendar({
      method: "PUBLISH",
      sessions: (await db.session.findMany({ where: { teamId: team.id }, select: sessionForVenueSelect })).map(toCalendarSession),
    });
    expect(teamFeed).toContain("Team\\, with comma: Member 01\\, Member 02");
    expect(teamFeed).toContain("Member 12\\nWhat we need from you");
    expect(teamFeed).not.toContain("Member 13");
    expect(teamFeed).toContain("Park at the back\\;\\nsign in\\, please \\\\ thanks");
  });
});
