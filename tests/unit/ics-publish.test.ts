// Feeds write their events directly rather than through ical-generator, for speed (docs/performance.md):
// the output must stay byte for byte what ical-generator wrote, stored in fixtures/feed-publish.ics before the change.
import { readFileSync } from "node:fs";
import ical, { ICalEventStatus } from "ical-generator";
import { describe, expect, it } from "vitest";
import { buildCalendar, publishedEvent } from "~/utils/ics.server";
import { feedSessions } from "./ics-publish-data";

const stored = readFileSync(new URL("./fixtures/feed-publish.ics", import.meta.url), "utf8");

describe("the feed writer", () => {
  it("writes the same bytes as ical-generator did, for every status and hostile text", () => {
    const built = buildCalendar({ method: "PUBLISH", name: "Ashgrove; School, – Outreach sessions", sessions: feedSessions() });
    expect(built).toBe(stored);
    expect(built.match(/BEGIN:VEVENT/g)).toHaveLength(60);
  });

  it("matches ical-generator event by event (so an upgrade of the library that changes its output is noticed)", () => {
    const calendar = ical();
    for (const session of feedSessions()) {
      const status = ["CANCELLED", "DECLINED"].includes(session.status)
        ? ICalEventStatus.CANCELLED
        : ["CONFIRMED", "DELIVERED"].includes(session.status)
          ? ICalEventStatus.CONFIRMED
          : ICalEventStatus.TENTATIVE;
      const expected = calendar
        .createEvent({
          id: session.icalUid,
          sequence: session.icalSequence,
          start: session.startsAt,
          end: session.endsAt,
          stamp: session.updatedAt,
          lastModified: session.updatedAt,
          summary: session.summary,
          description: session.description,
          location: session.location,
          status,
          url: session.url ?? null,
        })
        .toString();
      expect(publishedEvent(session)).toBe(expected);
    }
  });
});
