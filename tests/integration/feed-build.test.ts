// The feed reads its sessions flat and joins their programmes, venues and teams itself (for a fast cold build):
// what it writes must be exactly what the nested select the invitations use gives, through the same calendar writer.
import { describe, expect, it } from "vitest";
import { renderFeed } from "~/models/feeds.server";
import { sessionForVenueSelect, toCalendarSession } from "~/models/sessions/venue-details.server";
import { db } from "~/utils/db.server";
import { buildCalendar } from "~/utils/ics.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

describe("a venue feed built from cold", () => {
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
    const nested = await db.session.findMany({ where: { venueId: venue.id }, orderBy: { startsAt: "asc" }, select: sessionForVenueSelect });
    const expected = buildCalendar({
      method: "PUBLISH",
      name: "Ashgrove; School, Northfield – Outreach sessions",
      sessions: nested.map(toCalendarSession),
    });
    expect(feed?.body.toString("utf8")).toBe(expected);
    expect(expected.match(/BEGIN:VEVENT/g)).toHaveLength(12);
    expect(expected).toContain("Open Door touring company: Amir Actor\\, Mo Stage\\, Zoe Actor"); // escaped commas
  });
});
